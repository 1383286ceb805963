//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/con_plazo.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/con_plazo/un_limite_por_paso.rs.

#[path = "../equivocadas/con_plazo/un_limite_por_paso.rs"]
pub mod con_plazo;

include!("../../exercises/tests/con_plazo.rs");
