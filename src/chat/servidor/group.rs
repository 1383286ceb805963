//! Un grupo de chat: un canal de difusión y una tarea por miembro.
//!
//! Es el `group.rs` del libro. Cada [`Group`] es un canal
//! `tokio::sync::broadcast`: [`Group::post`] mete el mensaje en la cola del
//! canal, y cada miembro tiene su propia tarea, [`handle_subscriber`], que lo
//! saca de allí y lo escribe en su conexión, a su ritmo.
//!
//! La cola tiene capacidad fija. Si un miembro se queda atrás (un cliente
//! lento, una red saturada), el canal no espera por él ni guarda mensajes sin
//! fin: descarta los más viejos, y su tarea, al volver, recibe
//! `RecvError::Lagged(n)`, que se le cuenta al cliente como un error. Así un
//! miembro lento no frena a los demás y la memoria del grupo está acotada
//! desde que se crea.
//!
//! Lo que se añade al libro: [`Group::join`] devuelve una [`Suscripcion`],
//! y soltarla cancela la tarea del miembro. En el libro, la tarea de un
//! cliente que se ha ido solo termina cuando falla al escribirle el siguiente
//! mensaje del grupo: si el grupo calla, la tarea (y su lugar en la cola)
//! vive para siempre.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use async_std::task;
use futures::future::{AbortHandle, Abortable};
use tokio::sync::broadcast;
use tokio::sync::broadcast::error::RecvError;

use super::connection::Outbound;
use crate::chat::FromServer;

// ANCHOR: group
pub struct Group {
    name: Arc<String>,
    sender: broadcast::Sender<Arc<String>>,
    capacity: usize,
    /// El mayor número de mensajes que ha llegado a guardar la cola.
    retenidos_max: AtomicUsize,
}

impl Group {
    /// Un grupo cuya cola guarda como mucho `capacity` mensajes (tokio la
    /// redondea a la siguiente potencia de dos: 1000 se queda en 1024).
    pub fn new(name: Arc<String>, capacity: usize) -> Group {
        let capacity = capacity.max(1).next_power_of_two();
        let (sender, _receiver) = broadcast::channel(capacity);
        Group {
            name,
            sender,
            capacity,
            retenidos_max: AtomicUsize::new(0),
        }
    }

    /// Suscribe una conexión: lanza la tarea que le reenviará los mensajes.
    /// La tarea vive hasta que se suelta la `Suscripcion` devuelta.
    pub fn join(&self, outbound: Arc<Outbound>) -> Suscripcion {
        let receiver = self.sender.subscribe();
        let (cancelar, registro) = AbortHandle::new_pair();
        let tarea = handle_subscriber(self.name.clone(), receiver, outbound);
        task::spawn(Abortable::new(tarea, registro));
        Suscripcion(cancelar)
    }

    pub fn post(&self, message: Arc<String>) {
        // `send` solo falla si no hay ningún miembro: una conexión puede
        // cerrar su lado de salida un poco antes que el de entrada, y
        // publicar en un grupo que se ha quedado vacío.
        let _ignored = self.sender.send(message);
        self.retenidos_max
            .fetch_max(self.sender.len(), Ordering::Relaxed);
    }
}
// ANCHOR_END: group

impl Group {
    pub fn name(&self) -> &Arc<String> {
        &self.name
    }

    /// Cuántos mensajes guarda como mucho su cola (ya redondeado a una
    /// potencia de dos, como hace tokio).
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Cuántos miembros tiene ahora. Cada receptor vive dentro de la tarea de
    /// su miembro y se suelta cuando la tarea termina, así que esta cuenta es
    /// también la de sus tareas vivas.
    pub fn suscriptores(&self) -> usize {
        self.sender.receiver_count()
    }

    /// El mayor número de mensajes que ha llegado a guardar la cola a la vez:
    /// nunca pasa de su capacidad, vaya el miembro más lento tan atrás como
    /// vaya.
    pub fn retenidos_max(&self) -> usize {
        self.retenidos_max.load(Ordering::Relaxed)
    }
}

// ANCHOR: suscripcion
/// La pertenencia de una conexión a un grupo. Al soltarse, cancela la tarea
/// que reenvía los mensajes del grupo a esa conexión.
pub struct Suscripcion(AbortHandle);

impl Drop for Suscripcion {
    fn drop(&mut self) {
        // La tarea no se detiene aquí mismo: `abort` la despierta, y en su
        // siguiente sondeo `Abortable` suelta el future de dentro (y con él
        // el receptor) sin sondearlo más.
        self.0.abort();
    }
}
// ANCHOR_END: suscripcion

impl Suscripcion {
    /// Una suscripción que, al soltarse, cancela lo que registró `cancelar`.
    /// La usa el servidor rápido ([`crate::chat::servidor_rapido`]), que
    /// lanza otra tarea por miembro pero la cancela igual.
    pub(crate) fn nueva(cancelar: AbortHandle) -> Suscripcion {
        Suscripcion(cancelar)
    }
}

// ANCHOR: handle_subscriber
/// Reenvía a un miembro los mensajes del grupo, hasta que el grupo
/// desaparece o su conexión falla.
pub async fn handle_subscriber(
    group_name: Arc<String>,
    mut receiver: broadcast::Receiver<Arc<String>>,
    outbound: Arc<Outbound>,
) {
    loop {
        let packet = match receiver.recv().await {
            Ok(message) => FromServer::Message {
                group_name: group_name.clone(),
                message,
            },

            Err(RecvError::Lagged(n)) => FromServer::Error(format!(
                "Se perdieron {n} mensajes del grupo «{group_name}»: ibas demasiado atrasado."
            )),

            Err(RecvError::Closed) => break,
        };

        if outbound.send(packet).await.is_err() {
            break;
        }
    }
}
// ANCHOR_END: handle_subscriber
