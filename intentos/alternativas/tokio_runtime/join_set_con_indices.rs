//! Alternativa: un `JoinSet` y `join_next_with_id`: los resultados llegan en
//! el orden en que terminan, y el `Id` de cada tarea (también el de un
//! `JoinError`) dice en qué posición va cada uno.

use std::collections::HashMap;

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
    let n = requests.len();
    let mut tareas = tokio::task::JoinSet::new();
    let mut posicion = HashMap::new();
    for (i, (host, port, path)) in requests.into_iter().enumerate() {
        let handle = tareas.spawn(async move {
            let respuesta = cheapo_request(&host, port, &path).await?;
            Ok(interpretar(respuesta))
        });
        posicion.insert(handle.id(), i);
    }

    let mut results: Vec<Option<Result<String, Fallo>>> = (0..n).map(|_| None).collect();
    while let Some(resultado) = tareas.join_next_with_id().await {
        let (id, resultado) = match resultado {
            Ok((id, Ok(valor))) => (id, Ok(valor)),
            Ok((id, Err(error))) => (id, Err(Fallo::Peticion(error))),
            Err(error) => (error.id(), Err(Fallo::Tarea(error))),
        };
        results[posicion[&id]] = Some(resultado);
    }
    results
        .into_iter()
        .map(|r| r.expect("cada tarea termina una vez"))
        .collect()
}
