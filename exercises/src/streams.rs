//! Ejercicio `streams`: un decodificador de líneas JSON como `Stream`.
//!
//! Capítulo: book/src/08-streams.md.
//! Pruebas: `cargo test -p exercises --test streams`.
//! Pista: `cargo run -- pista streams`.
//!
//! El protocolo del chat del libro manda un JSON por línea. Escribe
//! `decodificar_lineas`, pariente de `receive_as_json` del ejemplo `streams`,
//! con un poco más de cuidado:
//!
//! - cada línea con un JSON válido da `Ok(valor)`;
//! - una línea que no es un JSON válido da `Err(ErrorDeLinea::Json { .. })`
//!   con su número de línea (contando desde 1), y el stream **sigue** con la
//!   siguiente: una línea mala no corta la conversación;
//! - las líneas vacías (o solo con espacios) se saltan, pero cuentan para
//!   numerar las demás;
//! - un error al leer la entrada da `Err(ErrorDeLinea::Io(..))`;
//! - una línea que no es UTF-8 válido no se puede leer como texto: da un
//!   solo `Err` (el error de E/S de tipo `InvalidData` que da `lines()`), y
//!   después el stream sigue con la línea siguiente o termina, pero no
//!   repite el error;
//! - al final de la entrada, el stream termina (`None`).
//!
//! No es una `async fn`: es una función corriente que devuelve un stream, y no
//! lee nada hasta que alguien sondea ese stream.

use std::fmt;

use async_std::io::BufRead;
#[allow(unused_imports)]
use async_std::prelude::*;
use async_std::stream::Stream;
use serde::de::DeserializeOwned;

/// Lo que puede salir mal con una línea.
#[derive(Debug)]
pub enum ErrorDeLinea {
    /// No se pudo leer la entrada (la conexión se cortó, por ejemplo).
    Io(std::io::Error),
    /// La línea número `linea` (contando desde 1, con las vacías) no es un
    /// JSON del tipo esperado.
    Json {
        linea: usize,
        error: serde_json::Error,
    },
}

impl fmt::Display for ErrorDeLinea {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorDeLinea::Io(error) => write!(f, "no se pudo leer la entrada: {error}"),
            ErrorDeLinea::Json { linea, error } => {
                write!(f, "la línea {linea} no es un JSON válido: {error}")
            }
        }
    }
}

impl std::error::Error for ErrorDeLinea {}

/// Convierte una entrada de texto con un JSON por línea en un stream de
/// valores de tipo `T`.
// Cuando escribas el cuerpo, borra el `todo!()`, la línea de `stream::empty()`
// y este `allow`: solo están para que el esbozo compile.
#[allow(unreachable_code)]
pub fn decodificar_lineas<R, T>(entrada: R) -> impl Stream<Item = Result<T, ErrorDeLinea>>
where
    R: BufRead + Unpin,
    T: DeserializeOwned,
{
    todo!(
        "Ejercicio `streams`: escribe `decodificar_lineas` en exercises/src/streams.rs \
         (capítulo book/src/08-streams.md; pista: cargo run -- pista streams)"
    );
    async_std::stream::empty()
}
