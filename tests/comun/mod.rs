//! Lo que comparten las pruebas de la raíz, en tres módulos con un trabajo
//! cada uno:
//!
//! - [`prosa`]: el texto que lee el alumno, sin el código, para
//!   `tests/glosario.rs` y `tests/ortografia.rs`;
//! - [`ejemplos`]: compilar los ejemplos y correrlos con un límite de tiempo,
//!   para las pruebas que miran lo que imprimen;
//! - [`copia`]: una copia de parte del taller en una carpeta aparte, para
//!   correr la herramienta sobre un alumno a medio camino.
//!
//! Cada archivo de `tests/` es un programa aparte que compila este módulo
//! entero con `mod comun;`, y cada uno usa solo una parte.
#![allow(dead_code)]

pub mod copia;
pub mod ejemplos;
pub mod prosa;

// `comun::prosa()`, `comun::raiz()`...: los nombres de siempre para las
// pruebas de la prosa; las demás no los usan.
#[allow(unused_imports)]
pub use prosa::*;
