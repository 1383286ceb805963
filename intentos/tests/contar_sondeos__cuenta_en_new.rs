//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/contar_sondeos.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/contar_sondeos/cuenta_en_new.rs.

#[path = "../equivocadas/contar_sondeos/cuenta_en_new.rs"]
pub mod contar_sondeos;

include!("../../exercises/tests/contar_sondeos.rs");
