//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/group_table.rs, sin cambiar una línea,
//! contra una alternativa, que debe pasarlas todas
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/alternativas/group_table/buscar_y_despues_entry.rs.

#[path = "../alternativas/group_table/buscar_y_despues_entry.rs"]
pub mod group_table;

include!("../../exercises/tests/group_table.rs");
