//! Los ejercicios del taller: aquí escribes tú.
//!
//! Cada módulo es un ejercicio con funciones a medio hacer (`todo!()`). Sus
//! pruebas están en `exercises/tests/` y fallan hasta que lo resuelves:
//!
//! ```text
//! cargo test -p exercises                          # todos
//! cargo test -p exercises --test e01_cheapo_request  # solo uno
//! cargo run -- siguiente                           # ¿cuál me toca?
//! cargo run -- pista cheapo_request                             # una ayuda
//! ```
//!
//! La lista, el orden y las pistas están en `exercises/info.toml`.

// Los esbozos tienen parámetros que aún no usas: es a propósito.
#![allow(unused_variables)]

pub mod async_fn_en_traits;
pub mod contar_sondeos;
pub mod e01_cheapo_request;
pub mod e02_many_requests;
pub mod e03_many_requests_spawn;
pub mod e04_futures_perezosos;
// El esbozo de `contar` es solo un bloque `async move`, y Clippy propone
// convertirlo en `async fn`: no puede ser, el future de una `async fn` guarda
// sus argumentos prestados y la firma promete `'static`.
#[allow(clippy::manual_async_fn)]
pub mod e05_async_blocks;
pub mod e06_send_rc;
pub mod e07_yield_now;
pub mod e08_spawn_blocking;
pub mod e09_streams;
pub mod e10_mutex;
pub mod e11_handle_subscriber;
pub mod e12_group_table;
pub mod e13_linea_acotada;
pub mod e14_waker;
pub mod e15_block_on_propio;
pub mod e16_callback_ffi;
pub mod reintentar;
