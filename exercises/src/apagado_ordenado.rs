//! Ejercicio `apagado_ordenado`: apagar un servidor en orden.
//!
//! Capítulo: book/src/apagado-ordenado.md.
//! Pruebas: `cargo test -p exercises --test apagado_ordenado`.
//! Pista: `cargo run -- pista apagado_ordenado`.
//!
//! El servidor ya está hecho: es `taller_async::apagado::Servidor`
//! (src/apagado.rs), un chat de tokio con una tarea lectora y una escritora
//! por conexión. Te falta su apagado, `apagar`, que tiene que:
//!
//! 1. dejar de aceptar conexiones y de leer paquetes (`servidor.detener`), y
//!    esperar a que las lectoras terminen (`servidor.lectoras`): desde ahí,
//!    ningún mensaje nuevo entra en las colas;
//! 2. avisar a cada cliente: un `FromServer::Error(AVISO)` al final de cada
//!    cola (`servidor.tomar_colas()`), sin esperar a que haya sitio en ella;
//! 3. soltar las colas, para que cada escritora escriba lo que quedaba en la
//!    suya y termine, y esperar a las escritoras (`servidor.escritoras`)
//!    como mucho hasta que pase `plazo` desde que se llamó a `apagar`;
//! 4. abortar las que sigan vivas (`servidor.escritoras_vivas()`) y esperar
//!    a que terminen de soltarse.
//!
//! Devuelve cuántos clientes recibieron el aviso en su cola y cuántas
//! escritoras abortó. Al volver, no queda ninguna tarea del servidor viva.

use std::time::Duration;

pub use taller_async::apagado::{AVISO, Informe, Servidor};

/// Apaga `servidor` en orden, sin pasar de `plazo`.
pub async fn apagar(servidor: &Servidor, plazo: Duration) -> Informe {
    todo!(
        "Ejercicio `apagado_ordenado`: escribe `apagar` en \
         exercises/src/apagado_ordenado.rs (capítulo book/src/apagado-ordenado.md; \
         pista: cargo run -- pista apagado_ordenado)"
    )
}
