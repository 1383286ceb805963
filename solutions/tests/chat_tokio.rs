//! Las pruebas de exercises/tests/chat_tokio.rs, sin cambiar una línea, contra la
//! solución. `solutions/build.rs` activa `cfg(solucion)` en este paquete: así se
//! apaga la declaración del esbozo de aquel archivo, y la de aquí pone en su
//! lugar solutions/src/chat_tokio/, con el mismo nombre de módulo.

#[path = "../src/chat_tokio/mod.rs"]
pub mod chat_tokio;

include!("../../exercises/tests/chat_tokio.rs");
