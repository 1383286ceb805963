//! Ejercicio `reintentar`: repetir una operación asíncrona que puede fallar.
//!
//! Capítulo: book/src/04-async-blocks.md (sección «Closures asíncronos»).
//! Pruebas: `cargo test -p exercises --test reintentar`.
//! Pista: `cargo run -- pista reintentar`.
//!
//! Un servidor que falla de vez en cuando, una red que se corta un momento:
//! muchas veces basta con volver a intentarlo. Escribe `reintentar`, que
//! llama a una operación asíncrona hasta que sale bien o hasta agotar los
//! intentos, y espera un rato entre un intento y el siguiente sin bloquear el
//! hilo. La operación llega como un closure asíncrono (`async || { ... }`),
//! que puede tomar prestado lo que captura: una URL, un contador.

use std::time::Duration;

// ANCHOR: firma
/// Llama a `operacion` hasta que devuelva `Ok` o hasta haberla llamado
/// `intentos` veces.
///
/// - Si un intento devuelve `Ok`, devuelve ese `Ok` y no vuelve a llamarla.
/// - Si los `intentos` intentos fallan, devuelve el `Err` del último.
/// - Entre un intento fallido y el siguiente espera `espera`, con
///   `async_std::task::sleep`, que no bloquea el hilo. No espera antes del
///   primer intento ni después del último.
/// - `intentos` tiene que ser al menos 1.
///
/// `operacion` es `impl AsyncFnMut() -> Result<T, E>`: algo que se puede
/// llamar varias veces, una después de otra, y cuyo future puede tomar
/// prestado (también con `&mut`) lo que el closure capturó.
pub async fn reintentar<T, E>(
    intentos: usize,
    espera: Duration,
    operacion: impl AsyncFnMut() -> Result<T, E>,
) -> Result<T, E> {
    todo!(
        "Ejercicio `reintentar`: escribe `reintentar` en exercises/src/reintentar.rs \
         (capítulo book/src/04-async-blocks.md; pista: cargo run -- pista reintentar)"
    )
}
// ANCHOR_END: firma
