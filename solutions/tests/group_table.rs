//! Las pruebas de exercises/tests/group_table.rs, sin cambiar una línea, contra la
//! solución. `solutions/build.rs` activa `cfg(solucion)` en este paquete: así se
//! apaga la declaración del esbozo de aquel archivo, y la de aquí pone en su
//! lugar solutions/src/group_table.rs, con el mismo nombre de módulo.

#[path = "../src/group_table.rs"]
pub mod group_table;

include!("../../exercises/tests/group_table.rs");
