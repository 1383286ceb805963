//! Error: trata cualquier error del canal como su cierre: con `Lagged`, el
//! miembro atrasado se va del grupo en lugar de avisar y seguir.
//! Se espera: falla avisa_de_los_mensajes_perdidos_y_sigue
//!
//! Solución del ejercicio `handle_subscriber`: `handle_subscriber`, la tarea de cada miembro
//! de un grupo.
//!
//! Es la del libro, con el aviso en español. Las tres salidas del `match`
//! son las tres cosas que puede decir el canal de difusión: un mensaje, «te
//! has perdido n mensajes» (el miembro sigue, ahora desde el más viejo que
//! queda) y «el canal se cerró» (ya no habrá más: se termina). Y si escribir
//! al cliente falla, la conexión ya no sirve: también se termina, y al
//! terminar se suelta el receptor, que deja de ocupar su sitio en la cola.

use std::sync::Arc;

use taller_async::chat::FromServer;
use taller_async::chat::servidor::connection::Outbound;
use tokio::sync::broadcast;

/// Reenvía al cliente de `outbound` los mensajes que llegan por `receiver`,
/// como `FromServer::Message` del grupo `group_name`.
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
            Err(_) => break,
        };

        if outbound.send(packet).await.is_err() {
            break;
        }
    }
}
