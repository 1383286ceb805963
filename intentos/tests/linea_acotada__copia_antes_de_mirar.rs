//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/linea_acotada.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/linea_acotada/copia_antes_de_mirar.rs.

#[path = "../equivocadas/linea_acotada/copia_antes_de_mirar.rs"]
pub mod linea_acotada;

include!("../../exercises/tests/linea_acotada.rs");
