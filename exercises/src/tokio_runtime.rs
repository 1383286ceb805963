//! Ejercicio `tokio_runtime`: `many_requests` con `tokio::spawn`, sin que una
//! tarea que falla hunda a las demás.
//!
//! Capítulo: book/src/tokio-runtime.md.
//! Pruebas: `cargo test -p exercises --test tokio_runtime`.
//! Pista: `cargo run -- pista tokio_runtime`.
//!
//! Lanza cada petición en su propia tarea con `tokio::spawn`, todas antes de
//! esperar ninguna. Cada tarea pide su ruta con `cheapo_request` y pasa la
//! respuesta por `interpretar`, que puede entrar en pánico. Devuelve un
//! resultado por petición, en el orden de las peticiones: `Ok` con lo que
//! devolvió `interpretar`, `Err(Fallo::Peticion(..))` si la petición falló y
//! `Err(Fallo::Tarea(..))` si la tarea entró en pánico o se canceló.
//!
//! La `cheapo_request` que usas es la de la biblioteca del taller
//! (`taller_async::referencia::en_tokio`), hecha con los sockets de tokio.

#[allow(unused_imports)]
use taller_async::referencia::en_tokio::cheapo_request;

/// Por qué una petición no dio resultado.
#[derive(Debug)]
pub enum Fallo {
    /// La petición falló: no se pudo conectar, o se cortó.
    Peticion(std::io::Error),
    /// La tarea que la hacía entró en pánico o se canceló.
    Tarea(tokio::task::JoinError),
}

/// Hace todas las peticiones `(host, port, path)` a la vez, cada una en su
/// tarea, y devuelve sus resultados en el mismo orden.
pub async fn many_requests(
    requests: Vec<(String, u16, String)>,
    interpretar: fn(String) -> String,
) -> Vec<Result<String, Fallo>> {
    todo!(
        "Ejercicio `tokio_runtime`: escribe `many_requests` en exercises/src/tokio_runtime.rs \
         (capítulo book/src/tokio-runtime.md; pista: cargo run -- pista tokio_runtime)"
    )
}
