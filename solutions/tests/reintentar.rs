//! Las pruebas de exercises/tests/reintentar.rs, sin cambiar una línea, contra la
//! solución. `solutions/build.rs` activa `cfg(solucion)` en este paquete: así se
//! apaga la declaración del esbozo de aquel archivo, y la de aquí pone en su
//! lugar solutions/src/reintentar.rs, con el mismo nombre de módulo.

#[path = "../src/reintentar.rs"]
pub mod reintentar;

include!("../../exercises/tests/reintentar.rs");
