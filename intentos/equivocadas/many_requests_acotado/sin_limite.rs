//! Error: lanza una tarea por URL, todas a la vez, sin ningún límite: `n` no
//! se usa.
//! Se espera: falla nunca_hay_mas_de_n_en_vuelo_y_se_llega_a_n

use taller_async::referencia::en_tokio::cheapo_request;

/// Pide cada URL, dada como `(host, puerto, ruta)`... y se olvida de `n`.
pub async fn many_requests_acotado(
    urls: Vec<(String, u16, String)>,
    _n: usize,
) -> Vec<std::io::Result<String>> {
    let mut handles = Vec::new();
    for (host, port, path) in urls {
        handles.push(tokio::spawn(async move {
            cheapo_request(&host, port, &path).await
        }));
    }
    let mut resultados = Vec::new();
    for handle in handles {
        resultados.push(handle.await.expect("la tarea no entra en pánico"));
    }
    resultados
}
