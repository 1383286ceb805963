//! Error: `buffer_unordered(n)` y `collect`, sin índices: los resultados
//! salen en el orden en que terminan las peticiones, no en el de las URL.
//! Se espera: falla devuelve_los_resultados_en_el_orden_de_las_urls

use futures::stream::{self, StreamExt};
use taller_async::referencia::en_tokio::cheapo_request;

/// Pide cada URL, dada como `(host, puerto, ruta)`, con como mucho `n`
/// peticiones en vuelo a la vez... y devuelve los resultados según llegan.
pub async fn many_requests_acotado(
    urls: Vec<(String, u16, String)>,
    n: usize,
) -> Vec<std::io::Result<String>> {
    stream::iter(urls)
        .map(|(host, port, path)| async move { cheapo_request(&host, port, &path).await })
        .buffer_unordered(n)
        .collect()
        .await
}
