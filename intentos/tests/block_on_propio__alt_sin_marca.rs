//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/block_on_propio.rs, sin cambiar una línea,
//! contra una alternativa, que debe pasarlas todas
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/alternativas/block_on_propio/sin_marca.rs.

#[path = "../alternativas/block_on_propio/sin_marca.rs"]
pub mod block_on_propio;

include!("../../exercises/tests/block_on_propio.rs");
