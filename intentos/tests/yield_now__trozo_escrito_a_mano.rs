//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/yield_now.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/yield_now/trozo_escrito_a_mano.rs.

#[path = "../equivocadas/yield_now/trozo_escrito_a_mano.rs"]
pub mod yield_now;

include!("../../exercises/tests/yield_now.rs");
