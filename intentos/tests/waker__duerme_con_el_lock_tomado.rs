//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/waker.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/waker/duerme_con_el_lock_tomado.rs.

#[path = "../equivocadas/waker/duerme_con_el_lock_tomado.rs"]
pub mod waker;

include!("../../exercises/tests/waker.rs");
