//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/many_requests.rs, sin cambiar una línea,
//! contra una alternativa, que debe pasarlas todas
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/alternativas/many_requests/join_all.rs.

#[path = "../alternativas/many_requests/join_all.rs"]
pub mod many_requests;

include!("../../exercises/tests/many_requests.rs");
