//! Solución del ejercicio `many_requests_acotado`: como mucho `n` peticiones
//! a la vez.
//!
//! Un stream de futures, uno por URL, y `buffer_unordered(n)`: el stream
//! tiene como mucho `n` futures en marcha, y en cuanto uno termina saca el
//! siguiente. Cada future lleva el índice de su URL, porque los resultados
//! salen en el orden en que terminan; con el índice, cada uno va a su sitio.

use futures::stream::{self, StreamExt};
use taller_async::referencia::en_tokio::cheapo_request;

/// Pide cada URL, dada como `(host, puerto, ruta)`, con como mucho `n`
/// peticiones en vuelo a la vez (`n` es al menos 1), y devuelve sus
/// resultados en el orden de `urls`.
pub async fn many_requests_acotado(
    urls: Vec<(String, u16, String)>,
    n: usize,
) -> Vec<std::io::Result<String>> {
    assert!(n > 0, "con n = 0 no empezaría ninguna petición");
    let mut resultados: Vec<Option<std::io::Result<String>>> =
        std::iter::repeat_with(|| None).take(urls.len()).collect();

    let mut en_vuelo = stream::iter(urls.into_iter().enumerate())
        .map(|(i, (host, port, path))| async move { (i, cheapo_request(&host, port, &path).await) })
        .buffer_unordered(n);
    while let Some((i, resultado)) = en_vuelo.next().await {
        resultados[i] = Some(resultado);
    }

    resultados
        .into_iter()
        .map(|r| r.expect("el stream da un resultado por URL"))
        .collect()
}
