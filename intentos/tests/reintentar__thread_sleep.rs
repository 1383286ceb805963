//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/reintentar.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/reintentar/thread_sleep.rs.

#[path = "../equivocadas/reintentar/thread_sleep.rs"]
pub mod reintentar;

include!("../../exercises/tests/reintentar.rs");
