//! Un grupo del servidor rápido: el canal lleva la línea ya hecha, y cada
//! miembro escribe de una vez todo lo que encuentra en la cola.
//!
//! Es el [`group.rs` del libro](crate::chat::servidor::group) con dos
//! cambios, y nada más:
//!
//! 1. **Se serializa una vez por mensaje.** [`Group::post`] convierte el
//!    `FromServer::Message` en su línea JSON (con el `\n`) una sola vez, y el
//!    canal de difusión reparte esos bytes, un `Arc<[u8]>`: cada miembro
//!    recibe el mismo, y copiarlo es sumar uno a un contador. En el libro, el
//!    canal lleva el texto, y la tarea de cada miembro vuelve a hacer el
//!    mismo JSON: con cien miembros, cien veces.
//! 2. **Se juntan las escrituras.** [`handle_subscriber`] espera el primer
//!    mensaje como la del libro, y después saca de la cola, sin esperar
//!    (`try_recv`), los que ya estén, hasta [`TANDA_MAXIMA`] bytes: todos
//!    salen en un solo `write_all` y un solo `flush`. En el libro, cada
//!    mensaje es su propia escritura (una llamada al sistema), aunque haya
//!    cien esperando detrás.
//!
//! Lo demás no cambia: la cola tiene la misma capacidad, un miembro atrasado
//! recibe el mismo aviso (`Lagged`, con cuántos perdió) y sigue, y soltar la
//! [`Suscripcion`] cancela la tarea del miembro.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use async_std::task;
use futures::future::{AbortHandle, Abortable};
use tokio::sync::broadcast;
use tokio::sync::broadcast::error::{RecvError, TryRecvError};

use crate::chat::FromServer;
use crate::chat::servidor::connection::Outbound;
use crate::chat::servidor::group::Suscripcion;

/// Lo que se junta, como mucho, en una escritura. Un mensaje entero siempre
/// cabe (la línea más larga posible es menor, ver
/// [`LIMITE_MENSAJE`](crate::chat::LIMITE_MENSAJE)); el límite es para que un
/// miembro atrasado no vacíe la cola entera en un búfer suyo (la memoria
/// seguiría acotada, pero por la cola y además por este búfer) ni tenga
/// tomado el lado de salida de la conexión durante una escritura enorme.
pub const TANDA_MAXIMA: usize = 64 * 1024;

// ANCHOR: group
pub struct Group {
    name: Arc<String>,
    sender: broadcast::Sender<Arc<[u8]>>,
    capacity: usize,
    /// El mayor número de mensajes que ha llegado a guardar la cola.
    retenidos_max: AtomicUsize,
}

impl Group {
    /// Un grupo cuya cola guarda como mucho `capacity` mensajes (redondeada,
    /// como en el libro, a la siguiente potencia de dos).
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
    pub fn join(&self, outbound: Arc<Outbound>) -> Suscripcion {
        let receiver = self.sender.subscribe();
        let (cancelar, registro) = AbortHandle::new_pair();
        let tarea = handle_subscriber(self.name.clone(), receiver, outbound);
        task::spawn(Abortable::new(tarea, registro));
        Suscripcion::nueva(cancelar)
    }

    /// Publica `message`: lo convierte en su línea JSON una sola vez, y el
    /// canal reparte esos mismos bytes a todos los miembros.
    pub fn post(&self, message: Arc<String>) {
        let packet = FromServer::Message {
            group_name: self.name.clone(),
            message,
        };
        let linea: Arc<[u8]> = Arc::from(linea_json(&packet));
        // `send` solo falla si no hay ningún miembro, como en el libro.
        let _ignored = self.sender.send(linea);
        self.retenidos_max
            .fetch_max(self.sender.len(), Ordering::Relaxed);
    }
}
// ANCHOR_END: group

impl Group {
    pub fn name(&self) -> &Arc<String> {
        &self.name
    }

    /// Cuántos mensajes guarda como mucho su cola.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Cuántos miembros tiene ahora (cada receptor vive en la tarea de su
    /// miembro: es también la cuenta de sus tareas vivas).
    pub fn suscriptores(&self) -> usize {
        self.sender.receiver_count()
    }

    /// El mayor número de mensajes que ha llegado a guardar la cola a la vez.
    pub fn retenidos_max(&self) -> usize {
        self.retenidos_max.load(Ordering::Relaxed)
    }
}

/// Un paquete como línea JSON, con su `\n`: los mismos bytes que escribe
/// `send_as_json` del libro.
fn linea_json(packet: &FromServer) -> Vec<u8> {
    // Un `FromServer` solo tiene textos: serializarlo en memoria no falla.
    let mut linea = serde_json::to_vec(packet).expect("un FromServer siempre se serializa");
    linea.push(b'\n');
    linea
}

/// Añade a `tanda` el aviso de mensajes perdidos, con el mismo texto que el
/// `handle_subscriber` del libro.
fn avisar_perdidos(tanda: &mut Vec<u8>, group_name: &str, n: u64) {
    let aviso = FromServer::Error(format!(
        "Se perdieron {n} mensajes del grupo «{group_name}»: ibas demasiado atrasado."
    ));
    tanda.extend_from_slice(&linea_json(&aviso));
}

// ANCHOR: handle_subscriber
/// Reenvía a un miembro los mensajes del grupo, juntando en una escritura
/// los que ya esperan en la cola, hasta que el grupo desaparece o su
/// conexión falla.
pub async fn handle_subscriber(
    group_name: Arc<String>,
    mut receiver: broadcast::Receiver<Arc<[u8]>>,
    outbound: Arc<Outbound>,
) {
    let mut tanda: Vec<u8> = Vec::new();
    loop {
        tanda.clear();
        // El primero se espera, como en el libro.
        let mut cerrado = false;
        match receiver.recv().await {
            Ok(linea) => tanda.extend_from_slice(&linea),
            Err(RecvError::Lagged(n)) => avisar_perdidos(&mut tanda, &group_name, n),
            Err(RecvError::Closed) => break,
        }
        // Los que ya estén en la cola se sacan sin esperar, hasta llenar la
        // tanda. Un `Lagged` aquí es el mismo aviso, en su sitio.
        while !cerrado && tanda.len() < TANDA_MAXIMA {
            match receiver.try_recv() {
                Ok(linea) => tanda.extend_from_slice(&linea),
                Err(TryRecvError::Lagged(n)) => avisar_perdidos(&mut tanda, &group_name, n),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Closed) => cerrado = true,
            }
        }
        // Todos de una vez: un `write_all` y un `flush`.
        if outbound.enviar_lineas(&tanda).await.is_err() || cerrado {
            break;
        }
    }
}
// ANCHOR_END: handle_subscriber
