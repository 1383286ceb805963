//! Error: recoge los resultados de un `JoinSet` con `join_next`, en el orden
//! en que terminan las tareas y no en el de las peticiones.
//! Se espera: falla devuelve_los_resultados_en_el_orden_de_las_peticiones, una_tarea_con_panico_es_el_error_de_su_entrada, un_error_de_red_es_el_error_de_su_entrada

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
    let mut tareas = tokio::task::JoinSet::new();
    for (host, port, path) in requests {
        tareas.spawn(async move {
            let respuesta = cheapo_request(&host, port, &path).await?;
            Ok(interpretar(respuesta))
        });
    }

    let mut results = vec![];
    while let Some(resultado) = tareas.join_next().await {
        results.push(match resultado {
            Ok(Ok(valor)) => Ok(valor),
            Ok(Err(error)) => Err(Fallo::Peticion(error)),
            Err(error) => Err(Fallo::Tarea(error)),
        });
    }
    results
}
