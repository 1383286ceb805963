//! Error: pide las URL una detrás de otra, esperando cada una antes de
//! empezar la siguiente: nunca hay más de una en vuelo.
//! Se espera: falla nunca_hay_mas_de_n_en_vuelo_y_se_llega_a_n, no_espera_a_toda_la_tanda_para_empezar_la_siguiente

use taller_async::referencia::en_tokio::cheapo_request;

/// Pide cada URL, dada como `(host, puerto, ruta)`, de una en una.
pub async fn many_requests_acotado(
    urls: Vec<(String, u16, String)>,
    _n: usize,
) -> Vec<std::io::Result<String>> {
    let mut resultados = Vec::new();
    for (host, port, path) in urls {
        resultados.push(cheapo_request(&host, port, &path).await);
    }
    resultados
}
