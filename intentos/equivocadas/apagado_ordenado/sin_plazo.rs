//! Error: espera a las escritoras sin plazo: un cliente que no lee deja la
//! suya atascada en un `write_all`, y el apagado no termina nunca.
//! Se espera: falla un_cliente_que_no_lee_no_retiene_el_apagado

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
    servidor.escritoras.close();
    servidor.escritoras.wait().await;
    informe
}
