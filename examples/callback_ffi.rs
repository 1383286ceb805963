//! `callback_ffi`: una biblioteca con interfaz de C que avisa con un
//! callback, convertida en un future de Rust con un canal oneshot.
//!
//! La biblioteca es el crate `taller-ffi` (carpeta `ffi/`): su función
//! `taller_duplicar_tarde` vuelve enseguida y, más tarde, desde un hilo suyo,
//! llama a un callback `extern "C"` con el resultado y con un puntero opaco,
//! el `user_data`, que le dio quien llamó. Es la forma de casi todas las
//! interfaces asíncronas de C, y la de los servicios del sistema operativo.
//!
//! Este ejemplo es el anfitrión en Rust: hace con un `oneshot` lo que C#
//! hace con `TaskCompletionSource` y Python con un `asyncio.Future` (el
//! anfitrión de Python está en `ffi/host.py`). Enseña, en orden:
//!
//! 1. en qué hilo llega el callback y en cuál sigue el código después del
//!    `.await`;
//! 2. diez operaciones en vuelo a la vez desde un solo hilo;
//! 3. cancelar soltando el future (a mano y con un límite de tiempo), y que
//!    los callbacks que llegan tarde no tocan memoria liberada: cada
//!    `user_data` se libera una vez, en su callback.
//!
//! ```text
//! cargo run --example callback_ffi
//! ```

use std::ffi::c_void;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::{self, ThreadId};
use std::time::Duration;

use async_std::{future, task};
use futures::channel::oneshot;
use futures::future::join_all;
use taller_ffi::{TALLER_OK, taller_duplicar_tarde, taller_en_vuelo};

/// Los `user_data` creados y liberados, para comprobar que no se pierde ni
/// se libera dos veces ninguno.
static CREADOS: AtomicUsize = AtomicUsize::new(0);
static LIBERADOS: AtomicUsize = AtomicUsize::new(0);
/// Resultados que llegaron cuando ya nadie los esperaba.
static DESCARTADOS: AtomicUsize = AtomicUsize::new(0);
/// El hilo en el que corrió el último callback.
static HILO_DEL_CALLBACK: Mutex<Option<ThreadId>> = Mutex::new(None);

// ANCHOR: entrega
/// Lo que viaja como `user_data`: el extremo emisor del canal oneshot. Es
/// la «promesa» que el callback cumple; el future se queda con el receptor.
struct Entrega {
    emisor: oneshot::Sender<i32>,
    _testigo: Testigo,
}

/// Cuenta cuántas `Entrega` se crean y cuántas se liberan.
struct Testigo;

impl Entrega {
    fn nueva(emisor: oneshot::Sender<i32>) -> Entrega {
        CREADOS.fetch_add(1, Ordering::SeqCst);
        Entrega {
            emisor,
            _testigo: Testigo,
        }
    }
}

impl Drop for Testigo {
    fn drop(&mut self) {
        LIBERADOS.fetch_add(1, Ordering::SeqCst);
    }
}
// ANCHOR_END: entrega

// ANCHOR: puente
/// Empieza la operación y devuelve el receptor por el que llegará el
/// resultado. Es una función corriente, no `async`: así el puntero crudo
/// (que no es `Send`) no vive dentro de ningún future.
fn empezar(valor: i32, retraso_ms: u32) -> oneshot::Receiver<i32> {
    let (emisor, receptor) = oneshot::channel();
    // El `Box` pasa a ser de la biblioteca: ella lo guarda y se lo devuelve
    // al callback, que es quien lo libera. Nadie más lo toca.
    let user_data = Box::into_raw(Box::new(Entrega::nueva(emisor))).cast::<c_void>();
    let codigo = taller_duplicar_tarde(valor, retraso_ms, Some(al_terminar), user_data);
    if codigo != TALLER_OK {
        // No habrá callback: el `Box` vuelve a ser nuestro y se libera aquí.
        // Al soltar el emisor, el receptor da `Canceled`.
        // SAFETY: `user_data` salió de `Box::into_raw` justo arriba y la
        // biblioteca, al rechazar la operación, no se lo quedó.
        drop(unsafe { Box::from_raw(user_data.cast::<Entrega>()) });
    }
    receptor
}

/// El callback: corre en un hilo de la biblioteca, una sola vez.
extern "C" fn al_terminar(user_data: *mut c_void, resultado: i32) {
    *HILO_DEL_CALLBACK.lock().unwrap() = Some(thread::current().id());
    // SAFETY: `user_data` es el `Box<Entrega>` de `empezar`, y la biblioteca
    // llama a este callback exactamente una vez con él: se recupera y se
    // libera al final de esta función.
    let entrega = unsafe { Box::from_raw(user_data.cast::<Entrega>()) };
    // `send` solo deja el valor y llama al waker del receptor: lo que sigue
    // al `.await` correrá en el hilo de su ejecutor, no en este. Si el future
    // ya se soltó, el receptor no existe y `send` devuelve el valor: nadie lo
    // quería. Nada de `unwrap()`: un pánico no puede salir de una función
    // `extern "C"` (el proceso abortaría).
    if entrega.emisor.send(resultado).is_err() {
        DESCARTADOS.fetch_add(1, Ordering::SeqCst);
    }
}

/// El future: duplica `valor` en la biblioteca, sin retener ningún hilo.
async fn duplicar(valor: i32, retraso_ms: u32) -> i32 {
    empezar(valor, retraso_ms)
        .await
        .expect("la biblioteca no llamó al callback (o rechazó la operación)")
}
// ANCHOR_END: puente

fn main() {
    println!("1. Una operación: el callback llega en otro hilo\n");
    una_operacion();

    println!("\n2. Diez operaciones a la vez, en un solo hilo\n");
    diez_a_la_vez();

    println!("\n3. Cancelar: soltar el future, a mano o con un límite\n");
    cancelar();
}

fn una_operacion() {
    // ANCHOR: una
    let principal = thread::current().id();
    let (resultado, despues_del_await) = task::block_on(async {
        let resultado = duplicar(21, 50).await;
        (resultado, thread::current().id())
    });
    let del_callback = HILO_DEL_CALLBACK.lock().unwrap().expect("hubo callback");
    println!("   duplicar(21) = {resultado}");
    println!("   hilo de main:                     {principal:?}");
    println!("   hilo del callback:                {del_callback:?}");
    println!("   hilo del código tras el .await:   {despues_del_await:?}");
    // ANCHOR_END: una
}

/// Espera a que la biblioteca termine de llamar a todos los callbacks
/// pendientes (el de una operación puede seguir en marcha un instante
/// después de que su future haya terminado).
async fn sin_callbacks_en_camino() {
    while taller_en_vuelo() > 0 {
        task::sleep(Duration::from_millis(10)).await;
    }
}

fn diez_a_la_vez() {
    let (resultados, en_vuelo) = task::block_on(async {
        sin_callbacks_en_camino().await;
        let operaciones = join_all((0..10).map(|i| duplicar(i, 200)));
        // Mientras las diez esperan, otra parte del mismo future pregunta a
        // la biblioteca cuántas tiene en marcha.
        let contar = async {
            task::yield_now().await;
            taller_en_vuelo()
        };
        futures::join!(operaciones, contar)
    });
    println!("   en vuelo en la biblioteca: {en_vuelo}");
    println!("   resultados: {resultados:?}");
}

fn cancelar() {
    // ANCHOR: cancelar
    task::block_on(async {
        // Con un límite de tiempo: `timeout` suelta el future al agotarlo.
        match future::timeout(Duration::from_millis(50), duplicar(5, 1000)).await {
            Ok(valor) => println!("   con límite de 50 ms: terminó con {valor} (¡no debería!)"),
            Err(_) => println!("   con límite de 50 ms: se agotó y el future se soltó"),
        }

        // A mano: se sondea una vez (la operación empieza) y se suelta.
        let mut operacion = Box::pin(duplicar(6, 1000));
        let sondeo = futures::poll!(operacion.as_mut());
        println!("   soltado a mano tras un sondeo que dio {sondeo:?}");
        drop(operacion);

        // Los dos callbacks siguen en camino: se esperan, sin prisa.
        println!("   callbacks aún en camino: {}", taller_en_vuelo());
        sin_callbacks_en_camino().await;
    });
    println!(
        "   llegaron tarde y se descartaron: {}",
        DESCARTADOS.load(Ordering::SeqCst)
    );
    println!(
        "   user_data creados: {}, liberados: {} (cada uno en su callback)",
        CREADOS.load(Ordering::SeqCst),
        LIBERADOS.load(Ordering::SeqCst)
    );
    // ANCHOR_END: cancelar
}
