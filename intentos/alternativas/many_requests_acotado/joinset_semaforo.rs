//! Alternativa: una tarea por URL en un `JoinSet`, y un `Semaphore` de `n`
//! permisos: se toma un permiso antes de lanzar cada tarea, la tarea se lo
//! lleva y lo devuelve al terminar. Las tareas corren en paralelo en los
//! hilos del runtime; los índices ponen cada resultado en su sitio.

use std::sync::Arc;

use taller_async::referencia::en_tokio::cheapo_request;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

/// Pide cada URL, dada como `(host, puerto, ruta)`, con como mucho `n`
/// peticiones en vuelo a la vez, y devuelve sus resultados en el orden de
/// `urls`.
pub async fn many_requests_acotado(
    urls: Vec<(String, u16, String)>,
    n: usize,
) -> Vec<std::io::Result<String>> {
    let semaforo = Arc::new(Semaphore::new(n));
    let mut resultados: Vec<Option<std::io::Result<String>>> =
        std::iter::repeat_with(|| None).take(urls.len()).collect();
    let mut tareas = JoinSet::new();
    for (i, (host, port, path)) in urls.into_iter().enumerate() {
        let permiso = Arc::clone(&semaforo)
            .acquire_owned()
            .await
            .expect("nadie cierra el semáforo");
        tareas.spawn(async move {
            let resultado = cheapo_request(&host, port, &path).await;
            drop(permiso);
            (i, resultado)
        });
    }
    while let Some(terminada) = tareas.join_next().await {
        let (i, resultado) = terminada.expect("la tarea no entra en pánico");
        resultados[i] = Some(resultado);
    }
    resultados.into_iter().map(|r| r.unwrap()).collect()
}
