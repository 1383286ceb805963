//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/many_requests.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/many_requests/espera_cada_una.rs.

#[path = "../equivocadas/many_requests/espera_cada_una.rs"]
pub mod many_requests;

include!("../../exercises/tests/many_requests.rs");
