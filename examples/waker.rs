//! `waker`: cómo sabe el ejecutor cuándo volver a sondear un future.
//!
//! Un future que devuelve `Pending` promete que alguien llamará al waker del
//! `Context` cuando valga la pena volver a sondearlo. Las funciones y los
//! bloques `async` no cumplen esa promesa por sí mismos: pasan el `Context` a
//! los futures que esperan, y al final de la cadena siempre hay un future
//! *primitivo*, escrito a mano, que guarda el waker y hace que alguien lo
//! llame. Este ejemplo escribe uno y enseña, en orden:
//!
//! 1. el ciclo entero: sondeo → `Pending` (el future guarda el waker) → otro
//!    hilo llama al waker → sondeo → `Ready`;
//! 2. `wake` (consume el waker) frente a `wake_by_ref` (lo deja donde
//!    estaba), contando llamadas y referencias;
//! 3. qué pasa si un future olvida el waker: aunque su valor ya esté listo,
//!    nadie vuelve a sondearlo, y solo un límite de tiempo lo saca de ahí; y
//!    si comparte tarea con otro future que sí despierta, termina tarde y de
//!    casualidad, que es peor, porque el error queda escondido.
//!
//! ```text
//! cargo run --example waker
//! ```

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::thread;
use std::time::{Duration, Instant};

use async_std::{future, task};

/// Cuánto tarda el otro hilo en entregar el mensaje o en terminar.
const ESPERA: Duration = Duration::from_millis(100);
/// El límite de tiempo de la tercera parte.
const LIMITE: Duration = Duration::from_millis(600);

fn main() {
    println!("1. Un future primitivo: guarda el waker y otro hilo lo despierta\n");
    ciclo_completo();

    println!("\n2. wake frente a wake_by_ref\n");
    wake_frente_a_wake_by_ref();

    println!("\n3. Un future que olvida el waker se queda colgado\n");
    olvidar_el_waker();
}

// ANCHOR: primitivo
/// Lo que comparten el future y el hilo que lo completará.
struct Estado {
    mensaje: Option<String>,
    waker: Option<Waker>,
}

/// El future: espera un mensaje que llegará desde otro hilo.
struct Mensaje(Arc<Mutex<Estado>>);

/// El otro extremo: quien tiene el cartero entrega el mensaje.
struct Cartero(Arc<Mutex<Estado>>);

/// Un buzón nuevo: el cartero para un hilo, el future para una tarea.
fn buzon() -> (Cartero, Mensaje) {
    let estado = Arc::new(Mutex::new(Estado {
        mensaje: None,
        waker: None,
    }));
    (Cartero(Arc::clone(&estado)), Mensaje(estado))
}

impl Future for Mensaje {
    type Output = String;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<String> {
        let mut estado = self.0.lock().unwrap();
        if let Some(mensaje) = estado.mensaje.take() {
            return Poll::Ready(mensaje);
        }
        // Se guarda el waker de *este* sondeo. Si ya había uno que despierta
        // a la misma tarea (`will_wake`), no hace falta clonarlo otra vez.
        let hay_que_guardarlo = match &estado.waker {
            Some(guardado) => !guardado.will_wake(cx.waker()),
            None => true,
        };
        if hay_que_guardarlo {
            estado.waker = Some(cx.waker().clone());
        }
        Poll::Pending
    }
}

impl Cartero {
    fn entregar(self, mensaje: String) {
        let waker = {
            let mut estado = self.0.lock().unwrap();
            estado.mensaje = Some(mensaje);
            estado.waker.take()
        };
        // Se llama al waker fuera del lock: si el ejecutor sondea enseguida
        // (en otro hilo), el future encontrará el `Mutex` libre.
        if let Some(waker) = waker {
            println!("   [{}] entrego el mensaje y llamo a wake()", hilo());
            waker.wake();
        }
    }
}
// ANCHOR_END: primitivo

/// El nombre del hilo actual, para la salida.
fn hilo() -> String {
    thread::current().name().unwrap_or("sin nombre").to_string()
}

/// Envuelve un future e imprime cada sondeo y lo que devolvió.
struct Trazado<F> {
    future: Pin<Box<F>>,
    sondeos: usize,
}

impl<F: Future> Future for Trazado<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        self.sondeos += 1;
        let resultado = self.future.as_mut().poll(cx);
        let que = if resultado.is_ready() {
            "Ready"
        } else {
            "Pending"
        };
        println!("   [{}] sondeo {}: {que}", hilo(), self.sondeos);
        resultado
    }
}

fn ciclo_completo() {
    // ANCHOR: ciclo
    let (cartero, mensaje) = buzon();
    let repartidor = thread::Builder::new()
        .name("cartero".into())
        .spawn(move || {
            thread::sleep(ESPERA);
            cartero.entregar("hola desde otro hilo".to_string());
        })
        .unwrap();
    let trazado = Trazado {
        future: Box::pin(mensaje),
        sondeos: 0,
    };
    let mensaje = task::block_on(trazado);
    println!("   [{}] block_on devolvió {mensaje:?}", hilo());
    repartidor.join().unwrap();
    // ANCHOR_END: ciclo
}

// ANCHOR: contador
/// Un waker que solo cuenta: cuántas veces se llamó a cada método.
#[derive(Default)]
struct Contador {
    wake: AtomicUsize,
    wake_by_ref: AtomicUsize,
}

impl Wake for Contador {
    /// Recibe el `Arc` por valor: el waker se consume.
    fn wake(self: Arc<Self>) {
        self.wake.fetch_add(1, Ordering::SeqCst);
    }

    /// Recibe una referencia: el waker sigue vivo y se puede volver a usar.
    fn wake_by_ref(self: &Arc<Self>) {
        self.wake_by_ref.fetch_add(1, Ordering::SeqCst);
    }
}

/// Un waker que solo implementa `wake`: su `wake_by_ref` es el que trae el
/// trait por omisión, que clona el `Arc` y llama a `wake` con la copia.
#[derive(Default)]
struct SoloWake {
    wake: AtomicUsize,
}

impl Wake for SoloWake {
    fn wake(self: Arc<Self>) {
        self.wake.fetch_add(1, Ordering::SeqCst);
    }
}
// ANCHOR_END: contador

fn wake_frente_a_wake_by_ref() {
    // ANCHOR: wake_by_ref
    let contador = Arc::new(Contador::default());
    let estado = |que: &str| {
        println!(
            "   {que:<42} referencias: {}, wake: {}, wake_by_ref: {}",
            Arc::strong_count(&contador),
            contador.wake.load(Ordering::SeqCst),
            contador.wake_by_ref.load(Ordering::SeqCst)
        );
    };
    estado("un Arc<Contador>");
    let waker = Waker::from(Arc::clone(&contador));
    estado("let waker = Waker::from(arc)");
    let copia = waker.clone();
    estado("let copia = waker.clone()");
    copia.wake_by_ref();
    estado("copia.wake_by_ref()");
    copia.wake_by_ref();
    estado("copia.wake_by_ref() otra vez");
    copia.wake();
    estado("copia.wake(): copia ya no existe");
    drop(waker);
    estado("drop(waker)");

    let solo = Arc::new(SoloWake::default());
    let waker = Waker::from(Arc::clone(&solo));
    waker.wake_by_ref();
    println!(
        "   SoloWake: waker.wake_by_ref() llamó a wake {} vez (con un clon del Arc)",
        solo.wake.load(Ordering::SeqCst)
    );
    // ANCHOR_END: wake_by_ref
}

// ANCHOR: olvidadizo
/// Un future que sabe cuándo está listo, pero no guarda el waker.
struct Olvidadizo {
    listo: Arc<AtomicBool>,
    sondeos: Arc<AtomicUsize>,
}

impl Future for Olvidadizo {
    type Output = ();

    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        self.sondeos.fetch_add(1, Ordering::SeqCst);
        if self.listo.load(Ordering::SeqCst) {
            Poll::Ready(())
        } else {
            // El error: `Pending` sin dejar el waker en manos de nadie.
            Poll::Pending
        }
    }
}
// ANCHOR_END: olvidadizo

fn olvidar_el_waker() {
    println!("   a) En su propia tarea, esperada con un límite de {LIMITE:?}:");
    let (resultado, sondeos, listo_a_los, fin) = probar_olvidadizo(|olvidadizo| {
        // ANCHOR: colgado
        // El olvidadizo es una tarea; `timeout` espera su `JoinHandle`.
        // Sin el límite, este `block_on` no volvería nunca.
        task::block_on(future::timeout(LIMITE, task::spawn(olvidadizo)))
        // ANCHOR_END: colgado
    });
    println!("      el otro hilo marcó «listo» a los {listo_a_los:.0?}");
    match resultado {
        Ok(()) => println!("      terminó a los {fin:.0?} (¡no debería!)"),
        Err(_) => println!("      a los {fin:.0?} se agotó el límite: la tarea sigue sin terminar"),
    }
    println!("      sondeos: {sondeos}; después de estar listo, nadie volvió a preguntar");

    println!("\n   b) En la misma tarea que el temporizador del límite:");
    let (resultado, sondeos, listo_a_los, fin) = probar_olvidadizo(|olvidadizo| {
        // ANCHOR: de_casualidad
        // El mismo future, pero sondeado por `timeout` dentro de su tarea.
        task::block_on(future::timeout(LIMITE, olvidadizo))
        // ANCHOR_END: de_casualidad
    });
    println!("      el otro hilo marcó «listo» a los {listo_a_los:.0?}");
    match resultado {
        Ok(()) => {
            println!("      terminó a los {fin:.0?}, cuando el temporizador despertó la tarea")
        }
        Err(_) => println!("      a los {fin:.0?} se agotó el límite"),
    }
    println!("      sondeos: {sondeos}; el segundo, de casualidad, con el waker del límite");
}

/// Prepara un `Olvidadizo`, un hilo que lo marca como listo pasado
/// `ESPERA`, y lo espera como diga `esperar`. Devuelve lo que dio la espera,
/// cuántas veces se sondeó, cuándo se marcó listo y cuándo acabó la espera.
fn probar_olvidadizo<T>(esperar: impl FnOnce(Olvidadizo) -> T) -> (T, usize, Duration, Duration) {
    let listo = Arc::new(AtomicBool::new(false));
    let sondeos = Arc::new(AtomicUsize::new(0));
    let olvidadizo = Olvidadizo {
        listo: Arc::clone(&listo),
        sondeos: Arc::clone(&sondeos),
    };
    let inicio = Instant::now();
    let marcar = thread::spawn(move || {
        thread::sleep(ESPERA);
        listo.store(true, Ordering::SeqCst);
        inicio.elapsed()
    });
    let resultado = esperar(olvidadizo);
    let fin = inicio.elapsed();
    let listo_a_los = marcar.join().unwrap();
    (resultado, sondeos.load(Ordering::SeqCst), listo_a_los, fin)
}
