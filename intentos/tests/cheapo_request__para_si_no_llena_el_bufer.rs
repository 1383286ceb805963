//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/cheapo_request.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/cheapo_request/para_si_no_llena_el_bufer.rs.

#[path = "../equivocadas/cheapo_request/para_si_no_llena_el_bufer.rs"]
pub mod cheapo_request;

include!("../../exercises/tests/cheapo_request.rs");
