//! Las pruebas de exercises/tests/waker.rs, sin cambiar una línea, contra la
//! solución. `solutions/build.rs` activa `cfg(solucion)` en este paquete: así se
//! apaga la declaración del esbozo de aquel archivo, y la de aquí pone en su
//! lugar solutions/src/waker.rs, con el mismo nombre de módulo.

#[path = "../src/waker.rs"]
pub mod waker;

include!("../../exercises/tests/waker.rs");
