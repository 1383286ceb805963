//! Alternativa: usa el `lines()` de async-std, y para no repetir su error
//! para siempre tras una línea que no es UTF-8, el stream termina en el
//! primer error de E/S (el elemento `Err` sale, y después, `None`).
//!
//! Solución del ejercicio `streams`: un decodificador de líneas JSON como `Stream`.
//!
//! Es una cadena de adaptadores sobre `lines()`, como `receive_as_json` en el
//! ejemplo `streams`: `enumerate` numera las líneas antes de que `filter`
//! quite las vacías (así los números siguen siendo los del texto), y `map`
//! convierte cada línea en un `Result`. Ningún adaptador lee nada por su
//! cuenta: el stream entero avanza solo cuando alguien lo sondea.
//!
//! Aquí `lines()` es el de async-std 1.13, que tiene una rareza: tras una
//! línea que no es UTF-8 válido, repite ese mismo error para siempre. Por
//! eso `scan` corta el stream después del primer error de E/S, que es la
//! otra salida que propone el capítulo en «Cuidado con el UTF-8».

use std::fmt;

use async_std::io::BufRead;
use async_std::io::BufReadExt;
use async_std::stream::{Stream, StreamExt};
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
pub fn decodificar_lineas<R, T>(entrada: R) -> impl Stream<Item = Result<T, ErrorDeLinea>>
where
    R: BufRead + Unpin,
    T: DeserializeOwned,
{
    entrada
        .lines()
        // El primer error de E/S sale, y es el último elemento: tras él no se
        // lee nada más.
        .scan(false, |ya_fallo, linea| {
            if *ya_fallo {
                return None;
            }
            *ya_fallo = linea.is_err();
            Some(linea)
        })
        // Se numera antes de filtrar: las líneas vacías cuentan.
        .enumerate()
        // Una línea vacía no es un mensaje; un error de lectura sí pasa.
        .filter(|(_, linea)| !matches!(linea, Ok(texto) if texto.trim().is_empty()))
        .map(|(i, linea)| {
            let linea = linea.map_err(ErrorDeLinea::Io)?;
            serde_json::from_str(&linea).map_err(|error| ErrorDeLinea::Json {
                linea: i + 1,
                error,
            })
        })
}
