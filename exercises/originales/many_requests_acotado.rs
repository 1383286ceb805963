//! Ejercicio `many_requests_acotado`: como mucho `n` peticiones a la vez.
//!
//! Capítulo: book/src/many-requests-acotado.md.
//! Pruebas: `cargo test -p exercises --test many_requests_acotado`.
//! Pista: `cargo run -- pista many_requests_acotado`.
//!
//! Haz todas las peticiones, pero nunca más de `n` en vuelo a la vez, y en
//! cuanto una termine, empieza la siguiente: una petición lenta no debe
//! retener a las demás. Devuelve un resultado por URL, en el orden de las
//! URL, con los errores en su sitio: una URL que falla no detiene a las
//! otras.
//!
//! Corre sobre tokio. La `cheapo_request` que usas es la de la biblioteca
//! del taller (`taller_async::referencia::en_tokio`), que habla con sockets
//! de tokio.

#[allow(unused_imports)]
use taller_async::referencia::en_tokio::cheapo_request;

/// Pide cada URL, dada como `(host, puerto, ruta)`, con como mucho `n`
/// peticiones en vuelo a la vez (`n` es al menos 1), y devuelve sus
/// resultados en el orden de `urls`.
pub async fn many_requests_acotado(
    urls: Vec<(String, u16, String)>,
    n: usize,
) -> Vec<std::io::Result<String>> {
    todo!(
        "Ejercicio `many_requests_acotado`: escribe `many_requests_acotado` en \
         exercises/src/many_requests_acotado.rs (capítulo book/src/many-requests-acotado.md; \
         pista: cargo run -- pista many_requests_acotado)"
    )
}
