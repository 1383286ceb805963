//! Las pruebas de exercises/tests/cheapo_request.rs, sin cambiar una línea, contra la
//! solución. `solutions/build.rs` activa `cfg(solucion)` en este paquete: así se
//! apaga la declaración del esbozo de aquel archivo, y la de aquí pone en su
//! lugar solutions/src/cheapo_request.rs, con el mismo nombre de módulo.

#[path = "../src/cheapo_request.rs"]
pub mod cheapo_request;

include!("../../exercises/tests/cheapo_request.rs");
