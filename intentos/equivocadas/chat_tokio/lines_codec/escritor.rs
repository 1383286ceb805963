//! La tarea escritora de una conexión: la única dueña del lado de escritura
//! del socket.
//!
//! Es el arreglo del capítulo «Cancelar es soltar»: quien quiere mandar algo
//! a un cliente (la tarea de la conexión, o la de uno de sus grupos) no
//! escribe en el socket, sino que deja una línea entera en un canal acotado.
//! Así nadie puede cortar una escritura a medias, y una línea llega entera o
//! no llega.
//!
//! La tarea termina cuando se sueltan todas las [`Salida`] de su conexión:
//! entonces escribe lo que quedaba en la cola y cierra el lado de escritura
//! (el cliente ve el final de la conexión detrás del último paquete). O
//! cuando se cancela `abortar`, al pasar el plazo del apagado: un cliente que
//! no lee no puede retenerla para siempre.

use std::sync::Arc;

use taller_async::chat::FromServer;
use taller_async::chat::utils::ChatResult;
use tokio::io::AsyncWriteExt;
use tokio::net::tcp::OwnedWriteHalf;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use super::Estado;

/// Cuántas líneas esperan, como mucho, en la cola de una conexión. Si el
/// cliente no lee, quien manda espera (la tarea de su grupo, que se queda
/// atrás en el `broadcast` y recibirá `Lagged`), y nadie más.
pub const COLA_DE_SALIDA: usize = 16;

// ANCHOR: salida
/// Por donde se le manda algo a un cliente. Se clona: una para la tarea de
/// la conexión y una para la de cada grupo.
#[derive(Clone)]
pub struct Salida(mpsc::Sender<String>);

impl Salida {
    /// Lanza la tarea escritora de `escritura`. Devuelve por dónde mandarle
    /// líneas y su `JoinHandle`, que termina cuando la tarea cerró el socket.
    pub fn lanzar(escritura: OwnedWriteHalf, estado: &Arc<Estado>) -> (Salida, JoinHandle<()>) {
        let (lineas, por_escribir) = mpsc::channel(COLA_DE_SALIDA);
        let tarea = estado.lanzar(escribir(escritura, por_escribir, estado.abortar.clone()));
        (Salida(lineas), tarea)
    }

    /// Deja `paquete` en la cola, como una línea JSON entera. Espera si la
    /// cola está llena; falla si la tarea escritora ya terminó (el cliente
    /// se fue). Es seguro ante la cancelación: si se suelta mientras espera,
    /// la línea no se encoló, entera.
    pub async fn enviar(&self, paquete: &FromServer) -> ChatResult<()> {
        let mut linea = serde_json::to_string(paquete)?;
        linea.push('\n');
        self.0
            .send(linea)
            .await
            .map_err(|_| "la conexión ya se cerró: su tarea escritora terminó")?;
        Ok(())
    }
}
// ANCHOR_END: salida

// ANCHOR: escribir
/// El cuerpo de la tarea escritora.
async fn escribir(
    mut escritura: OwnedWriteHalf,
    mut por_escribir: mpsc::Receiver<String>,
    abortar: CancellationToken,
) {
    let vaciar_y_cerrar = async {
        while let Some(linea) = por_escribir.recv().await {
            escritura.write_all(linea.as_bytes()).await?;
        }
        // Se soltaron todas las `Salida`: ya no vendrá nada más.
        escritura.shutdown().await
    };
    // El único `select!` que envuelve a `write_all` es el del apagado: pasado
    // el plazo, una línea cortada a medias ya no le importa a nadie.
    tokio::select! {
        _ = abortar.cancelled() => {}
        _ = vaciar_y_cerrar => {}
    }
}
// ANCHOR_END: escribir
