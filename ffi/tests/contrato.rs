//! El contrato de `taller_duplicar_tarde`, comprobado desde Rust.
//!
//! Los anfitriones (el ejemplo `callback_ffi`, `ffi/host.py`, el ejercicio
//! 16) se apoyan en lo que promete la documentación del crate: un callback
//! exactamente una vez, desde otro hilo, con el mismo `user_data`, y ninguno
//! si el callback es `NULL`. Si la biblioteca dejara de cumplirlo, los
//! anfitriones fallarían de formas difíciles de entender; estas pruebas lo
//! dicen antes y en claro.
//!
//! Las pruebas llaman a la biblioteca con un callback `extern "C"` escrito
//! aquí, y su `user_data` es un `Box` con el extremo emisor de un canal: el
//! mismo patrón que usan los anfitriones.

use std::ffi::c_void;
use std::sync::mpsc;
use std::thread::{self, ThreadId};
use std::time::Duration;

use taller_ffi::{TALLER_OK, TALLER_SIN_CALLBACK, taller_duplicar_tarde, taller_en_vuelo};

/// Lo que anota cada llamada al callback: el resultado y el hilo.
type Aviso = (i32, ThreadId);

extern "C" fn anotar(user_data: *mut c_void, resultado: i32) {
    // SAFETY: cada `user_data` de estas pruebas es un
    // `Box<mpsc::Sender<Aviso>>` convertido con `Box::into_raw`, y la
    // biblioteca llama al callback una sola vez con él.
    let emisor = unsafe { Box::from_raw(user_data.cast::<mpsc::Sender<Aviso>>()) };
    // Si la prueba ya no escucha, no pasa nada: no se puede entrar en pánico
    // dentro de una función `extern "C"` (el proceso abortaría).
    let _ = emisor.send((resultado, thread::current().id()));
}

/// Empieza una operación cuyo callback avisará por el canal que devuelve.
fn empezar(valor: i32, retraso_ms: u32) -> mpsc::Receiver<Aviso> {
    let (emisor, receptor) = mpsc::channel();
    let user_data = Box::into_raw(Box::new(emisor)).cast::<c_void>();
    let codigo = taller_duplicar_tarde(valor, retraso_ms, Some(anotar), user_data);
    assert_eq!(
        codigo, TALLER_OK,
        "taller_duplicar_tarde debería aceptar un callback válido"
    );
    receptor
}

fn esperar(receptor: &mpsc::Receiver<Aviso>, que: &str) -> Aviso {
    receptor
        .recv_timeout(Duration::from_secs(10))
        .unwrap_or_else(|_| {
            panic!("{que}: el callback no llegó en 10 s; la biblioteca debe llamarlo siempre")
        })
}

#[test]
fn llama_al_callback_una_vez_desde_otro_hilo_con_su_user_data() {
    let receptor = empezar(21, 20);
    let (resultado, hilo) = esperar(&receptor, "duplicar 21");
    assert_eq!(resultado, 42, "el callback debería traer 21 * 2");
    assert_ne!(
        hilo,
        thread::current().id(),
        "el callback debería llegar desde un hilo de la biblioteca, no desde el que llamó"
    );
    // El `Box` con el emisor se liberó dentro del callback: si llegara un
    // segundo aviso, el canal ya estaría cerrado y `recv` no lo vería nunca.
    // Se comprueba que el canal se cerró, es decir, que no queda emisor vivo.
    assert!(
        matches!(
            receptor.recv_timeout(Duration::from_millis(200)),
            Err(mpsc::RecvTimeoutError::Disconnected)
        ),
        "después del callback no debería quedar nadie que pueda volver a avisar"
    );
}

#[test]
fn cada_callback_trae_su_propio_user_data() {
    // Veinte operaciones a la vez, y las primeras en empezar son las últimas
    // en terminar: cada resultado tiene que llegar a su propio canal.
    let receptores: Vec<_> = (0..20)
        .map(|i| (i, empezar(i, 200 - 5 * i as u32)))
        .collect();
    for (i, receptor) in &receptores {
        let (resultado, _) = esperar(receptor, &format!("duplicar {i}"));
        assert_eq!(
            resultado,
            i * 2,
            "el callback de la operación {i} trajo el resultado de otra"
        );
    }
}

#[test]
fn un_callback_nulo_se_rechaza_sin_llamar_a_nada() {
    let codigo = taller_duplicar_tarde(1, 0, None, std::ptr::null_mut());
    assert_eq!(
        codigo, TALLER_SIN_CALLBACK,
        "con el callback NULL la biblioteca debería negarse y decirlo"
    );
}

#[test]
fn las_operaciones_en_vuelo_vuelven_a_cero() {
    let receptores: Vec<_> = (0..10).map(|i| empezar(i, 100)).collect();
    assert!(
        taller_en_vuelo() >= 10,
        "recién empezadas, las diez operaciones deberían contar como en vuelo"
    );
    for receptor in &receptores {
        esperar(receptor, "una de diez");
    }
    // Otras pruebas de este archivo corren a la vez y también cuentan; se
    // espera a que terminen todas, con un límite.
    for _ in 0..1000 {
        if taller_en_vuelo() == 0 {
            return;
        }
        thread::sleep(Duration::from_millis(10));
    }
    panic!(
        "taller_en_vuelo() no volvió a 0: quedan {} operaciones sin terminar",
        taller_en_vuelo()
    );
}
