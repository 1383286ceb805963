//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/actor.rs, sin cambiar una línea,
//! contra una alternativa, que debe pasarlas todas
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/alternativas/actor/preguntar_con_reserve.rs.

#[path = "../alternativas/actor/preguntar_con_reserve.rs"]
pub mod actor;

include!("../../exercises/tests/actor.rs");
