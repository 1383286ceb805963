//! Las pruebas de exercises/tests/probar_y_depurar.rs, sin cambiar una línea, contra la
//! solución. `solutions/build.rs` activa `cfg(solucion)` en este paquete: así se
//! apaga la declaración del esbozo de aquel archivo, y la de aquí pone en su
//! lugar solutions/src/probar_y_depurar.rs, con el mismo nombre de módulo.

#[path = "../src/probar_y_depurar.rs"]
pub mod probar_y_depurar;

include!("../../exercises/tests/probar_y_depurar.rs");
