//! Las soluciones de los ejercicios, con los mismos nombres y las mismas
//! firmas que `exercises/`.
//!
//! Como en `exercises/`, esta biblioteca no declara ninguna solución: cada
//! archivo de `solutions/tests/` declara la suya (`#[path =
//! "../src/NOMBRE.rs"] pub mod NOMBRE;`) e incluye las pruebas de
//! `exercises/tests/NOMBRE.rs`, sin cambiar una línea. El `cfg(solucion)` que
//! activa `build.rs` apaga en ellas la declaración del esbozo. Si una solución
//! cambia, el contrato (`cargo run -- comprobar`) lo comprueba.
//!
//! Míralas después de intentarlo: se aprende más del propio error.
