//! `spawn_blocking_propio`: un `spawn_blocking` escrito a mano, con un hilo
//! por closure, un `Mutex` compartido y un waker.
//!
//! `async_std::task::spawn_blocking` (capítulo 7) corre un closure en otro
//! hilo y devuelve un future de su resultado. Por dentro no hay magia: un
//! punto de encuentro compartido entre el future y el hilo, donde el hilo
//! deja el valor y el future deja su waker. Este ejemplo lo escribe entero
//! (la versión del libro, corregida) y enseña:
//!
//! 1. que el future se sondea dos veces, no más: una para dejar el waker y
//!    otra cuando el hilo lo despierta con el valor listo;
//! 2. lo que pasaría sondeando en bucle (un future que se despierta a sí
//!    mismo en cada sondeo): el mismo resultado, con miles de sondeos;
//! 3. que si el valor ya está cuando llega el primer sondeo, basta uno;
//! 4. que varios `spawn_blocking` esperados a la vez corren en paralelo.
//!
//! ```text
//! cargo run --example spawn_blocking_propio
//! ```

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::thread;
use std::time::{Duration, Instant};

use async_std::task;

/// Cuánto «calcula» cada closure (duerme: el cálculo no es la lección).
const CALCULO: Duration = Duration::from_millis(200);

// ANCHOR: spawn_blocking
/// El future del resultado de un closure que corre en su propio hilo.
pub struct SpawnBlocking<T>(Arc<Mutex<Shared<T>>>);

/// El punto de encuentro entre el future y el hilo del closure.
struct Shared<T> {
    /// El resultado del closure, cuando lo haya.
    value: Option<T>,
    /// El waker del último sondeo que encontró `value` vacío.
    waker: Option<Waker>,
}

/// Corre `closure` en un hilo nuevo y devuelve un future de su resultado.
///
/// Las cotas son las de `std::thread::spawn`: el closure y su resultado
/// cruzan de hilo (`Send`), y nadie sabe cuánto vivirá el hilo (`'static`).
// ANCHOR: firma
pub fn spawn_blocking<T, F>(closure: F) -> SpawnBlocking<T>
where
    F: FnOnce() -> T,
    F: Send + 'static,
    T: Send + 'static,
    // ANCHOR_END: firma
{
    let inner = Arc::new(Mutex::new(Shared {
        value: None,
        waker: None,
    }));

    std::thread::spawn({
        let inner = inner.clone();
        move || {
            let value = closure();

            // Se deja el valor y se toma el waker con el lock tomado...
            let maybe_waker = {
                let mut guard = inner.lock().unwrap();
                guard.value = Some(value);
                guard.waker.take()
            };

            // ...y se despierta fuera del lock, para no retenerlo mientras
            // el ejecutor quizá ya está sondeando en otro hilo.
            if let Some(waker) = maybe_waker {
                waker.wake();
            }
        }
    });

    SpawnBlocking(inner)
}
// ANCHOR_END: spawn_blocking

// ANCHOR: future
impl<T: Send> Future for SpawnBlocking<T> {
    type Output = T;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let mut guard = self.0.lock().unwrap();
        if let Some(value) = guard.value.take() {
            return Poll::Ready(value);
        }

        // Todavía no: se guarda el waker de este sondeo (sustituye al de un
        // sondeo anterior, que quizá era de otra tarea) y se promete avisar.
        guard.waker = Some(cx.waker().clone());
        Poll::Pending
    }
}
// ANCHOR_END: future

/// Lo contrario de un buen future: no guarda el waker, sino que se
/// despierta a sí mismo en cada sondeo para que el ejecutor vuelva a
/// preguntar enseguida. Funciona, pero sondea en bucle.
pub struct SondeoEnBucle<T>(Arc<Mutex<Shared<T>>>);

/// Como `spawn_blocking`, pero su future sondea en bucle.
pub fn spawn_blocking_en_bucle<T, F>(closure: F) -> SondeoEnBucle<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    let inner = Arc::new(Mutex::new(Shared {
        value: None,
        waker: None,
    }));
    std::thread::spawn({
        let inner = inner.clone();
        move || {
            let value = closure();
            inner.lock().unwrap().value = Some(value);
        }
    });
    SondeoEnBucle(inner)
}

// ANCHOR: en_bucle
impl<T: Send> Future for SondeoEnBucle<T> {
    type Output = T;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        if let Some(value) = self.0.lock().unwrap().value.take() {
            return Poll::Ready(value);
        }
        // «Vuelve a preguntarme ya»: el ejecutor no duerme nunca.
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}
// ANCHOR_END: en_bucle

/// Envuelve un future y cuenta cuántas veces lo sondean.
pub struct Contar<F> {
    pub future: F,
    pub sondeos: usize,
}

impl<F: Future + Unpin> Future for Contar<F> {
    type Output = (F::Output, usize);

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.sondeos += 1;
        match Pin::new(&mut self.future).poll(cx) {
            Poll::Ready(valor) => Poll::Ready((valor, self.sondeos)),
            Poll::Pending => Poll::Pending,
        }
    }
}

/// Envuelve un future para contar sus sondeos.
pub fn contar<F>(future: F) -> Contar<F> {
    Contar { future, sondeos: 0 }
}

fn main() {
    println!("1. El spawn_blocking propio, esperado con block_on\n");
    // ANCHOR: esperar
    let inicio = Instant::now();
    let (valor, sondeos) = task::block_on(contar(spawn_blocking(|| {
        thread::sleep(CALCULO);
        6 * 7
    })));
    println!("   valor: {valor}, en {:.0?}", inicio.elapsed());
    println!("   sondeos: {sondeos}");
    // ANCHOR_END: esperar

    println!("\n2. El mismo cálculo, con un future que sondea en bucle\n");
    let inicio = Instant::now();
    let (valor, sondeos) = task::block_on(contar(spawn_blocking_en_bucle(|| {
        thread::sleep(CALCULO);
        6 * 7
    })));
    println!("   valor: {valor}, en {:.0?}", inicio.elapsed());
    println!("   sondeos: {sondeos}");

    println!("\n3. Si el valor ya está en el primer sondeo, basta uno\n");
    let future = spawn_blocking(|| "ya estaba");
    // Se deja tiempo al hilo para terminar antes de sondear por primera vez.
    thread::sleep(Duration::from_millis(50));
    let (valor, sondeos) = task::block_on(contar(future));
    println!("   valor: {valor:?}, sondeos: {sondeos}");

    println!("\n4. Tres a la vez, esperados desde una sola tarea\n");
    // ANCHOR: paralelo
    let corriendo = Arc::new(AtomicUsize::new(0));
    let pico = Arc::new(AtomicUsize::new(0));
    let inicio = Instant::now();
    let hilos = task::block_on(futures::future::join_all((0..3).map(|_| {
        let corriendo = Arc::clone(&corriendo);
        let pico = Arc::clone(&pico);
        spawn_blocking(move || {
            let ahora = corriendo.fetch_add(1, Ordering::SeqCst) + 1;
            pico.fetch_max(ahora, Ordering::SeqCst);
            thread::sleep(CALCULO);
            corriendo.fetch_sub(1, Ordering::SeqCst);
            thread::current().id()
        })
    })));
    // ANCHOR_END: paralelo
    println!(
        "   closures corriendo a la vez (pico): {}",
        pico.load(Ordering::SeqCst)
    );
    println!("   hilos de los closures: {hilos:?}");
    println!("   tiempo total: {:.0?}", inicio.elapsed());
}
