//! Las soluciones de los ejercicios, con los mismos módulos y las mismas
//! firmas que `exercises/`.
//!
//! Las pruebas de `exercises/tests/` corren también contra este paquete (ver
//! `solutions/tests/`): si una solución cambia, el contrato lo comprueba.
//! Míralas después de intentarlo: se aprende más del propio error.

pub mod async_fn_en_traits;
pub mod contar_sondeos;
pub mod e01_cheapo_request;
pub mod e02_many_requests;
pub mod e03_many_requests_spawn;
pub mod e04_futures_perezosos;
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
