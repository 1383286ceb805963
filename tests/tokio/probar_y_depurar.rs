//! Prueba del ejemplo `probar_y_depurar`: que imprima lo que el capítulo
//! «Probar y depurar código asíncrono» dice que imprime. Y, al lado, la
//! prueba con `#[tokio::test(start_paused = true)]` que el capítulo enseña.
//!
//! Lo que el capítulo da por hecho del ejemplo: que un `sleep` de 10 ms con
//! el hilo ocupado dura al menos 10 ms y no menos de 20; que con el reloj en
//! pausa un límite de 30 s vence a los 30 s del reloj de tokio, en menos
//! tiempo de verdad que eso, y que `advance` lo hace vencer al llegar a los
//! 30 s y no antes; que con un socket de verdad el reloj en pausa hace
//! vencer un límite de 5 s antes de que responda un servidor de 200 ms, y
//! el reloj de verdad no; y que los tramos de `tracing` siguen a cada
//! petición con `.instrument`, y se mezclan con `Span::enter`.

use crate::comun;

use std::time::Duration;

use comun::ejemplos::Ejemplos;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::time::{self, Instant};

static EJEMPLOS: Ejemplos = Ejemplos::nuevos(
    env!("CARGO_PKG_NAME"),
    &["probar_y_depurar"],
    "un límite de tiempo que no vence: ¿corre el ejemplo con el reloj en pausa? ¿O el \
     servidor local no responde?",
);

#[test]
fn probar_y_depurar_imprime_lo_que_dice_el_capitulo() {
    let salida = EJEMPLOS.correr("probar_y_depurar", &[], Duration::from_secs(60));
    assert!(
        salida.estado.success(),
        "el ejemplo probar_y_depurar terminó mal.\n{}",
        salida.describir()
    );
    let lineas: Vec<&str> = salida.stdout.lines().map(str::trim).collect();
    let tiene = |linea: &str| {
        assert!(
            lineas.contains(&linea),
            "la salida de probar_y_depurar debía tener la línea «{linea}».\n{}",
            salida.describir()
        );
    };
    // Que `antes` salga antes que `despues`.
    let en_orden = |antes: &str, despues: &str| {
        let i = lineas.iter().position(|l| *l == antes);
        let j = lineas.iter().position(|l| *l == despues);
        assert!(
            matches!((i, j), (Some(i), Some(j)) if i < j),
            "«{antes}» debía salir antes que «{despues}».\n{}",
            salida.describir()
        );
    };

    // 1. Cotas de tiempo.
    tiene("¿duró al menos 10 ms? sí");
    tiene("¿duró menos de 20 ms? no");

    // 2. El límite de 30 s con el reloj en pausa.
    tiene("resultado: Err(Elapsed(()))");
    tiene("reloj de tokio: 30 s");
    // La cota es generosa a propósito: lo que se comprueba es que no hizo
    // falta esperar los 30 s, no cuánto se tardó.
    let real = salida.numero_tras("tiempo de verdad: ");
    assert!(
        real < 30_000,
        "con el reloj en pausa, el límite de 30 s no debía esperarse de verdad, y tardó \
         {real} ms.\n{}",
        salida.describir()
    );
    tiene("tras advance(29 s), ¿venció? no");
    tiene("tras advance(1 s) más: Err(Elapsed(())), a los 30 s");

    // 3. El reloj en pausa con un socket de verdad.
    tiene("con el reloj en pausa: ¿venció el límite de 5 s? sí");
    assert!(
        lineas
            .iter()
            .any(|l| l.starts_with("reloj de tokio: 5 s; tiempo de verdad: ")),
        "el límite debía vencer a los 5 s del reloj de tokio.\n{}",
        salida.describir()
    );
    tiene("con el reloj de verdad: ¿venció el límite de 5 s? no");

    // 4. Cada evento en el tramo de su petición, también en otra tarea.
    en_orden(
        "INFO peticion{id=1}: empieza",
        "INFO peticion{id=2}: empieza",
    );
    en_orden(
        "INFO peticion{id=2}:consulta{tabla=\"perros\"}: llegaron las filas",
        "INFO peticion{id=1}:consulta{tabla=\"perros\"}: llegaron las filas",
    );
    tiene("INFO peticion{id=1}:formato: da formato a la respuesta filas=3");
    tiene("INFO peticion{id=2}: termina respuesta=3 filas");
    tiene("INFO una tarea sin .instrument");

    // 5. Con Span::enter, la petición 1 termina en el tramo de la 2.
    tiene("INFO peticion{id=1}:peticion{id=2}: la petición 2 empieza");
    tiene("INFO peticion{id=1}:peticion{id=2}: la petición 1 termina");

    // Sin colores: la salida no es una terminal.
    assert!(
        !salida.stdout.contains('\u{1b}'),
        "la salida tiene códigos de color, y no es una terminal.\n{}",
        salida.describir()
    );
    for linea in salida.stdout.lines() {
        assert!(
            linea.chars().count() <= 100,
            "una línea de la salida no cabe en la columna del libro (100 caracteres): \
             «{linea}»"
        );
    }
}

// ANCHOR: tokio_test
/// Un límite de 30 s que vence sin esperar 30 s: el reloj de tokio en pausa
/// y un «socket» en memoria en el que nadie escribe.
///
/// Con el reloj en pausa, esta prueba no puede quedarse esperando: cuando no
/// queda nada que hacer, tokio adelanta el reloj hasta el próximo
/// temporizador, y el `timeout` vence. Lo único que la colgaría es bloquear
/// el hilo, que también para el reloj.
#[tokio::test(start_paused = true)]
async fn un_limite_de_30_s_vence_sin_esperar_30_s() {
    let inicio = Instant::now();
    let (_cliente, servidor) = tokio::io::duplex(64);
    let mut lineas = BufReader::new(servidor).lines();

    let resultado = time::timeout(Duration::from_secs(30), lineas.next_line()).await;

    assert!(
        resultado.is_err(),
        "nadie escribe: el límite de 30 s debía vencer, y dio {resultado:?}"
    );
    assert!(
        inicio.elapsed() >= Duration::from_secs(30),
        "el reloj de tokio debía marcar 30 s, y marca {:?}",
        inicio.elapsed()
    );
}
// ANCHOR_END: tokio_test
