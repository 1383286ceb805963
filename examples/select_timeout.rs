//! `select_timeout`: esperar al primero de varios futures con
//! `tokio::select!`, y ponerle un plazo a lo que tarda.
//!
//! El capítulo «Streams» presentó `race` y `select`, que esperan el primero
//! de dos futures una vez. Un servicio de verdad lo hace en un bucle: recibir
//! mensajes, dar un latido cada tanto y parar cuando se lo piden, todo en la
//! misma tarea. Este ejemplo existe para ver, con números, lo que el capítulo
//! «Esperar al primero» explica de ese bucle:
//!
//! 1. `select!` en un bucle, con un canal, un `interval` y una señal de
//!    apagado;
//! 2. el orden al azar de las ramas, y `biased;`;
//! 3. qué pierde la rama que no gana (su future se suelta), y cómo conservar
//!    un future entre vueltas con `&mut` y `pin!`;
//! 4. `else`, cuando todas las ramas quedan desactivadas;
//! 5. `timeout`, `sleep` e `interval` (su primer tic, y `MissedTickBehavior`);
//! 6. un solo plazo para varios pasos, frente a un límite de tiempo por paso.
//!
//! Corre en un runtime de tokio con el **reloj en pausa**, el mismo que usan
//! las pruebas del ejercicio `con_plazo`: cuando todas las tareas esperan,
//! tokio adelanta el reloj hasta el próximo temporizador. Por eso los tiempos
//! que imprime son exactos (100 ms, y no 100,3 ms) y el ejemplo no tarda casi
//! nada, pero el orden de los sucesos es el mismo que con un reloj de verdad.
//!
//! ```text
//! cargo run --example select_timeout
//! ```

use std::cell::Cell;
use std::future::ready;
use std::time::Duration;

use tokio::sync::{mpsc, oneshot};
use tokio::time::{self, Instant, MissedTickBehavior};

/// `n` milisegundos.
fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Los milisegundos (del reloj de tokio) que pasaron desde `inicio`.
fn desde(inicio: Instant) -> u128 {
    inicio.elapsed().as_millis()
}

// ANCHOR: bucle
/// Un bucle que atiende tres cosas a la vez, en una sola tarea: los mensajes
/// de un canal, un latido cada 200 ms y una señal de apagado.
async fn bucle() {
    let inicio = Instant::now();
    let (enviar, mut recibir) = mpsc::channel::<&str>(8);
    let (apagar, mut apagado) = oneshot::channel::<()>();
    // El productor: un mensaje cada 150 ms y, después, la orden de apagar.
    tokio::spawn(async move {
        for palabra in ["uno", "dos", "tres"] {
            time::sleep(ms(150)).await;
            enviar.send(palabra).await.unwrap();
        }
        time::sleep(ms(100)).await;
        let _ = apagar.send(());
    });

    let mut latido = time::interval(ms(200));
    loop {
        tokio::select! {
            Some(palabra) = recibir.recv() => {
                println!("  {:>4} ms  mensaje «{palabra}»", desde(inicio));
            }
            _ = latido.tick() => println!("  {:>4} ms  latido", desde(inicio)),
            // `&mut`: el mismo receptor en todas las vueltas.
            _ = &mut apagado => {
                println!("  {:>4} ms  apagar: fin del bucle", desde(inicio));
                break;
            }
        }
    }
}
// ANCHOR_END: bucle

// ANCHOR: azar
/// Dos ramas que están listas siempre: ¿cuál gana?
async fn azar_y_biased() {
    const VUELTAS: u32 = 1000;
    let (mut primera, mut segunda) = (0, 0);
    for _ in 0..VUELTAS {
        tokio::select! {
            _ = ready(()) => primera += 1,
            _ = ready(()) => segunda += 1,
        }
    }
    println!("  sin biased: la primera ganó {primera} veces, la segunda {segunda}");

    let (mut primera, mut segunda) = (0, 0);
    for _ in 0..VUELTAS {
        tokio::select! {
            biased;
            _ = ready(()) => primera += 1,
            _ = ready(()) => segunda += 1,
        }
    }
    println!("  con biased: la primera ganó {primera} veces, la segunda {segunda}");
}
// ANCHOR_END: azar

// ANCHOR: testigo
/// Cuenta cuántas veces empezó una operación, cuántas terminó y cuántas se
/// soltó a medias.
#[derive(Default)]
struct Cuentas {
    empezadas: Cell<u32>,
    terminadas: Cell<u32>,
    soltadas: Cell<u32>,
}

/// Vive dentro del future de `operacion_lenta`: si el future se suelta antes
/// de terminar, su `drop` lo anota.
struct Testigo<'a> {
    cuentas: &'a Cuentas,
    terminada: bool,
}

impl Drop for Testigo<'_> {
    fn drop(&mut self) {
        if !self.terminada {
            self.cuentas.soltadas.set(self.cuentas.soltadas.get() + 1);
        }
    }
}

/// Una operación que tarda 250 ms (la respuesta de un servidor, digamos).
async fn operacion_lenta(cuentas: &Cuentas) -> &'static str {
    cuentas.empezadas.set(cuentas.empezadas.get() + 1);
    let mut testigo = Testigo {
        cuentas,
        terminada: false,
    };
    time::sleep(ms(250)).await;
    testigo.terminada = true;
    cuentas.terminadas.set(cuentas.terminadas.get() + 1);
    "la respuesta"
}
// ANCHOR_END: testigo

// ANCHOR: perder
/// El error: un future nuevo en cada vuelta. Cada latido gana, y la rama que
/// pierde suelta su `operacion_lenta` a medias; la siguiente vuelta empieza
/// otra desde cero, que tampoco llega a terminar.
async fn future_nuevo_en_cada_vuelta() {
    let cuentas = Cuentas::default();
    let mut latido = time::interval(ms(100));
    latido.tick().await; // el primer tic llega enseguida: se consume aquí
    for _ in 0..5 {
        tokio::select! {
            respuesta = operacion_lenta(&cuentas) => {
                println!("  llegó {respuesta}");
                break;
            }
            _ = latido.tick() => {}
        }
    }
    imprimir("future nuevo en cada vuelta", &cuentas);
}
// ANCHOR_END: perder

// ANCHOR: conservar
/// El arreglo: crear el future una vez, antes del bucle, fijarlo con `pin!`
/// y darle a `select!` un `&mut`. Perder una vuelta ya no lo suelta: el
/// `select!` suelta la referencia, no el future, que sigue donde estaba.
async fn future_conservado() {
    let cuentas = Cuentas::default();
    let mut latido = time::interval(ms(100));
    let mut operacion = std::pin::pin!(operacion_lenta(&cuentas));
    let inicio = Instant::now();
    loop {
        tokio::select! {
            respuesta = &mut operacion => {
                println!("  llegó {respuesta} a los {} ms", desde(inicio));
                break;
            }
            _ = latido.tick() => println!("  latido a los {} ms", desde(inicio)),
        }
    }
    imprimir("future conservado con pin!", &cuentas);
}
// ANCHOR_END: conservar

fn imprimir(titulo: &str, cuentas: &Cuentas) {
    println!(
        "  {titulo}: empezadas {}, terminadas {}, soltadas a medias {}",
        cuentas.empezadas.get(),
        cuentas.terminadas.get(),
        cuentas.soltadas.get()
    );
}

// ANCHOR: else
/// Dos canales que se cierran. Cuando un `recv` devuelve `None`, el patrón
/// `Some(..)` no encaja y su rama queda desactivada en esa vuelta; cuando
/// están desactivadas todas, corre `else`.
async fn con_else() {
    let (a, mut de_a) = mpsc::channel(4);
    let (b, mut de_b) = mpsc::channel(4);
    a.send("a1").await.unwrap();
    a.send("a2").await.unwrap();
    b.send("b1").await.unwrap();
    drop((a, b)); // los dos canales quedan cerrados, con sus mensajes dentro

    let (mut de_a_llegaron, mut de_b_llegaron) = (0, 0);
    loop {
        tokio::select! {
            Some(_) = de_a.recv() => de_a_llegaron += 1,
            Some(_) = de_b.recv() => de_b_llegaron += 1,
            else => {
                println!(
                    "  de a llegaron {de_a_llegaron}, de b {de_b_llegaron}; \
                     después, las dos ramas desactivadas: else"
                );
                break;
            }
        }
    }
}
// ANCHOR_END: else

// ANCHOR: timeout
/// `timeout` le pone un límite de tiempo a un future: `Ok` con su valor si
/// termina antes, `Err(Elapsed)` si no (y entonces lo suelta).
async fn limites_de_tiempo() {
    let inicio = Instant::now();
    let rapido = time::timeout(ms(100), time::sleep(ms(30))).await;
    println!(
        "  timeout de 100 ms a un sleep de 30 ms: {rapido:?}, a los {} ms",
        desde(inicio)
    );
    let inicio = Instant::now();
    let lento = time::timeout(ms(100), time::sleep(ms(300))).await;
    match lento {
        Ok(()) => println!("  el sleep de 300 ms terminó antes de 100 ms (?)"),
        Err(vencido) => println!(
            "  timeout de 100 ms a un sleep de 300 ms: Err(«{vencido}»), a los {} ms",
            desde(inicio)
        ),
    }
}
// ANCHOR_END: timeout

// ANCHOR: interval
/// El primer tic de un `interval` llega enseguida; los demás, uno por
/// periodo. Y si la tarea se atrasa, `MissedTickBehavior` decide cómo se
/// recuperan los tics perdidos.
async fn intervalos() {
    let inicio = Instant::now();
    let mut tic = time::interval(ms(100));
    let mut tiempos = Vec::new();
    for _ in 0..3 {
        tic.tick().await;
        tiempos.push(desde(inicio));
    }
    println!("  interval(100 ms): tics a los {tiempos:?} ms");

    for comportamiento in [
        MissedTickBehavior::Burst,
        MissedTickBehavior::Delay,
        MissedTickBehavior::Skip,
    ] {
        let inicio = Instant::now();
        let mut tic = time::interval(ms(100));
        tic.set_missed_tick_behavior(comportamiento);
        tic.tick().await; // el primero, a los 0 ms
        time::sleep(ms(350)).await; // la tarea se atrasa: pierde tres tics
        let mut tiempos = Vec::new();
        for _ in 0..4 {
            tic.tick().await;
            tiempos.push(desde(inicio));
        }
        println!(
            "  {:<6} tras 350 ms sin mirar el reloj: tics a los {tiempos:?} ms",
            format!("{comportamiento:?}:")
        );
    }
}
// ANCHOR_END: interval

// ANCHOR: un_plazo
/// Un paso de una operación más larga: tarda 40 ms.
async fn paso(i: u32) -> u32 {
    time::sleep(ms(40)).await;
    i
}

/// Tres pasos de 40 ms, y la operación entera debe terminar en 100 ms.
async fn plazos() {
    // Mal: un límite de tiempo por paso. Cada paso cabe en sus 100 ms, así
    // que ninguno vence, y la operación entera se pasa del plazo.
    let inicio = Instant::now();
    let mut hechos = Vec::new();
    for i in 1..=3 {
        match time::timeout(ms(100), paso(i)).await {
            Ok(i) => hechos.push(i),
            Err(_) => break,
        }
    }
    println!(
        "  un límite de 100 ms por paso: pasos {hechos:?} hechos, a los {} ms",
        desde(inicio)
    );

    // Bien: un solo plazo, un instante calculado una vez, para todos los pasos.
    let inicio = Instant::now();
    let plazo = Instant::now() + ms(100);
    let mut hechos = Vec::new();
    for i in 1..=3 {
        match time::timeout_at(plazo, paso(i)).await {
            Ok(i) => hechos.push(i),
            Err(_) => {
                println!(
                    "  un plazo para todos: venció en el paso {i}, con {hechos:?} hechos, \
                     a los {} ms",
                    desde(inicio)
                );
                break;
            }
        }
    }

    // Lo mismo con `sleep_until` en un `select!`: el sleep se crea una vez,
    // fijado con `tokio::pin!`, y cada vuelta lo espera con `&mut`.
    let inicio = Instant::now();
    let vence = time::sleep_until(Instant::now() + ms(100));
    tokio::pin!(vence);
    let mut hechos = Vec::new();
    for i in 1..=3 {
        tokio::select! {
            i = paso(i) => hechos.push(i),
            _ = &mut vence => {
                println!(
                    "  sleep_until en un select!: venció en el paso {i}, con {hechos:?} \
                     hechos, a los {} ms",
                    desde(inicio)
                );
                break;
            }
        }
    }
}
// ANCHOR_END: un_plazo

fn main() {
    // El reloj en pausa necesita la feature `test-util` de tokio, que el
    // taller activa para sus pruebas.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .expect("no se pudo crear el runtime de tokio");
    runtime.block_on(async {
        println!("1. select! en un bucle: un canal, un latido y una señal de apagado");
        bucle().await;
        println!("2. ¿Qué rama gana cuando las dos están listas?");
        azar_y_biased().await;
        println!("3. Lo que pierde la rama que no gana");
        future_nuevo_en_cada_vuelta().await;
        future_conservado().await;
        println!("4. else: cuando no queda ninguna rama");
        con_else().await;
        println!("5. Límites de tiempo e intervalos");
        limites_de_tiempo().await;
        intervalos().await;
        println!("6. Tres pasos de 40 ms, y 100 ms para todo");
        plazos().await;
    });
}
