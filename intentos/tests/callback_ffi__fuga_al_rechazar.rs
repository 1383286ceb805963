//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/callback_ffi.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/callback_ffi/fuga_al_rechazar.rs.

#[path = "../equivocadas/callback_ffi/fuga_al_rechazar.rs"]
pub mod callback_ffi;

include!("../../exercises/tests/callback_ffi.rs");
