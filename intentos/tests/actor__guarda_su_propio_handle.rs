//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/actor.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/actor/guarda_su_propio_handle.rs.

#[path = "../equivocadas/actor/guarda_su_propio_handle.rs"]
pub mod actor;

include!("../../exercises/tests/actor.rs");
