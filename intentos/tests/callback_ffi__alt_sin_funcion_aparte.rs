//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/callback_ffi.rs, sin cambiar una línea,
//! contra una alternativa, que debe pasarlas todas
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/alternativas/callback_ffi/sin_funcion_aparte.rs.

#[path = "../alternativas/callback_ffi/sin_funcion_aparte.rs"]
pub mod callback_ffi;

include!("../../exercises/tests/callback_ffi.rs");
