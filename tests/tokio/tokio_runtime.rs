//! Prueba del ejemplo `tokio_runtime`: que imprima lo que dice el capítulo
//! «De async-std a tokio: el runtime».
//!
//! El capítulo se apoya en lo que se ve al correrlo: cuántos hilos de trabajo
//! tiene cada sabor y dónde corren las tareas, qué `JoinError` da un pánico
//! y qué da un `abort()`, que `block_in_place` entra en pánico en el runtime
//! de un hilo, que el proceso hijo que usa un temporizador de tokio fuera de
//! tokio entra en pánico con el mensaje de tokio, y los ceros y el 128 del
//! presupuesto cooperativo. Solo se comprueba lo que está garantizado: ningún
//! número de latidos exacto, ninguna cota de tiempo.

use crate::comun;

use std::time::Duration;

use comun::ejemplos::{Ejemplos, Salida};

static EJEMPLOS: Ejemplos = Ejemplos::nuevos(
    env!("CARGO_PKG_NAME"),
    &["tokio_runtime"],
    "un runtime que no termina: ¿una tarea que espera algo que nadie envía, o un \
     proceso hijo que no acaba?",
);

fn correr() -> Salida {
    let salida = EJEMPLOS.correr("tokio_runtime", &[], Duration::from_secs(60));
    assert!(
        salida.estado.success(),
        "el ejemplo tokio_runtime no terminó bien.\n{}",
        salida.describir()
    );
    salida
}

/// La fila de la tabla del presupuesto de un runtime y un canal, con sus tres
/// números: latidos durante el vaciado, sondeos de la tarea y mensajes en un
/// solo sondeo, como mucho.
fn presupuesto(salida: &Salida, runtime: &str, canal: &str) -> (usize, usize, usize) {
    let fila: Vec<&str> = salida
        .stdout
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>())
        .find(|palabras| palabras.len() == 5 && palabras[0] == runtime && palabras[1] == canal)
        .unwrap_or_else(|| {
            panic!(
                "no encuentro la fila del runtime {runtime} con el canal {canal} en la tabla \
                 del presupuesto.\n{}",
                salida.describir()
            )
        });
    let numero = |i: usize, que: &str| -> usize {
        fila[i].parse().unwrap_or_else(|_| {
            panic!("en la fila de {runtime} y {canal}, esperaba {que}: {fila:?}")
        })
    };
    (
        numero(2, "los latidos"),
        numero(3, "los sondeos"),
        numero(4, "los mensajes por sondeo"),
    )
}

#[test]
fn tokio_runtime_imprime_lo_que_dice_el_capitulo() {
    let salida = correr();

    // 1. Los sabores: tantos hilos de trabajo como núcleos disponibles, y
    // la tarea del sabor de un hilo en `main`.
    let nucleos = salida.numero_tras("este equipo tiene");
    let varios = salida.tras("#[tokio::main]: sabor");
    assert!(
        varios.starts_with(&format!("MultiThread, {nucleos} hilos de trabajo")),
        "#[tokio::main] debía dar un runtime MultiThread con {nucleos} hilos: {varios}"
    );
    let uno = salida.tras("#[tokio::main(flavor = \"current_thread\")]: sabor");
    assert!(
        uno.starts_with("CurrentThread, 1 hilo"),
        "el sabor current_thread debía tener un hilo de trabajo: {uno}"
    );
    let tareas: Vec<&str> = salida
        .stdout
        .lines()
        .filter(|l| l.contains("la tarea de tokio::spawn corrió en"))
        .collect();
    assert!(
        tareas.len() == 2
            && tareas[0].contains("tokio-rt-worker")
            && tareas[1].contains("corrió en main"),
        "la tarea debía correr en un hilo de trabajo con #[tokio::main] y en main con \
         current_thread: {tareas:?}"
    );

    // 2. El JoinHandle.
    let panico = salida.tras("tarea con pánico:");
    assert!(
        panico == "is_panic() = true, is_cancelled() = false",
        "la tarea con pánico: {panico}"
    );
    let abortada = salida.tras("tarea abortada:");
    assert!(
        abortada == "is_panic() = false, is_cancelled() = true",
        "la tarea abortada: {abortada}"
    );

    // 3. spawn_blocking y block_in_place.
    // Las dos líneas «el contador de la otra tarea latió N veces»: primero
    // con el sleep en la propia tarea, después con spawn_blocking.
    let latidos: Vec<usize> = salida
        .stdout
        .lines()
        .filter_map(|l| l.trim().strip_prefix("el contador de la otra tarea latió "))
        .map(|resto| {
            let cifras: String = resto.chars().take_while(|c| c.is_ascii_digit()).collect();
            cifras
                .parse()
                .unwrap_or_else(|_| panic!("esperaba un número: «{resto}»"))
        })
        .collect();
    assert!(
        latidos.len() == 2,
        "esperaba dos líneas «el contador de la otra tarea latió N veces»: {latidos:?}.\n{}",
        salida.describir()
    );
    let (en_la_tarea, en_el_pool) = (latidos[0], latidos[1]);
    assert!(
        en_la_tarea == 0,
        "con el sleep en la propia tarea, el contador no puede latir: latió {en_la_tarea}"
    );
    assert!(
        en_el_pool > 0,
        "con spawn_blocking, el contador debía latir mientras tanto: latió {en_el_pool}"
    );
    assert!(
        salida.tras("el cierre corrió en el hilo de la tarea:") == "true",
        "el cierre de block_in_place debía correr en el hilo de la tarea.\n{}",
        salida.describir()
    );
    assert!(
        salida.tras("block_in_place en un runtime de un hilo:") == "is_panic() = true",
        "block_in_place debía entrar en pánico en el runtime de un hilo.\n{}",
        salida.describir()
    );
    assert!(
        salida.stdout.contains("multi-threaded runtime"),
        "debía imprimirse el mensaje del pánico de block_in_place.\n{}",
        salida.describir()
    );

    // 4. LocalSet.
    assert!(
        salida.numero_tras("compartido:") == 3 && salida.tras("esperaba el LocalSet:") == "true",
        "las tres tareas locales debían sumar 3 en el hilo del LocalSet.\n{}",
        salida.describir()
    );

    // 5. El hijo entra en pánico con el mensaje de tokio, y los arreglos
    // terminan.
    let hijo: Vec<&str> = salida
        .stdout
        .lines()
        .filter(|l| l.trim_start().starts_with('|'))
        .collect();
    assert!(
        hijo.iter()
            .any(|l| l.contains("there is no reactor running")),
        "el hijo debía entrar en pánico con el mensaje de tokio (util/error.rs): {hijo:?}"
    );
    assert!(
        salida.tras("el hijo terminó con").contains("101"),
        "el hijo debía terminar con el código de un pánico, 101.\n{}",
        salida.describir()
    );
    for arreglo in [
        "Runtime::block_on(async { tokio::time::sleep(..).await }): terminó",
        "runtime.enter() y async_std::task::block_on(tokio::time::sleep(..)): terminó",
        "async_std::task::block_on(async_std::task::sleep(..)): terminó",
        "runtime de un hilo, block_on(async_std::task::sleep(..)): terminó",
    ] {
        assert!(
            salida.stdout.contains(arreglo),
            "falta «{arreglo}».\n{}",
            salida.describir()
        );
    }
    if std::path::Path::new("/proc/self/task").is_dir() {
        assert!(
            salida.tras("hay un hilo «async-io»:") == "sí)",
            "el proceso debía tener un hilo async-io.\n{}",
            salida.describir()
        );
    }

    // 6. El presupuesto. Con tokio y su canal: el canal siempre está listo,
    // pero cada sondeo de la tarea tiene 128 unidades (task/coop/mod.rs) y
    // cada `recv` que entrega un mensaje gasta una, así que un sondeo no
    // puede pasar de 128 mensajes, la tarea se sondea al menos
    // ceil(10000 / 128) veces, y entre sondeo y sondeo el contador, que
    // está en la cola del mismo hilo, late. En los otros tres casos nada
    // devuelve `Pending` (async-channel no mira el presupuesto de tokio, y
    // fuera de tokio el presupuesto no tiene límite): el primer sondeo vacía
    // el canal entero y el contador, en el mismo hilo, no puede latir en
    // medio. Ceros por construcción, no por suerte.
    let (latidos, sondeos, por_sondeo) = presupuesto(&salida, "tokio", "tokio::sync::mpsc");
    assert!(
        latidos > 0 && por_sondeo == 128 && sondeos >= 10_000usize.div_ceil(128),
        "con tokio y su canal: {latidos} latidos, {sondeos} sondeos, {por_sondeo} por \
         sondeo; se esperaban latidos, 128 por sondeo y al menos 79 sondeos"
    );
    for (runtime, canal) in [
        ("tokio", "async_std::channel"),
        ("async-std", "tokio::sync::mpsc"),
        ("async-std", "async_std::channel"),
    ] {
        let (latidos, sondeos, por_sondeo) = presupuesto(&salida, runtime, canal);
        assert!(
            latidos == 0 && sondeos == 1 && por_sondeo == 10_000,
            "con el runtime {runtime} y el canal {canal}: {latidos} latidos, {sondeos} \
             sondeos, {por_sondeo} por sondeo; se esperaban 0, 1 y 10000"
        );
    }
}
