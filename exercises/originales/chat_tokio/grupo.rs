//! Un grupo de chat: un canal `broadcast` y una tarea por miembro.
//!
//! Es el `group.rs` del libro, en tokio. [`Grupo::publicar`] mete el mensaje
//! en la cola del canal; la tarea de cada miembro ([`reenviar`]) lo saca y lo
//! deja en la [`Salida`] de su conexión, a su ritmo.
//!
//! Lo escribes tú: `unirse`, `publicar` y `reenviar` en la etapa
//! `unirse_y_publicar`, `Lagged` en la etapa `lector_lento`, y qué guarda
//! una [`Suscripcion`] en la etapa `mil_clientes_y_desconexiones`. Lo demás
//! (crear el grupo y sus cuentas) ya está.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use taller_async::chat::FromServer;
use tokio::sync::broadcast;

use super::Estado;
use super::escritor::Salida;

pub struct Grupo {
    nombre: Arc<String>,
    emisor: broadcast::Sender<Arc<String>>,
    /// El mayor número de mensajes que ha llegado a guardar la cola.
    retenidos_max: AtomicUsize,
}

// ANCHOR: suscripcion
/// La pertenencia de una conexión a un grupo. Al soltarse, la tarea que le
/// reenvía los mensajes del grupo tiene que terminar, aunque el grupo no
/// vuelva a publicar nada. Decide tú qué guarda.
pub struct Suscripcion {}
// ANCHOR_END: suscripcion

impl Grupo {
    /// Un grupo cuya cola guarda como mucho `capacidad` mensajes (tokio la
    /// redondea a la siguiente potencia de dos).
    pub fn new(nombre: Arc<String>, capacidad: usize) -> Grupo {
        let (emisor, _receptor) = broadcast::channel(capacidad.max(1).next_power_of_two());
        Grupo {
            nombre,
            emisor,
            retenidos_max: AtomicUsize::new(0),
        }
    }

    /// Cuántos miembros tiene: cada receptor vive en la tarea de su miembro.
    pub fn suscriptores(&self) -> usize {
        self.emisor.receiver_count()
    }

    /// El mayor número de mensajes que llegó a guardar la cola a la vez.
    pub fn retenidos_max(&self) -> usize {
        self.retenidos_max.load(Ordering::Relaxed)
    }

    /// Anota cuántos mensajes guarda ahora la cola, si es un máximo. Llámala
    /// después de cada `send`.
    fn anotar_retenidos(&self) {
        self.retenidos_max
            .fetch_max(self.emisor.len(), Ordering::Relaxed);
    }

    // ANCHOR: unirse_y_publicar
    /// Suscribe una conexión: lanza (con [`Estado::lanzar`]) la tarea que le
    /// reenviará los mensajes.
    pub fn unirse(&self, salida: Salida, estado: &Arc<Estado>) -> Suscripcion {
        todo!(
            "suscribe la conexión y lanza su tarea en exercises/src/chat_tokio/grupo.rs \
             (etapa unirse_y_publicar: book/src/chat-tokio.md, «Etapa 2»)"
        )
    }

    /// Publica un mensaje para todos los miembros (y anota los retenidos).
    pub fn publicar(&self, mensaje: Arc<String>) {
        todo!(
            "publica el mensaje en el canal en exercises/src/chat_tokio/grupo.rs \
             (etapa unirse_y_publicar: book/src/chat-tokio.md, «Etapa 2»)"
        )
    }
    // ANCHOR_END: unirse_y_publicar
}

// ANCHOR: reenviar
/// Reenvía a un miembro los mensajes del grupo, hasta que su conexión se
/// cierra. Si se queda atrás (`RecvError::Lagged`), se lo dice con un
/// `FromServer::Error` que nombra el grupo y dice cuántos perdió.
async fn reenviar(nombre: Arc<String>, receptor: broadcast::Receiver<Arc<String>>, salida: Salida) {
    todo!(
        "reenvía los mensajes del grupo en exercises/src/chat_tokio/grupo.rs \
         (etapa unirse_y_publicar: book/src/chat-tokio.md, «Etapa 2»)"
    )
}
// ANCHOR_END: reenviar
