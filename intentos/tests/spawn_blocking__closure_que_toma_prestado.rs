//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/spawn_blocking.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/spawn_blocking/closure_que_toma_prestado.rs.

// No compila, a propósito. Clippy activa `cfg(clippy)` y así no lo mira:
// `cargo clippy --workspace --all-targets` no se para aquí.
#![cfg(not(clippy))]

#[path = "../equivocadas/spawn_blocking/closure_que_toma_prestado.rs"]
pub mod spawn_blocking;

include!("../../exercises/tests/spawn_blocking.rs");
