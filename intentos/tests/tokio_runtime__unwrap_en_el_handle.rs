//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/tokio_runtime.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/tokio_runtime/unwrap_en_el_handle.rs.

#[path = "../equivocadas/tokio_runtime/unwrap_en_el_handle.rs"]
pub mod tokio_runtime;

include!("../../exercises/tests/tokio_runtime.rs");
