//! Las pruebas de exercises/tests/linea_acotada.rs, sin cambiar una línea, contra la
//! solución. `solutions/build.rs` activa `cfg(solucion)` en este paquete: así se
//! apaga la declaración del esbozo de aquel archivo, y la de aquí pone en su
//! lugar solutions/src/linea_acotada.rs, con el mismo nombre de módulo.

#[path = "../src/linea_acotada.rs"]
pub mod linea_acotada;

include!("../../exercises/tests/linea_acotada.rs");
