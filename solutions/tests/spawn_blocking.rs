//! Las pruebas de exercises/tests/spawn_blocking.rs, sin cambiar una línea, contra la
//! solución. `solutions/build.rs` activa `cfg(solucion)` en este paquete: así se
//! apaga la declaración del esbozo de aquel archivo, y la de aquí pone en su
//! lugar solutions/src/spawn_blocking.rs, con el mismo nombre de módulo.

#[path = "../src/spawn_blocking.rs"]
pub mod spawn_blocking;

include!("../../exercises/tests/spawn_blocking.rs");
