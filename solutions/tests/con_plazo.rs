//! Las pruebas de exercises/tests/con_plazo.rs, sin cambiar una línea, contra la
//! solución. `solutions/build.rs` activa `cfg(solucion)` en este paquete: así se
//! apaga la declaración del esbozo de aquel archivo, y la de aquí pone en su
//! lugar solutions/src/con_plazo.rs, con el mismo nombre de módulo.

#[path = "../src/con_plazo.rs"]
pub mod con_plazo;

include!("../../exercises/tests/con_plazo.rs");
