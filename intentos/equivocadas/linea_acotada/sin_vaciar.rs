//! Error: no vacía `linea` antes de leer: la línea nueva se añade detrás de lo
//! que quedara de la anterior.
//! Se espera: falla vacia_la_linea_antes_de_leer
//!
//! Solución del ejercicio `linea_acotada`: leer una línea sin dejar que crezca sin límite.
//!
//! La misma que usa el servidor del taller (`taller_async::chat::linea`). Lo
//! importante está en el orden: primero se mira cuánto añadiría el trozo
//! disponible, y solo si cabe se copia y se consume. Así `linea` nunca pasa
//! del límite, y lo que no se consume se queda sin leer en el lector: ni en
//! la memoria del programa ni fuera del búfer del sistema operativo.

use futures::io::{AsyncBufRead, AsyncBufReadExt};
use std::io;

/// Lo que encontró [`leer_linea_acotada`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lectura {
    /// Una línea completa está en el búfer, sin el `\n` (ni el `\r` de un
    /// `\r\n`). También la última línea de la entrada si no acaba en `\n`.
    Linea,
    /// La entrada terminó y no quedaba nada por leer.
    Fin,
    /// La línea tiene más de `limite` bytes.
    DemasiadoLarga,
}

/// Lee la siguiente línea de `lector` en `linea` (que se vacía antes), sin
/// guardar nunca más de `limite` bytes.
pub async fn leer_linea_acotada<R>(
    lector: &mut R,
    linea: &mut Vec<u8>,
    limite: usize,
) -> io::Result<Lectura>
where
    R: AsyncBufRead + Unpin,
{
    loop {
        let disponible = lector.fill_buf().await?;
        if disponible.is_empty() {
            return Ok(if linea.is_empty() {
                Lectura::Fin
            } else {
                Lectura::Linea
            });
        }

        let (trozo, fin_de_linea) = match disponible.iter().position(|&b| b == b'\n') {
            Some(i) => (&disponible[..i], true),
            None => (disponible, false),
        };
        if linea.len() + trozo.len() > limite {
            return Ok(Lectura::DemasiadoLarga);
        }
        linea.extend_from_slice(trozo);
        let usados = trozo.len() + usize::from(fin_de_linea);
        lector.consume_unpin(usados);

        if fin_de_linea {
            if linea.last() == Some(&b'\r') {
                linea.pop();
            }
            return Ok(Lectura::Linea);
        }
    }
}
