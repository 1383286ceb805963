//! Las pruebas de los ejemplos de la parte «Async en la práctica, con tokio»:
//! un módulo por capítulo, todos en un solo binario de pruebas.
//!
//! Cada archivo de `tests/` es un binario que enlaza la biblioteca del taller
//! con todas sus dependencias: siete archivos eran siete compilaciones y siete
//! enlaces en la primera `cargo test` de una copia nueva. Juntos, son uno.
//! Cada módulo sigue siendo lo que era: el ejemplo de su capítulo, corrido
//! desde su binario, y lo que el capítulo dice que imprime.
//!
//! Solo un capítulo: `cargo test --test tokio cancelacion`.

#[path = "../comun/mod.rs"]
mod comun;

mod apagado_ordenado;
mod canales;
mod cancelacion;
mod many_requests_acotado;
mod probar_y_depurar;
mod select_timeout;
mod tokio_runtime;
