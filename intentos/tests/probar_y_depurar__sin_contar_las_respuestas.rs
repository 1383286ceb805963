//! Generado con `cargo run -- intentos`: no lo edites a mano.
//!
//! Las pruebas de exercises/tests/probar_y_depurar.rs, sin cambiar una línea,
//! contra una solución equivocada, que debe fallar como dice su cabecera
//! (lo comprueba `cargo run -- comprobar`):
//! intentos/equivocadas/probar_y_depurar/sin_contar_las_respuestas.rs.

#[path = "../equivocadas/probar_y_depurar/sin_contar_las_respuestas.rs"]
pub mod probar_y_depurar;

include!("../../exercises/tests/probar_y_depurar.rs");
