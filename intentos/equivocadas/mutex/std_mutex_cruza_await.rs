//! Error: un `std::sync::Mutex` en lugar del asíncrono: su guardián cruza los
//! `.await` de la escritura y del `flush`.
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
use serde::Serialize;
use std::sync::Mutex;

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
    // Clippy avisa de este error (`await_holding_lock`); aquí se calla el
    // aviso, para que la CI, que trata los avisos como errores, deje que lo
    // atrapen también las pruebas.
    #[allow(clippy::await_holding_lock)]
    pub async fn send<P: Serialize>(&self, paquete: &P) -> std::io::Result<()> {
        // Se serializa antes de tomar el lock: cuanto menos dure la sección
        // crítica, menos esperan las demás tareas.
        let mut linea = serde_json::to_string(paquete)?;
        linea.push('\n');

        // El guardián vive hasta el final de la función, a través de los dos
        // `.await`: mientras esta tarea espera al escritor, ninguna otra
        // puede colar sus bytes en medio de esta línea.
        let mut escritor = self.escritor.lock().unwrap();
        escritor.write_all(linea.as_bytes()).await?;
        escritor.flush().await?;
        Ok(())
    }
}
