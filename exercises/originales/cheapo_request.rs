//! Ejercicio `cheapo_request`: la versión asíncrona de `cheapo_request`.
//!
//! Capítulo: book/src/01-cheapo-request.md.
//! Pruebas: `cargo test -p exercises --test cheapo_request`.
//! Pista: `cargo run -- pista cheapo_request`.
//!
//! Escribe la versión asíncrona de la petición HTTP hecha a mano: abre una
//! conexión TCP a `host:port`, envía `GET path HTTP/1.1` con su cabecera
//! `Host`, cierra el lado de escritura y lee la respuesta entera. Debe usar
//! la E/S de `async_std`, no la de `std`: mientras espera la red, el hilo
//! tiene que quedar libre para otras tareas.

/// Hace un `GET path` a `host:port` y devuelve la respuesta entera (línea de
/// estado, cabeceras y cuerpo) como texto.
pub async fn cheapo_request(host: &str, port: u16, path: &str) -> std::io::Result<String> {
    todo!(
        "Ejercicio `cheapo_request`: escribe `cheapo_request` en exercises/src/cheapo_request.rs \
         (capítulo book/src/01-cheapo-request.md; pista: cargo run -- pista cheapo_request)"
    )
}
