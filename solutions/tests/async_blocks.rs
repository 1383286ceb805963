//! Las pruebas de exercises/tests/async_blocks.rs, sin cambiar una línea, contra la
//! solución. `solutions/build.rs` activa `cfg(solucion)` en este paquete: así se
//! apaga la declaración del esbozo de aquel archivo, y la de aquí pone en su
//! lugar solutions/src/async_blocks.rs, con el mismo nombre de módulo.

#[path = "../src/async_blocks.rs"]
pub mod async_blocks;

include!("../../exercises/tests/async_blocks.rs");
