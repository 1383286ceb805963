//! Prueba del ejemplo `many_requests_acotado`: que imprima lo que el capítulo
//! «Como mucho n a la vez» dice que imprime.
//!
//! El capítulo se apoya en lo que se ve al correrlo sin argumentos: que con
//! el límite de archivos bajado, una tarea por URL recibe el error del
//! sistema «Too many open files» (EMFILE) y la versión acotada no recibe
//! ninguno; que cada forma de acotar llega a un pico en vuelo de n; que con
//! una petición lenta delante, `buffered` atiende solo n - 1 más y
//! `buffer_unordered` más; y las cuentas de la concurrencia estructurada
//! (tareas sueltas que siguen vivas, canceladas al soltar el `JoinSet`,
//! ninguna viva tras `shutdown`). Las cifras de tiempo no se comprueban: las
//! del libro salen de una ejecución guardada.

use crate::comun;

use std::time::Duration;

use comun::ejemplos::{Ejemplos, Salida};

static EJEMPLOS: Ejemplos = Ejemplos::nuevos(
    env!("CARGO_PKG_NAME"),
    &["many_requests_acotado"],
    "una petición que no termina: ¿el servidor hijo no arrancó, o el ejemplo espera un \
     permiso del semáforo que nadie devuelve?",
);

/// La primera línea que contiene `texto`.
fn linea<'a>(salida: &'a Salida, texto: &str) -> &'a str {
    salida
        .stdout
        .lines()
        .find(|l| l.contains(texto))
        .unwrap_or_else(|| panic!("la salida no contiene «{texto}».\n{}", salida.describir()))
}

/// El número que sigue a `prefijo` en la primera línea que lo contiene,
/// buscando desde la línea que contiene `desde`.
fn numero_tras_desde(salida: &Salida, desde: &str, prefijo: &str) -> usize {
    let resto: Vec<&str> = salida
        .stdout
        .lines()
        .skip_while(|l| !l.contains(desde))
        .collect();
    let texto = resto
        .iter()
        .find_map(|l| l.split_once(prefijo).map(|(_, r)| r.trim_start()))
        .unwrap_or_else(|| {
            panic!(
                "tras «{desde}» no encuentro «{prefijo}».\n{}",
                salida.describir()
            )
        });
    let cifras: String = texto.chars().take_while(|c| c.is_ascii_digit()).collect();
    cifras
        .parse()
        .unwrap_or_else(|_| panic!("tras «{prefijo}» esperaba un número: «{texto}»"))
}

#[test]
fn many_requests_acotado_imprime_lo_que_dice_el_capitulo() {
    let salida = EJEMPLOS.correr("many_requests_acotado", &[], Duration::from_secs(120));
    assert!(
        salida.estado.success(),
        "el ejemplo many_requests_acotado terminó con error.\n{}",
        salida.describir()
    );

    // 1. El límite bajado: EMFILE, y la versión acotada sin errores.
    let primero = linea(&salida, "El primer error que llegó:");
    assert!(
        primero.contains("Too many open files") && primero.contains("os error 24"),
        "con el límite de archivos bajado, el primer error debía ser EMFILE (Too many open \
         files, os error 24): {primero}"
    );
    let con_error = numero_tras_desde(&salida, "tareas a la vez:", "bien, ");
    assert!(
        con_error > 0,
        "una tarea por URL con el límite bajado debía dar errores.\n{}",
        salida.describir()
    );
    let acotada = linea(&salida, "con buffer_unordered(100), con el mismo límite");
    assert!(
        acotada.ends_with(" bien, 0 con error."),
        "la versión acotada, con el mismo límite, no debía dar ningún error: {acotada}"
    );
    let pico_acotado = numero_tras_desde(
        &salida,
        "con buffer_unordered(100), con el mismo límite",
        "Pico en vuelo que vio el servidor:",
    );
    assert_eq!(
        pico_acotado, 100,
        "con buffer_unordered(100) y 100 ms de latencia, el servidor debía ver 100 en vuelo"
    );

    // 2. Las tres formas: el pico en vuelo es n = 10 en cada una. Cada fila
    // de la tabla es la forma y sus columnas: el tiempo (dos palabras), el
    // pico en vuelo, las que salieron bien y si llegan en el orden de las URL.
    for forma in [
        "buffer_unordered(n)",
        "buffered(n)",
        "JoinSet + Semaphore",
        "FuturesUnordered",
    ] {
        let columnas: Vec<&str> = salida
            .stdout
            .lines()
            .filter_map(|l| l.trim_start().strip_prefix(forma))
            .find(|resto| resto.starts_with(' '))
            .unwrap_or_else(|| {
                panic!(
                    "falta la fila de «{forma}» en la tabla de la parte 2.\n{}",
                    salida.describir()
                )
            })
            .split_whitespace()
            .collect();
        assert!(
            columnas.len() >= 5 && columnas[2] == "10" && columnas[3] == "200",
            "la forma «{forma}» debía tener 10 en vuelo y 200 bien: {columnas:?}"
        );
    }
    let sin_orden = numero_tras_desde(&salida, "Una URL de 300 ms", "buffer_unordered(n):");
    let con_orden = numero_tras_desde(&salida, "Una URL de 300 ms", "buffered(n):");
    assert_eq!(
        con_orden, 9,
        "con buffered(10) y la lenta delante, el servidor debía atender solo 9 más mientras \
         la lenta seguía en vuelo"
    );
    assert!(
        sin_orden > con_orden,
        "buffer_unordered debía atender más que buffered mientras la lenta seguía en vuelo: \
         {sin_orden} contra {con_orden}"
    );

    // 3. La concurrencia estructurada, contada.
    let todos = linea(&salida, "Recoger todos los resultados");
    assert!(
        todos.contains("1 Err y 20 Ok") && todos.ends_with("tareas vivas al volver: 0."),
        "recoger todos debía dar 1 Err, 20 Ok y ninguna tarea viva: {todos}"
    );
    let sueltas = numero_tras_desde(&salida, "Sin estructura", "Tareas vivas al volver:");
    assert_eq!(
        sueltas, 20,
        "sin estructura, las 20 tareas lentas debían seguir vivas al volver"
    );
    let completadas = numero_tras_desde(&salida, "Sin estructura", "completadas");
    assert!(
        completadas == 21 && linea(&salida, "que nadie leyó").contains("el servidor atendió 20"),
        "sin estructura, las tareas sueltas debían completar sus peticiones (21 completadas, \
         20 atendidas que nadie leyó).\n{}",
        salida.describir()
    );
    let soltado = numero_tras_desde(&salida, "el JoinSet se suelta", "canceladas");
    assert_eq!(
        soltado, 20,
        "al soltar el JoinSet, las 20 tareas lentas debían cancelarse"
    );
    let tras_shutdown = numero_tras_desde(&salida, "shutdown().await", "Tareas vivas al volver:");
    assert_eq!(
        tras_shutdown, 0,
        "con shutdown().await, ninguna tarea debía seguir viva al volver"
    );

    // 4. La tabla pequeña: el servidor nunca ve más de n en vuelo.
    for n in [10, 100] {
        let fila = salida
            .stdout
            .lines()
            .skip_while(|l| !l.contains("== 4."))
            .find(|l| l.split_whitespace().next() == Some(&n.to_string()))
            .unwrap_or_else(|| panic!("falta la fila n = {n}.\n{}", salida.describir()));
        let columnas: Vec<&str> = fila.split_whitespace().collect();
        // n, tiempo (dos palabras), descriptores, en vuelo, errores, desbordes.
        let en_vuelo: usize = columnas[4].parse().unwrap();
        assert!(
            en_vuelo <= n && columnas[5] == "0",
            "con n = {n}, el servidor no debía ver más de n en vuelo ni haber errores: {fila}"
        );
    }
}
