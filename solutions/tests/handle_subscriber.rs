//! Las pruebas de exercises/tests/handle_subscriber.rs, sin cambiar una línea, contra la
//! solución. `solutions/build.rs` activa `cfg(solucion)` en este paquete: así se
//! apaga la declaración del esbozo de aquel archivo, y la de aquí pone en su
//! lugar solutions/src/handle_subscriber.rs, con el mismo nombre de módulo.

#[path = "../src/handle_subscriber.rs"]
pub mod handle_subscriber;

include!("../../exercises/tests/handle_subscriber.rs");
