//! Las pruebas de exercises/tests/e03_many_requests_spawn.rs, sin cambiar una línea, contra la
//! solución: el alias hace que `exercises::` apunte a este paquete.

extern crate solutions as exercises;

include!("../../exercises/tests/e03_many_requests_spawn.rs");
