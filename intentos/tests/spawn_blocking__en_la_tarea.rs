//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/spawn_blocking.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/spawn_blocking/en_la_tarea.rs.

#[path = "../equivocadas/spawn_blocking/en_la_tarea.rs"]
pub mod spawn_blocking;

include!("../../exercises/tests/spawn_blocking.rs");
