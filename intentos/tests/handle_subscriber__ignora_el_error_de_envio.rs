//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/handle_subscriber.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/handle_subscriber/ignora_el_error_de_envio.rs.

#[path = "../equivocadas/handle_subscriber/ignora_el_error_de_envio.rs"]
pub mod handle_subscriber;

include!("../../exercises/tests/handle_subscriber.rs");
