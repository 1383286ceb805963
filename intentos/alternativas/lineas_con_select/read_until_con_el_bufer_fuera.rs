//! Alternativa: un `Vec<u8>` fuera del bucle y `read_until`, que sí es seguro
//! ante la cancelación: si se suelta a medias, lo ya leído queda en el búfer,
//! y la vuelta siguiente sigue desde ahí.
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
    let mut pendiente: Vec<u8> = Vec::new();
    loop {
        tokio::select! {
            leido = lector.read_until(b'\n', &mut pendiente) => {
                if leido? == 0 && pendiente.is_empty() {
                    return Ok(resumen);
                }
                if pendiente.last() == Some(&b'\n') {
                    pendiente.pop();
                }
                let linea = String::from_utf8(std::mem::take(&mut pendiente))
                    .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
                resumen.lineas.push(linea);
            }
            _ = latido.tick() => resumen.tics += 1,
            _ = apagar.cancelled() => return Ok(resumen),
        }
    }
}
