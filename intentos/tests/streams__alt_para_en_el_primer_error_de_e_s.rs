//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/streams.rs, sin cambiar una línea,
//! contra una alternativa, que debe pasarlas todas
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/alternativas/streams/para_en_el_primer_error_de_e_s.rs.

#[path = "../alternativas/streams/para_en_el_primer_error_de_e_s.rs"]
pub mod streams;

include!("../../exercises/tests/streams.rs");
