//! Los errores de compilación que el libro muestra, comprobados.
//!
//! Algunas lecciones son un error del compilador: un `Rc` que cruza un
//! `.await` hace que `task::spawn` rechace el future, un `?` en un bloque
//! `async` sin anotar el tipo del error no compila. El libro enseña esos
//! errores tal como los escribe `rustc`, y para que no dejen de ser verdad
//! cada uno es un caso de `tests/no_compila/`: un programa que no debe
//! compilar y, al lado, en un `.stderr`, el error exacto que debe dar.
//! trybuild los compila y compara; el libro incluye los mismos `.stderr`.
//!
//! Algunas lecciones son lo contrario: que algo *sí* compila, y que sigue
//! compilando (un `Rc` que se mueve a `drop` antes del `.await` sin haberse
//! prestado, un guardián en un bloque que termina antes del `.await`). Esos
//! casos están en `tests/compila_bien/`: trybuild los compila y los corre, y
//! deben terminar bien. Juntos, los dos directorios fijan la regla que
//! enseña el libro: lo que decide si un valor cruza un `.await`.
//!
//! Si una versión nueva de Rust cambia la redacción de un error, esta prueba
//! falla y enseña la diferencia. Para aceptar la redacción nueva (y que el
//! libro la muestre), regenera los `.stderr` y revísalos:
//!
//! ```text
//! TRYBUILD=overwrite cargo test --test compila
//! ```
//!
//! La primera vez, trybuild vuelve a compilar las dependencias en
//! `target/tests/` (medio minuto); después tarda un par de segundos.

#[test]
fn los_errores_que_muestra_el_libro_siguen_siendo_los_mismos() {
    let casos = trybuild::TestCases::new();
    casos.compile_fail("tests/no_compila/*.rs");
    casos.pass("tests/compila_bien/*.rs");
}
