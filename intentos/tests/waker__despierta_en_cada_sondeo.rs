//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/waker.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/waker/despierta_en_cada_sondeo.rs.

#[path = "../equivocadas/waker/despierta_en_cada_sondeo.rs"]
pub mod waker;

include!("../../exercises/tests/waker.rs");
