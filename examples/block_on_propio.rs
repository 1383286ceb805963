//! `block_on_propio`: un ejecutor de verdad en quince líneas, el `block_on`
//! del libro, y la prueba de que los ejecutores son intercambiables.
//!
//! `block_on` es el ejecutor más sencillo posible: sondea un solo future, y
//! entre sondeo y sondeo duerme el hilo hasta que alguien llama al waker.
//! Este ejemplo lo escribe como el libro, con el `Parker` de crossbeam (un
//! «aparcamiento» para el hilo: `park` duerme, `unpark` despierta), y enseña:
//!
//! 1. que duerme en lugar de girar: esperar un temporizador de 200 ms cuesta
//!    dos sondeos, frente a los cientos de miles de un `block_on` que sondea
//!    sin parar;
//! 2. que un future no sabe quién lo sondea: el mismo future corre en este
//!    `block_on`, en el de async-std y en un runtime de tokio, y da lo mismo.
//!
//! ```text
//! cargo run --example block_on_propio
//! ```

use std::future::Future;
use std::pin::{Pin, pin};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::thread;
use std::time::{Duration, Instant};

use crossbeam_utils::sync::{Parker, Unparker};
use futures::channel::oneshot;

/// Lo que dura el temporizador de la primera parte.
const ESPERA: Duration = Duration::from_millis(200);

// ANCHOR: block_on
/// Sondea `future` hasta que termina, durmiendo el hilo mientras espera.
pub fn block_on<F: Future>(future: F) -> F::Output {
    let parker = Parker::new();
    let waker = Waker::from(Arc::new(Despertar(parker.unparker().clone())));
    let mut context = Context::from_waker(&waker);

    // `poll` pide el future fijado (`Pin<&mut F>`): `pin!` lo fija en la
    // pila de esta función, de donde ya no se moverá.
    let mut future = pin!(future);

    loop {
        match future.as_mut().poll(&mut context) {
            Poll::Ready(value) => return value,
            // Duerme hasta que alguien llame al waker. Si ya lo llamaron
            // (durante el sondeo, desde este u otro hilo), `park` vuelve
            // enseguida: el `Parker` guarda el aviso.
            Poll::Pending => parker.park(),
        }
    }
}

/// El waker de `block_on`: despertar es sacar el hilo del aparcamiento.
struct Despertar(Unparker);

impl Wake for Despertar {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.0.unpark();
    }
}
// ANCHOR_END: block_on

// ANCHOR: gira
/// El error que `block_on` evita: sondear sin parar, con un waker que no
/// hace nada. Termina, pero con el hilo al 100 % mientras espera.
pub fn block_on_que_gira<F: Future>(future: F) -> F::Output {
    // `Waker::noop()`: su `wake` no hace nada; nadie despierta a este bucle.
    let mut context = Context::from_waker(Waker::noop());
    let mut future = pin!(future);
    loop {
        if let Poll::Ready(value) = future.as_mut().poll(&mut context) {
            return value;
        }
    }
}
// ANCHOR_END: gira

/// Envuelve un future y cuenta cuántas veces lo sondean.
pub struct Contar<F> {
    future: Pin<Box<F>>,
    sondeos: usize,
}

impl<F: Future> Future for Contar<F> {
    type Output = (F::Output, usize);

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.sondeos += 1;
        match self.future.as_mut().poll(cx) {
            Poll::Ready(valor) => Poll::Ready((valor, self.sondeos)),
            Poll::Pending => Poll::Pending,
        }
    }
}

/// Envuelve un future para contar sus sondeos.
pub fn contar<F: Future>(future: F) -> Contar<F> {
    Contar {
        future: Box::pin(future),
        sondeos: 0,
    }
}

// ANCHOR: trabajo
/// Un future que no depende de ningún runtime en concreto: espera un
/// temporizador de async-io (que trae su propio hilo de respaldo) y un canal
/// que completa un hilo corriente.
async fn trabajo(ejecutor: &str) -> String {
    async_std::task::sleep(Duration::from_millis(50)).await;
    let (emisor, receptor) = oneshot::channel();
    thread::spawn(move || {
        thread::sleep(Duration::from_millis(50));
        let _ = emisor.send(6 * 7);
    });
    let valor = receptor.await.expect("el hilo soltó el canal sin enviar");
    format!("{ejecutor}: {valor}, terminado en el hilo «{}»", hilo())
}
// ANCHOR_END: trabajo

fn hilo() -> String {
    thread::current().name().unwrap_or("sin nombre").to_string()
}

fn main() {
    println!("1. Duerme en lugar de girar: un temporizador de {ESPERA:?}\n");
    // ANCHOR: duerme
    let inicio = Instant::now();
    let ((), sondeos) = block_on(contar(async_std::task::sleep(ESPERA)));
    println!(
        "   block_on propio:   {sondeos:>7} sondeos en {:.0?}",
        inicio.elapsed()
    );

    let inicio = Instant::now();
    let ((), sondeos) = block_on_que_gira(contar(async_std::task::sleep(ESPERA)));
    println!(
        "   block_on que gira: {sondeos:>7} sondeos en {:.0?}",
        inicio.elapsed()
    );
    // ANCHOR_END: duerme

    println!("\n2. El mismo future, en tres ejecutores\n");
    // ANCHOR: tres
    let (propio, sondeos_propio) = block_on(contar(trabajo("block_on propio")));
    let (async_std, sondeos_async_std) = async_std::task::block_on(contar(trabajo("async-std")));
    let tokio = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("no se pudo crear el runtime de tokio");
    let (de_tokio, sondeos_tokio) = tokio.block_on(contar(trabajo("tokio")));
    // ANCHOR_END: tres
    println!("   {propio} ({sondeos_propio} sondeos)");
    println!("   {async_std} ({sondeos_async_std} sondeos)");
    println!("   {de_tokio} ({sondeos_tokio} sondeos)");
}
