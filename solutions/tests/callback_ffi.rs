//! Las pruebas de exercises/tests/callback_ffi.rs, sin cambiar una línea, contra la
//! solución. `solutions/build.rs` activa `cfg(solucion)` en este paquete: así se
//! apaga la declaración del esbozo de aquel archivo, y la de aquí pone en su
//! lugar solutions/src/callback_ffi.rs, con el mismo nombre de módulo.

#[path = "../src/callback_ffi.rs"]
pub mod callback_ffi;

include!("../../exercises/tests/callback_ffi.rs");
