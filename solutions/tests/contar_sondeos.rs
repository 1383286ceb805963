//! Las pruebas de exercises/tests/contar_sondeos.rs, sin cambiar una línea, contra la
//! solución. `solutions/build.rs` activa `cfg(solucion)` en este paquete: así se
//! apaga la declaración del esbozo de aquel archivo, y la de aquí pone en su
//! lugar solutions/src/contar_sondeos.rs, con el mismo nombre de módulo.

#[path = "../src/contar_sondeos.rs"]
pub mod contar_sondeos;

include!("../../exercises/tests/contar_sondeos.rs");
