//! Error: guarda el waker del primer sondeo y no lo cambia nunca: si el
//! future pasa a otra tarea, el hilo despierta a la que ya no lo espera.
//! Se espera: falla despierta_al_waker_del_ultimo_sondeo
//!
//! Solución del ejercicio `waker`: un temporizador con un hilo que despierta.
//!
//! El temporizador y su hilo comparten un `Arc<Mutex<Compartido>>`: el hilo
//! deja ahí la marca de «terminado» y el future deja el waker del último
//! sondeo. Quien llega segundo al punto de encuentro es quien actúa: si el
//! hilo termina antes del primer sondeo, el sondeo ve la marca y devuelve
//! `Ready`; si el future llega antes, deja el waker y el hilo lo despierta.
//! El `Mutex` hace que no haya un tercer caso: el hilo no puede mirar el
//! waker justo entre que el future comprueba la marca y guarda el waker.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::thread;
use std::time::Duration;

/// Un future que termina cuando han pasado `duracion` desde que se creó.
#[derive(Debug)]
pub struct Temporizador {
    compartido: Arc<Mutex<Compartido>>,
}

/// Lo que comparten el temporizador y el hilo que cuenta el tiempo.
#[derive(Debug)]
struct Compartido {
    /// Si ya pasó el tiempo.
    terminado: bool,
    /// El waker del último sondeo que encontró `terminado == false`.
    waker: Option<Waker>,
}

impl Temporizador {
    /// Un temporizador de `duracion`. Empieza a contar ya, en un hilo nuevo.
    pub fn new(duracion: Duration) -> Temporizador {
        let compartido = Arc::new(Mutex::new(Compartido {
            terminado: false,
            waker: None,
        }));
        let del_hilo = Arc::clone(&compartido);
        thread::spawn(move || {
            thread::sleep(duracion);
            let waker = {
                let mut compartido = del_hilo.lock().unwrap();
                compartido.terminado = true;
                compartido.waker.take()
            };
            // Se despierta fuera del lock: el ejecutor puede sondear enseguida
            // desde otro hilo, y encontrará el `Mutex` libre.
            if let Some(waker) = waker {
                waker.wake();
            }
        });
        Temporizador { compartido }
    }
}

impl Future for Temporizador {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut compartido = self.compartido.lock().unwrap();
        if compartido.terminado {
            return Poll::Ready(());
        }
        // Se guarda el waker la primera vez.
        if compartido.waker.is_none() {
            compartido.waker = Some(cx.waker().clone());
        }
        Poll::Pending
    }
}
