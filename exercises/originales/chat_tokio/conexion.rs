//! Atender una conexión: leer sus líneas con límite, cumplir sus paquetes y
//! cerrarla con cortesía.
//!
//! Es el `connection.rs` del libro, en tokio, con lo que le añade el chat de
//! async-std del taller (`taller_async::chat::servidor::connection`): los
//! mismos límites y los mismos errores, en español. La entrada se lee con un
//! `FramedRead` de tokio-util; la salida va a la tarea escritora
//! ([`Salida`]), nunca al socket.
//!
//! Lo escribes tú, por etapas: leer y contestar (`aceptar_y_leer_lineas`),
//! `Join` y `Post` (`unirse_y_publicar`), los límites y el cierre con
//! cortesía (`entrada_mal_formada_y_demasiado_larga`) y parar cuando el
//! servidor se detiene (`apagado`). Las firmas son una guía: cámbialas si te
//! conviene, menos la de `atender`.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use taller_async::chat::servidor::connection::{
    DESCARTE_AL_CERRAR, ESPERA_AL_CERRAR, LIMITE_GRUPOS_POR_CONEXION,
};
use taller_async::chat::utils::{ChatResult, ErrorDeRecepcion};
use taller_async::chat::{
    FromClient, FromServer, LIMITE_LINEA, LIMITE_MENSAJE, LIMITE_NOMBRE_GRUPO,
};
use tokio::net::TcpStream;
use tokio::net::tcp::OwnedReadHalf;
use tokio_util::codec::{AnyDelimiterCodec, FramedRead};

use super::Estado;
use super::escritor::Salida;
use super::grupo::Suscripcion;

// ANCHOR: entrada
/// La entrada de una conexión, en líneas: un `FramedRead` sobre la mitad de
/// lectura del socket. El códec es `AnyDelimiterCodec` con `\n` (créalo con
/// su longitud máxima): es `LinesCodec` sin exigir UTF-8. Con `LinesCodec`,
/// una línea que no es UTF-8 sería un error del códec, y tras un error el
/// `FramedRead` termina: la conexión se perdería por un paquete ilegible.
pub type Entrada = FramedRead<OwnedReadHalf, AnyDelimiterCodec>;
// ANCHOR_END: entrada

// ANCHOR: atender
/// Atiende una conexión hasta que el cliente la cierra, falla o el servidor
/// se detiene. La llama, en su propia tarea, [`Estado::lanzar_conexion`].
pub async fn atender(socket: TcpStream, estado: Arc<Estado>) -> ChatResult<()> {
    todo!(
        "atiende la conexión en exercises/src/chat_tokio/conexion.rs: parte el socket, lanza \
         su escritora y lee línea a línea (etapa aceptar_y_leer_lineas: book/src/chat-tokio.md, \
         «Etapa 1»)"
    )
}
// ANCHOR_END: atender

// ANCHOR: recibir
/// El siguiente paquete del cliente: `None` si la entrada terminó. Las
/// líneas en blanco se saltan; una línea de más de [`LIMITE_LINEA`] bytes es
/// `ErrorDeRecepcion::LineaDemasiadoLarga`, una que empieza y no termina en
/// `limite` es `ErrorDeRecepcion::LineaSinTerminar`, y una que no es un
/// paquete, `ErrorDeRecepcion::Json`.
async fn recibir(
    entrada: &mut Entrada,
    limite: Duration,
) -> Option<Result<FromClient, ErrorDeRecepcion>> {
    todo!(
        "lee el paquete siguiente en exercises/src/chat_tokio/conexion.rs (etapa \
         aceptar_y_leer_lineas: book/src/chat-tokio.md, «Etapa 1»)"
    )
}
// ANCHOR_END: recibir

// ANCHOR: descartar
/// Tras mandar el error que explica el cierre y cerrar la escritura, lee y
/// tira lo que el cliente siga mandando, como mucho [`DESCARTE_AL_CERRAR`]
/// bytes durante [`ESPERA_AL_CERRAR`], antes de soltar el socket.
async fn descartar_lo_que_siga(lectura: OwnedReadHalf) {
    todo!(
        "cierra con cortesía en exercises/src/chat_tokio/conexion.rs (etapa \
         entrada_mal_formada_y_demasiado_larga: book/src/chat-tokio.md, «Etapa 4»)"
    )
}
// ANCHOR_END: descartar

// ANCHOR: join_y_post
/// Une la conexión a un grupo (una sola vez por grupo, y como mucho a
/// [`LIMITE_GRUPOS_POR_CONEXION`]). `Err` con la explicación para el cliente.
fn join(
    estado: &Arc<Estado>,
    suscripciones: &mut HashMap<Arc<String>, Suscripcion>,
    salida: &Salida,
    group_name: Arc<String>,
) -> Result<(), String> {
    todo!(
        "une la conexión al grupo en exercises/src/chat_tokio/conexion.rs (etapa \
         unirse_y_publicar: book/src/chat-tokio.md, «Etapa 2»)"
    )
}

/// Publica en un grupo que existe; si no existe, el error nombra el grupo.
/// Un mensaje de más de [`LIMITE_MENSAJE`] bytes se rechaza.
fn post(estado: &Estado, group_name: Arc<String>, message: Arc<String>) -> Result<(), String> {
    todo!(
        "publica en el grupo, o explica por qué no, en exercises/src/chat_tokio/conexion.rs \
         (etapa aceptar_y_leer_lineas: book/src/chat-tokio.md, «Etapa 1»)"
    )
}

/// Un nombre de grupo vacío o de más de [`LIMITE_NOMBRE_GRUPO`] bytes no vale.
fn validar_nombre(group_name: &str) -> Result<(), String> {
    todo!(
        "valida el nombre en exercises/src/chat_tokio/conexion.rs (etapa \
         entrada_mal_formada_y_demasiado_larga: book/src/chat-tokio.md, «Etapa 4»)"
    )
}
// ANCHOR_END: join_y_post
