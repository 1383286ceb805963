//! Alternativa: `buffered(n)`, que da los resultados en el orden del stream
//! sin índices. Cuenta como en vuelo también lo que ya terminó y espera a
//! que salga una anterior: con una petición lenta delante, empieza menos
//! peticiones nuevas que `buffer_unordered`, pero empieza alguna.

use futures::stream::{self, StreamExt};
use taller_async::referencia::en_tokio::cheapo_request;

/// Pide cada URL, dada como `(host, puerto, ruta)`, con como mucho `n`
/// peticiones en vuelo a la vez, y devuelve sus resultados en el orden de
/// `urls`.
pub async fn many_requests_acotado(
    urls: Vec<(String, u16, String)>,
    n: usize,
) -> Vec<std::io::Result<String>> {
    stream::iter(urls)
        .map(|(host, port, path)| async move { cheapo_request(&host, port, &path).await })
        .buffered(n)
        .collect()
        .await
}
