//! Error: espera cada handle nada más lanzar su tarea, antes de lanzar la
//! siguiente: las peticiones van de una en una.
//! Se espera: falla todas_las_peticiones_estan_en_vuelo_a_la_vez

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
    let mut results = vec![];
    for (host, port, path) in requests {
        let handle = tokio::spawn(async move {
            let respuesta = cheapo_request(&host, port, &path).await?;
            Ok(interpretar(respuesta))
        });
        results.push(match handle.await {
            Ok(Ok(valor)) => Ok(valor),
            Ok(Err(error)) => Err(Fallo::Peticion(error)),
            Err(error) => Err(Fallo::Tarea(error)),
        });
    }
    results
}
