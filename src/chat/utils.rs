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
//! paquete ilegible (se responde y se sigue) que una línea desmesurada, una
//! línea que se queda a medias o una conexión rota (se cierra).
//!
//! El servidor y el cliente no tratan igual una línea desmesurada: el
//! servidor no se fía de quien la manda y cierra ([`receive_as_json`]); el
//! cliente se fía del servidor, la descarta entera y sigue recibiendo
//! ([`recibir_respuestas`]).

use std::error::Error;
use std::fmt;
use std::io;
use std::time::Duration;

use async_std::io::prelude::*;
use futures::io::{AsyncBufRead, AsyncBufReadExt};
use futures::stream::{self, Stream};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::LIMITE_LINEA;
use super::linea::{Lectura, descartar_resto_de_linea, leer_linea_acotada};

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
    /// La línea pasaba de `limite` bytes. En el servidor no se lee el resto,
    /// así que la conexión ya no sirve: el stream termina después de este
    /// error. En el cliente, el resto se descarta y el stream sigue.
    LineaDemasiadoLarga { limite: usize },
    /// Llegó el principio de una línea y su final no llegó en `limite`: un
    /// cliente colgado, o uno que retiene la conexión a propósito. El stream
    /// termina después de este error.
    LineaSinTerminar { limite: Duration },
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
            ErrorDeRecepcion::LineaDemasiadoLarga { limite } => {
                write!(f, "la línea pasa de {limite} bytes")
            }
            ErrorDeRecepcion::LineaSinTerminar { limite } => write!(
                f,
                "la línea empezó y no terminó en {} ms",
                limite.as_millis()
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
            ErrorDeRecepcion::LineaDemasiadoLarga { .. }
            | ErrorDeRecepcion::LineaSinTerminar { .. } => None,
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
    recibir_paquete_con_limite(inbound, linea, None).await
}

/// Como [`recibir_paquete`], y si `limite` es `Some`, una línea empezada
/// tiene que terminar en ese tiempo: si no, [`ErrorDeRecepcion::LineaSinTerminar`].
///
/// Esperar a que *empiece* una línea no tiene límite: un cliente que solo
/// escucha sus grupos puede pasar horas sin mandar nada, y está en su
/// derecho. Lo que no puede es dejar media línea y callarse: el servidor la
/// guardaría para siempre.
pub async fn recibir_paquete_con_limite<S, P>(
    inbound: &mut S,
    linea: &mut Vec<u8>,
    limite: Option<Duration>,
) -> Option<Result<P, ErrorDeRecepcion>>
where
    S: AsyncBufRead + Unpin,
    P: DeserializeOwned,
{
    loop {
        let lectura = match limite {
            None => leer_linea_acotada(inbound, linea, LIMITE_LINEA).await,
            Some(limite) => {
                // `fill_buf` solo mira: no consume nada, y la línea se lee
                // entera después. Un trozo vacío es el final de la entrada.
                let vacio = match inbound.fill_buf().await {
                    Ok(disponible) => disponible.is_empty(),
                    Err(error) => return Some(Err(ErrorDeRecepcion::Io(error))),
                };
                if vacio {
                    return None;
                }
                let leer = leer_linea_acotada(inbound, linea, LIMITE_LINEA);
                match async_std::future::timeout(limite, leer).await {
                    Ok(lectura) => lectura,
                    Err(_) => return Some(Err(ErrorDeRecepcion::LineaSinTerminar { limite })),
                }
            }
        };
        match lectura {
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
/// Tras un error de E/S, una línea demasiado larga o una que se queda a
/// medias más de `limite` (si no es `None`), el stream termina; tras un
/// paquete ilegible, sigue con la línea siguiente.
pub fn receive_as_json<S, P>(
    inbound: S,
    limite: Option<Duration>,
) -> impl Stream<Item = Result<P, ErrorDeRecepcion>> + Unpin
where
    S: AsyncBufRead + Unpin,
    P: DeserializeOwned,
{
    // El estado del stream: el lector, el búfer de la línea y si ya terminó.
    let inicio = (inbound, Vec::new(), false);
    let paquetes = stream::unfold(
        inicio,
        move |(mut inbound, mut linea, terminado)| async move {
            if terminado {
                return None;
            }
            let paquete = recibir_paquete_con_limite(&mut inbound, &mut linea, limite).await?;
            let fatal = matches!(&paquete, Err(e) if !matches!(e, ErrorDeRecepcion::Json(_)));
            Some((paquete, (inbound, linea, fatal)))
        },
    );
    // `unfold` guarda un future dentro, y no es `Unpin`. En una caja sí lo es,
    // y quien llama puede escribir `paquetes.next().await` sin más.
    Box::pin(paquetes)
}
// ANCHOR_END: receive_as_json

// ANCHOR: recibir_respuestas
/// Como [`recibir_paquete`], para el cliente: tras una línea demasiado larga,
/// descarta lo que queda de ella, así que la siguiente llamada empieza en el
/// paquete siguiente.
///
/// Devuelve el error igualmente, para que quien llama diga que se perdió
/// una respuesta. El servidor es de confianza (ninguna respuesta legítima
/// pasa del límite: ver [`LIMITE_MENSAJE`](super::LIMITE_MENSAJE)), así que
/// una línea así es un servidor distinto o averiado, no un ataque, y no vale
/// la pena cortar la conversación por ella.
pub async fn recibir_respuesta<S, P>(
    inbound: &mut S,
    linea: &mut Vec<u8>,
) -> Option<Result<P, ErrorDeRecepcion>>
where
    S: AsyncBufRead + Unpin,
    P: DeserializeOwned,
{
    let paquete = recibir_paquete(inbound, linea).await;
    if let Some(Err(ErrorDeRecepcion::LineaDemasiadoLarga { .. })) = &paquete
        && let Err(error) = descartar_resto_de_linea(inbound).await
    {
        return Some(Err(ErrorDeRecepcion::Io(error)));
    }
    paquete
}

/// El stream de [`recibir_respuesta`]: la `receive_as_json` del cliente.
///
/// Solo termina con el final de la entrada o con un error de E/S; tras un
/// paquete ilegible o una línea demasiado larga (ya descartada), sigue.
pub fn recibir_respuestas<S, P>(
    inbound: S,
) -> impl Stream<Item = Result<P, ErrorDeRecepcion>> + Unpin
where
    S: AsyncBufRead + Unpin,
    P: DeserializeOwned,
{
    let inicio = (inbound, Vec::new(), false);
    let paquetes = stream::unfold(inicio, |(mut inbound, mut linea, terminado)| async move {
        if terminado {
            return None;
        }
        let paquete = recibir_respuesta(&mut inbound, &mut linea).await?;
        let fatal = matches!(&paquete, Err(ErrorDeRecepcion::Io(_)));
        Some((paquete, (inbound, linea, fatal)))
    });
    Box::pin(paquetes)
}
// ANCHOR_END: recibir_respuestas
