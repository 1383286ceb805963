//! Prueba del ejemplo `apagado_ordenado`: que imprima lo que el capítulo
//! «Apagar en orden» dice que imprime.
//!
//! Lo que el capítulo da por hecho: que el apagado en orden entrega al
//! cliente en pausa todos los mensajes aceptados y el aviso detrás, avisa a
//! los tres clientes, aborta solo la escritora del mudo, no vuelve antes del
//! plazo y no deja ninguna tarea viva; que abortar enseguida le quita al
//! cliente en pausa mensajes aceptados y el aviso; y que esperar sin plazo
//! sigue esperando, con una tarea viva, al cabo de un segundo. Las cifras de
//! mensajes cambian de una corrida a otra (dependen de los búferes del
//! sistema operativo); lo que se comprueba son las relaciones entre ellas.

use crate::comun;

use std::time::Duration;

use comun::ejemplos::{Ejemplos, Salida};

static EJEMPLOS: Ejemplos = Ejemplos::nuevos(
    env!("CARGO_PKG_NAME"),
    &["apagado_ordenado"],
    "un apagado que espera sin plazo a la escritora del cliente que no lee, o un cliente \
     que espera un fin de archivo que no llega porque nadie soltó las colas.",
);

/// La sección de la salida que empieza con `titulo`, hasta la siguiente.
fn seccion<'a>(salida: &'a Salida, titulo: &str) -> &'a str {
    let desde = salida
        .stdout
        .find(titulo)
        .unwrap_or_else(|| panic!("falta la sección «{titulo}».\n{}", salida.describir()));
    let resto = &salida.stdout[desde + titulo.len()..];
    let hasta = ["\n1. ", "\n2. ", "\n3. "]
        .iter()
        .filter_map(|t| resto.find(t))
        .min()
        .unwrap_or(resto.len());
    &resto[..hasta]
}

/// La línea de `texto` que empieza (sin la sangría) por `prefijo`.
fn linea<'a>(texto: &'a str, prefijo: &str) -> &'a str {
    texto
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with(prefijo))
        .unwrap_or_else(|| panic!("falta la línea «{prefijo}…» en:\n{texto}"))
}

/// Los números de una línea, en orden.
fn numeros(linea: &str) -> Vec<usize> {
    linea
        .split(|c: char| !c.is_ascii_digit())
        .filter(|t| !t.is_empty())
        .map(|t| t.parse().unwrap())
        .collect()
}

/// Cuántos mensajes se aceptaron antes de la orden, en una sección.
fn aceptados(seccion: &str) -> usize {
    let linea = seccion
        .lines()
        .find(|l| l.contains("mensajes aceptados;"))
        .unwrap_or_else(|| panic!("falta cuántos mensajes se aceptaron en:\n{seccion}"));
    numeros(linea)[0]
}

#[test]
fn apagado_ordenado_imprime_lo_que_dice_el_capitulo() {
    let salida = EJEMPLOS.correr("apagado_ordenado", &[], Duration::from_secs(120));
    assert!(
        salida.estado.success(),
        "el ejemplo apagado_ordenado terminó mal.\n{}",
        salida.describir()
    );

    // 1. En orden.
    let en_orden = seccion(&salida, "1. Apagar en orden");
    assert_eq!(
        linea(en_orden, "orden de apagar:"),
        "orden de apagar: el programa"
    );
    let n = aceptados(en_orden);
    assert_eq!(
        linea(en_orden, "publica:"),
        "publica: su copia de cada uno al publicar, y el aviso al final"
    );
    assert_eq!(
        linea(en_orden, "en_pausa:"),
        format!("en_pausa: {n} de {n} mensajes, y el aviso al final"),
        "en orden, el cliente en pausa recibe todo lo aceptado y el aviso detrás"
    );
    assert_eq!(
        linea(en_orden, "informe:"),
        "informe: avisados 3, abortadas 1; ¿tardó al menos el plazo (1000 ms)? true",
        "en orden: tres avisados, solo la escritora del mudo abortada, y no antes del plazo"
    );
    assert_eq!(
        linea(en_orden, "tareas vivas al terminar:"),
        "tareas vivas al terminar: 0"
    );

    // 2. Abortar enseguida.
    let sin_orden = seccion(&salida, "2. Sin orden");
    let n = aceptados(sin_orden);
    let en_pausa = linea(sin_orden, "en_pausa:");
    let cifras = numeros(en_pausa);
    assert!(
        cifras[0] < cifras[1] && cifras[1] == n && en_pausa.ends_with("sin aviso"),
        "al abortar enseguida, el cliente en pausa debía perder mensajes aceptados y el \
         aviso: «{en_pausa}»"
    );

    // 3. Sin plazo.
    let sin_plazo = seccion(&salida, "3. Sin plazo");
    assert_eq!(
        linea(sin_plazo, "tras "),
        "tras 1000 ms el apagado sigue esperando: 1 tarea viva (la escritora del mudo)"
    );
}
