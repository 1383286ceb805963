//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/apagado_ordenado.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/apagado_ordenado/aborta_sin_vaciar.rs.

#[path = "../equivocadas/apagado_ordenado/aborta_sin_vaciar.rs"]
pub mod apagado_ordenado;

include!("../../exercises/tests/apagado_ordenado.rs");
