//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/cheapo_request.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/cheapo_request/una_sola_lectura.rs.

#[path = "../equivocadas/cheapo_request/una_sola_lectura.rs"]
pub mod cheapo_request;

include!("../../exercises/tests/cheapo_request.rs");
