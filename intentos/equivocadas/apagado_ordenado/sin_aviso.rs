//! Error: no avisa a los clientes: suelta las colas sin meter el aviso, y
//! cada cliente ve cerrarse la conexión sin saber por qué.
//! Se espera: fallan todos_reciben_el_aviso,
//!   no_se_pierde_ningun_mensaje_aceptado

use std::time::Duration;

use tokio::time::{self, Instant};

pub use taller_async::apagado::{AVISO, Informe, Servidor};

/// Apaga `servidor` en orden, sin pasar de `plazo`.
pub async fn apagar(servidor: &Servidor, plazo: Duration) -> Informe {
    let limite = Instant::now() + plazo;
    servidor.detener.cancel();
    servidor.lectoras.close();
    let _ = time::timeout_at(limite, servidor.lectoras.wait()).await;
    drop(servidor.tomar_colas());
    let mut informe = Informe::default();
    servidor.escritoras.close();
    if time::timeout_at(limite, servidor.escritoras.wait())
        .await
        .is_err()
    {
        for escritora in servidor.escritoras_vivas() {
            escritora.abort();
            informe.abortadas += 1;
        }
        servidor.escritoras.wait().await;
    }
    informe
}
