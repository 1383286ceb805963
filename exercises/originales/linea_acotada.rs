//! Ejercicio `linea_acotada`: leer una línea sin dejar que crezca sin límite.
//!
//! Capítulo: book/src/11-chat-protocolo.md.
//! Pruebas: `cargo test -p exercises --test linea_acotada`.
//! Pista: `cargo run -- pista linea_acotada`.
//!
//! El servidor de chat lee de cada cliente una línea JSON tras otra. Con
//! `lines()` o `read_line`, una línea se junta entera en memoria antes de
//! mirarla, y un cliente que manda un gigabyte sin ningún `\n` obliga al
//! servidor a guardar el gigabyte. Escribe `leer_linea_acotada`, que no lo
//! permite:
//!
//! - vacía `linea` y lee en ella la siguiente línea de `lector`, sin el `\n`
//!   final (y sin el `\r` si la línea acaba en `\r\n`): devuelve
//!   `Lectura::Linea`;
//! - si la entrada termina sin nada pendiente, devuelve `Lectura::Fin`; si
//!   termina a mitad de una línea, esa última línea es una `Lectura::Linea`;
//! - si la línea tiene más de `limite` bytes, devuelve
//!   `Lectura::DemasiadoLarga` en cuanto lo sabe, sin leer el resto de la
//!   línea, y sin que `linea` pase nunca de `limite` bytes;
//! - no lee nada de la línea siguiente: se queda en el lector para la
//!   próxima llamada;
//! - un error de lectura se devuelve como `Err`.
//!
//! Trabaja directamente con el búfer del lector: `lector.fill_buf().await`
//! te presta lo que ya tiene leído (y, si no tiene nada, espera a que llegue
//! algo; un trozo vacío quiere decir que la entrada terminó), y
//! `lector.consume_unpin(n)` le dice que ya has usado sus `n` primeros bytes.

#[allow(unused_imports)]
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
// Mientras el esbozo no la use, clippy sugiere un `&mut [u8]` en lugar del
// `&mut Vec<u8>`; tu solución sí necesita el `Vec`, que crece.
#[allow(clippy::ptr_arg)]
pub async fn leer_linea_acotada<R>(
    lector: &mut R,
    linea: &mut Vec<u8>,
    limite: usize,
) -> io::Result<Lectura>
where
    R: AsyncBufRead + Unpin,
{
    todo!(
        "Ejercicio `linea_acotada`: escribe `leer_linea_acotada` en exercises/src/linea_acotada.rs \
         (capítulo book/src/11-chat-protocolo.md; pista: cargo run -- pista linea_acotada)"
    )
}
