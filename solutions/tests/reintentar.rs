//! Las pruebas de exercises/tests/reintentar.rs, sin cambiar una línea, contra la
//! solución: el alias hace que `exercises::` apunte a este paquete.

extern crate solutions as exercises;

include!("../../exercises/tests/reintentar.rs");
