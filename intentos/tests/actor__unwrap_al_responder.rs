//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/actor.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/actor/unwrap_al_responder.rs.

#[path = "../equivocadas/actor/unwrap_al_responder.rs"]
pub mod actor;

include!("../../exercises/tests/actor.rs");
