//! Aceptar conexiones: el bucle que escucha, hasta que el servidor se
//! detiene.
//!
//! Es el `accept_loop` del `main.rs` del libro, en tokio. Lo escribes tú:
//! etapa `aceptar_y_leer_lineas` (y en la etapa `apagado`, que pare).

use std::sync::Arc;

use tokio::net::TcpListener;

use super::Estado;

// ANCHOR: aceptar
/// Acepta conexiones y lanza una tarea por cada una
/// ([`Estado::lanzar_conexion`]), hasta que se cancela `estado.parar`. Al
/// volver suelta el `listener`: ya no se aceptan más.
///
/// Un error al aceptar (por ejemplo, «too many open files») no debe hacer
/// caer el servidor: se anota si `estado.config.registrar_errores`, se
/// espera un poco y se sigue.
pub async fn aceptar(listener: TcpListener, estado: Arc<Estado>) {
    todo!(
        "escribe el bucle que acepta conexiones en exercises/src/chat_tokio/aceptar.rs \
         (etapa aceptar_y_leer_lineas: book/src/chat-tokio.md, «Etapa 1»)"
    )
}
// ANCHOR_END: aceptar
