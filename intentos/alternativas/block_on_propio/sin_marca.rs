//! Alternativa: sin la marca, un `thread::park()` después de cada `Pending`:
//! un despertar espurio de `park` cuesta un sondeo de más, y un aviso que
//! llega durante el sondeo no se pierde, porque `unpark` antes de `park` hace
//! que `park` vuelva enseguida.
//!
//! Solución del ejercicio `block_on_propio`: un `block_on` que duerme con `thread::park`.
//!
//! El waker sabe a qué hilo despertar (`Thread`) y deja una marca antes de
//! hacerlo. El bucle sondea; si el future no está listo, duerme con
//! `thread::park` hasta que la marca esté puesta. La marca hace falta
//! porque `park` puede volver sin que nadie haya llamado a `unpark` (la
//! documentación lo permite: «spurious wakeups»); sin ella, esas vueltas de
//! más solo costarían un sondeo inútil, pero con ella cada sondeo tiene un
//! motivo. Y un aviso que llega durante el sondeo no se pierde: `unpark`
//! antes de `park` hace que `park` vuelva enseguida.

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};

/// El waker de `block_on`: marca que hay que volver a sondear y despierta al
/// hilo que espera.
struct Despertar {
    hilo: Thread,
    despertado: AtomicBool,
}

impl Wake for Despertar {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.despertado.store(true, Ordering::SeqCst);
        self.hilo.unpark();
    }
}

/// Sondea `future` hasta que termina, durmiendo el hilo mientras espera, y
/// devuelve su valor.
pub fn block_on<F: Future>(future: F) -> F::Output {
    let despertar = Arc::new(Despertar {
        hilo: thread::current(),
        despertado: AtomicBool::new(false),
    });
    // Un solo waker para todos los sondeos: clonarlo es barato, pero no hace
    // falta, porque siempre despierta al mismo hilo.
    let waker = Waker::from(Arc::clone(&despertar));
    let mut cx = Context::from_waker(&waker);
    let mut future = pin!(future);
    loop {
        if let Poll::Ready(valor) = future.as_mut().poll(&mut cx) {
            return valor;
        }
        thread::park();
    }
}
