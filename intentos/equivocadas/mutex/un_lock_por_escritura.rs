//! Error: toma el lock para el JSON y otra vez para el `\n`: entre las dos
//! escrituras, otra tarea puede colar su línea.
//! Se espera: falla las_lineas_de_tareas_concurrentes_no_se_mezclan
//!
//! Solución del ejercicio `mutex`: `Outbound`, el lado de salida de una conexión
//! compartido por varias tareas.
//!
//! El escritor va dentro de un `async_std::sync::Mutex`, porque `send` tiene
//! que tenerlo bloqueado mientras espera la escritura y el `flush`: con un
//! `std::sync::Mutex`, la segunda tarea que pidiera el lock en el mismo hilo
//! lo bloquearía entero, y la primera, dormida con el lock tomado, no podría
//! despertar nunca.

use async_std::io::Write;
use async_std::io::prelude::*;
use async_std::sync::Mutex;
use serde::Serialize;

/// El lado de salida de una conexión: varias tareas pueden mandar paquetes
/// por el mismo escritor sin que sus líneas se mezclen.
pub struct Outbound<W> {
    escritor: Mutex<W>,
}

impl<W: Write + Unpin> Outbound<W> {
    /// Envuelve el escritor (un `TcpStream`, en el chat del libro).
    pub fn new(escritor: W) -> Outbound<W> {
        Outbound {
            escritor: Mutex::new(escritor),
        }
    }

    /// Manda `paquete` como una línea JSON (el JSON y un `\n`) y hace `flush`.
    pub async fn send<P: Serialize>(&self, paquete: &P) -> std::io::Result<()> {
        let json = serde_json::to_string(paquete)?;
        self.escritor
            .lock()
            .await
            .write_all(json.as_bytes())
            .await?;
        let mut escritor = self.escritor.lock().await;
        escritor.write_all(b"\n").await?;
        escritor.flush().await?;
        Ok(())
    }
}
