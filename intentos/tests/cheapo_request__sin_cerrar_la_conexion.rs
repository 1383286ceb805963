//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/cheapo_request.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/cheapo_request/sin_cerrar_la_conexion.rs.

#[path = "../equivocadas/cheapo_request/sin_cerrar_la_conexion.rs"]
pub mod cheapo_request;

include!("../../exercises/tests/cheapo_request.rs");
