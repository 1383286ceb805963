//! Prueba del ejemplo `edicion_2024`: que imprima lo que la sección «Lo que
//! cambió con la edición 2024» del capítulo «Bloques asíncronos» dice que
//! imprime.
//!
//! La sección se apoya en lo que se ve al correrlo: que en el `else` de un
//! `if let` el lock ya está libre y en el brazo `None` de un `match` no, que
//! el temporal de la última expresión se suelta antes que la variable local,
//! que el future con `use<>` corre en `task::spawn` después de soltar la
//! cadena que recibió. Si una versión de Rust cambiara alguna de esas
//! reglas, esta prueba lo diría antes que un lector.

mod comun;

use std::time::Duration;

use comun::ejemplos::Ejemplos;

static EJEMPLOS: Ejemplos = Ejemplos::nuevos(
    env!("CARGO_PKG_NAME"),
    &["edicion_2024"],
    "un lock que nadie suelta: ¿el `else` del `if let` vuelve a tomar un lock que sigue tomado?",
);

/// La primera línea que contiene `texto`, y su posición.
fn linea<'a>(salida: &'a str, texto: &str) -> (usize, &'a str) {
    salida
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(texto))
        .unwrap_or_else(|| panic!("la salida de edicion_2024 no contiene «{texto}»:\n{salida}"))
}

#[test]
fn edicion_2024_imprime_lo_que_dice_el_capitulo() {
    let salida = EJEMPLOS.correr("edicion_2024", &[], Duration::from_secs(60));
    assert!(
        salida.estado.success(),
        "el ejemplo edicion_2024 terminó con {}.\n--- salida ---\n{}\n--- errores ---\n{}",
        salida.estado,
        salida.stdout,
        salida.stderr
    );
    let salida = salida.stdout;

    let (_, propio) = linea(&salida, "saludo_propio, lanzado con spawn");
    assert!(
        propio.ends_with("\"hola, FERRIS\""),
        "el future de `saludo_propio` debía devolver «hola, FERRIS» desde su tarea: {propio}"
    );

    let (_, if_let) = linea(&salida, "if let: dentro del else");
    assert!(
        if_let.ends_with("true"),
        "en el `else` del `if let`, el lock debía estar libre (edición 2024): {if_let}"
    );
    let (_, con_match) = linea(&salida, "match: dentro del brazo None");
    assert!(
        con_match.ends_with("false"),
        "en el brazo `None` del `match`, el guardián debía seguir tomado: {con_match}"
    );
    let (_, esperando) = linea(&salida, "if let con .await en el else");
    assert!(
        esperando.contains("Some(7)"),
        "la tarea de `rellenar_esperando` debía dejar `Some(7)` en la caché: {esperando}"
    );

    let (temporal, _) = linea(&salida, "se suelta el temporal de la última expresión");
    let (local, _) = linea(&salida, "se suelta la variable local");
    assert!(
        temporal < local,
        "en la edición 2024, el temporal de la última expresión se suelta antes que la \
         variable local, y la salida dice lo contrario:\n{salida}"
    );

    let (_, pedido) = linea(&salida, "`Pedido { unidades: 4 }.await` dio");
    assert!(
        pedido.ends_with("40"),
        "`Pedido {{ unidades: 4 }}.await` debía dar 40: {pedido}"
    );
    for (entrada, esperado) in [
        ("\"Content-Length: 1024\"", "Some(1024)"),
        ("\"content-length:7\"", "Some(7)"),
        ("\"Content-Type: text/plain\"", "None"),
        ("\"Content-Length: mucho\"", "None"),
    ] {
        let (_, l) = linea(&salida, &format!("content_length({entrada})"));
        assert!(
            l.ends_with(esperado),
            "`content_length({entrada})` debía dar {esperado}: {l}"
        );
    }
}
