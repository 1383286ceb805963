//! Las pruebas de exercises/tests/async_fn_en_traits.rs, sin cambiar una línea, contra la
//! solución: el alias hace que `exercises::` apunte a este paquete.

extern crate solutions as exercises;

include!("../../exercises/tests/async_fn_en_traits.rs");
