//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/send_rc.rs, sin cambiar una línea,
//! contra una alternativa, que debe pasarlas todas
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/alternativas/send_rc/arc_en_lugar_de_rc.rs.

#[path = "../alternativas/send_rc/arc_en_lugar_de_rc.rs"]
pub mod send_rc;

include!("../../exercises/tests/send_rc.rs");
