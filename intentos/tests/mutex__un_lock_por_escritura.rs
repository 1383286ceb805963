//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/mutex.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/mutex/un_lock_por_escritura.rs.

#[path = "../equivocadas/mutex/un_lock_por_escritura.rs"]
pub mod mutex;

include!("../../exercises/tests/mutex.rs");
