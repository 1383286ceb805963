//! Un grupo de chat: un canal `broadcast` y una tarea por miembro.
//!
//! Es el `group.rs` del libro, en tokio. [`Grupo::publicar`] mete el mensaje
//! en la cola del canal; la tarea de cada miembro ([`reenviar`]) lo saca y lo
//! deja en la [`Salida`] de su conexión, a su ritmo. Si un miembro se queda
//! atrás, el canal descarta los mensajes más viejos y su tarea recibe
//! `RecvError::Lagged(n)`, que se le cuenta al cliente como un error: un
//! miembro lento no frena a nadie y la memoria del grupo está acotada.
//!
//! Soltar la [`Suscripcion`] que devuelve [`Grupo::unirse`] aborta la tarea
//! del miembro: una conexión que se va no deja tareas atrás, aunque el grupo
//! calle para siempre.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use taller_async::chat::FromServer;
use tokio::sync::broadcast;
use tokio::sync::broadcast::error::RecvError;
use tokio_util::task::AbortOnDropHandle;

use super::Estado;
use super::escritor::Salida;

pub struct Grupo {
    nombre: Arc<String>,
    emisor: broadcast::Sender<Arc<String>>,
    /// El mayor número de mensajes que ha llegado a guardar la cola.
    retenidos_max: AtomicUsize,
}

/// La pertenencia de una conexión a un grupo. Al soltarse, aborta la tarea
/// que le reenvía los mensajes del grupo.
pub struct Suscripcion(#[allow(dead_code)] AbortOnDropHandle<()>);

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

    /// Anota cuántos mensajes guarda ahora la cola, si es un máximo. Se llama
    /// después de cada `send`.
    fn anotar_retenidos(&self) {
        self.retenidos_max
            .fetch_max(self.emisor.len(), Ordering::Relaxed);
    }

    // ANCHOR: unirse_y_publicar
    /// Suscribe una conexión: lanza la tarea que le reenviará los mensajes.
    pub fn unirse(&self, salida: Salida, estado: &Arc<Estado>) -> Suscripcion {
        let receptor = self.emisor.subscribe();
        let tarea = estado.lanzar(reenviar(self.nombre.clone(), receptor, salida));
        Suscripcion(AbortOnDropHandle::new(tarea))
    }

    /// Publica un mensaje para todos los miembros.
    pub fn publicar(&self, mensaje: Arc<String>) {
        // `send` solo falla si no queda ningún miembro.
        let _ = self.emisor.send(mensaje);
        self.anotar_retenidos();
    }
    // ANCHOR_END: unirse_y_publicar
}

// ANCHOR: reenviar
/// Reenvía a un miembro los mensajes del grupo, hasta que su conexión se
/// cierra (o se suelta su `Suscripcion`).
async fn reenviar(
    nombre: Arc<String>,
    mut receptor: broadcast::Receiver<Arc<String>>,
    salida: Salida,
) {
    loop {
        let paquete = match receptor.recv().await {
            Ok(message) => FromServer::Message {
                group_name: nombre.clone(),
                message,
            },
            Err(RecvError::Lagged(n)) => FromServer::Error(format!(
                "Se perdieron {n} mensajes del grupo «{nombre}»: ibas demasiado atrasado."
            )),
            Err(RecvError::Closed) => break,
        };
        // Si la cola de la conexión está llena, se espera aquí: mientras, el
        // receptor se queda atrás en el canal, y es el canal quien descarta.
        if salida.enviar(&paquete).await.is_err() {
            break;
        }
    }
}
// ANCHOR_END: reenviar
