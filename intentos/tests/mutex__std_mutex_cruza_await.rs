//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/mutex.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/mutex/std_mutex_cruza_await.rs.

#[path = "../equivocadas/mutex/std_mutex_cruza_await.rs"]
pub mod mutex;

include!("../../exercises/tests/mutex.rs");
