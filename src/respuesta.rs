//! Leer una respuesta HTTP/1.1 cruda y explicar los errores en español.
//!
//! `cheapo_request` devuelve la respuesta tal cual llega por el socket:
//! línea de estado, cabeceras y cuerpo en un solo `String`. Los ejemplos
//! necesitan saber si fue un 200 o un 500, y si llegó entera: un cliente tan
//! barato no se entera de que el servidor cortó la conexión a la mitad. Este
//! módulo lo comprueba con lo mínimo (la línea de estado y
//! `Content-Length`), sin pretender ser un cliente HTTP: para eso está `surf`.
//!
//! También traduce los errores de E/S más comunes a un mensaje que dice qué
//! pasó y qué probar, porque «Connection refused (os error 111)» no ayuda
//! mucho a quien empieza.

use std::fmt;
use std::io;

/// Lo que puede ir mal con una respuesta que sí llegó.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorRespuesta {
    /// La primera línea no es `HTTP/1.x NNN ...`.
    SinLineaDeEstado,
    /// El servidor respondió con un estado que no es 2xx.
    Estado(u16),
    /// Llegaron menos bytes de cuerpo de los que prometía `Content-Length`.
    Incompleta { prometidos: usize, recibidos: usize },
}

impl fmt::Display for ErrorRespuesta {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorRespuesta::SinLineaDeEstado => {
                write!(f, "la respuesta no empieza con una línea de estado HTTP")
            }
            ErrorRespuesta::Estado(codigo) => {
                write!(f, "el servidor respondió con el estado HTTP {codigo}")
            }
            ErrorRespuesta::Incompleta {
                prometidos,
                recibidos,
            } => write!(
                f,
                "la respuesta llegó incompleta: el servidor prometió {prometidos} bytes \
                 de cuerpo y cerró la conexión tras {recibidos}"
            ),
        }
    }
}

impl std::error::Error for ErrorRespuesta {}

/// El código de estado de la primera línea, por ejemplo `200` en
/// `HTTP/1.1 200 OK`.
pub fn estado(respuesta: &str) -> Option<u16> {
    let primera = respuesta.lines().next()?;
    let mut partes = primera.split_whitespace();
    if !partes.next()?.starts_with("HTTP/1.") {
        return None;
    }
    partes.next()?.parse().ok()
}

/// El cuerpo: lo que viene después de la primera línea en blanco.
pub fn cuerpo(respuesta: &str) -> &str {
    respuesta
        .split_once("\r\n\r\n")
        .map(|(_, cuerpo)| cuerpo)
        .unwrap_or("")
}

/// Comprueba que la respuesta tenga estado 2xx y que el cuerpo esté entero,
/// y devuelve el cuerpo.
pub fn revisar(respuesta: &str) -> Result<&str, ErrorRespuesta> {
    let codigo = estado(respuesta).ok_or(ErrorRespuesta::SinLineaDeEstado)?;
    let cuerpo = cuerpo(respuesta);
    let cabeceras = respuesta.split("\r\n\r\n").next().unwrap_or("");
    let prometidos = cabeceras.lines().skip(1).find_map(|linea| {
        let (nombre, valor) = linea.split_once(':')?;
        if nombre.trim().eq_ignore_ascii_case("content-length") {
            valor.trim().parse::<usize>().ok()
        } else {
            None
        }
    });
    if let Some(prometidos) = prometidos
        && cuerpo.len() < prometidos
    {
        return Err(ErrorRespuesta::Incompleta {
            prometidos,
            recibidos: cuerpo.len(),
        });
    }
    if !(200..300).contains(&codigo) {
        return Err(ErrorRespuesta::Estado(codigo));
    }
    Ok(cuerpo)
}

/// Explica en español un error de E/S al hablar con `destino` (un
/// `host:puerto` o una URL), con una sugerencia de qué mirar.
pub fn explicar_io(error: &io::Error, destino: &str) -> String {
    let texto = error.to_string();
    let explicacion = match error.kind() {
        io::ErrorKind::ConnectionRefused => {
            "conexión rechazada: nadie escucha en ese puerto. ¿Está el servidor en marcha?"
        }
        io::ErrorKind::TimedOut => {
            "se agotó el tiempo de espera: el servidor no respondió a tiempo"
        }
        io::ErrorKind::ConnectionReset | io::ErrorKind::ConnectionAborted => {
            "el servidor cerró la conexión de golpe"
        }
        io::ErrorKind::UnexpectedEof => "la conexión se cerró antes de terminar la respuesta",
        io::ErrorKind::InvalidData => "la respuesta no es texto UTF-8 válido",
        _ if texto.contains("lookup") || texto.contains("resolve") => {
            "no se encontró ese nombre de host: ¿está bien escrito? ¿hay conexión a internet?"
        }
        _ => "error de entrada/salida",
    };
    format!("{destino}: {explicacion} ({texto})")
}

#[cfg(test)]
mod pruebas {
    use super::*;

    #[test]
    fn lee_estado_y_cuerpo() {
        let r = "HTTP/1.1 200 OK\r\ncontent-length: 4\r\n\r\nhola";
        assert_eq!(estado(r), Some(200));
        assert_eq!(revisar(r), Ok("hola"));
    }

    #[test]
    fn detecta_un_500() {
        let r = "HTTP/1.1 500 Internal Server Error\r\ncontent-length: 2\r\n\r\nno";
        assert_eq!(revisar(r), Err(ErrorRespuesta::Estado(500)));
    }

    #[test]
    fn detecta_una_respuesta_cortada() {
        let r = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhol";
        assert_eq!(
            revisar(r),
            Err(ErrorRespuesta::Incompleta {
                prometidos: 10,
                recibidos: 3
            })
        );
    }

    #[test]
    fn rechaza_lo_que_no_es_http() {
        assert_eq!(revisar("hola"), Err(ErrorRespuesta::SinLineaDeEstado));
    }
}
