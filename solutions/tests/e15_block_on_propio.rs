//! Las pruebas de exercises/tests/e15_block_on_propio.rs, sin cambiar una línea, contra la
//! solución: el alias hace que `exercises::` apunte a este paquete.

extern crate solutions as exercises;

include!("../../exercises/tests/e15_block_on_propio.rs");
