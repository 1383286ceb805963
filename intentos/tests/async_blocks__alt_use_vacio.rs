//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/async_blocks.rs, sin cambiar una línea,
//! contra una alternativa, que debe pasarlas todas
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/alternativas/async_blocks/use_vacio.rs.

#[path = "../alternativas/async_blocks/use_vacio.rs"]
pub mod async_blocks;

include!("../../exercises/tests/async_blocks.rs");
