// Pruebas del ejercicio `waker`: un temporizador con un hilo que despierta al waker.
//
// Archivo que editas: exercises/src/waker.rs
// Capítulo: book/src/16-waker.md · Pista: cargo run -- pista waker
//
// Casi todas hacen de ejecutor: sondean el temporizador a mano con wakers
// que cuentan sus llamadas y avisan por un canal, y solo vuelven a sondear
// cuando llega el aviso. Así se ve si el waker se llama, cuál, y cuántas
// veces hizo falta sondear. Otra sondea mientras el hilo cuenta, y mira que
// el sondeo no espere al hilo. Y otra lo deja en manos del `block_on` de
// async-std y cuenta los sondeos. Nada se cronometra, salvo cotas
// inferiores: un temporizador no puede terminar antes de tiempo.

// Tu archivo entra en estas pruebas como el módulo `waker`, y ningún
// otro ejercicio entra con él: si otro no compila, estas pruebas compilan y
// corren igual. Las mismas pruebas corren contra la solución:
// solutions/tests/waker.rs incluye este archivo (por eso no tiene
// comentarios `//!`) y declara el módulo con solutions/src/waker.rs; allí
// está activo `cfg(solucion)`, que apaga esta declaración.
#[cfg(not(solucion))]
#[path = "../src/waker.rs"]
#[allow(unused_variables)] // el esbozo aún no usa sus parámetros
pub mod waker;

use std::future::Future;
use std::pin::{Pin, pin};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::task::{Context, Poll, Wake, Waker};
use std::time::{Duration, Instant};

use taller_async::prueba::con_limite;
use waker::Temporizador;

const SI_SE_CUELGA: &str = "tu temporizador nunca despertó al waker. En `poll`, si \
    aún no ha terminado, guarda `cx.waker().clone()` en lo compartido; el hilo, al \
    terminar de dormir, tiene que sacarlo de ahí y llamar a `wake()`.";

/// Un waker que cuenta sus llamadas y avisa por un canal en cada una.
struct Avisador {
    llamadas: AtomicUsize,
    aviso: Mutex<mpsc::Sender<()>>,
}

impl Avisador {
    fn nuevo() -> (Arc<Avisador>, Waker, mpsc::Receiver<()>) {
        let (emisor, receptor) = mpsc::channel();
        let avisador = Arc::new(Avisador {
            llamadas: AtomicUsize::new(0),
            aviso: Mutex::new(emisor),
        });
        let waker = Waker::from(Arc::clone(&avisador));
        (avisador, waker, receptor)
    }

    fn llamadas(&self) -> usize {
        self.llamadas.load(Ordering::SeqCst)
    }
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

/// Espera el aviso de un waker, como mucho 5 s.
fn esperar_aviso(aviso: &mpsc::Receiver<()>, que: &str) {
    if aviso.recv_timeout(Duration::from_secs(5)).is_err() {
        panic!(
            "\n{que}: pasaron 5 s y nadie llamó al waker.\n{SI_SE_CUELGA}\n\
             Si ya lo haces: ¿despiertas al waker del *último* sondeo? Cada sondeo \
             puede traer uno distinto; guarda siempre el de `cx`, sustituyendo al \
             anterior."
        );
    }
}

fn sondear(future: Pin<&mut Temporizador>, waker: &Waker) -> Poll<()> {
    future.poll(&mut Context::from_waker(waker))
}

#[test]
fn devuelve_pending_hasta_que_pasa_el_tiempo() {
    con_limite(10, SI_SE_CUELGA, || async {
        let duracion = Duration::from_millis(300);
        let inicio = Instant::now();
        let mut temporizador = pin!(Temporizador::new(duracion));
        let (avisador, waker, aviso) = Avisador::nuevo();
        assert!(
            sondear(temporizador.as_mut(), &waker).is_pending(),
            "El primer sondeo, recién creado un temporizador de {duracion:?}, debería \
             devolver Pending: todavía no ha pasado el tiempo."
        );
        assert!(
            avisador.llamadas() == 0,
            "`poll` llamó al waker antes de devolver Pending: eso pide al ejecutor que \
             vuelva a sondear enseguida, en bucle. Guarda el waker y deja que lo llame \
             el hilo cuando termine."
        );
        // Como un ejecutor: solo se vuelve a sondear cuando llaman al waker.
        let mut sondeos = 1;
        loop {
            esperar_aviso(&aviso, "Esperando a que terminara el temporizador");
            sondeos += 1;
            if sondear(temporizador.as_mut(), &waker).is_ready() {
                break;
            }
            assert!(
                sondeos < 5,
                "Despertaste al waker {} veces y el temporizador seguía en Pending: \
                 el hilo debe marcar `terminado` antes de llamar a `wake()`.",
                avisador.llamadas()
            );
        }
        let transcurrido = inicio.elapsed();
        assert!(
            transcurrido >= duracion,
            "El temporizador de {duracion:?} terminó a los {transcurrido:?}: antes de \
             tiempo. ¿Duerme el hilo la duración entera antes de marcar `terminado`?"
        );
        assert!(
            sondeos == 2,
            "Hicieron falta {sondeos} sondeos; bastan 2: uno que deja el waker y otro, \
             cuando el hilo lo despierta, que ve el tiempo cumplido."
        );
    })
}

#[test]
fn despierta_al_waker_del_ultimo_sondeo() {
    con_limite(10, SI_SE_CUELGA, || async {
        let mut temporizador = pin!(Temporizador::new(Duration::from_millis(200)));
        // Dos sondeos seguidos con wakers distintos, como si el future
        // hubiera pasado de una tarea a otra entre los dos.
        let (primero, waker_1, _aviso_1) = Avisador::nuevo();
        let (segundo, waker_2, aviso_2) = Avisador::nuevo();
        assert!(
            sondear(temporizador.as_mut(), &waker_1).is_pending(),
            "El primer sondeo de un temporizador de 200 ms recién creado debería \
             devolver Pending, y devolvió Ready: todavía no ha pasado el tiempo."
        );
        assert!(
            sondear(temporizador.as_mut(), &waker_2).is_pending(),
            "El segundo sondeo, justo después del primero, debería devolver Pending, y \
             devolvió Ready: el temporizador de 200 ms no puede haber terminado ya."
        );
        esperar_aviso(&aviso_2, "Esperando al waker del segundo sondeo");
        assert!(
            segundo.llamadas() == 1,
            "El waker del último sondeo debería llamarse una vez, no {}.",
            segundo.llamadas()
        );
        assert!(
            primero.llamadas() == 0,
            "Se despertó también al waker del primer sondeo, que ya no espera a este \
             future: guarda solo el último."
        );
        assert!(
            sondear(temporizador.as_mut(), &waker_2).is_ready(),
            "Después de despertar al waker, el temporizador debería estar listo."
        );
    })
}

#[test]
fn si_ya_termino_el_primer_sondeo_devuelve_ready() {
    con_limite(10, SI_SE_CUELGA, || async {
        let mut temporizador = pin!(Temporizador::new(Duration::from_millis(1)));
        // El hilo termina antes del primer sondeo (se le da un segundo entero,
        // de sobra aunque la máquina esté cargada): no hay waker que
        // despertar, y el primer sondeo tiene que ver la marca de terminado.
        std::thread::sleep(Duration::from_secs(1));
        let (avisador, waker, _aviso) = Avisador::nuevo();
        assert!(
            sondear(temporizador.as_mut(), &waker).is_ready(),
            "El tiempo ya había pasado antes del primer sondeo, y aun así devolvió \
             Pending. Un ejecutor no volvería a sondearlo nunca: el hilo ya terminó y \
             no va a llamar a ningún waker. Mira la marca `terminado` en cada sondeo."
        );
        assert!(
            avisador.llamadas() == 0,
            "El primer sondeo vio el tiempo cumplido y devolvió Ready, pero antes llamó \
             {} veces al waker que recibió. Se esperaban 0: un future que devuelve Ready \
             no necesita que lo vuelvan a sondear. Llama al waker solo desde el hilo, y \
             solo si hay uno guardado.",
            avisador.llamadas()
        );
    })
}

#[test]
fn un_sondeo_mientras_cuenta_no_espera_al_hilo() {
    con_limite(20, SI_SE_CUELGA, || async {
        // Un ejecutor puede volver a sondear un future cuando quiera, no solo
        // cuando lo despiertan (por ejemplo, si otro future de la misma tarea
        // lo despertó). Un sondeo tiene que volver enseguida: aquí, uno en
        // cuanto se crea el temporizador y otro a un cuarto de la cuenta,
        // cuando el hilo ya lleva un rato durmiendo. Los dos, con el tiempo
        // sin cumplir, deben dar Pending. Si el hilo durmiera con el lock
        // tomado, el sondeo se quedaría esperando dentro de `lock()` hasta el
        // final de la cuenta. Solo se mira una cota inferior: si la máquina va
        // tan lenta que el sondeo empieza con el tiempo ya cumplido, se prueba
        // otra vez con el doble de tiempo.
        let mut duracion = Duration::from_millis(600);
        for _ in 0..3 {
            let inicio = Instant::now();
            let mut temporizador = pin!(Temporizador::new(duracion));
            let (_avisador, waker, aviso) = Avisador::nuevo();
            let mut a_tiempo = true;
            for espera_antes in [Duration::ZERO, duracion / 4] {
                std::thread::sleep(espera_antes);
                let empieza = inicio.elapsed();
                let sondeo = sondear(temporizador.as_mut(), &waker);
                let acaba = inicio.elapsed();
                if empieza >= duracion {
                    a_tiempo = false;
                    break;
                }
                assert!(
                    sondeo.is_pending(),
                    "Un sondeo que empezó a los {empieza:?} de un temporizador de \
                     {duracion:?} devolvió Ready a los {acaba:?}: se quedó esperando \
                     dentro de `poll` a que terminara el tiempo. Se esperaba Pending, \
                     enseguida. ¿Duerme el hilo con el lock tomado? Entonces `poll` no \
                     puede tomarlo hasta que el hilo termina, y mientras tanto bloquea \
                     el hilo del ejecutor. El hilo tiene que dormir primero y tomar el \
                     lock después, solo para marcar `terminado` y sacar el waker."
                );
            }
            if a_tiempo {
                esperar_aviso(&aviso, "Esperando a que terminara el temporizador");
                assert!(
                    sondear(temporizador.as_mut(), &waker).is_ready(),
                    "El hilo despertó al waker y el temporizador seguía en Pending: el \
                     hilo debe marcar `terminado` antes de llamar a `wake()`."
                );
                return;
            }
            duracion *= 2;
        }
        panic!(
            "La máquina va tan lenta que, tres veces seguidas, el tiempo del temporizador \
             se cumplió antes de poder sondearlo: esta prueba no pudo comprobar nada."
        );
    })
}

/// Envuelve un future y cuenta cuántas veces lo sondean.
struct Contar<F> {
    future: F,
    sondeos: Arc<AtomicUsize>,
}

impl<F: Future + Unpin> Future for Contar<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        self.sondeos.fetch_add(1, Ordering::SeqCst);
        Pin::new(&mut self.future).poll(cx)
    }
}

#[test]
fn bajo_un_ejecutor_no_se_sondea_en_bucle() {
    con_limite(10, SI_SE_CUELGA, || async {
        // El `block_on` de async-std (dentro de `con_limite`) duerme entre
        // sondeos hasta que alguien llama al waker.
        let sondeos = Arc::new(AtomicUsize::new(0));
        Contar {
            future: Temporizador::new(Duration::from_millis(200)),
            sondeos: Arc::clone(&sondeos),
        }
        .await;
        let sondeos = sondeos.load(Ordering::SeqCst);
        assert!(
            sondeos <= 3,
            "El ejecutor sondeó el temporizador {sondeos} veces en 200 ms: se está \
             sondeando en bucle. No llames al waker dentro de `poll`; guárdalo y que \
             lo llame el hilo, una vez, al terminar."
        );
    })
}
