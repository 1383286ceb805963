//! Error: un `FuturesUnordered` que admite uno más mientras tenga `<= n` en
//! marcha, en lugar de `< n`: llega a tener n + 1 en vuelo.
//! Se espera: falla nunca_hay_mas_de_n_en_vuelo_y_se_llega_a_n

use futures::StreamExt;
use futures::stream::FuturesUnordered;
use taller_async::referencia::en_tokio::cheapo_request;

/// Pide cada URL, dada como `(host, puerto, ruta)`, con como mucho `n`...
/// más una.
pub async fn many_requests_acotado(
    urls: Vec<(String, u16, String)>,
    n: usize,
) -> Vec<std::io::Result<String>> {
    let mut resultados: Vec<Option<std::io::Result<String>>> =
        std::iter::repeat_with(|| None).take(urls.len()).collect();
    let mut pendientes = urls.into_iter().enumerate();
    let mut en_vuelo = FuturesUnordered::new();
    loop {
        // El error: `<=` deja entrar una de más.
        while en_vuelo.len() <= n {
            let Some((i, (host, port, path))) = pendientes.next() else {
                break;
            };
            en_vuelo.push(async move { (i, cheapo_request(&host, port, &path).await) });
        }
        match en_vuelo.next().await {
            Some((i, resultado)) => resultados[i] = Some(resultado),
            None => break,
        }
    }
    resultados.into_iter().map(|r| r.unwrap()).collect()
}
