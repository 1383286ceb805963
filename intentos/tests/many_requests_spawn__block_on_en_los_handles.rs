//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/many_requests_spawn.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/many_requests_spawn/block_on_en_los_handles.rs.

#[path = "../equivocadas/many_requests_spawn/block_on_en_los_handles.rs"]
pub mod many_requests_spawn;

include!("../../exercises/tests/many_requests_spawn.rs");
