//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/chat_tokio.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/chat_tokio/apagado_sin_plazo/mod.rs.

#[path = "../equivocadas/chat_tokio/apagado_sin_plazo/mod.rs"]
pub mod chat_tokio;

include!("../../exercises/tests/chat_tokio.rs");
