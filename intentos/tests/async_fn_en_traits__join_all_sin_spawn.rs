//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/async_fn_en_traits.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/async_fn_en_traits/join_all_sin_spawn.rs.

#[path = "../equivocadas/async_fn_en_traits/join_all_sin_spawn.rs"]
pub mod async_fn_en_traits;

include!("../../exercises/tests/async_fn_en_traits.rs");
