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
//! casos están en `tests/compila_bien/`, y esta misma prueba los compila y
//! los corre: cada uno es un módulo de este archivo, y su `main` debe
//! terminar bien. Juntos, los dos directorios fijan la regla que enseña el
//! libro: lo que decide si un valor cruza un `.await`.
//!
//! Si una versión nueva de Rust cambia la redacción de un error, esta prueba
//! falla y enseña la diferencia. Para aceptar la redacción nueva (y que el
//! libro la muestre), regenera los `.stderr` y revísalos:
//!
//! ```text
//! TRYBUILD=overwrite cargo test --test compila
//! ```
//!
//! # Por qué así, y cuánto tarda
//!
//! trybuild compila los casos en un proyecto aparte, en
//! `target/tests/trybuild/`, con sus propias opciones: no reutiliza nada de
//! `target/debug/` y compila de nuevo todas las dependencias del paquete de
//! la prueba. Por eso esta prueba vive en el paquete `compila`, que solo
//! depende de lo que usan los casos (async-std y futures) y de trybuild.
//! Y por eso los casos que sí compilan no pasan por trybuild: con uno solo
//! que debiera compilar y correr, trybuild compila las dependencias y cada
//! caso hasta el código máquina (`cargo build`); con todos de los que no
//! compilan, le basta revisarlos (`cargo check`), que es más rápido. Los que
//! compilan los compila cargo con esta prueba, con las dependencias que ya
//! compiló para el resto del taller.
//!
//! En una copia nueva, la primera vez, trybuild tarda lo que tarda en revisar
//! esas dependencias; después, un par de segundos
//! (`.ci/medir-tiempos.sh` lo mide).

#[test]
fn los_errores_que_muestra_el_libro_siguen_siendo_los_mismos() {
    let casos = trybuild::TestCases::new();
    casos.compile_fail("tests/no_compila/*.rs");
}

/// Un módulo por caso de `tests/compila_bien/`, con el archivo dentro tal
/// cual (`include!`) y una prueba que corre su `main`: si el caso deja de
/// compilar, esta prueba no compila; si su `main` entra en pánico, falla.
macro_rules! compila_bien {
    ($($caso:ident),* $(,)?) => {
        $(
            mod $caso {
                include!(concat!("compila_bien/", stringify!($caso), ".rs"));

                #[test]
                fn compila_y_termina_bien() {
                    main();
                }
            }
        )*

        /// Los casos que lista la macro, para compararlos con la carpeta.
        const COMPILA_BIEN: &[&str] = &[$(stringify!($caso)),*];
    };
}

compila_bien!(
    closure_future_prestamo_compartido,
    fn_devuelve_future_en_caja,
    guardian_en_un_bloque,
    rc_movido_antes_del_await,
);

#[test]
fn cada_caso_de_compila_bien_esta_en_la_lista() {
    let carpeta = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/compila_bien");
    let mut en_la_carpeta: Vec<String> = std::fs::read_dir(carpeta)
        .unwrap_or_else(|e| panic!("no puedo leer {carpeta}: {e}"))
        .filter_map(|entrada| {
            let nombre = entrada.ok()?.file_name().into_string().ok()?;
            nombre.strip_suffix(".rs").map(str::to_string)
        })
        .collect();
    en_la_carpeta.sort();
    let mut en_la_lista: Vec<String> = COMPILA_BIEN.iter().map(|c| c.to_string()).collect();
    en_la_lista.sort();
    assert_eq!(
        en_la_carpeta, en_la_lista,
        "los casos de {carpeta} y los de la lista `compila_bien!(...)` de \
         compila/tests/compila.rs no coinciden: un caso nuevo va en los dos \
         sitios, y uno borrado sale de los dos (a la izquierda la carpeta, a \
         la derecha la lista)"
    );
}
