//! Prueba del ejemplo `cancelacion`: que imprima lo que el capítulo
//! «Cancelar es soltar» dice que imprime.
//!
//! Lo que el capítulo da por hecho: que el `timeout` suelta el future en el
//! segundo paso y el tercero no se hace; que una tarea abortada da un
//! `JoinError` cancelado; que el `Outbound` del chat, con `write_all` bajo un
//! límite de tiempo, deja líneas rotas (más de cero, en cada corrida, por
//! construcción) y que con la tarea escritora no deja ninguna; y que
//! `read_line` en un `select!` pierde el principio de la línea.

use crate::comun;

use std::time::Duration;

use comun::ejemplos::{Ejemplos, Salida};

static EJEMPLOS: Ejemplos = Ejemplos::nuevos(
    env!("CARGO_PKG_NAME"),
    &["cancelacion"],
    "un lector que no termina porque nadie cierra el «socket», o una tarea escritora \
     que espera un canal que nadie cierra.",
);

/// Las líneas enteras y rotas que contó el lector en la sección que empieza
/// con `titulo`.
fn cuentas(salida: &Salida, titulo: &str) -> (usize, usize) {
    let desde = salida
        .stdout
        .find(titulo)
        .unwrap_or_else(|| panic!("falta la sección «{titulo}».\n{}", salida.describir()));
    let linea = salida.stdout[desde..]
        .lines()
        .find(|l| l.contains("el lector recibió"))
        .unwrap_or_else(|| panic!("falta lo que contó el lector.\n{}", salida.describir()));
    let cifras: Vec<usize> = linea
        .split(|c: char| !c.is_ascii_digit())
        .filter(|t| !t.is_empty())
        .map(|t| t.parse().unwrap())
        .collect();
    assert!(cifras.len() == 2, "esperaba dos cuentas en «{linea}»");
    (cifras[0], cifras[1])
}

#[test]
fn cancelacion_imprime_lo_que_dice_el_capitulo() {
    let salida = EJEMPLOS.correr("cancelacion", &[], Duration::from_secs(60));
    assert!(
        salida.estado.success(),
        "el ejemplo cancelacion terminó mal.\n{}",
        salida.describir()
    );
    let tiene = |linea: &str| {
        assert!(
            salida.stdout.lines().any(|l| l.trim() == linea),
            "la salida de cancelacion debía tener la línea «{linea}».\n{}",
            salida.describir()
        );
    };

    // 1. Cancelar es soltar.
    tiene("paso 1 hecho");
    tiene("el future se soltó en el paso 2");
    assert!(
        !salida.stdout.contains("paso 2 hecho"),
        "el timeout de 150 ms debía soltar el future antes de terminar el paso 2.\n{}",
        salida.describir()
    );
    tiene("timeout de 150 ms: Err(\"vencido\")");
    tiene("la tarea abortada: cancelada");

    // 2 y 3. Líneas rotas antes del arreglo, ninguna después.
    let (_, rotas_antes) = cuentas(&salida, "2. Sin arreglo");
    assert!(
        rotas_antes > 0,
        "sin arreglo, el write_all cortado por el límite de tiempo debía dejar líneas \
         rotas, y el lector no contó ninguna.\n{}",
        salida.describir()
    );
    assert!(
        salida
            .stdout
            .contains(r#"xxxx{"Message":{"group_name":"perros","message":"corto 1"}}"#),
        "debía mostrarse el mensaje corto pegado a la media línea del largo.\n{}",
        salida.describir()
    );
    let (enteras_despues, rotas_despues) = cuentas(&salida, "3. Con arreglo");
    assert!(
        rotas_despues == 0 && enteras_despues > 0,
        "con la tarea escritora, el lector debía recibir líneas enteras y ninguna rota, \
         y recibió {enteras_despues} enteras y {rotas_despues} rotas.\n{}",
        salida.describir()
    );

    // 4. read_line pierde el principio de la línea.
    tiene("a los 150 ms, read_line dio \"mundo\\n\"");
}
