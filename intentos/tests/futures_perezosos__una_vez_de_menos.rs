//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/futures_perezosos.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/futures_perezosos/una_vez_de_menos.rs.

#[path = "../equivocadas/futures_perezosos/una_vez_de_menos.rs"]
pub mod futures_perezosos;

include!("../../exercises/tests/futures_perezosos.rs");
