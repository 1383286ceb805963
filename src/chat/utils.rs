//! Mandar y recibir paquetes: un JSON por línea.
//!
//! Es el módulo `utils` del chat del libro: los tipos de error de toda la
//! aplicación, `send_as_json` y `receive_as_json`. Cliente y servidor los
//! usan igual, para paquetes de ida ([`FromClient`](super::FromClient)) y de
//! vuelta ([`FromServer`](super::FromServer)).
//!
//! Una diferencia con el libro: `receive_as_json` no usa `lines()`, que
//! junta bytes sin límite, sino [`leer_linea_acotada`], y sus errores dicen
//! qué pasó ([`ErrorDeRecepcion`]), porque quien recibe no trata igual un
//! paquete ilegible (se responde y se sigue) que una línea desmesurada o una
//! conexión rota (se cierra).

use std::error::Error;
use std::fmt;
use std::io;

use async_std::io::prelude::*;
use futures::io::AsyncBufRead;
use futures::stream::{self, Stream};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::LIMITE_LINEA;
use super::linea::{Lectura, leer_linea_acotada};

// ANCHOR: errores
/// Cualquier error, de cualquier biblioteca, que pueda cruzar hilos.
pub type ChatError = Box<dyn Error + Send + Sync + 'static>;
/// El `Result` de todo el chat.
pub type ChatResult<T> = Result<T, ChatError>;
// ANCHOR_END: errores

// ANCHOR: send_as_json
/// Escribe `packet` como una línea JSON. No hace `flush`: eso le toca a quien
/// llama, que sabe si viene otro paquete detrás.
pub async fn send_as_json<S, P>(outbound: &mut S, packet: &P) -> ChatResult<()>
where
    S: async_std::io::Write + Unpin,
    P: Serialize,
{
    let mut json = serde_json::to_string(&packet)?;
    json.push('\n');
    outbound.write_all(json.as_bytes()).await?;
    Ok(())
}
// ANCHOR_END: send_as_json

// ANCHOR: error_de_recepcion
/// Por qué no se pudo recibir un paquete.
#[derive(Debug)]
pub enum ErrorDeRecepcion {
    /// La conexión falló. El stream termina después de este error.
    Io(io::Error),
    /// La línea pasaba de `limite` bytes. No se leyó el resto, así que la
    /// conexión ya no sirve: el stream termina después de este error.
    LineaDemasiadoLarga { limite: usize },
    /// La línea llegó entera, pero no es un paquete: JSON mal formado, otro
    /// tipo de paquete, bytes que no son UTF-8... La conexión sigue sirviendo
    /// y el stream sigue con la línea siguiente.
    Json(serde_json::Error),
}
// ANCHOR_END: error_de_recepcion

impl fmt::Display for ErrorDeRecepcion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorDeRecepcion::Io(error) => write!(f, "la conexión falló: {error}"),
            ErrorDeRecepcion::LineaDemasiadoLarga { limite } => write!(
                f,
                "la línea pasa de {limite} bytes; se cierra la conexión sin leer el resto"
            ),
            // Los mensajes de serde_json están en inglés: se dice en español
            // qué clase de error es, y dónde.
            ErrorDeRecepcion::Json(error) => {
                let que = match error.classify() {
                    serde_json::error::Category::Syntax => "no es JSON válido",
                    serde_json::error::Category::Eof => "el JSON está incompleto",
                    serde_json::error::Category::Data => "es JSON, pero no un paquete del chat",
                    serde_json::error::Category::Io => "no se pudo leer",
                };
                write!(f, "paquete ilegible: {que} (columna {})", error.column())
            }
        }
    }
}

impl Error for ErrorDeRecepcion {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            ErrorDeRecepcion::Io(error) => Some(error),
            ErrorDeRecepcion::Json(error) => Some(error),
            ErrorDeRecepcion::LineaDemasiadoLarga { .. } => None,
        }
    }
}

/// Recibe el siguiente paquete: `None` si la entrada terminó.
///
/// Las líneas en blanco no son paquetes y se saltan (así se puede probar el
/// servidor a mano, con `nc`, sin que un Intro de más dé un error).
/// `linea` es el búfer donde se junta cada línea, para no pedir memoria nueva
/// en cada una.
pub async fn recibir_paquete<S, P>(
    inbound: &mut S,
    linea: &mut Vec<u8>,
) -> Option<Result<P, ErrorDeRecepcion>>
where
    S: AsyncBufRead + Unpin,
    P: DeserializeOwned,
{
    loop {
        match leer_linea_acotada(inbound, linea, LIMITE_LINEA).await {
            Err(error) => return Some(Err(ErrorDeRecepcion::Io(error))),
            Ok(Lectura::Fin) => return None,
            Ok(Lectura::DemasiadoLarga) => {
                return Some(Err(ErrorDeRecepcion::LineaDemasiadoLarga {
                    limite: LIMITE_LINEA,
                }));
            }
            Ok(Lectura::Linea) if linea.iter().all(u8::is_ascii_whitespace) => continue,
            // `from_slice` y no `from_str`: unos bytes que no son UTF-8 son
            // un JSON mal formado más, no un error de la conexión.
            Ok(Lectura::Linea) => {
                return Some(serde_json::from_slice(linea).map_err(ErrorDeRecepcion::Json));
            }
        }
    }
}

// ANCHOR: receive_as_json
/// Convierte una entrada con un JSON por línea en un stream de paquetes.
///
/// Tras un error de E/S o una línea demasiado larga, el stream termina; tras
/// un paquete ilegible, sigue con la línea siguiente.
pub fn receive_as_json<S, P>(inbound: S) -> impl Stream<Item = Result<P, ErrorDeRecepcion>> + Unpin
where
    S: AsyncBufRead + Unpin,
    P: DeserializeOwned,
{
    // El estado del stream: el lector, el búfer de la línea y si ya terminó.
    let inicio = (inbound, Vec::new(), false);
    let paquetes = stream::unfold(inicio, |(mut inbound, mut linea, terminado)| async move {
        if terminado {
            return None;
        }
        let paquete = recibir_paquete(&mut inbound, &mut linea).await?;
        let fatal = matches!(&paquete, Err(e) if !matches!(e, ErrorDeRecepcion::Json(_)));
        Some((paquete, (inbound, linea, fatal)))
    });
    // `unfold` guarda un future dentro, y no es `Unpin`. En una caja sí lo es,
    // y quien llama puede escribir `paquetes.next().await` sin más.
    Box::pin(paquetes)
}
// ANCHOR_END: receive_as_json
