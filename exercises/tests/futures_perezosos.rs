// Pruebas del ejercicio `futures_perezosos`: un future escrito a mano que cede el turno.
//
// Archivo que editas: exercises/src/futures_perezosos.rs
// Capítulo: book/src/03-futures-perezosos.md · Pista: cargo run -- pista futures_perezosos
//
// Las dos primeras pruebas hacen de ejecutor: sondean `Ceder` a mano, con un
// waker propio que cuenta cuántas veces lo llaman. La tercera lo deja en
// manos de un ejecutor de verdad (el `block_on` de async-std), que solo
// vuelve a sondear un future cuando alguien llama a su waker.

// Tu archivo entra en estas pruebas como el módulo `futures_perezosos`, y ningún
// otro ejercicio entra con él: si otro no compila, estas pruebas compilan y
// corren igual. Las mismas pruebas corren contra la solución:
// solutions/tests/futures_perezosos.rs incluye este archivo (por eso no tiene
// comentarios `//!`) y declara el módulo con solutions/src/futures_perezosos.rs; allí
// está activo `cfg(solucion)`, que apaga esta declaración.
#[cfg(not(solucion))]
#[path = "../src/futures_perezosos.rs"]
#[allow(unused_variables)] // el esbozo aún no usa sus parámetros
pub mod futures_perezosos;

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, Wake, Waker};

use futures_perezosos::Ceder;
use taller_async::prueba::con_limite;

const SI_SE_CUELGA: &str = "tu future nunca despertó al waker. Si `poll` devuelve \
    `Pending`, antes tiene que llamar a `cx.waker().wake_by_ref()`: el ejecutor \
    duerme hasta que alguien lo llame, y nadie más lo va a hacer.";

/// Un waker que solo cuenta cuántas veces lo despiertan.
#[derive(Default)]
struct Contador {
    llamadas: AtomicUsize,
}

impl Contador {
    fn llamadas(&self) -> usize {
        self.llamadas.load(Ordering::SeqCst)
    }
}

impl Wake for Contador {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.llamadas.fetch_add(1, Ordering::SeqCst);
    }
}

/// Lo que pasó en un sondeo hecho a mano.
struct Sondeo {
    /// `None` si devolvió `Pending`; `Some(valor)` si devolvió `Ready`.
    listo: Option<usize>,
    /// Cuántas veces se llamó al waker que se pasó en este sondeo.
    despertares: usize,
}

/// Sondea `Ceder::veces(n)` hasta que devuelve `Ready`, como mucho `n + 5`
/// veces, con un waker nuevo en cada sondeo. Devuelve lo que pasó en cada uno.
fn sondear_a_mano(n: usize) -> Vec<Sondeo> {
    let mut future = pin!(Ceder::veces(n));
    let mut sondeos = Vec::new();
    for _ in 0..n + 5 {
        let contador = Arc::new(Contador::default());
        let waker = Waker::from(Arc::clone(&contador));
        let mut cx = Context::from_waker(&waker);
        let listo = match future.as_mut().poll(&mut cx) {
            Poll::Ready(valor) => Some(valor),
            Poll::Pending => None,
        };
        sondeos.push(Sondeo {
            listo,
            despertares: contador.llamadas(),
        });
        if listo.is_some() {
            break;
        }
    }
    sondeos
}

#[test]
fn devuelve_pending_n_veces_y_despues_ready_n() {
    con_limite(10, SI_SE_CUELGA, || async {
        for n in [0, 1, 3, 10] {
            let sondeos = sondear_a_mano(n);
            let pendientes = sondeos.iter().filter(|s| s.listo.is_none()).count();
            let ultimo = sondeos.last().and_then(|s| s.listo);
            assert!(
                ultimo.is_some(),
                "Ceder::veces({n}) seguía devolviendo Pending después de {} sondeos. \
                 ¿Descuentas `restantes` en cada sondeo?",
                sondeos.len()
            );
            assert!(
                pendientes == n,
                "Ceder::veces({n}) devolvió Pending {pendientes} veces antes de Ready; \
                 debían ser exactamente {n}. ¿Compruebas `restantes == 0` antes de \
                 descontar, o después?"
            );
            assert!(
                ultimo == Some(n),
                "Ceder::veces({n}) terminó con Ready({}), y su valor debe ser {n}: \
                 cuántas veces cedió el turno.",
                ultimo.unwrap()
            );
        }
    })
}

#[test]
fn despierta_al_waker_de_cada_sondeo_que_devuelve_pending() {
    con_limite(10, SI_SE_CUELGA, || async {
        let sondeos = sondear_a_mano(5);
        let pendientes = sondeos.iter().filter(|s| s.listo.is_none()).count();
        assert!(
            pendientes == 5,
            "Ceder::veces(5) devolvió Pending {pendientes} veces; debían ser 5."
        );
        for (i, sondeo) in sondeos.iter().enumerate() {
            if sondeo.listo.is_none() {
                assert!(
                    sondeo.despertares >= 1,
                    "En el sondeo {} tu future devolvió Pending sin llamar al waker de \
                     ese sondeo. Un ejecutor de verdad no lo volvería a sondear nunca. \
                     Llama a `cx.waker().wake_by_ref()` antes de devolver `Pending` \
                     (y al waker de este `cx`, no a uno guardado de un sondeo anterior: \
                     cada sondeo puede traer otro).",
                    i + 1
                );
            }
        }
    })
}

#[test]
fn termina_bajo_un_ejecutor_de_verdad() {
    con_limite(10, SI_SE_CUELGA, || async {
        // `block_on` (dentro de `con_limite`) duerme el hilo después de cada
        // `Pending` y solo lo despierta el waker: si nadie lo llama, esta
        // prueba agota su tiempo y muestra SI_SE_CUELGA.
        let valor = Ceder::veces(1000).await;
        assert!(
            valor == 1000,
            "`Ceder::veces(1000).await` devolvió {valor}, y debía devolver 1000."
        );
    })
}
