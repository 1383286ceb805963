//! Error: un `read_line` nuevo en cada vuelta del bucle: cuando gana el tic,
//! el `select!` suelta el future con la media línea que ya había leído.
//! Se espera: falla cada_linea_llega_entera_y_en_orden
//!
//! Solución del ejercicio `lineas_con_select`: leer líneas en un `select!`
//! sin perder un byte.

use std::io;
use std::time::Duration;

use tokio::io::AsyncRead;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::time;
use tokio_util::sync::CancellationToken;

/// Lo que juntó el bucle.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Resumen {
    /// Las líneas, enteras, sin el `\n` y en el orden en que llegaron.
    pub lineas: Vec<String>,
    /// Cuántos tics dio el intervalo, contando el primero.
    pub tics: usize,
}

/// Lee líneas de `lector` y cuenta los tics de un intervalo de `periodo`,
/// hasta que `apagar` se cancela o la entrada se cierra.
pub async fn lineas_con_select<R>(
    lector: R,
    periodo: Duration,
    apagar: CancellationToken,
) -> io::Result<Resumen>
where
    R: AsyncRead + Unpin,
{
    let mut lector = BufReader::new(lector);
    let mut latido = time::interval(periodo);
    let mut resumen = Resumen::default();
    loop {
        let mut linea = String::new();
        tokio::select! {
            leido = lector.read_line(&mut linea) => {
                if leido? == 0 {
                    return Ok(resumen);
                }
                resumen.lineas.push(linea.trim_end_matches('\n').to_string());
            }
            _ = latido.tick() => resumen.tics += 1,
            _ = apagar.cancelled() => return Ok(resumen),
        }
    }
}
