//! Las pruebas de exercises/tests/send_rc.rs, sin cambiar una línea, contra la
//! solución. `solutions/build.rs` activa `cfg(solucion)` en este paquete: así se
//! apaga la declaración del esbozo de aquel archivo, y la de aquí pone en su
//! lugar solutions/src/send_rc.rs, con el mismo nombre de módulo.

#[path = "../src/send_rc.rs"]
pub mod send_rc;

include!("../../exercises/tests/send_rc.rs");
