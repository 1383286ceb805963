//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/apagado_ordenado.rs, sin cambiar una línea,
//! contra una alternativa, que debe pasarlas todas
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/alternativas/apagado_ordenado/select_con_sleep_until.rs.

#[path = "../alternativas/apagado_ordenado/select_con_sleep_until.rs"]
pub mod apagado_ordenado;

include!("../../exercises/tests/apagado_ordenado.rs");
