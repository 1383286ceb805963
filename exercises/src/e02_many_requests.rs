//! Ejercicio `many_requests`: `many_requests` con `spawn_local`.
//!
//! Capítulo: book/src/02-many-requests.md.
//! Pruebas: `cargo test -p exercises --test e02_many_requests`.
//! Pista: `cargo run -- pista many_requests`.
//!
//! Lanza todas las peticiones a la vez, cada una en su propia tarea con
//! `async_std::task::spawn_local`, y después recoge los resultados en el
//! mismo orden en que llegaron las peticiones. Usa tu `cheapo_request` del
//! ejercicio `cheapo_request`.

#[allow(unused_imports)]
use crate::e01_cheapo_request::cheapo_request;

/// Hace todas las peticiones `(host, port, path)` concurrentemente en el hilo
/// actual y devuelve sus resultados en el mismo orden.
pub async fn many_requests(requests: Vec<(String, u16, String)>) -> Vec<std::io::Result<String>> {
    todo!(
        "Ejercicio `many_requests`: escribe `many_requests` en exercises/src/e02_many_requests.rs \
         (capítulo book/src/02-many-requests.md; pista: cargo run -- pista many_requests)"
    )
}
