//! Las pruebas de exercises/tests/futures_perezosos.rs, sin cambiar una línea, contra la
//! solución. `solutions/build.rs` activa `cfg(solucion)` en este paquete: así se
//! apaga la declaración del esbozo de aquel archivo, y la de aquí pone en su
//! lugar solutions/src/futures_perezosos.rs, con el mismo nombre de módulo.

#[path = "../src/futures_perezosos.rs"]
pub mod futures_perezosos;

include!("../../exercises/tests/futures_perezosos.rs");
