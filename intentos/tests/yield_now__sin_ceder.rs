//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/yield_now.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/yield_now/sin_ceder.rs.

#[path = "../equivocadas/yield_now/sin_ceder.rs"]
pub mod yield_now;

include!("../../exercises/tests/yield_now.rs");
