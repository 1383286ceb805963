//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/lineas_con_select.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/lineas_con_select/read_line_con_el_string_fuera.rs.

#[path = "../equivocadas/lineas_con_select/read_line_con_el_string_fuera.rs"]
pub mod lineas_con_select;

include!("../../exercises/tests/lineas_con_select.rs");
