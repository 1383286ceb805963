//! Ejercicio `callback_ffi`: de un callback de C a un future.
//!
//! Capítulo: book/src/22-callback-ffi.md.
//! Pruebas: `cargo test -p exercises --test callback_ffi`.
//! Pista: `cargo run -- pista callback_ffi`.
//!
//! Muchas bibliotecas de C (y el propio sistema operativo) son asíncronas a
//! su manera: les pides una operación, la llamada vuelve enseguida, y más
//! tarde, desde otro hilo, llaman a una función tuya (el callback) con el
//! resultado y con un puntero opaco que les diste (el `user_data`).
//!
//! `esperar_callback` convierte cualquier operación con esa forma en un
//! future. No sabe qué biblioteca hay detrás: recibe un closure, `iniciar`,
//! que llama a la biblioteca con el callback y el `user_data` que le pases.
//! Por ejemplo, con la de `taller-ffi`:
//!
//! ```ignore
//! let doble = esperar_callback(|callback, user_data| {
//!     taller_duplicar_tarde(21, 100, Some(callback), user_data)
//! })
//! .await;
//! assert_eq!(doble, Ok(42));
//! ```
//!
//! Lo que se pide, además del resultado: que el future no bloquee el hilo
//! mientras espera, que se pueda soltar (cancelar) en cualquier momento sin
//! que el callback que llegue después toque memoria liberada, y que cada
//! `user_data` se libere una vez.

use std::ffi::c_void;

use taller_ffi::Callback;

/// Lo que puede salir mal al esperar una operación de C.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorFfi {
    /// La biblioteca no empezó la operación: devolvió este código, y no
    /// llamará al callback.
    Rechazada(i32),
    /// La biblioteca soltó la operación sin llamar al callback (rompería su
    /// contrato; con `taller-ffi` no pasa).
    SinRespuesta,
}

/// Empieza una operación con `iniciar` y espera el resultado que traiga su
/// callback.
///
/// `iniciar` recibe el callback y el `user_data` que hay que pasar a la
/// biblioteca, la llama y devuelve su código: `TALLER_OK` si empezó (y
/// entonces el callback llegará exactamente una vez, quizá desde otro hilo,
/// quizá incluso antes de que `iniciar` vuelva), u otro valor si no empezó
/// (y entonces no habrá callback).
pub async fn esperar_callback<F>(iniciar: F) -> Result<i32, ErrorFfi>
where
    F: FnOnce(Callback, *mut c_void) -> i32,
{
    todo!(
        "Ejercicio `callback_ffi`: escribe `esperar_callback` (y tu callback `extern \"C\"`) en \
         exercises/src/callback_ffi.rs (capítulo book/src/22-callback-ffi.md; \
         pista: cargo run -- pista callback_ffi)"
    )
}
