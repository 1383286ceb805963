//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/streams.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/streams/descarta_los_errores_de_lectura.rs.

#[path = "../equivocadas/streams/descarta_los_errores_de_lectura.rs"]
pub mod streams;

include!("../../exercises/tests/streams.rs");
