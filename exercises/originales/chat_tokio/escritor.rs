//! La tarea escritora de una conexión: la única dueña del lado de escritura
//! del socket.
//!
//! Es el arreglo del capítulo «Cancelar es soltar»: quien quiere mandar algo
//! a un cliente (la tarea de la conexión, o la de uno de sus grupos) no
//! escribe en el socket, sino que deja una línea entera en un canal acotado,
//! y una sola tarea la escribe. Así nadie puede cortar una escritura a
//! medias.
//!
//! Lo escribes tú: etapa `aceptar_y_leer_lineas` (y en la etapa `apagado`,
//! que se rinda cuando pasa el plazo).

use std::sync::Arc;

use taller_async::chat::FromServer;
use taller_async::chat::utils::ChatResult;
use tokio::net::tcp::OwnedWriteHalf;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use super::Estado;

/// Cuántas líneas esperan, como mucho, en la cola de una conexión.
pub const COLA_DE_SALIDA: usize = 16;

// ANCHOR: salida
/// Por donde se le manda algo a un cliente. Se clona: una para la tarea de
/// la conexión y una para la de cada grupo.
#[derive(Clone)]
pub struct Salida(mpsc::Sender<String>);

impl Salida {
    /// Lanza (con [`Estado::lanzar`]) la tarea escritora de `escritura`.
    /// Devuelve por dónde mandarle líneas y su `JoinHandle`, que termina
    /// cuando la tarea cerró el socket.
    pub fn lanzar(escritura: OwnedWriteHalf, estado: &Arc<Estado>) -> (Salida, JoinHandle<()>) {
        todo!(
            "crea el canal y lanza la tarea escritora en exercises/src/chat_tokio/escritor.rs \
             (etapa aceptar_y_leer_lineas: book/src/chat-tokio.md, «Etapa 1»)"
        )
    }

    /// Deja `paquete` en la cola, como una línea JSON entera (con su `\n`).
    /// Espera si la cola está llena; falla si la tarea escritora ya terminó.
    pub async fn enviar(&self, paquete: &FromServer) -> ChatResult<()> {
        todo!(
            "encola el paquete como una línea en exercises/src/chat_tokio/escritor.rs \
             (etapa aceptar_y_leer_lineas: book/src/chat-tokio.md, «Etapa 1»)"
        )
    }
}
// ANCHOR_END: salida

// ANCHOR: escribir
/// El cuerpo de la tarea escritora: escribe cada línea que llega; cuando se
/// sueltan todas las `Salida`, cierra el lado de escritura. Si se cancela
/// `abortar` (pasó el plazo del apagado), lo deja todo.
async fn escribir(
    escritura: OwnedWriteHalf,
    por_escribir: mpsc::Receiver<String>,
    abortar: CancellationToken,
) {
    todo!(
        "escribe la tarea escritora en exercises/src/chat_tokio/escritor.rs \
         (etapa aceptar_y_leer_lineas: book/src/chat-tokio.md, «Etapa 1»)"
    )
}
// ANCHOR_END: escribir
