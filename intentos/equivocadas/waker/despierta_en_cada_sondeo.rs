//! Error: además de guardar el waker, lo despierta en cada sondeo que da
//! `Pending`, por si acaso: el ejecutor lo sondea en bucle, sin descanso,
//! hasta que pasa el tiempo.
//! Se espera: fallan bajo_un_ejecutor_no_se_sondea_en_bucle,
//!   despierta_al_waker_del_ultimo_sondeo,
//!   devuelve_pending_hasta_que_pasa_el_tiempo
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
        // El waker de *este* sondeo sustituye al anterior: entre dos sondeos
        // el future puede haber cambiado de tarea. Si es el mismo, no hace
        // falta clonarlo otra vez.
        match &compartido.waker {
            Some(guardado) if guardado.will_wake(cx.waker()) => {}
            _ => compartido.waker = Some(cx.waker().clone()),
        }
        // Por si acaso, que lo vuelvan a sondear.
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}
