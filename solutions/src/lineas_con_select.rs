//! Solución del ejercicio `lineas_con_select`: leer líneas en un `select!`
//! sin perder un byte.
//!
//! La línea a medias no puede vivir dentro del future de la rama, que el
//! `select!` suelta cada vez que gana otra: tiene que vivir fuera del bucle.
//! `FramedRead` con `LinesCodec` la guarda en su propio búfer, y el future
//! de `next()` solo toma prestado el `FramedRead`: su documentación lo
//! declara seguro ante la cancelación. El límite de longitud impide que una
//! línea sin fin haga crecer ese búfer sin medida.

use std::io;
use std::time::Duration;

use futures::StreamExt;
use tokio::io::AsyncRead;
use tokio::time;
use tokio_util::codec::{FramedRead, LinesCodec, LinesCodecError};
use tokio_util::sync::CancellationToken;

/// La línea más larga que se acepta, en bytes.
const LIMITE_LINEA: usize = 64 * 1024;

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
    let mut lineas = FramedRead::new(lector, LinesCodec::new_with_max_length(LIMITE_LINEA));
    // El intervalo se crea una vez, fuera del bucle: un `sleep` nuevo en cada
    // vuelta volvería a empezar cada vez que llega una línea.
    let mut latido = time::interval(periodo);
    let mut resumen = Resumen::default();
    loop {
        tokio::select! {
            linea = lineas.next() => match linea {
                Some(Ok(linea)) => resumen.lineas.push(linea),
                Some(Err(LinesCodecError::Io(error))) => return Err(error),
                Some(Err(LinesCodecError::MaxLineLengthExceeded)) => {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("una línea pasa de {LIMITE_LINEA} bytes"),
                    ));
                }
                None => return Ok(resumen),
            },
            _ = latido.tick() => resumen.tics += 1,
            _ = apagar.cancelled() => return Ok(resumen),
        }
    }
}
