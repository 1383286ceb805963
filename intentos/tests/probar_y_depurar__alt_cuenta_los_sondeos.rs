//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/probar_y_depurar.rs, sin cambiar una línea,
//! contra una alternativa, que debe pasarlas todas
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/alternativas/probar_y_depurar/cuenta_los_sondeos.rs.

#[path = "../alternativas/probar_y_depurar/cuenta_los_sondeos.rs"]
pub mod probar_y_depurar;

include!("../../exercises/tests/probar_y_depurar.rs");
