//! Aceptar conexiones: el bucle que escucha, hasta que el servidor se
//! detiene.
//!
//! Es el `accept_loop` del `main.rs` del libro, en tokio, con dos cambios:
//! un error al aceptar (por ejemplo, «too many open files») no hace caer el
//! servidor, y la orden de parar gana la carrera a la conexión siguiente.

use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;

use super::Estado;

// ANCHOR: aceptar
/// Acepta conexiones y lanza una tarea por cada una, hasta que se cancela
/// `estado.parar`. Al volver suelta el `listener`: ya no se aceptan más.
pub async fn aceptar(listener: TcpListener, estado: Arc<Estado>) {
    loop {
        // `accept` es seguro ante la cancelación: si gana `parar`, no se
        // perdió ninguna conexión a medio aceptar.
        let aceptada = tokio::select! {
            _ = estado.parar.cancelled() => break,
            aceptada = listener.accept() => aceptada,
        };
        match aceptada {
            Ok((socket, _)) => estado.lanzar_conexion(socket),
            Err(error) => {
                // No es culpa de nadie que esté conectado: se espera un poco
                // y se sigue.
                if estado.config.registrar_errores {
                    eprintln!("Error al aceptar una conexión: {error}");
                }
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        }
    }
}
// ANCHOR_END: aceptar
