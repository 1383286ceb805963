//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/tokio_runtime.rs, sin cambiar una línea,
//! contra una alternativa, que debe pasarlas todas
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/alternativas/tokio_runtime/join_set_con_indices.rs.

#[path = "../alternativas/tokio_runtime/join_set_con_indices.rs"]
pub mod tokio_runtime;

include!("../../exercises/tests/tokio_runtime.rs");
