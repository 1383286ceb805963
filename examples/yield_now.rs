//! `yield_now`: un cálculo largo deja sin hilo a las demás tareas de su
//! hilo, a menos que lo suelte de vez en cuando.
//!
//! Una tarea solo suelta su hilo en un `.await` que devuelve `Pending`. Este
//! ejemplo existe para medir qué pasa cuando no hay ninguno: en un solo hilo
//! corren dos tareas locales (`spawn_local`), un reloj que quiere latir cada
//! 10 ms y un cálculo que cuenta primos. Se mide dos veces:
//!
//! 1. con el cálculo de un tirón, sin ningún `.await` dentro;
//! 2. con el cálculo a trozos y un `async_std::task::yield_now().await`
//!    después de cada trozo.
//!
//! Para cada una imprime cuánto tardó el cálculo, cuántas veces latió el
//! reloj mientras tanto y el mayor hueco entre dos latidos. Antes, sondea a
//! mano un future de `yield_now` para ver qué hace: la primera vez devuelve
//! `Pending` y despierta a su waker; la segunda, `Ready(())`.
//!
//! ```text
//! cargo run --example yield_now
//! cargo run --example yield_now -- 5000000 50000   # otro LÍMITE y otro TROZO
//! ```

use std::cell::RefCell;
use std::future::Future;
use std::pin::pin;
use std::process::ExitCode;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, Wake, Waker};
use std::time::{Duration, Instant};

use async_std::task;
use taller_async::cronologia::{self, Cronologia, Evento, Hilo, Panel, Que};
use taller_async::medir;

const USO: &str = "uso: cargo run --example yield_now -- [LÍMITE [TROZO]]\n\
     cuenta los primos menores que LÍMITE (2000000 si no se dice), cediendo el hilo\n\
     cada TROZO números (10000 si no se dice)\n\
     ejemplo: cargo run --example yield_now -- 5000000 50000";

/// Cada cuánto quiere latir el reloj.
const PERIODO: Duration = Duration::from_millis(10);

/// ¿Es `n` primo? Prueba los divisores impares hasta la raíz cuadrada: es
/// lento a propósito, para que haya algo que calcular.
fn is_prime(n: u64) -> bool {
    if n < 2 {
        return false;
    }
    if n.is_multiple_of(2) {
        return n == 2;
    }
    let mut divisor = 3;
    while divisor * divisor <= n {
        if n.is_multiple_of(divisor) {
            return false;
        }
        divisor += 2;
    }
    true
}

// ANCHOR: de_un_tiron
/// El cálculo de un tirón. Es una `async fn`, pero no tiene ningún `.await`:
/// su primer sondeo lo calcula todo, y mientras tanto el hilo es suyo.
async fn count_primes_blocking(limit: u64) -> u64 {
    (0..limit).filter(|&n| is_prime(n)).count() as u64
}
// ANCHOR_END: de_un_tiron

// ANCHOR: a_trozos
/// El mismo cálculo a trozos de `chunk` números, cediendo el hilo después de
/// cada trozo.
async fn count_primes(limit: u64, chunk: u64) -> u64 {
    let mut count = 0;
    let mut start = 0;
    while start < limit {
        let end = limit.min(start.saturating_add(chunk));
        count += (start..end).filter(|&n| is_prime(n)).count() as u64;
        start = end;

        // Devuelve `Pending` una vez: el ejecutor atiende a las demás tareas
        // del hilo y vuelve enseguida con esta.
        task::yield_now().await;
    }
    count
}
// ANCHOR_END: a_trozos

// ANCHOR: reloj
/// Una tarea que quiere latir cada `PERIODO` y anota el instante de cada
/// latido, hasta que `parar` le dice que termine.
async fn reloj(latidos: Rc<RefCell<Vec<Instant>>>, parar: Rc<RefCell<bool>>) {
    latidos.borrow_mut().push(Instant::now());
    while !*parar.borrow() {
        task::sleep(PERIODO).await;
        latidos.borrow_mut().push(Instant::now());
    }
}
// ANCHOR_END: reloj

/// Lo que se midió en una pasada.
struct Medida {
    primos: u64,
    duracion: Duration,
    latidos_durante: usize,
    peor_hueco: Duration,
    /// El instante de cada latido, para la figura del capítulo.
    latidos: Vec<Instant>,
}

// ANCHOR: medir
/// Corre `calculo` en una tarea local, con el reloj en otra tarea local del
/// mismo hilo, y mide.
fn medir<F>(calculo: F) -> Medida
where
    F: Future<Output = u64> + 'static,
{
    task::block_on(async {
        let latidos = Rc::new(RefCell::new(Vec::new()));
        let parar = Rc::new(RefCell::new(false));
        let reloj = task::spawn_local(reloj(latidos.clone(), parar.clone()));

        // El reloj late unas veces a su ritmo antes del cálculo...
        task::sleep(3 * PERIODO).await;
        let (primos, inicio, fin) = task::spawn_local(async {
            let inicio = Instant::now();
            let primos = calculo.await;
            (primos, inicio, Instant::now())
        })
        .await;
        // ...y unas veces después.
        task::sleep(3 * PERIODO).await;
        *parar.borrow_mut() = true;
        reloj.await;

        let latidos = latidos.borrow();
        Medida {
            primos,
            duracion: fin - inicio,
            latidos_durante: latidos.iter().filter(|&&t| inicio < t && t < fin).count(),
            peor_hueco: latidos.windows(2).map(|par| par[1] - par[0]).max().unwrap(),
            latidos: latidos.clone(),
        }
    })
}
// ANCHOR_END: medir

// ANCHOR: sondear_yield_now
/// Un waker que solo cuenta cuántas veces lo despiertan.
struct ContarDespertares(AtomicUsize);

impl Wake for ContarDespertares {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }
    fn wake_by_ref(self: &Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

/// Sondea a mano un future de `yield_now`, como lo haría un ejecutor.
fn sondear_yield_now() {
    let contador = Arc::new(ContarDespertares(AtomicUsize::new(0)));
    let waker = Waker::from(contador.clone());
    let mut cx = Context::from_waker(&waker);
    let mut future = pin!(task::yield_now());

    for sondeo in 1..=2 {
        let resultado = future.as_mut().poll(&mut cx);
        let despertares = contador.0.load(Ordering::SeqCst);
        let resultado = match resultado {
            Poll::Ready(()) => "Ready(())",
            Poll::Pending => "Pending",
        };
        println!(
            "  sondeo {sondeo}: {resultado:<9} (despertares del waker hasta ahora: {despertares})"
        );
    }
}
// ANCHOR_END: sondear_yield_now

fn imprimir(medida: &Medida) {
    println!(
        "  primos: {}, en {} ms",
        medida.primos,
        medida.duracion.as_millis()
    );
    println!(
        "  latidos del reloj durante el cálculo: {} (a su ritmo habrían sido unos {})",
        medida.latidos_durante,
        medida.duracion.as_millis() / PERIODO.as_millis()
    );
    println!(
        "  mayor hueco entre dos latidos: {} ms (el reloj quiere uno cada {} ms)",
        medida.peor_hueco.as_millis(),
        PERIODO.as_millis()
    );
}

fn main() -> ExitCode {
    let argumentos: Vec<String> = std::env::args().skip(1).collect();
    if argumentos
        .iter()
        .any(|a| a == "-h" || a == "--help" || a == "--ayuda")
    {
        println!("{USO}");
        return ExitCode::SUCCESS;
    }
    let numeros: Result<Vec<u64>, _> = argumentos.iter().map(|a| a.parse::<u64>()).collect();
    let (limit, chunk) = match numeros.as_deref() {
        Ok([]) => (2_000_000, 10_000),
        Ok([limit]) => (*limit, 10_000),
        Ok([limit, chunk]) if *chunk > 0 => (*limit, *chunk),
        _ => {
            eprintln!(
                "error: argumentos no válidos: {}\n{USO}",
                argumentos.join(" ")
            );
            return ExitCode::FAILURE;
        }
    };

    println!("Un future de yield_now, sondeado a mano:");
    sondear_yield_now();

    println!(
        "\nEn un solo hilo, dos tareas locales: un reloj que quiere latir cada {} ms y un \
         cálculo\nque cuenta los primos menores que {limit}.",
        PERIODO.as_millis()
    );

    println!("\nEl cálculo de un tirón, sin ningún .await dentro:");
    CRONOLOGIA.empezar();
    let de_un_tiron = medir(CRONOLOGIA.registrar("cálculo", count_primes_blocking(limit)));
    let figura_de_un_tiron = filas_de_la_figura(&de_un_tiron);
    imprimir(&de_un_tiron);

    println!(
        "\nEl cálculo a trozos de {chunk} números ({} trozos), con yield_now().await tras \
         cada uno:",
        limit.div_ceil(chunk)
    );
    CRONOLOGIA.empezar();
    let a_trozos = medir(CRONOLOGIA.registrar("cálculo", count_primes(limit, chunk)));
    let figura_a_trozos = filas_de_la_figura(&a_trozos);
    imprimir(&a_trozos);

    if de_un_tiron.primos != a_trozos.primos {
        eprintln!("error: las dos versiones del cálculo no coinciden");
        return ExitCode::FAILURE;
    }
    let paneles = [
        (figura_de_un_tiron, "El cálculo de un tirón".to_string()),
        (
            figura_a_trozos,
            format!("El cálculo a trozos de {chunk} números, con yield_now().await tras cada uno"),
        ),
    ];
    match dibujar(&paneles) {
        Ok(()) => ExitCode::SUCCESS,
        Err(problema) => {
            eprintln!("error: {problema}");
            ExitCode::FAILURE
        }
    }
}

/// Cada sondeo del cálculo, para la figura del capítulo: `main` lo envuelve
/// en un future que los anota (`taller_async::cronologia`).
static CRONOLOGIA: Cronologia = Cronologia::new();

/// Los eventos de una pasada para la figura: los sondeos del cálculo, que
/// anotó `CRONOLOGIA`, y los latidos del reloj, que anotó el propio reloj.
/// Cada latido ocurre dentro de un sondeo de la tarea del reloj (el que
/// sigue a su `task::sleep`), y se dibuja como tal, en el hilo de
/// `block_on`, que es este.
fn filas_de_la_figura(medida: &Medida) -> Vec<Evento> {
    let hilo = Hilo::actual();
    let mut eventos: Vec<Evento> = medida
        .latidos
        .iter()
        .map(|&t| {
            let t = CRONOLOGIA.relativo(t);
            Evento {
                fila: "reloj (cada latido)".into(),
                que: Que::Sondeo {
                    desde: t,
                    hasta: t,
                    listo: false,
                },
                hilo: hilo.clone(),
            }
        })
        .collect();
    // Los despertares del cálculo no se dibujan: cada `yield_now` llama al
    // waker dentro de su propio sondeo, y serían doscientas marcas encima de
    // los sondeos.
    eventos.extend(
        CRONOLOGIA
            .eventos()
            .into_iter()
            .filter(|e| !matches!(e.que, Que::Despertar(_))),
    );
    eventos
}

/// La figura: un panel por pasada, los dos en la misma escala de tiempo.
fn dibujar(pasadas: &[(Vec<Evento>, String)]) -> Result<(), String> {
    let hasta = pasadas
        .iter()
        .flat_map(|(eventos, _)| eventos.iter().map(|e| e.extremos().1))
        .max()
        .unwrap_or_default();
    let paneles: Vec<Panel> = pasadas
        .iter()
        .map(|(eventos, titulo)| Panel::de(titulo.clone(), eventos).entre(Duration::ZERO, hasta))
        .collect();
    medir::escribir_grafica("yield_now", |ruta| {
        cronologia::dibujar(
            ruta,
            &format!(
                "Un reloj que quiere latir cada {} ms y un cálculo, en un solo hilo",
                PERIODO.as_millis()
            ),
            &paneles,
        )
    })
}
