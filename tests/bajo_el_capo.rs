//! Pruebas de los ejemplos de la parte «Bajo el capó» (capítulos 16 a 22).
//!
//! Cada capítulo de esta parte afirma algo que se puede contar: un future
//! bien escrito se sondea dos veces y no cientos de miles, un `block_on`
//! duerme en lugar de girar, la máquina de estados escrita a mano hace lo
//! mismo que la `async fn`, diez mil esperas caben en un par de hilos, y un
//! callback que llega tarde no toca memoria liberada. Estas pruebas lo
//! comprueban de dos maneras:
//!
//! - los ejemplos cuyo código es la lección (`spawn_blocking_propio`,
//!   `block_on_propio`, `maquina_de_estados`) se incluyen aquí como módulos,
//!   y sus piezas se prueban directamente, contando sondeos y despertares;
//! - los demás (`waker`, `pin`, `pin_proyeccion`, `no_hay_hilo`,
//!   `callback_ffi`) y el
//!   anfitrión de Python (`ffi/host.py`) se corren como programas, y se
//!   comprueban las cifras que imprimen: cuentas, nunca tiempos.
//!
//! Ninguna prueba puede colgarse: las asíncronas corren dentro de
//! `con_limite`, y cada programa tiene un límite de tiempo.

mod comun;

use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::pin;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::task::{Context, Poll, Wake, Waker};
use std::thread;
use std::time::Duration;

use comun::ejemplos::{Ejemplos, Salida, compilar, correr_con_limite};
use taller_async::prueba::con_limite;

#[path = "../examples/spawn_blocking_propio.rs"]
#[allow(dead_code)]
mod spawn_blocking_propio;

#[path = "../examples/block_on_propio.rs"]
#[allow(dead_code)]
mod block_on_propio;

#[path = "../examples/maquina_de_estados.rs"]
#[allow(dead_code)]
mod maquina_de_estados;

const SI_SE_CUELGA: &str = "un future devolvió `Pending` y nadie llamó a su waker, \
    o un `block_on` se durmió sin que nadie fuera a despertarlo.";

// ---------------------------------------------------------------------------
// Un waker que cuenta y avisa, para sondear a mano.
// ---------------------------------------------------------------------------

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

fn avisador() -> (Arc<Avisador>, Waker, mpsc::Receiver<()>) {
    let (emisor, receptor) = mpsc::channel();
    let avisador = Arc::new(Avisador {
        llamadas: AtomicUsize::new(0),
        aviso: Mutex::new(emisor),
    });
    let waker = Waker::from(Arc::clone(&avisador));
    (avisador, waker, receptor)
}

// ---------------------------------------------------------------------------
// spawn_blocking_propio
// ---------------------------------------------------------------------------

#[test]
fn spawn_blocking_propio_se_sondea_dos_veces_como_mucho() {
    con_limite(10, SI_SE_CUELGA, || async {
        use spawn_blocking_propio::{contar, spawn_blocking};
        // Bajo el `block_on` de async-std (el de `con_limite`), que solo
        // vuelve a sondear cuando alguien llama al waker.
        let (valor, sondeos) = contar(spawn_blocking(|| {
            thread::sleep(Duration::from_millis(100));
            6 * 7
        }))
        .await;
        assert_eq!(valor, 42);
        assert!(
            sondeos <= 2,
            "SpawnBlocking se sondeó {sondeos} veces: debería dejar el waker y esperar \
             a que el hilo lo despierte (2 sondeos), no hacer que lo sondeen en bucle"
        );
    })
}

#[test]
fn spawn_blocking_propio_despierta_al_waker_del_ultimo_sondeo() {
    con_limite(10, SI_SE_CUELGA, || async {
        use spawn_blocking_propio::spawn_blocking;
        let mut future = pin!(spawn_blocking(|| {
            thread::sleep(Duration::from_millis(200));
            "listo"
        }));
        // Dos sondeos con wakers distintos: solo cuenta el del último.
        let (primero, waker_1, _) = avisador();
        let (segundo, waker_2, aviso_2) = avisador();
        assert!(
            future
                .as_mut()
                .poll(&mut Context::from_waker(&waker_1))
                .is_pending()
        );
        assert!(
            future
                .as_mut()
                .poll(&mut Context::from_waker(&waker_2))
                .is_pending()
        );
        aviso_2
            .recv_timeout(Duration::from_secs(5))
            .expect("el hilo de spawn_blocking no despertó al waker del último sondeo");
        assert_eq!(primero.llamadas.load(Ordering::SeqCst), 0);
        assert_eq!(segundo.llamadas.load(Ordering::SeqCst), 1);
        assert_eq!(
            future.as_mut().poll(&mut Context::from_waker(&waker_2)),
            Poll::Ready("listo")
        );
    })
}

#[test]
fn spawn_blocking_propio_con_el_valor_ya_listo_basta_un_sondeo() {
    con_limite(10, SI_SE_CUELGA, || async {
        use spawn_blocking_propio::{contar, spawn_blocking};
        let future = spawn_blocking(|| 7);
        // De sobra para que el hilo termine antes del primer sondeo.
        thread::sleep(Duration::from_secs(1));
        let (valor, sondeos) = contar(future).await;
        assert_eq!((valor, sondeos), (7, 1));
    })
}

// ---------------------------------------------------------------------------
// block_on_propio
// ---------------------------------------------------------------------------

/// Un future que, en su primer sondeo, encarga a otro hilo despertarlo
/// pasado `espera`, y que cuenta sus sondeos.
struct DespiertaDesdeOtroHilo {
    espera: Duration,
    listo: Arc<Mutex<bool>>,
    lanzado: bool,
    sondeos: Arc<AtomicUsize>,
}

impl Future for DespiertaDesdeOtroHilo {
    type Output = &'static str;

    fn poll(mut self: std::pin::Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<&'static str> {
        self.sondeos.fetch_add(1, Ordering::SeqCst);
        if *self.listo.lock().unwrap() {
            return Poll::Ready("hecho");
        }
        if !self.lanzado {
            self.lanzado = true;
            let (listo, waker, espera) = (Arc::clone(&self.listo), cx.waker().clone(), self.espera);
            thread::spawn(move || {
                thread::sleep(espera);
                *listo.lock().unwrap() = true;
                waker.wake();
            });
        }
        Poll::Pending
    }
}

#[test]
fn block_on_propio_duerme_hasta_que_llaman_al_waker() {
    con_limite(10, SI_SE_CUELGA, || async {
        let sondeos = Arc::new(AtomicUsize::new(0));
        let valor = block_on_propio::block_on(DespiertaDesdeOtroHilo {
            espera: Duration::from_millis(200),
            listo: Arc::new(Mutex::new(false)),
            lanzado: false,
            sondeos: Arc::clone(&sondeos),
        });
        assert_eq!(valor, "hecho");
        let sondeos = sondeos.load(Ordering::SeqCst);
        assert!(
            sondeos <= 3,
            "block_on sondeó {sondeos} veces un future que solo despierta una vez: \
             debería dormir (park) hasta que llamen al waker"
        );
    })
}

#[test]
fn block_on_propio_no_pierde_un_aviso_dado_durante_el_sondeo() {
    con_limite(10, SI_SE_CUELGA, || async {
        // `Ceder`: se despierta a sí mismo antes de devolver `Pending`. El
        // aviso llega antes de que `block_on` se duerma, y no debe perderse.
        struct Ceder(u32);
        impl Future for Ceder {
            type Output = u32;
            fn poll(mut self: std::pin::Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
                if self.0 == 0 {
                    return Poll::Ready(99);
                }
                self.0 -= 1;
                cx.waker().wake_by_ref();
                Poll::Pending
            }
        }
        assert_eq!(block_on_propio::block_on(Ceder(1000)), 99);
    })
}

#[test]
fn block_on_propio_corre_futures_de_async_std() {
    con_limite(10, SI_SE_CUELGA, || async {
        let (valor, sondeos) = block_on_propio::block_on(block_on_propio::contar(async {
            async_std::task::sleep(Duration::from_millis(100)).await;
            async_std::task::spawn(async { 6 * 7 }).await
        }));
        assert_eq!(valor, 42);
        assert!(
            sondeos <= 4,
            "block_on sondeó {sondeos} veces un future que espera dos avisos"
        );
    })
}

// ---------------------------------------------------------------------------
// maquina_de_estados
// ---------------------------------------------------------------------------

#[test]
fn la_maquina_a_mano_hace_lo_mismo_que_la_async_fn() {
    con_limite(10, SI_SE_CUELGA, || async {
        use maquina_de_estados::{ejecutar_trazado, sumar_dos_pasos, sumar_dos_pasos_a_mano};
        for a in [0, 1, 7, 1000] {
            let (con_async, traza_async) = ejecutar_trazado(sumar_dos_pasos(a));
            let (a_mano, traza_a_mano) = ejecutar_trazado(sumar_dos_pasos_a_mano(a));
            assert_eq!(con_async, a_mano, "sumar_dos_pasos({a})");
            assert_eq!(
                traza_async, traza_a_mano,
                "las trazas de sumar_dos_pasos({a})"
            );
            let sondeos = traza_async
                .iter()
                .filter(|l| l.starts_with("sondeo"))
                .count();
            assert_eq!(sondeos, 3, "dos `.await` que ceden una vez: tres sondeos");
        }
    })
}

#[test]
fn la_maquina_a_mano_es_unpin_y_la_async_fn_no_hace_falta_que_lo_sea() {
    fn es_unpin<T: Unpin>(_: &T) {}
    // Compila: ninguna variante del `enum` se apunta a sí misma.
    es_unpin(&maquina_de_estados::sumar_dos_pasos_a_mano(1));
    // El future de la `async fn` no es `Unpin` (compila/tests/no_compila/pin_sin_unpin.rs).
}

// ---------------------------------------------------------------------------
// Correr programas: los ejemplos y el anfitrión de Python.
// ---------------------------------------------------------------------------

/// Lo que probablemente pasó si un programa de esta parte no termina.
const SI_NO_TERMINA: &str = "un future al que nadie despierta, o un callback que no llega.";

static EJEMPLOS: Ejemplos = Ejemplos::nuevos(
    env!("CARGO_PKG_NAME"),
    &[
        "waker",
        "pin",
        "pin_proyeccion",
        "no_hay_hilo",
        "callback_ffi",
    ],
    SI_NO_TERMINA,
);

/// Corre el ejemplo (compilado una vez por proceso) y exige que termine bien.
fn correr_ejemplo(ejemplo: &str) -> Salida {
    let salida = EJEMPLOS.correr(ejemplo, &[], Duration::from_secs(60));
    assert!(
        salida.estado.success(),
        "el ejemplo {ejemplo} debería terminar bien, sin argumentos.\n{}",
        salida.describir()
    );
    salida
}

#[test]
fn waker_el_future_olvidadizo_se_queda_colgado_tras_un_sondeo() {
    let salida = correr_ejemplo("waker");
    assert!(
        salida
            .stdout
            .contains("[cartero] entrego el mensaje y llamo a wake()")
            && salida.stdout.contains("sondeo 2: Ready"),
        "el ciclo sondeo → Pending → wake → sondeo → Ready debería verse entero.\n{}",
        salida.describir()
    );
    assert!(
        salida
            .stdout
            .contains("se agotó el límite: la tarea sigue sin terminar"),
        "el future olvidadizo, en su propia tarea, no debería terminar.\n{}",
        salida.describir()
    );
    assert_eq!(
        salida.numero_tras("sondeos: "),
        1,
        "nadie debería volver a sondear al olvidadizo.\n{}",
        salida.describir()
    );
}

#[test]
fn pin_el_future_guarda_referencias_a_si_mismo() {
    let salida = correr_ejemplo("pin");
    let dentro = salida.stdout.matches("dentro del future").count();
    assert_eq!(
        dentro,
        2,
        "`buf` y la referencia a `buf` deberían estar dentro del future.\n{}",
        salida.describir()
    );
    assert!(
        salida.stdout.contains("la referencia era válida"),
        "{}",
        salida.describir()
    );
    let vivo = salida.numero_tras("kib_vivo()");
    let muerto = salida.numero_tras("kib_muerto()");
    assert!(
        vivo >= 1024 && muerto < 1024,
        "un KiB que cruza el `.await` va dentro del future ({vivo} bytes); \
         uno que muere antes, no ({muerto} bytes)"
    );
}

#[test]
fn pin_proyeccion_sondea_sin_mover_y_set_suelta_el_viejo_en_su_sitio() {
    let salida = correr_ejemplo("pin_proyeccion");
    assert!(
        salida
            .stdout
            .contains("Ready(2) tras 3 sondeos; ¿siempre en la misma dirección? sí"),
        "`as_mut` debería sondear tres veces el mismo future, sin moverlo.\n{}",
        salida.describir()
    );
    let suelta = salida.stdout.find("(se suelta el Aviso «primero»)");
    let ocupa = salida.stdout.find("«segundo» está en");
    assert!(
        matches!((suelta, ocupa), (Some(s), Some(o)) if s < o)
            && salida
                .tras("«segundo» está en")
                .ends_with(": la misma dirección"),
        "`set` debería soltar el future viejo antes de que el nuevo ocupe la misma \
         dirección.\n{}",
        salida.describir()
    );
    for combinador in [
        "MapearAMano(pasos(3), n * 10):",
        "Mapear(pasos(3), n * 10):",
    ] {
        assert!(
            salida.tras(combinador) == "Ready(30) tras 4 sondeos",
            "{combinador} debería terminar con Ready(30) tras 4 sondeos.\n{}",
            salida.describir()
        );
    }
    assert_eq!(
        salida.tras("Fundir(pasos(1)), sondeo"),
        "1: Pending, 2: Ready(1), 3: Pending, 4: Pending",
        "`Fundir` debería responder `Pending` después de `Ready`.\n{}",
        salida.describir()
    );
}

#[test]
fn no_hay_hilo_diez_mil_esperas_caben_en_un_par_de_hilos() {
    let salida = correr_ejemplo("no_hay_hilo");
    if salida.stdout.contains("no existe (¿no es Linux?)") {
        return; // Sin /proc no hay nada que contar.
    }
    let hilos: Vec<usize> = salida
        .stdout
        .lines()
        .filter_map(|l| l.split_once("hilos durante la espera: "))
        .map(|(_, resto)| resto.split(' ').next().unwrap().parse().unwrap())
        .collect();
    let [temporizadores, con_hilos, conexiones] = hilos[..] else {
        panic!("esperaba tres cuentas de hilos.\n{}", salida.describir());
    };
    // El pool de async-std tiene un hilo por núcleo, aunque aquí no trabaje;
    // además están el hilo principal y el de async-io.
    let nucleos = thread::available_parallelism().map_or(1, |n| n.get());
    let maximo = nucleos + 8;
    assert!(
        temporizadores <= maximo && conexiones <= maximo,
        "diez mil temporizadores ({temporizadores} hilos) y miles de conexiones \
         ({conexiones} hilos) deberían caber en unos pocos hilos (como mucho {maximo} \
         con {nucleos} núcleos).\n{}",
        salida.describir()
    );
    assert!(
        con_hilos >= 1000,
        "con un hilo por espera debería haber al menos 1000 hilos, no {con_hilos}"
    );
    assert_eq!(
        salida.numero_tras("bytes recibidos: "),
        salida.numero_tras("conexiones abiertas a la vez: "),
        "cada conexión debería recibir su byte.\n{}",
        salida.describir()
    );
}

#[test]
fn callback_ffi_el_anfitrion_en_rust_cancela_sin_fugas() {
    let salida = correr_ejemplo("callback_ffi");
    assert_eq!(salida.numero_tras("duplicar(21) = "), 42);
    let principal = salida.tras("hilo de main:");
    assert_ne!(
        salida.tras("hilo del callback:"),
        principal,
        "el callback debería llegar desde un hilo de la biblioteca"
    );
    assert_eq!(
        salida.tras("hilo del código tras el .await:"),
        principal,
        "lo que sigue al `.await` debería correr en el hilo de block_on, no en el del callback"
    );
    assert_eq!(salida.numero_tras("en vuelo en la biblioteca: "), 10);
    assert_eq!(salida.numero_tras("se descartaron: "), 2);
    let creados = salida.numero_tras("user_data creados: ");
    let liberados = salida.numero_tras("liberados: ");
    assert!(
        creados > 0 && creados == liberados,
        "cada user_data debería liberarse una vez: creados {creados}, liberados {liberados}"
    );
}

/// La biblioteca dinámica de `taller-ffi` (`libtaller_ffi.so` en Linux).
fn biblioteca_dinamica() -> PathBuf {
    // `--lib` sin `-p`: las bibliotecas de los miembros por omisión, que
    // `cargo test` ya compiló (ver `compilar`); entre ellas, la de taller-ffi.
    let archivos = compilar(&["--lib"]);
    let sufijo = std::env::consts::DLL_SUFFIX;
    archivos
        .get("taller_ffi")
        .into_iter()
        .flatten()
        .find(|ruta| ruta.to_string_lossy().ends_with(sufijo))
        .cloned()
        .unwrap_or_else(|| {
            panic!("cargo no produjo la biblioteca dinámica (*{sufijo}) de taller-ffi")
        })
}

#[test]
fn callback_ffi_el_anfitrion_en_python_cancela_sin_fugas() {
    let biblioteca = biblioteca_dinamica();
    let guion = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("ffi")
        .join("host.py");
    let mut orden = Command::new("python3");
    orden.arg(&guion).arg(&biblioteca);
    let salida = correr_con_limite(
        orden,
        Duration::from_secs(60),
        "python3 ffi/host.py",
        SI_NO_TERMINA,
    );
    assert!(
        salida.estado.success(),
        "el anfitrión de Python debería terminar bien (¿hay python3?).\n{}",
        salida.describir()
    );
    assert!(
        !salida.stderr.contains("Exception ignored"),
        "un callback falló dentro de ctypes.\n{}",
        salida.describir()
    );
    assert_eq!(salida.numero_tras("duplicar(21) = "), 42);
    assert_eq!(salida.tras("¿el callback llegó en otro hilo?"), "sí");
    assert_eq!(
        salida.tras("¿la corrutina siguió en el hilo del bucle?"),
        "sí"
    );
    assert_eq!(salida.numero_tras("en vuelo en la biblioteca: "), 10);
    assert!(salida.stdout.contains("wait_for: se agotó el límite"));
    assert!(salida.stdout.contains("cancel(): la tarea se canceló"));
    assert_eq!(salida.numero_tras("se descartaron: "), 2);
    assert_eq!(salida.numero_tras("pendientes en el diccionario: "), 0);
}
