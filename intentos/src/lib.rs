//! Las soluciones equivocadas y las alternativas honestas de los ejercicios.
//!
//! Unas pruebas valen lo que los errores que atrapan. Este paquete guarda,
//! por ejercicio, los errores que cometería un alumno y las otras maneras
//! correctas de resolverlo:
//!
//! ```text
//! intentos/equivocadas/EJERCICIO/ERROR.rs     una solución equivocada
//! intentos/alternativas/EJERCICIO/NOMBRE.rs   una alternativa honesta
//! intentos/tests/EJERCICIO__ERROR.rs          su envoltorio (generado)
//! intentos/tests/EJERCICIO__alt_NOMBRE.rs
//! ```
//!
//! Cada intento es `solutions/src/EJERCICIO.rs` entero con un cambio, y
//! empieza con una cabecera que dice qué es:
//!
//! ```text
//! //! Error: espera cada tarea nada más lanzarla, antes de lanzar la siguiente:
//! //! las peticiones van de una en una.
//! //! Se espera: falla todas_las_peticiones_estan_en_vuelo_a_la_vez
//! //!
//! //! Solución del ejercicio `many_requests`...
//! ```
//!
//! (`Se espera: no compila` si el error lo atrapa el compilador, y
//! `//! Alternativa: ...` en una alternativa, que debe pasar todas las
//! pruebas). Los envoltorios de `tests/` son como los de `solutions/tests/`:
//! declaran el módulo del ejercicio con el intento e incluyen, sin cambiar
//! una línea, las pruebas de `exercises/tests/`. `build.rs` activa
//! `cfg(solucion)`, que apaga en ellas la declaración del esbozo.
//!
//! Las pruebas de este paquete fallan a propósito: por eso no está entre los
//! `default-members` del espacio de trabajo, y `cargo test` no lo corre. Lo
//! corre el comprobador del contrato:
//!
//! ```text
//! cargo run -- intentos                       # escribe los envoltorios de tests/
//! cargo run -- comprobar                      # el contrato entero, intentos incluidos
//! cargo run -- comprobar --solo-intentos      # solo los intentos
//! cargo run -- comprobar --repetir 10         # cada uno diez veces
//! cargo test -p intentos --test mutex__sin_flush   # uno, a mano
//! ```
//!
//! Esta biblioteca no tiene nada: el paquete existe por sus pruebas.
