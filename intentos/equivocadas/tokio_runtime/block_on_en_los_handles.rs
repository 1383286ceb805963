//! Error: espera cada handle con `futures::executor::block_on`: las tareas
//! corren igual en los hilos del runtime, pero el hilo de quien llama se
//! queda bloqueado y su tarea no devuelve nunca `Pending`.
//! Se espera: falla espera_los_handles_sin_bloquear_el_hilo

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
        handles.push(tokio::spawn(async move {
            let respuesta = cheapo_request(&host, port, &path).await?;
            Ok(interpretar(respuesta))
        }));
    }

    let mut results = vec![];
    for handle in handles {
        results.push(match futures::executor::block_on(handle) {
            Ok(Ok(valor)) => Ok(valor),
            Ok(Err(error)) => Err(Fallo::Peticion(error)),
            Err(error) => Err(Fallo::Tarea(error)),
        });
    }
    results
}
