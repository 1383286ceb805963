//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/contar_sondeos.rs, sin cambiar una línea,
//! contra una alternativa, que debe pasarlas todas
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/alternativas/contar_sondeos/box_pin_en_cada_sondeo.rs.

#[path = "../alternativas/contar_sondeos/box_pin_en_cada_sondeo.rs"]
pub mod contar_sondeos;

include!("../../exercises/tests/contar_sondeos.rs");
