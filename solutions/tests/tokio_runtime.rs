//! Las pruebas de exercises/tests/tokio_runtime.rs, sin cambiar una línea, contra la
//! solución. `solutions/build.rs` activa `cfg(solucion)` en este paquete: así se
//! apaga la declaración del esbozo de aquel archivo, y la de aquí pone en su
//! lugar solutions/src/tokio_runtime.rs, con el mismo nombre de módulo.

#[path = "../src/tokio_runtime.rs"]
pub mod tokio_runtime;

include!("../../exercises/tests/tokio_runtime.rs");
