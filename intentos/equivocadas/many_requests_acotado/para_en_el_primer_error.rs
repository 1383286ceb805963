//! Error: deja de pedir en cuanto una URL falla (`take_while` hasta el
//! primer `Err`): las URL de después se quedan sin resultado.
//! Se espera: falla una_url_que_falla_no_detiene_a_las_demas

use futures::stream::{self, StreamExt};
use taller_async::referencia::en_tokio::cheapo_request;

/// Pide cada URL, dada como `(host, puerto, ruta)`, con como mucho `n`
/// peticiones en vuelo a la vez, hasta el primer error.
pub async fn many_requests_acotado(
    urls: Vec<(String, u16, String)>,
    n: usize,
) -> Vec<std::io::Result<String>> {
    let mut resultados = Vec::new();
    let mut en_vuelo = stream::iter(urls)
        .map(|(host, port, path)| async move { cheapo_request(&host, port, &path).await })
        .buffered(n);
    while let Some(resultado) = en_vuelo.next().await {
        let fallo = resultado.is_err();
        resultados.push(resultado);
        if fallo {
            break;
        }
    }
    resultados
}
