//! Error: el future que lanza `spawn_request` toma prestados `host` y `path`
//! en lugar de llevarse copias: `task::spawn` exige un future `'static`.
//! Se espera: no compila
//!
//! Solución del ejercicio `many_requests_spawn`: `spawn` contra `spawn_local`.
//!
//! La tarea se va a otro hilo y puede vivir más que quien la lanzó: no puede
//! llevarse préstamos. Se copian `host` y `path` antes de crear el future, y
//! `async move` se los lleva.

use async_std::task;
use taller_async::referencia::cheapo_request;

/// Lanza `GET path` a `host:port` en el pool de hilos y devuelve el handle
/// de la tarea.
pub fn spawn_request(
    host: &str,
    port: u16,
    path: &str,
) -> task::JoinHandle<std::io::Result<String>> {
    task::spawn(async move { cheapo_request(host, port, path).await })
}

/// Como `many_requests`, pero cada petición va al pool de hilos.
pub async fn many_requests_spawn(
    requests: &[(String, u16, String)],
) -> Vec<std::io::Result<String>> {
    // Todas se lanzan antes de esperar ninguna, y ya están corriendo.
    let handles: Vec<_> = requests
        .iter()
        .map(|(host, port, path)| spawn_request(host, *port, path))
        .collect();

    let mut results = vec![];
    for handle in handles {
        results.push(handle.await);
    }
    results
}
