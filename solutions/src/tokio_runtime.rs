//! Solución del ejercicio `tokio_runtime`: `many_requests` con `tokio::spawn`,
//! sin que una tarea que falla hunda a las demás.
//!
//! Dos bucles, como en `many_requests`: el primero lanza todas las tareas y
//! el segundo espera sus handles en orden. Lo nuevo es el `Result` del
//! `JoinHandle` de tokio: un `Err(JoinError)` (un pánico, una cancelación)
//! se convierte en el error de esa entrada, en lugar de un `unwrap` que
//! propagaría el pánico y hundiría a todas.

use taller_async::referencia::en_tokio::cheapo_request;

/// Por qué una petición no dio resultado.
#[derive(Debug)]
pub enum Fallo {
    /// La petición falló: no se pudo conectar, o se cortó.
    Peticion(std::io::Error),
    /// La tarea que la hacía entró en pánico o se canceló.
    Tarea(tokio::task::JoinError),
}

/// Hace todas las peticiones `(host, port, path)` a la vez, cada una en su
/// tarea, y devuelve sus resultados en el mismo orden.
pub async fn many_requests(
    requests: Vec<(String, u16, String)>,
    interpretar: fn(String) -> String,
) -> Vec<Result<String, Fallo>> {
    let mut handles = vec![];
    for (host, port, path) in requests {
        // `async move` se queda con `host` y `path`; `interpretar` es un
        // puntero a función, `Copy`, `Send` y `'static`.
        handles.push(tokio::spawn(async move {
            let respuesta = cheapo_request(&host, port, &path).await?;
            Ok(interpretar(respuesta))
        }));
    }

    let mut results = vec![];
    for handle in handles {
        results.push(match handle.await {
            Ok(Ok(valor)) => Ok(valor),
            Ok(Err(error)) => Err(Fallo::Peticion(error)),
            Err(error) => Err(Fallo::Tarea(error)),
        });
    }
    results
}
