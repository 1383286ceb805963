// Pruebas del ejercicio `callback_ffi`: de un callback de C a un future.
//
// Archivo que editas: exercises/src/callback_ffi.rs
// Capítulo: book/src/22-callback-ffi.md · Pista: cargo run -- pista callback_ffi
//
// La biblioteca de C es la de `taller-ffi`: `taller_duplicar_tarde` vuelve
// enseguida y, pasados unos milisegundos, llama al callback desde un hilo
// suyo. Además, dos «bibliotecas» de mentira escritas aquí: una que rechaza
// la operación y otra que llama al callback antes de volver. Las pruebas
// comprueban el resultado, que el primer sondeo no espera, que el callback
// despierta al waker, y que soltar el future antes del callback es seguro.
//
// Y que no se fuga memoria: un `user_data` que nadie libera no cambia ningún
// resultado. Este binario usa un asignador que cuenta
// (`taller_async::prueba::memoria`): con las dos bibliotecas de mentira, todo
// ocurre en el hilo de la prueba, y las reservas que siguen vivas en ese hilo
// después de la operación tienen que ser las mismas que antes.

// Tu archivo entra en estas pruebas como el módulo `callback_ffi`, y ningún
// otro ejercicio entra con él: si otro no compila, estas pruebas compilan y
// corren igual. Las mismas pruebas corren contra la solución:
// solutions/tests/callback_ffi.rs incluye este archivo (por eso no tiene
// comentarios `//!`) y declara el módulo con solutions/src/callback_ffi.rs; allí
// está activo `cfg(solucion)`, que apaga esta declaración.
#[cfg(not(solucion))]
#[path = "../src/callback_ffi.rs"]
#[allow(unused_variables)] // el esbozo aún no usa sus parámetros
pub mod callback_ffi;

use std::ffi::c_void;
use std::future::Future;
use std::pin::pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::task::{Context, Poll, Wake, Waker};
use std::thread;
use std::time::Duration;

use callback_ffi::{ErrorFfi, esperar_callback};
use taller_async::prueba::con_limite;
use taller_async::prueba::memoria::{AsignadorQueCuenta, reservas_vivas_de_este_hilo};
use taller_ffi::{Callback, TALLER_OK, taller_duplicar_tarde, taller_en_vuelo};

// Toda la memoria de este binario de pruebas pasa por el asignador que
// cuenta; por lo demás, es el del sistema.
#[global_allocator]
static ASIGNADOR: AsignadorQueCuenta = AsignadorQueCuenta;

const SI_SE_CUELGA: &str = "tu future nunca terminó. Cuando llega el callback, el \
    resultado tiene que llegar al future y despertar a su waker: si lo envías por \
    el emisor de un `futures::channel::oneshot`, el receptor (que es un future) se \
    encarga del waker. ¿Llamas a la biblioteca con tu callback y tu `user_data`?";

/// `duplicar(valor, retraso_ms)`: la operación de `taller-ffi`, esperada con
/// tu puente.
async fn duplicar(valor: i32, retraso_ms: u32) -> Result<i32, ErrorFfi> {
    esperar_callback(|callback, user_data| {
        taller_duplicar_tarde(valor, retraso_ms, Some(callback), user_data)
    })
    .await
}

/// Espera a que la biblioteca termine todos sus callbacks pendientes (los
/// de otras pruebas que corren a la vez, también), como mucho 10 s.
fn esperar_a_que_no_quede_ningun_callback() {
    for _ in 0..1000 {
        if taller_en_vuelo() == 0 {
            return;
        }
        thread::sleep(Duration::from_millis(10));
    }
    panic!("la biblioteca sigue con callbacks pendientes al cabo de 10 s");
}

#[test]
fn devuelve_lo_que_trae_el_callback() {
    con_limite(10, SI_SE_CUELGA, || async {
        let doble = duplicar(21, 10).await;
        assert!(
            doble == Ok(42),
            "duplicar(21) dio {doble:?}; el callback trae 42."
        );
        // Veinte a la vez, y las primeras en empezar son las últimas en
        // terminar: cada resultado tiene que llegar a su propio future.
        let resultados =
            futures::future::join_all((0..20).map(|i| duplicar(i, 200 - 5 * i as u32))).await;
        for (i, resultado) in resultados.into_iter().enumerate() {
            assert!(
                resultado == Ok(2 * i as i32),
                "duplicar({i}) dio {resultado:?}: ¿compartes un solo sitio para todos los \
                 resultados? Cada operación necesita su propio `user_data`."
            );
        }
    })
}

/// Un waker que cuenta sus llamadas y avisa por un canal en cada una.
struct Avisador {
    llamadas: AtomicUsize,
    aviso: Mutex<mpsc::Sender<()>>,
}

impl Wake for Avisador {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.llamadas.fetch_add(1, Ordering::SeqCst);
        let _ = self.aviso.lock().unwrap().send(());
    }
}

#[test]
fn el_primer_sondeo_no_espera_y_el_callback_despierta_al_waker() {
    con_limite(10, SI_SE_CUELGA, || async {
        let (emisor, aviso) = mpsc::channel();
        let avisador = Arc::new(Avisador {
            llamadas: AtomicUsize::new(0),
            aviso: Mutex::new(emisor),
        });
        let waker = Waker::from(Arc::clone(&avisador));
        let mut cx = Context::from_waker(&waker);

        let mut future = pin!(duplicar(42, 300));
        let primero = future.as_mut().poll(&mut cx);
        assert!(
            primero.is_pending(),
            "El primer sondeo devolvió {primero:?} en lugar de Pending: tu future esperó \
             al callback dentro de `poll`, bloqueando el hilo (¿un `std::sync::mpsc` con \
             `recv()`?). Tiene que volver enseguida y dejar que el callback lo despierte."
        );
        assert!(
            aviso.recv_timeout(Duration::from_secs(5)).is_ok(),
            "El callback llegó (la biblioteca tarda 300 ms) y nadie despertó al waker del \
             sondeo. El resultado tiene que llegar por algo que despierte al future, como \
             un `oneshot`."
        );
        let segundo = future.as_mut().poll(&mut cx);
        assert!(
            segundo == Poll::Ready(Ok(84)),
            "Después del aviso, el segundo sondeo dio {segundo:?} y debía dar Ready(Ok(84))."
        );
        assert!(avisador.llamadas.load(Ordering::SeqCst) >= 1);
    })
}

#[test]
fn un_limite_de_tiempo_lo_cancela_y_el_callback_tardio_no_rompe_nada() {
    con_limite(10, SI_SE_CUELGA, || async {
        let limite = Duration::from_millis(50);
        let resultado = async_std::future::timeout(limite, duplicar(1, 2000)).await;
        assert!(
            resultado.is_err(),
            "Con un límite de 50 ms sobre una operación de 2 s, el límite debería agotarse, \
             y terminó con {resultado:?}: tu future bloqueó el hilo dentro de `poll` hasta \
             tener el resultado, y así nadie puede cancelarlo."
        );
        // El callback llega igual, 2 s después, con el future ya soltado. Si
        // tu callback entrara en pánico (un `unwrap()` al enviar por un canal
        // cerrado) el proceso entero abortaría aquí.
        esperar_a_que_no_quede_ningun_callback();
    })
}

#[test]
fn soltarlo_antes_del_callback_es_seguro() {
    con_limite(10, SI_SE_CUELGA, || async {
        for _ in 0..20 {
            let mut operacion = Box::pin(duplicar(3, 100));
            let sondeo = futures::poll!(operacion.as_mut());
            assert!(sondeo.is_pending(), "el primer sondeo dio {sondeo:?}");
            drop(operacion);
        }
        esperar_a_que_no_quede_ningun_callback();
        // Y el puente sigue funcionando después.
        assert!(duplicar(5, 10).await == Ok(10));
    })
}

/// Una biblioteca de mentira que rechaza la operación sin llamar a nada.
fn rechazar(_callback: Callback, _user_data: *mut c_void) -> i32 {
    -7
}

/// Una biblioteca de mentira que llama al callback antes de volver, en el
/// mismo hilo: está permitido, y el puente tiene que soportarlo.
fn llamar_enseguida(callback: Callback, user_data: *mut c_void) -> i32 {
    callback(user_data, 123);
    TALLER_OK
}

#[test]
fn una_operacion_rechazada_da_error_enseguida() {
    con_limite(10, SI_SE_CUELGA, || async {
        let resultado = esperar_callback(rechazar).await;
        assert!(
            resultado == Err(ErrorFfi::Rechazada(-7)),
            "La biblioteca devolvió -7 (no empezó nada y no habrá callback), y tu future \
             dio {resultado:?} en lugar de Err(ErrorFfi::Rechazada(-7)). Mira el código \
             que devuelve `iniciar`, y si no es TALLER_OK, libera tú el `user_data`."
        );
    })
}

#[test]
fn una_operacion_rechazada_libera_su_user_data() {
    con_limite(10, SI_SE_CUELGA, || async {
        // Una vez antes de contar, por si la primera llamada prepara algo que
        // se queda para las siguientes.
        let _ = esperar_callback(rechazar).await;
        let antes = reservas_vivas_de_este_hilo();
        let resultado = esperar_callback(rechazar).await;
        let sin_liberar = reservas_vivas_de_este_hilo() - antes;
        assert!(
            resultado == Err(ErrorFfi::Rechazada(-7)),
            "La biblioteca devolvió -7, y tu future dio {resultado:?} en lugar de \
             Err(ErrorFfi::Rechazada(-7))."
        );
        assert!(
            sin_liberar == 0,
            "Una operación rechazada (la biblioteca devolvió -7) dejó {sin_liberar} \
             reservas de memoria sin liberar; se esperaban 0. La biblioteca no va a \
             llamar al callback, así que nadie más liberará el `user_data`: si \
             `iniciar` no devuelve TALLER_OK, recupéralo con `Box::from_raw` y suéltalo \
             antes de devolver el error."
        );
    })
}

#[test]
fn un_callback_que_llega_antes_de_volver_libera_su_user_data() {
    con_limite(10, SI_SE_CUELGA, || async {
        // Aquí el callback corre en el hilo de la prueba, dentro de `iniciar`:
        // lo que reserva el future y lo que libera el callback se cuenta en
        // el mismo hilo.
        let _ = esperar_callback(llamar_enseguida).await;
        let antes = reservas_vivas_de_este_hilo();
        let resultado = esperar_callback(llamar_enseguida).await;
        let sin_liberar = reservas_vivas_de_este_hilo() - antes;
        assert!(
            resultado == Ok(123),
            "El callback trajo 123, y tu future dio {resultado:?} en lugar de Ok(123)."
        );
        assert!(
            sin_liberar == 0,
            "Una operación cuyo callback ya llegó dejó {sin_liberar} reservas de memoria \
             sin liberar; se esperaban 0. El callback es el último que usa el \
             `user_data`: recupéralo ahí con `Box::from_raw` (no con `&*` ni `&mut *`, \
             que lo usan sin quedárselo) y deja que se suelte al salir."
        );
    })
}

#[test]
fn un_callback_que_llega_antes_de_volver_tambien_vale() {
    con_limite(10, SI_SE_CUELGA, || async {
        let resultado = esperar_callback(llamar_enseguida).await;
        assert!(
            resultado == Ok(123),
            "El callback llegó antes de que la llamada a la biblioteca volviera, y tu \
             future dio {resultado:?} en lugar de Ok(123)."
        );
    })
}

#[test]
fn el_future_es_send_y_se_puede_lanzar_como_tarea() {
    con_limite(10, SI_SE_CUELGA, || async {
        // Si esto no compila («future cannot be sent between threads
        // safely»), tu future guarda el `*mut c_void` a través de un
        // `.await`: crea el puntero y llama a la biblioteca en una función
        // aparte (no `async`) que devuelva el receptor.
        let tarea = async_std::task::spawn(duplicar(50, 10));
        let resultado = tarea.await;
        assert!(resultado == Ok(100), "la tarea dio {resultado:?}");
    })
}
