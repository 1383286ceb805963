//! Alternativa: sin tareas, con `futures::future::join_all`: una sola tarea
//! sondea todos los futures de `cheapo_request` a la vez, y los resultados
//! salen en el orden de las peticiones.
//!
//! Solución del ejercicio `many_requests`: `many_requests` con `spawn_local`.
//!
//! Dos bucles: el primero lanza todas las tareas, el segundo las espera. Como
//! todas están lanzadas antes de esperar la primera, todas están en vuelo a
//! la vez.

use futures::future::join_all;
use taller_async::referencia::cheapo_request;

/// Hace todas las peticiones `(host, port, path)` concurrentemente en el hilo
/// actual y devuelve sus resultados en el mismo orden.
pub async fn many_requests(requests: Vec<(String, u16, String)>) -> Vec<std::io::Result<String>> {
    join_all(
        requests
            .iter()
            .map(|(host, port, path)| cheapo_request(host, *port, path)),
    )
    .await
}
