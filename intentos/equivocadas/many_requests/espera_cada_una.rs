//! Error: espera cada tarea nada más lanzarla, antes de lanzar la siguiente:
//! las peticiones van de una en una.
//! Se espera: falla todas_las_peticiones_estan_en_vuelo_a_la_vez
//!
//! Solución del ejercicio `many_requests`: `many_requests` con `spawn_local`.
//!
//! Dos bucles: el primero lanza todas las tareas, el segundo las espera. Como
//! todas están lanzadas antes de esperar la primera, todas están en vuelo a
//! la vez.

use async_std::task;
use taller_async::referencia::cheapo_request;

/// Hace todas las peticiones `(host, port, path)` concurrentemente en el hilo
/// actual y devuelve sus resultados en el mismo orden.
pub async fn many_requests(requests: Vec<(String, u16, String)>) -> Vec<std::io::Result<String>> {
    let mut results = vec![];
    for (host, port, path) in requests {
        let handle = task::spawn_local(async move { cheapo_request(&host, port, &path).await });
        results.push(handle.await);
    }
    results
}
