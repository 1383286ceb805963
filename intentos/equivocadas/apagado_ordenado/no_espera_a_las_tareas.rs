//! Error: avisa y suelta las colas, y vuelve sin esperar a las tareas: las
//! escritoras siguen vivas, escribiendo, cuando el programa ya cree que el
//! servidor está apagado.
//! Se espera: falla no_queda_ninguna_tarea

use std::time::Duration;

use taller_async::chat::FromServer;

pub use taller_async::apagado::{AVISO, Informe, Servidor};

/// Apaga `servidor` en orden, sin pasar de `plazo`.
pub async fn apagar(servidor: &Servidor, _plazo: Duration) -> Informe {
    servidor.detener.cancel();
    servidor.lectoras.close();
    servidor.escritoras.close();
    let mut informe = Informe::default();
    for cola in servidor.tomar_colas() {
        if cola.try_send(FromServer::Error(AVISO.to_string())).is_ok() {
            informe.avisados += 1;
        }
    }
    informe
}
