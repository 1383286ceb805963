//! Error: `handle.await.unwrap()`: el pánico de una tarea vuelve a estallar
//! en `many_requests` y hunde todas las peticiones, no solo la suya.
//! Se espera: falla una_tarea_con_panico_es_el_error_de_su_entrada

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
        results.push(handle.await.unwrap().map_err(Fallo::Peticion));
    }
    results
}
