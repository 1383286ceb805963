//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/block_on_propio.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/block_on_propio/sondea_en_bucle.rs.

#[path = "../equivocadas/block_on_propio/sondea_en_bucle.rs"]
pub mod block_on_propio;

include!("../../exercises/tests/block_on_propio.rs");
