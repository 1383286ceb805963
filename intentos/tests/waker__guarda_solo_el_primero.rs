//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/waker.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/waker/guarda_solo_el_primero.rs.

#[path = "../equivocadas/waker/guarda_solo_el_primero.rs"]
pub mod waker;

include!("../../exercises/tests/waker.rs");
