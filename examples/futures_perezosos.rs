//! `futures_perezosos`: un future no hace nada hasta que alguien lo sondea.
//!
//! Este ejemplo existe para ver, en el orden en que pasan, tres cosas que el
//! trait `Future` promete y que casi nunca se ven porque el ejecutor las
//! esconde:
//!
//! 1. Llamar a una `async fn` devuelve enseguida un future, y su cuerpo no
//!    corre hasta el primer sondeo. El orden en que corren los cuerpos es el
//!    orden en que se sondean los futures, no el orden en que se crearon.
//! 2. `poll` nunca bloquea: vuelve en microsegundos aunque la operación tarde
//!    mucho más. Se ve con un `block_on` de juguete que sondea a mano, mide
//!    cada sondeo y duerme el hilo hasta que alguien llama al waker.
//! 3. Un future que ya dio `Ready` no debe sondearse otra vez; el de un
//!    bloque `async` entra en pánico si se hace. `FutureExt::fuse` lo envuelve
//!    en uno que, después de terminar, responde `Pending` para siempre.
//!
//! ```text
//! cargo run --example futures_perezosos
//! ```

use std::future::Future;
use std::panic::{self, AssertUnwindSafe};
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};
use std::time::{Duration, Instant};

use async_std::task;
use futures::FutureExt;
use futures::future::FusedFuture;
use taller_async::cronologia::{self, Cronologia, Panel};
use taller_async::medir;

/// Cuánto duerme el temporizador de la segunda parte.
const ESPERA: Duration = Duration::from_millis(200);

/// Numera los eventos en el orden en que ocurren, para poder contarlos.
static EVENTOS: AtomicUsize = AtomicUsize::new(0);

fn evento(quien: &str, que: &str) {
    let n = EVENTOS.fetch_add(1, Ordering::SeqCst) + 1;
    println!("  {n:>2}. [{quien}] {que}");
}

fn main() {
    println!("1. Llamar a una función async no ejecuta su cuerpo\n");
    llamar_no_es_ejecutar();

    println!("\n2. poll nunca bloquea: un block_on de juguete\n");
    poll_no_bloquea();

    println!("\n3. Después de Ready, no se sondea más (salvo con fuse)\n");
    despues_de_ready();

    println!("\n4. Otra vez los dos de la parte 2, mirados para dibujarlos\n");
    if let Err(problema) = dibujar_la_vida_de_un_future() {
        eprintln!("error: {problema}");
        std::process::exit(1);
    }
}

// ANCHOR: saludar
async fn saludar(nombre: &str) -> String {
    evento(nombre, "empieza el cuerpo");
    // Cede el hilo una vez: el future devuelve `Pending` aquí y el cuerpo
    // sigue en el sondeo siguiente.
    task::yield_now().await;
    evento(nombre, "sigue después del .await");
    format!("hola, {nombre}")
}
// ANCHOR_END: saludar

fn llamar_no_es_ejecutar() {
    // ANCHOR: llamar
    let a = saludar("A");
    evento("main", "saludar(\"A\") ya devolvió un future");
    let b = saludar("B");
    evento(
        "main",
        "saludar(\"B\") ya devolvió otro; ningún cuerpo ha corrido",
    );
    let c = saludar("C");
    evento("main", "y uno más, saludar(\"C\"), que nadie va a sondear");
    println!(
        "      (cada future guarda argumentos, variables y el punto en que va: {} bytes)",
        std::mem::size_of_val(&a)
    );

    // Se sondea primero B: su cuerpo corre antes que el de A, aunque A se
    // creó antes.
    let respuesta_b = task::block_on(b);
    evento("main", &format!("block_on(b) devolvió {respuesta_b:?}"));
    let respuesta_a = task::block_on(a);
    evento("main", &format!("block_on(a) devolvió {respuesta_a:?}"));

    // Soltar un future sin sondearlo lo cancela: el cuerpo de C nunca corre.
    drop(c);
    evento(
        "main",
        "solté el future de C sin sondearlo: su cuerpo no corrió",
    );
    // ANCHOR_END: llamar
}

// ANCHOR: despertador
/// El waker del `block_on` de juguete: cuando lo llaman, marca que hay que
/// volver a sondear y despierta al hilo que duerme en `block_on_de_juguete`.
struct Despertador {
    hilo: Thread,
    despertado: AtomicBool,
    llamadas: AtomicUsize,
}

impl Wake for Despertador {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.llamadas.fetch_add(1, Ordering::SeqCst);
        self.despertado.store(true, Ordering::SeqCst);
        self.hilo.unpark();
    }
}
// ANCHOR_END: despertador

// ANCHOR: block_on
/// Un `block_on` mínimo que cuenta lo que hace: sondea, y si el future
/// devuelve `Pending`, duerme el hilo hasta que alguien llame al waker.
fn block_on_de_juguete<F: Future>(future: F) -> F::Output {
    let despertador = Arc::new(Despertador {
        hilo: thread::current(),
        despertado: AtomicBool::new(false),
        llamadas: AtomicUsize::new(0),
    });
    let waker = Waker::from(Arc::clone(&despertador));
    let mut cx = Context::from_waker(&waker);
    // `poll` pide el future fijado (`Pin`): `pin!` lo fija en esta pila.
    let mut future = pin!(future);

    let mut sondeo = 0;
    loop {
        sondeo += 1;
        let antes = Instant::now();
        let resultado = future.as_mut().poll(&mut cx);
        let duracion = antes.elapsed();
        let llamadas = despertador.llamadas.load(Ordering::SeqCst);
        match resultado {
            Poll::Ready(valor) => {
                println!("     sondeo {sondeo}: Ready   (el poll tardó {duracion:.1?})");
                return valor;
            }
            Poll::Pending => {
                println!(
                    "     sondeo {sondeo}: Pending (el poll tardó {duracion:.1?}; \
                     llamadas al waker hasta ahora: {llamadas})"
                );
            }
        }
        // El hilo duerme hasta que alguien llame al waker. `park` puede
        // volver sin motivo, por eso se mira la marca en un bucle.
        if despertador.despertado.swap(false, Ordering::SeqCst) {
            println!("     el waker ya se llamó: se vuelve a sondear sin dormir");
            continue;
        }
        let dormido = Instant::now();
        while !despertador.despertado.swap(false, Ordering::SeqCst) {
            thread::park();
        }
        println!(
            "     el hilo durmió {:.1?} hasta que llamaron al waker",
            dormido.elapsed()
        );
    }
}
// ANCHOR_END: block_on

fn poll_no_bloquea() {
    // ANCHOR: temporizador
    println!(
        "  a) Un temporizador de {} ms (task::sleep):",
        ESPERA.as_millis()
    );
    block_on_de_juguete(task::sleep(ESPERA));

    println!("  b) task::yield_now(), que llama al waker dentro de su propio poll:");
    block_on_de_juguete(task::yield_now());
    // ANCHOR_END: temporizador
}

fn despues_de_ready() {
    // ANCHOR: despues_de_ready
    // Un waker que no hace nada (`Waker::noop()`, Rust 1.85): aquí se sondea
    // a mano y no hay a quién avisar.
    let mut cx = Context::from_waker(Waker::noop());

    let mut bloque = pin!(async { 7 });
    println!(
        "  async {{ 7 }}, sondeo 1: {:?}",
        bloque.as_mut().poll(&mut cx)
    );
    // Un segundo sondeo rompe el contrato. El future de un bloque `async`
    // entra en pánico; se atrapa aquí para poder mostrarlo.
    let anterior = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let otra_vez = panic::catch_unwind(AssertUnwindSafe(|| bloque.as_mut().poll(&mut cx)));
    panic::set_hook(anterior);
    match otra_vez {
        Ok(poll) => println!("  async {{ 7 }}, sondeo 2: {poll:?}"),
        Err(panico) => println!(
            "  async {{ 7 }}, sondeo 2: pánico, «{}»",
            panico
                .downcast_ref::<&str>()
                .copied()
                .unwrap_or("(sin mensaje)")
        ),
    }

    // `fuse` lo envuelve en un future que, ya terminado, responde `Pending`
    // y lo reconoce con `is_terminated`.
    let mut fundido = pin!(async { 7 }.fuse());
    for sondeo in 1..=3 {
        let poll = fundido.as_mut().poll(&mut cx);
        println!(
            "  async {{ 7 }}.fuse(), sondeo {sondeo}: {poll:?} (is_terminated: {})",
            fundido.is_terminated()
        );
    }
    // ANCHOR_END: despues_de_ready
}

/// Cada sondeo y cada despertar de los futures de la cuarta parte.
static CRONOLOGIA: Cronologia = Cronologia::new();

/// La figura del capítulo: los dos futures de la segunda parte, otra vez con
/// `block_on_de_juguete`, envueltos en un future que anota cada sondeo (su
/// hilo y lo que devolvió) y cada llamada al waker, con el hilo que la hizo
/// (`taller_async::cronologia`). Un panel para cada uno, cada uno con su
/// escala de tiempo.
fn dibujar_la_vida_de_un_future() -> Result<(), String> {
    let temporizador = format!("task::sleep({} ms)", ESPERA.as_millis());
    println!("  a) {temporizador}:");
    CRONOLOGIA.empezar();
    block_on_de_juguete(CRONOLOGIA.registrar(&temporizador, task::sleep(ESPERA)));
    let del_temporizador = CRONOLOGIA.eventos();

    println!("  b) task::yield_now():");
    CRONOLOGIA.empezar();
    block_on_de_juguete(CRONOLOGIA.registrar("task::yield_now()", task::yield_now()));
    let de_yield_now = CRONOLOGIA.eventos();

    let paneles = [
        Panel::de(
            format!("a) {temporizador}: Pending, el hilo duerme, wake desde otro hilo, Ready"),
            &del_temporizador,
        ),
        Panel::de(
            "b) task::yield_now(): llama al waker dentro de su propio poll, y enseguida Ready",
            &de_yield_now,
        ),
    ];
    medir::escribir_grafica("futures_perezosos", |ruta| {
        cronologia::dibujar(
            ruta,
            "La vida de un future en block_on_de_juguete",
            &paneles,
        )
    })
}
