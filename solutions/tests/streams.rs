//! Las pruebas de exercises/tests/streams.rs, sin cambiar una línea, contra la
//! solución. `solutions/build.rs` activa `cfg(solucion)` en este paquete: así se
//! apaga la declaración del esbozo de aquel archivo, y la de aquí pone en su
//! lugar solutions/src/streams.rs, con el mismo nombre de módulo.

#[path = "../src/streams.rs"]
pub mod streams;

include!("../../exercises/tests/streams.rs");
