//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/async_blocks.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/async_blocks/cuenta_al_llamar.rs.

#[path = "../equivocadas/async_blocks/cuenta_al_llamar.rs"]
pub mod async_blocks;

include!("../../exercises/tests/async_blocks.rs");
