//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/spawn_blocking.rs, sin cambiar una línea,
//! contra una alternativa, que debe pasarlas todas
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/alternativas/spawn_blocking/hilo_propio_y_oneshot.rs.

#[path = "../alternativas/spawn_blocking/hilo_propio_y_oneshot.rs"]
pub mod spawn_blocking;

include!("../../exercises/tests/spawn_blocking.rs");
