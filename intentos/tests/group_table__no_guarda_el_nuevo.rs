//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/group_table.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/group_table/no_guarda_el_nuevo.rs.

#[path = "../equivocadas/group_table/no_guarda_el_nuevo.rs"]
pub mod group_table;

include!("../../exercises/tests/group_table.rs");
