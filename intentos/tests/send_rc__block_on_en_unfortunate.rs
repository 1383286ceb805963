//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/send_rc.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/send_rc/block_on_en_unfortunate.rs.

#[path = "../equivocadas/send_rc/block_on_en_unfortunate.rs"]
pub mod send_rc;

include!("../../exercises/tests/send_rc.rs");
