//! Las pruebas de exercises/tests/block_on_propio.rs, sin cambiar una línea, contra la
//! solución. `solutions/build.rs` activa `cfg(solucion)` en este paquete: así se
//! apaga la declaración del esbozo de aquel archivo, y la de aquí pone en su
//! lugar solutions/src/block_on_propio.rs, con el mismo nombre de módulo.

#[path = "../src/block_on_propio.rs"]
pub mod block_on_propio;

include!("../../exercises/tests/block_on_propio.rs");
