//! Prueba del ejemplo `select_timeout`: que imprima lo que el capítulo
//! «Esperar al primero: `select!` y los plazos» dice que imprime.
//!
//! El ejemplo corre con el reloj de tokio en pausa, así que sus tiempos son
//! exactos y se pueden comprobar tal cual: el primer tic de un `interval` a
//! los 0 ms, los tics de `Burst`, `Delay` y `Skip` tras un atraso, el plazo
//! que vence a los 100 ms justos. Lo único que cambia de una corrida a otra
//! es el reparto al azar de las ramas sin `biased;`, y de eso se comprueba
//! solo que las dos ramas ganan alguna vez.

use crate::comun;

use std::time::Duration;

use comun::ejemplos::{Ejemplos, Salida};

static EJEMPLOS: Ejemplos = Ejemplos::nuevos(
    env!("CARGO_PKG_NAME"),
    &["select_timeout"],
    "un `select!` sin ninguna rama que termine, o un reloj en pausa que no puede avanzar \
     porque algo bloquea el hilo.",
);

fn correr() -> Salida {
    let salida = EJEMPLOS.correr("select_timeout", &[], Duration::from_secs(60));
    assert!(
        salida.estado.success(),
        "el ejemplo select_timeout terminó mal.\n{}",
        salida.describir()
    );
    salida
}

/// Que la salida tenga esta línea, sin contar los espacios de los extremos.
fn tiene(salida: &Salida, linea: &str) {
    assert!(
        salida.stdout.lines().any(|l| l.trim() == linea),
        "la salida de select_timeout debía tener la línea «{linea}».\n{}",
        salida.describir()
    );
}

#[test]
fn select_timeout_imprime_lo_que_dice_el_capitulo() {
    let salida = correr();

    // 1. El bucle: los sucesos, en este orden.
    let bucle = [
        "0 ms  latido",
        "150 ms  mensaje «uno»",
        "200 ms  latido",
        "300 ms  mensaje «dos»",
        "400 ms  latido",
        "450 ms  mensaje «tres»",
        "550 ms  apagar: fin del bucle",
    ];
    let lineas: Vec<&str> = salida.stdout.lines().map(str::trim).collect();
    let desde = lineas
        .iter()
        .position(|l| *l == bucle[0])
        .unwrap_or_else(|| panic!("falta el primer latido.\n{}", salida.describir()));
    assert!(
        lineas[desde..desde + bucle.len()] == bucle,
        "el bucle de select! debía dar, en orden, {bucle:#?}\n{}",
        salida.describir()
    );

    // 2. El azar y `biased;`.
    tiene(
        &salida,
        "con biased: la primera ganó 1000 veces, la segunda 0",
    );
    let sin = salida.tras("sin biased: la primera ganó ");
    let cifras: Vec<u32> = sin
        .split(|c: char| !c.is_ascii_digit())
        .filter(|t| !t.is_empty())
        .map(|t| t.parse().unwrap())
        .collect();
    assert!(
        cifras.len() == 2 && cifras[0] > 0 && cifras[1] > 0 && cifras[0] + cifras[1] == 1000,
        "sin biased, las dos ramas debían ganar alguna de las 1000 vueltas: «{sin}»"
    );

    // 3. Lo que pierde la rama que no gana.
    tiene(
        &salida,
        "future nuevo en cada vuelta: empezadas 5, terminadas 0, soltadas a medias 5",
    );
    tiene(&salida, "llegó la respuesta a los 250 ms");
    tiene(
        &salida,
        "future conservado con pin!: empezadas 1, terminadas 1, soltadas a medias 0",
    );

    // 4. else.
    tiene(
        &salida,
        "de a llegaron 2, de b 1; después, las dos ramas desactivadas: else",
    );

    // 5. timeout e interval.
    tiene(
        &salida,
        "timeout de 100 ms a un sleep de 30 ms: Ok(()), a los 30 ms",
    );
    tiene(
        &salida,
        "timeout de 100 ms a un sleep de 300 ms: Err(«deadline has elapsed»), a los 100 ms",
    );
    tiene(&salida, "interval(100 ms): tics a los [0, 100, 200] ms");
    for (nombre, tics) in [
        ("Burst:", "[350, 350, 350, 400]"),
        ("Delay:", "[350, 450, 550, 650]"),
        ("Skip:", "[350, 400, 500, 600]"),
    ] {
        let resto = salida.tras(nombre);
        assert!(
            resto.ends_with(&format!("tics a los {tics} ms")),
            "con {nombre} los tics debían llegar a los {tics} ms: «{resto}»"
        );
    }

    // 6. Un límite por paso frente a un plazo.
    tiene(
        &salida,
        "un límite de 100 ms por paso: pasos [1, 2, 3] hechos, a los 120 ms",
    );
    tiene(
        &salida,
        "un plazo para todos: venció en el paso 3, con [1, 2] hechos, a los 100 ms",
    );
    tiene(
        &salida,
        "sleep_until en un select!: venció en el paso 3, con [1, 2] hechos, a los 100 ms",
    );
}
