//! Solución del ejercicio `apagado_ordenado`: apagar un servidor en orden.
//!
//! Cada paso depende del anterior. Primero se cierra la entrada (nada nuevo
//! entra en las colas); después se avisa, al final de cada cola, detrás de
//! todo lo que ya estaba aceptado; después se sueltan las colas y se espera a
//! que las escritoras las vacíen, y solo al vencer el plazo se aborta. Todas
//! las esperas comparten un mismo plazo, un instante, calculado al entrar:
//! ninguna puede alargar el apagado más allá de él.

use std::time::Duration;

use taller_async::chat::FromServer;
use tokio::time::{self, Instant};

pub use taller_async::apagado::{AVISO, Informe, Servidor};

/// Apaga `servidor` en orden, sin pasar de `plazo`.
pub async fn apagar(servidor: &Servidor, plazo: Duration) -> Informe {
    let limite = Instant::now() + plazo;

    // 1. Dejar de aceptar y de leer. La que acepta y las lectoras terminan
    //    entre dos líneas, nunca a medio repartir un mensaje; cuando todas
    //    terminaron, todo mensaje aceptado ya está en las colas.
    servidor.detener.cancel();
    servidor.lectoras.close();
    let _ = time::timeout_at(limite, servidor.lectoras.wait()).await;

    // 2. Avisar, al final de cada cola, detrás de lo aceptado. `try_send`
    //    no espera: si la cola de un cliente está llena, ese cliente no lee,
    //    y esperar sitio para su aviso retendría el apagado.
    let mut informe = Informe::default();
    for cola in servidor.tomar_colas() {
        if cola.try_send(FromServer::Error(AVISO.to_string())).is_ok() {
            informe.avisados += 1;
        }
        // 3. Aquí se suelta la cola: su escritora escribe lo que quedaba en
        //    ella, el aviso el último, y termina.
    }

    // 3. Esperar a las escritoras, como mucho hasta el plazo.
    servidor.escritoras.close();
    if time::timeout_at(limite, servidor.escritoras.wait())
        .await
        .is_err()
    {
        // 4. Abortar lo que queda: escritoras atascadas en un `write_all`
        //    que no termina porque su cliente no lee.
        for escritora in servidor.escritoras_vivas() {
            escritora.abort();
            informe.abortadas += 1;
        }
        // `abort` no espera: la tarea se suelta en su hilo. `wait` vuelve
        // cuando todas se soltaron.
        servidor.escritoras.wait().await;
    }
    informe
}
