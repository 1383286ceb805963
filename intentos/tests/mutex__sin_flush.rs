//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/mutex.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/mutex/sin_flush.rs.

#[path = "../equivocadas/mutex/sin_flush.rs"]
pub mod mutex;

include!("../../exercises/tests/mutex.rs");
