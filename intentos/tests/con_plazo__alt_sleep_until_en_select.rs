//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/con_plazo.rs, sin cambiar una línea,
//! contra una alternativa, que debe pasarlas todas
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/alternativas/con_plazo/sleep_until_en_select.rs.

#[path = "../alternativas/con_plazo/sleep_until_en_select.rs"]
pub mod con_plazo;

include!("../../exercises/tests/con_plazo.rs");
