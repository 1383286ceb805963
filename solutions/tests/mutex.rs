//! Las pruebas de exercises/tests/mutex.rs, sin cambiar una línea, contra la
//! solución. `solutions/build.rs` activa `cfg(solucion)` en este paquete: así se
//! apaga la declaración del esbozo de aquel archivo, y la de aquí pone en su
//! lugar solutions/src/mutex.rs, con el mismo nombre de módulo.

#[path = "../src/mutex.rs"]
pub mod mutex;

include!("../../exercises/tests/mutex.rs");
