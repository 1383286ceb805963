//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/send_rc.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/send_rc/rc_cruza_el_await.rs.

// No compila, a propósito. Clippy activa `cfg(clippy)` y así no lo mira:
// `cargo clippy --workspace --all-targets` no se para aquí.
#![cfg(not(clippy))]

#[path = "../equivocadas/send_rc/rc_cruza_el_await.rs"]
pub mod send_rc;

include!("../../exercises/tests/send_rc.rs");
