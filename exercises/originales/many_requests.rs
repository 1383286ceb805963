//! Ejercicio `many_requests`: `many_requests` con `spawn_local`.
//!
//! Capítulo: book/src/02-many-requests.md.
//! Pruebas: `cargo test -p exercises --test many_requests`.
//! Pista: `cargo run -- pista many_requests`.
//!
//! Lanza todas las peticiones a la vez, cada una en su propia tarea con
//! `async_std::task::spawn_local`, y después recoge los resultados en el
//! mismo orden en que llegaron las peticiones.
//!
//! La `cheapo_request` que usas es la de la biblioteca del taller
//! (`taller_async::referencia`), no la tuya: este ejercicio no depende de
//! que hayas resuelto `cheapo_request`.

#[allow(unused_imports)]
use taller_async::referencia::cheapo_request;

/// Hace todas las peticiones `(host, port, path)` concurrentemente en el hilo
/// actual y devuelve sus resultados en el mismo orden.
pub async fn many_requests(requests: Vec<(String, u16, String)>) -> Vec<std::io::Result<String>> {
    todo!(
        "Ejercicio `many_requests`: escribe `many_requests` en exercises/src/many_requests.rs \
         (capítulo book/src/02-many-requests.md; pista: cargo run -- pista many_requests)"
    )
}
