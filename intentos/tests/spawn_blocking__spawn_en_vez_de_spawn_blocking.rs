//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/spawn_blocking.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/spawn_blocking/spawn_en_vez_de_spawn_blocking.rs.

#[path = "../equivocadas/spawn_blocking/spawn_en_vez_de_spawn_blocking.rs"]
pub mod spawn_blocking;

include!("../../exercises/tests/spawn_blocking.rs");
