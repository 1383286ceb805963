// Pruebas del ejercicio `block_on_propio`: un `block_on` hecho a mano.
//
// Archivo que editas: exercises/src/block_on_propio.rs
// Capítulo: book/src/18-block-on-propio.md · Pista: cargo run -- pista block_on_propio
//
// Las pruebas le dan a tu `block_on` futures escritos aquí que cuentan sus
// sondeos y deciden quién llama al waker y cuándo: otro hilo, un rato
// después; el propio future, durante el sondeo; o los temporizadores y las
// tareas de async-std. Un `block_on` que duerme los sondea pocas veces; uno
// que gira, cientos de miles. Si tu `block_on` se duerme y nadie lo
// despierta, la prueba agota su tiempo y te lo dice.

// Tu archivo entra en estas pruebas como el módulo `block_on_propio`, y ningún
// otro ejercicio entra con él: si otro no compila, estas pruebas compilan y
// corren igual. Las mismas pruebas corren contra la solución:
// solutions/tests/block_on_propio.rs incluye este archivo (por eso no tiene
// comentarios `//!`) y declara el módulo con solutions/src/block_on_propio.rs; allí
// está activo `cfg(solucion)`, que apaga esta declaración.
#[cfg(not(solucion))]
#[path = "../src/block_on_propio.rs"]
#[allow(unused_variables)] // el esbozo aún no usa sus parámetros
pub mod block_on_propio;

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::thread;
use std::time::Duration;

use block_on_propio::block_on;
use taller_async::prueba::con_limite;

const SI_SE_CUELGA: &str = "tu `block_on` se durmió y nadie lo despertó. El waker \
    que pasas en el `Context` tiene que despertar al hilo que duerme en `block_on`: \
    guarda `std::thread::current()` al crearlo y llama a `unpark()` en `wake`. Un \
    waker que no hace nada solo sirve si no duermes nunca (y entonces giras). Si \
    tu waker ya lo hace, quizá perdiste un aviso que llegó durante el sondeo: no \
    borres la marca de «despertado» después de sondear, sino al despertar.";

/// Un future que en su primer sondeo encarga a otro hilo que, pasado
/// `espera`, lo marque como listo y llame al waker. Cuenta sus sondeos.
struct DesdeOtroHilo {
    espera: Duration,
    valor: u32,
    listo: Arc<AtomicBool>,
    lanzado: bool,
    sondeos: Arc<AtomicUsize>,
}

impl DesdeOtroHilo {
    fn nuevo(espera: Duration, valor: u32) -> (DesdeOtroHilo, Arc<AtomicUsize>) {
        let sondeos = Arc::new(AtomicUsize::new(0));
        let future = DesdeOtroHilo {
            espera,
            valor,
            listo: Arc::new(AtomicBool::new(false)),
            lanzado: false,
            sondeos: Arc::clone(&sondeos),
        };
        (future, sondeos)
    }
}

impl Future for DesdeOtroHilo {
    type Output = u32;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        self.sondeos.fetch_add(1, Ordering::SeqCst);
        if self.listo.load(Ordering::SeqCst) {
            return Poll::Ready(self.valor);
        }
        if !self.lanzado {
            self.lanzado = true;
            let listo = Arc::clone(&self.listo);
            let waker = cx.waker().clone();
            let espera = self.espera;
            thread::spawn(move || {
                thread::sleep(espera);
                listo.store(true, Ordering::SeqCst);
                waker.wake();
            });
        }
        Poll::Pending
    }
}

#[test]
fn devuelve_el_valor_del_future() {
    con_limite(10, SI_SE_CUELGA, || async {
        assert!(
            block_on(async { 40 + 2 }) == 42,
            "block_on(async {{ 40 + 2 }}) debería devolver 42"
        );
        let texto = block_on(async { String::from("hola") + ", mundo" });
        assert!(texto == "hola, mundo", "block_on devolvió «{texto}»");
    })
}

#[test]
fn duerme_hasta_que_llaman_al_waker() {
    con_limite(10, SI_SE_CUELGA, || async {
        let (future, sondeos) = DesdeOtroHilo::nuevo(Duration::from_millis(300), 7);
        let valor = block_on(future);
        assert!(valor == 7, "block_on devolvió {valor}, y el future daba 7");
        let sondeos = sondeos.load(Ordering::SeqCst);
        assert!(
            sondeos <= 3,
            "Tu block_on sondeó {sondeos} veces un future que solo despierta una vez, \
             pasados 300 ms: no duerme, gira. Después de un `Pending`, duerme con \
             `std::thread::park()` hasta que el waker llame a `unpark()`."
        );
    })
}

#[test]
fn no_pierde_un_aviso_que_llega_durante_el_sondeo() {
    con_limite(10, SI_SE_CUELGA, || async {
        // Un future que se despierta a sí mismo antes de devolver `Pending`,
        // mil veces: el aviso llega siempre antes de que `block_on` se duerma.
        struct Ceder {
            restantes: u32,
            sondeos: u32,
        }
        impl Future for Ceder {
            type Output = u32;
            fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
                self.sondeos += 1;
                if self.restantes == 0 {
                    return Poll::Ready(self.sondeos);
                }
                self.restantes -= 1;
                cx.waker().wake_by_ref();
                Poll::Pending
            }
        }
        let sondeos = block_on(Ceder {
            restantes: 1000,
            sondeos: 0,
        });
        assert!(
            sondeos == 1001,
            "Un future que cede 1000 veces necesita 1001 sondeos, y hubo {sondeos}."
        );
    })
}

#[test]
fn el_aviso_puede_llegar_desde_otro_hilo_durante_el_sondeo() {
    con_limite(10, SI_SE_CUELGA, || async {
        // El waker se llama desde otro hilo, y se espera a que termine antes
        // de devolver `Pending`: cuando `block_on` vaya a dormir, el aviso
        // ya habrá llegado. Si tu marca de «despertado» se borra después
        // del sondeo, este aviso se pierde y `block_on` no despierta nunca.
        struct AvisoAdelantado {
            sondeado: bool,
        }
        impl Future for AvisoAdelantado {
            type Output = &'static str;
            fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<&'static str> {
                if self.sondeado {
                    return Poll::Ready("despierto");
                }
                self.sondeado = true;
                let waker = cx.waker().clone();
                thread::spawn(move || waker.wake()).join().unwrap();
                Poll::Pending
            }
        }
        assert!(block_on(AvisoAdelantado { sondeado: false }) == "despierto");
    })
}

#[test]
fn corre_temporizadores_y_tareas_de_async_std() {
    con_limite(10, SI_SE_CUELGA, || async {
        // Los futures de async-std no saben quién los sondea: cualquier
        // ejecutor con un waker que funcione les sirve.
        let valor = block_on(async {
            async_std::task::sleep(Duration::from_millis(100)).await;
            let tarea = async_std::task::spawn(async {
                async_std::task::sleep(Duration::from_millis(50)).await;
                6 * 7
            });
            tarea.await
        });
        assert!(
            valor == 42,
            "block_on devolvió {valor}, y el future daba 42"
        );
    })
}
