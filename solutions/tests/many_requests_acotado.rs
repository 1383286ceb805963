//! Las pruebas de exercises/tests/many_requests_acotado.rs, sin cambiar una línea, contra la
//! solución. `solutions/build.rs` activa `cfg(solucion)` en este paquete: así se
//! apaga la declaración del esbozo de aquel archivo, y la de aquí pone en su
//! lugar solutions/src/many_requests_acotado.rs, con el mismo nombre de módulo.

#[path = "../src/many_requests_acotado.rs"]
pub mod many_requests_acotado;

include!("../../exercises/tests/many_requests_acotado.rs");
