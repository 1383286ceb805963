//! Ejercicio `handle_subscriber`: la tarea de cada miembro de un grupo.
//!
//! Capítulo: book/src/15-chat-broadcast.md.
//! Pruebas: `cargo test -p exercises --test handle_subscriber`.
//! Pista: `cargo run -- pista handle_subscriber`.
//!
//! En el servidor de chat, cada grupo es un canal de difusión de tokio
//! (`tokio::sync::broadcast`), y cada miembro tiene una tarea que recibe los
//! mensajes del canal y los escribe en su conexión. Esa tarea es
//! `handle_subscriber`, y la escribes tú:
//!
//! - cada mensaje que llega por `receiver` sale hacia el cliente como
//!   `FromServer::Message`, con el nombre del grupo;
//! - si el miembro se quedó atrás y el canal descartó mensajes que no había
//!   leído, `recv` devuelve `Err(RecvError::Lagged(n))`: avisa al cliente con
//!   un `FromServer::Error` que diga cuántos mensajes perdió (el número `n`)
//!   y de qué grupo (su nombre), y sigue con los siguientes;
//! - si el canal se cierra (`Err(RecvError::Closed)`), no llegará nada más:
//!   termina;
//! - si escribir al cliente falla (`outbound.send(...)` devuelve `Err`), la
//!   conexión ya no sirve: termina también.
//!
//! `Outbound` es el lado de salida de la conexión, el del ejercicio `mutex`:
//! `outbound.send(paquete).await` manda un paquete entero.

use std::sync::Arc;

#[allow(unused_imports)]
use taller_async::chat::FromServer;
use taller_async::chat::servidor::connection::Outbound;
use tokio::sync::broadcast;
#[allow(unused_imports)]
use tokio::sync::broadcast::error::RecvError;

/// Reenvía al cliente de `outbound` los mensajes que llegan por `receiver`,
/// como `FromServer::Message` del grupo `group_name`.
#[allow(unused_mut)]
pub async fn handle_subscriber(
    group_name: Arc<String>,
    mut receiver: broadcast::Receiver<Arc<String>>,
    outbound: Arc<Outbound>,
) {
    todo!(
        "Ejercicio `handle_subscriber`: escribe `handle_subscriber` en \
         exercises/src/handle_subscriber.rs (capítulo book/src/15-chat-broadcast.md; \
         pista: cargo run -- pista handle_subscriber)"
    )
}
