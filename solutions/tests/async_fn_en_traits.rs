//! Las pruebas de exercises/tests/async_fn_en_traits.rs, sin cambiar una línea, contra la
//! solución. `solutions/build.rs` activa `cfg(solucion)` en este paquete: así se
//! apaga la declaración del esbozo de aquel archivo, y la de aquí pone en su
//! lugar solutions/src/async_fn_en_traits.rs, con el mismo nombre de módulo.

#[path = "../src/async_fn_en_traits.rs"]
pub mod async_fn_en_traits;

include!("../../exercises/tests/async_fn_en_traits.rs");
