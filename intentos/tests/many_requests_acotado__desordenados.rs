//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/many_requests_acotado.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/many_requests_acotado/desordenados.rs.

#[path = "../equivocadas/many_requests_acotado/desordenados.rs"]
pub mod many_requests_acotado;

include!("../../exercises/tests/many_requests_acotado.rs");
