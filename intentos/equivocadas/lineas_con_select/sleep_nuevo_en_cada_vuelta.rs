//! Error: un `sleep(periodo)` nuevo en cada vuelta en lugar de un `interval`:
//! cada línea que gana el `select!` lo suelta, y el siguiente empieza de cero.
//! Se espera: fallan cuenta_los_tics,
//!   apagar_lo_detiene_enseguida
//!
//! Solución del ejercicio `lineas_con_select`: leer líneas en un `select!`
//! sin perder un byte.

use std::io;
use std::time::Duration;

use futures::StreamExt;
use tokio::io::AsyncRead;
use tokio::time;
use tokio_util::codec::{FramedRead, LinesCodec};
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
    let mut lineas = FramedRead::new(lector, LinesCodec::new_with_max_length(64 * 1024));
    let mut resumen = Resumen::default();
    loop {
        tokio::select! {
            linea = lineas.next() => match linea {
                Some(Ok(linea)) => resumen.lineas.push(linea),
                Some(Err(error)) => return Err(io::Error::other(error)),
                None => return Ok(resumen),
            },
            _ = time::sleep(periodo) => resumen.tics += 1,
            _ = apagar.cancelled() => return Ok(resumen),
        }
    }
}
