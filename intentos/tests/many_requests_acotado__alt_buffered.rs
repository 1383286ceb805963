//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/many_requests_acotado.rs, sin cambiar una línea,
//! contra una alternativa, que debe pasarlas todas
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/alternativas/many_requests_acotado/buffered.rs.

#[path = "../alternativas/many_requests_acotado/buffered.rs"]
pub mod many_requests_acotado;

include!("../../exercises/tests/many_requests_acotado.rs");
