//! Ejercicio `many_requests_spawn`: `spawn` contra `spawn_local`: propiedad, `'static` y
//! `async move`.
//!
//! Capítulo: book/src/02-many-requests.md (sección «En el pool de hilos»).
//! Pruebas: `cargo test -p exercises --test many_requests_spawn`.
//! Pista: `cargo run -- pista many_requests_spawn`.
//!
//! `async_std::task::spawn` manda la tarea al pool de hilos de async-std: la
//! tarea empieza a correr enseguida, en otro hilo, aunque nadie espere su
//! `JoinHandle`. Por eso su future debe ser `Send + 'static`, y aquí recibes
//! `host` y `path` prestados.

#[allow(unused_imports)]
use async_std::task;
#[allow(unused_imports)]
use taller_async::referencia::cheapo_request;

/// Lanza `GET path` a `host:port` en el pool de hilos y devuelve el handle
/// de la tarea. Es una función normal, no `async`: la petición debe correr
/// aunque quien llama todavía no espere el handle.
pub fn spawn_request(
    host: &str,
    port: u16,
    path: &str,
) -> task::JoinHandle<std::io::Result<String>> {
    todo!(
        "Ejercicio `many_requests_spawn`: escribe `spawn_request` en \
         exercises/src/many_requests_spawn.rs (capítulo book/src/02-many-requests.md; \
         pista: cargo run -- pista many_requests_spawn)"
    )
}

/// Como `many_requests`, pero cada petición va al pool de hilos con
/// [`spawn_request`]. Devuelve los resultados en el orden de las peticiones.
pub async fn many_requests_spawn(
    requests: &[(String, u16, String)],
) -> Vec<std::io::Result<String>> {
    todo!(
        "Ejercicio `many_requests_spawn`: escribe `many_requests_spawn` en \
         exercises/src/many_requests_spawn.rs (capítulo book/src/02-many-requests.md; \
         pista: cargo run -- pista many_requests_spawn)"
    )
}
