//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/lineas_con_select.rs, sin cambiar una línea,
//! contra una alternativa, que debe pasarlas todas
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/alternativas/lineas_con_select/read_until_con_el_bufer_fuera.rs.

#[path = "../alternativas/lineas_con_select/read_until_con_el_bufer_fuera.rs"]
pub mod lineas_con_select;

include!("../../exercises/tests/lineas_con_select.rs");
