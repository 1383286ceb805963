//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/many_requests_spawn.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/many_requests_spawn/presta_host_y_path.rs.

// No compila, a propósito. Clippy activa `cfg(clippy)` y así no lo mira:
// `cargo clippy --workspace --all-targets` no se para aquí.
#![cfg(not(clippy))]

#[path = "../equivocadas/many_requests_spawn/presta_host_y_path.rs"]
pub mod many_requests_spawn;

include!("../../exercises/tests/many_requests_spawn.rs");
