//! Error: pide las URL en tandas de n con `join_all`, y no empieza la tanda
//! siguiente hasta que termina la última petición de la anterior: una
//! petición lenta retiene a las demás.
//! Se espera: falla no_espera_a_toda_la_tanda_para_empezar_la_siguiente

use futures::future::join_all;
use taller_async::referencia::en_tokio::cheapo_request;

/// Pide cada URL, dada como `(host, puerto, ruta)`, en tandas de `n`.
pub async fn many_requests_acotado(
    urls: Vec<(String, u16, String)>,
    n: usize,
) -> Vec<std::io::Result<String>> {
    let mut resultados = Vec::new();
    for tanda in urls.chunks(n) {
        let peticiones = tanda
            .iter()
            .map(|(host, port, path)| cheapo_request(host, *port, path));
        resultados.extend(join_all(peticiones).await);
    }
    resultados
}
