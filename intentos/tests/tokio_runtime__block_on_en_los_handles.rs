//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/tokio_runtime.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/tokio_runtime/block_on_en_los_handles.rs.

#[path = "../equivocadas/tokio_runtime/block_on_en_los_handles.rs"]
pub mod tokio_runtime;

include!("../../exercises/tests/tokio_runtime.rs");
