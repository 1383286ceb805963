//! Las pruebas de exercises/tests/actor.rs, sin cambiar una línea, contra la
//! solución. `solutions/build.rs` activa `cfg(solucion)` en este paquete: así se
//! apaga la declaración del esbozo de aquel archivo, y la de aquí pone en su
//! lugar solutions/src/actor.rs, con el mismo nombre de módulo.

#[path = "../src/actor.rs"]
pub mod actor;

include!("../../exercises/tests/actor.rs");
