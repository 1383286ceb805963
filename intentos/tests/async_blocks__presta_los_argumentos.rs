//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/async_blocks.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/async_blocks/presta_los_argumentos.rs.

// No compila, a propósito. Clippy activa `cfg(clippy)` y así no lo mira:
// `cargo clippy --workspace --all-targets` no se para aquí.
#![cfg(not(clippy))]

#[path = "../equivocadas/async_blocks/presta_los_argumentos.rs"]
pub mod async_blocks;

include!("../../exercises/tests/async_blocks.rs");
