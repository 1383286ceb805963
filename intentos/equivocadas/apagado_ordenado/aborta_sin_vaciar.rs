//! Error: avisa y aborta las escritoras enseguida, sin esperar a que vacíen
//! su cola: lo que esperaba en la cola de un cliente lento se pierde.
//! Se espera: falla no_se_pierde_ningun_mensaje_aceptado

use std::time::Duration;

use taller_async::chat::FromServer;

pub use taller_async::apagado::{AVISO, Informe, Servidor};

/// Apaga `servidor` en orden, sin pasar de `plazo`.
pub async fn apagar(servidor: &Servidor, _plazo: Duration) -> Informe {
    servidor.detener.cancel();
    servidor.lectoras.close();
    servidor.lectoras.wait().await;
    let mut informe = Informe::default();
    for cola in servidor.tomar_colas() {
        if cola.try_send(FromServer::Error(AVISO.to_string())).is_ok() {
            informe.avisados += 1;
        }
    }
    for escritora in servidor.escritoras_vivas() {
        escritora.abort();
        informe.abortadas += 1;
    }
    servidor.escritoras.close();
    servidor.escritoras.wait().await;
    informe
}
