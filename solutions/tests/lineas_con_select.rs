//! Las pruebas de exercises/tests/lineas_con_select.rs, sin cambiar una línea, contra la
//! solución. `solutions/build.rs` activa `cfg(solucion)` en este paquete: así se
//! apaga la declaración del esbozo de aquel archivo, y la de aquí pone en su
//! lugar solutions/src/lineas_con_select.rs, con el mismo nombre de módulo.

#[path = "../src/lineas_con_select.rs"]
pub mod lineas_con_select;

include!("../../exercises/tests/lineas_con_select.rs");
