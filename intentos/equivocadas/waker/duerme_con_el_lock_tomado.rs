//! Error: el hilo del temporizador toma el lock y duerme con él tomado. Un
//! sondeo que llega mientras duerme se queda bloqueado en `lock()` hasta que
//! termina el tiempo: `poll` bloquea el hilo del ejecutor en lugar de
//! devolver `Pending` enseguida.
//! Se espera: falla un_sondeo_mientras_cuenta_no_espera_al_hilo
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
            // El hilo se queda con lo compartido mientras cuenta el tiempo.
            let mut compartido = del_hilo.lock().unwrap();
            thread::sleep(duracion);
            compartido.terminado = true;
            if let Some(waker) = compartido.waker.take() {
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
        // El waker de *este* sondeo sustituye al anterior: entre dos sondeos
        // el future puede haber cambiado de tarea. Si es el mismo, no hace
        // falta clonarlo otra vez.
        match &compartido.waker {
            Some(guardado) if guardado.will_wake(cx.waker()) => {}
            _ => compartido.waker = Some(cx.waker().clone()),
        }
        Poll::Pending
    }
}
