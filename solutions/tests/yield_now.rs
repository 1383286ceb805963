//! Las pruebas de exercises/tests/yield_now.rs, sin cambiar una línea, contra la
//! solución. `solutions/build.rs` activa `cfg(solucion)` en este paquete: así se
//! apaga la declaración del esbozo de aquel archivo, y la de aquí pone en su
//! lugar solutions/src/yield_now.rs, con el mismo nombre de módulo.

#[path = "../src/yield_now.rs"]
pub mod yield_now;

include!("../../exercises/tests/yield_now.rs");
