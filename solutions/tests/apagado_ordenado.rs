//! Las pruebas de exercises/tests/apagado_ordenado.rs, sin cambiar una línea, contra la
//! solución. `solutions/build.rs` activa `cfg(solucion)` en este paquete: así se
//! apaga la declaración del esbozo de aquel archivo, y la de aquí pone en su
//! lugar solutions/src/apagado_ordenado.rs, con el mismo nombre de módulo.

#[path = "../src/apagado_ordenado.rs"]
pub mod apagado_ordenado;

include!("../../exercises/tests/apagado_ordenado.rs");
