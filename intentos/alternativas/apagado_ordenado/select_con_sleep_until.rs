//! Alternativa: espera a las escritoras con un `select!` contra
//! `sleep_until(limite)` en lugar de `timeout_at`, y avisa a cada cliente con
//! `send` bajo el mismo plazo: lo mismo, dicho de otra forma.

use std::time::Duration;

use taller_async::chat::FromServer;
use tokio::time::{self, Instant};

pub use taller_async::apagado::{AVISO, Informe, Servidor};

/// Apaga `servidor` en orden, sin pasar de `plazo`.
pub async fn apagar(servidor: &Servidor, plazo: Duration) -> Informe {
    let limite = Instant::now() + plazo;
    servidor.detener.cancel();
    servidor.lectoras.close();
    tokio::select! {
        _ = servidor.lectoras.wait() => {}
        _ = time::sleep_until(limite) => {}
    }
    let mut informe = Informe::default();
    for cola in servidor.tomar_colas() {
        let aviso = FromServer::Error(AVISO.to_string());
        if let Ok(Ok(())) = time::timeout_at(limite, cola.send(aviso)).await {
            informe.avisados += 1;
        }
    }
    servidor.escritoras.close();
    tokio::select! {
        _ = servidor.escritoras.wait() => return informe,
        _ = time::sleep_until(limite) => {}
    }
    for escritora in servidor.escritoras_vivas() {
        escritora.abort();
        informe.abortadas += 1;
    }
    servidor.escritoras.wait().await;
    informe
}
