//! Error: se queda solo con las líneas que se pudieron leer
//! (`filter_map(Result::ok)`): un error de lectura desaparece en lugar de
//! llegar como `ErrorDeLinea::Io`.
//! Se espera: fallan un_error_de_lectura_es_un_error_de_e_s,
//!   una_linea_que_no_es_utf8_da_un_error_y_no_se_repite
//!
//! Solución del ejercicio `streams`: un decodificador de líneas JSON como `Stream`.
//!
//! Es una cadena de adaptadores sobre `lines()`, como `receive_as_json` en el
//! ejemplo `streams`: `enumerate` numera las líneas antes de que `filter`
//! quite las vacías (así los números siguen siendo los del texto), y `map`
//! convierte cada línea en un `Result`. Ningún adaptador lee nada por su
//! cuenta: el stream entero avanza solo cuando alguien lo sondea.
//!
//! `lines()` es el de `futures` y no el de async-std (los adaptadores sí son
//! los de async-std). El de async-std 1.13 tiene una rareza: tras una línea
//! que no es UTF-8 válido, repite ese mismo error para siempre, y un stream
//! que sigue tras los errores no terminaría nunca (una de las pruebas le da
//! una línea así). El de `futures` descarta esa línea y sigue. El capítulo
//! lo cuenta en «Cuidado con el UTF-8».

use std::fmt;

use async_std::io::BufRead;
use async_std::stream::{Stream, StreamExt};
use futures::io::AsyncBufReadExt;
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
        // Se numera antes de filtrar: las líneas vacías cuentan.
        .enumerate()
        // Solo las líneas que se pudieron leer.
        .filter_map(|(i, linea)| Some((i, linea.ok()?)))
        // Una línea vacía no es un mensaje.
        .filter(|(_, texto)| !texto.trim().is_empty())
        .map(|(i, linea)| {
            serde_json::from_str(&linea).map_err(|error| ErrorDeLinea::Json {
                linea: i + 1,
                error,
            })
        })
}
