// Pruebas del ejercicio contar_sondeos: un combinador que cuenta los sondeos
// de otro future.
//
// Archivo que editas: exercises/src/contar_sondeos.rs
// Capítulo: book/src/19-pin.md · Pista: cargo run -- pista contar_sondeos
//
// Todas corren bajo el `block_on` de async-std (dentro de `con_limite`), un
// ejecutor de verdad: solo vuelve a sondear cuando alguien llama al waker que
// dio. Los futures de dentro cuentan sus propios sondeos, y las pruebas
// comparan esa cuenta con la que devuelve `ContarSondeos`. Nada se cronometra.

// Tu archivo entra en estas pruebas como el módulo `contar_sondeos`, y ningún
// otro ejercicio entra con él: si otro no compila, estas pruebas compilan y
// corren igual. Las mismas pruebas corren contra la solución:
// solutions/tests/contar_sondeos.rs incluye este archivo (por eso no tiene
// comentarios `//!`) y declara el módulo con solutions/src/contar_sondeos.rs; allí
// está activo `cfg(solucion)`, que apaga esta declaración.
#[cfg(not(solucion))]
#[path = "../src/contar_sondeos.rs"]
#[allow(unused_variables)] // el esbozo aún no usa sus parámetros
pub mod contar_sondeos;

use std::future::{Future, ready};
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::thread;
use std::time::Duration;

use contar_sondeos::ContarSondeos;
use taller_async::prueba::con_limite;

const SI_SE_CUELGA: &str = "`ContarSondeos` no terminó: el future de dentro avisó a \
    su waker y nadie volvió a sondear. ¿Sondeas el future de dentro con el mismo `cx` \
    que recibe tu `poll`? Con otro waker (por ejemplo `Waker::noop()`), el aviso no \
    llega al ejecutor, que duerme para siempre. ¿O devuelves `Pending` cuando el de \
    dentro ya dio `Ready`?";

/// Un future escrito a mano que devuelve `Pending` `veces` veces (llamando
/// antes a su waker, como `yield_now`) y después `Ready(valor)`. Cuenta en
/// `sondeos` cuántas veces lo sondearon.
struct PendienteVeces<T> {
    veces: usize,
    valor: Option<T>,
    sondeos: Arc<AtomicUsize>,
}

impl<T> PendienteVeces<T> {
    fn nuevo(veces: usize, valor: T) -> (PendienteVeces<T>, Arc<AtomicUsize>) {
        let sondeos = Arc::new(AtomicUsize::new(0));
        let future = PendienteVeces {
            veces,
            valor: Some(valor),
            sondeos: Arc::clone(&sondeos),
        };
        (future, sondeos)
    }
}

// Solo guarda números, un `Option<T>` y un `Arc`: no se apunta a sí mismo.
impl<T> Unpin for PendienteVeces<T> {}

impl<T> Future for PendienteVeces<T> {
    type Output = T;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        self.sondeos.fetch_add(1, Ordering::SeqCst);
        if self.veces == 0 {
            let valor = self
                .valor
                .take()
                .expect("`PendienteVeces` sondeado después de `Ready`");
            return Poll::Ready(valor);
        }
        self.veces -= 1;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

/// «1 vez», «3 veces».
fn veces(n: usize) -> String {
    if n == 1 {
        "1 vez".to_string()
    } else {
        format!("{n} veces")
    }
}

/// Qué pudo salir mal si la cuenta no es la esperada.
fn causa_probable(esperados: usize, contados: usize) -> &'static str {
    if contados <= 1 && esperados > 2 {
        "La cuenta no pasa de un sondeo al siguiente: ¿sumas en una variable local \
         en lugar de en el campo `sondeos`?"
    } else if contados + 1 == esperados {
        "Cuentas uno de menos: ¿solo cuentas los sondeos que dan `Pending`? El \
         sondeo que da `Ready` también es un sondeo."
    } else if contados == esperados + 1 {
        "Cuentas uno de más: ¿empiezas la cuenta en 1 en `new`, o sumas dos veces \
         en el sondeo que da `Ready`?"
    } else {
        "Suma uno al campo `sondeos` en cada llamada a `poll`, y nada más."
    }
}

#[test]
fn un_future_que_da_pending_k_veces_se_sondea_k_mas_1() {
    con_limite(10, SI_SE_CUELGA, || async {
        for k in [3, 1, 10] {
            let (interior, propios) = PendienteVeces::nuevo(k, ());
            let ((), contados) = ContarSondeos::new(interior).await;
            let propios = propios.load(Ordering::SeqCst);
            assert!(
                propios == k + 1,
                "El future de dentro da `Pending` {} y después `Ready`: debía \
                 sondearse {}, y se sondeó {}. `ContarSondeos` tiene que sondearlo \
                 una vez, y solo una, en cada llamada a su `poll`.",
                veces(k),
                veces(k + 1),
                veces(propios)
            );
            assert!(
                contados == k + 1,
                "El future de dentro dio `Pending` {} y después `Ready`: se sondeó \
                 {}, y `ContarSondeos` devolvió {contados}. {}",
                veces(k),
                veces(k + 1),
                causa_probable(k + 1, contados)
            );
        }
    })
}

#[test]
fn un_future_listo_a_la_primera_se_sondea_una_vez() {
    con_limite(10, SI_SE_CUELGA, || async {
        let (valor, contados) = ContarSondeos::new(ready(7)).await;
        assert!(
            valor == 7,
            "`ContarSondeos::new(ready(7))` devolvió el valor {valor}, y debía \
             devolver el del future de dentro, 7."
        );
        assert!(
            contados == 1,
            "`ready(7)` está listo a la primera: se sondea una vez, y \
             `ContarSondeos` devolvió {contados}. {}",
            causa_probable(1, contados)
        );
    })
}

#[test]
fn el_valor_del_future_de_dentro_pasa_tal_cual() {
    con_limite(10, SI_SE_CUELGA, || async {
        let (interior, _) = PendienteVeces::nuevo(2, String::from("hola"));
        let (valor, contados) = ContarSondeos::new(interior).await;
        assert!(
            valor == "hola" && contados == 3,
            "Esperaba `(\"hola\", 3)`: el valor del future de dentro, tal cual, y sus \
             tres sondeos (dos `Pending` y un `Ready`). Llegó `({valor:?}, {contados})`."
        );
    })
}

#[test]
fn funciona_con_un_future_que_no_es_unpin() {
    con_limite(10, SI_SE_CUELGA, || async {
        let (espera, propios) = PendienteVeces::nuevo(2, ());
        // El future de un bloque `async` no es `Unpin`, y este además se apunta
        // a sí mismo: `trozo` es un préstamo de `texto` que cruza el `.await`.
        // Solo se puede sondear a través de un `Pin<&mut _>`: hace falta
        // proyectar.
        let interior = async move {
            let texto = String::from("fijado");
            let trozo = &texto[..4];
            espera.await;
            trozo.to_string()
        };
        let (valor, contados) = ContarSondeos::new(interior).await;
        let propios = propios.load(Ordering::SeqCst);
        assert!(
            valor == "fija",
            "El bloque `async` de dentro devuelve \"fija\", y `ContarSondeos` \
             devolvió {valor:?}."
        );
        assert!(
            contados == propios && contados == 3,
            "El bloque `async` de dentro espera a un future que da `Pending` dos \
             veces: se sondea tres (esta vez se sondeó {}), y `ContarSondeos` \
             devolvió {contados}. {}",
            veces(propios),
            causa_probable(3, contados)
        );
    })
}

/// Un future que en su primer sondeo guarda el waker y lanza un hilo que, un
/// rato después, marca que terminó y llama a ese waker. Como un temporizador:
/// devuelve `Pending` sin despertar a nadie, y confía en que el waker que
/// guardó sea el de quien lo espera.
struct AvisoDesdeOtroHilo {
    compartido: Arc<Mutex<(bool, Option<Waker>)>>,
    lanzado: bool,
    sondeos: Arc<AtomicUsize>,
}

impl Future for AvisoDesdeOtroHilo {
    type Output = &'static str;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<&'static str> {
        self.sondeos.fetch_add(1, Ordering::SeqCst);
        {
            let mut compartido = self.compartido.lock().unwrap();
            if compartido.0 {
                return Poll::Ready("avisado");
            }
            compartido.1 = Some(cx.waker().clone());
        }
        if !self.lanzado {
            self.lanzado = true;
            let compartido = Arc::clone(&self.compartido);
            thread::spawn(move || {
                thread::sleep(Duration::from_millis(20));
                let waker = {
                    let mut compartido = compartido.lock().unwrap();
                    compartido.0 = true;
                    compartido.1.take()
                };
                if let Some(waker) = waker {
                    waker.wake();
                }
            });
        }
        Poll::Pending
    }
}

#[test]
fn el_future_de_dentro_despierta_a_quien_espera_a_contar_sondeos() {
    con_limite(
        10,
        "el future de dentro llamó desde otro hilo al waker que recibió, y ese aviso \
         nunca llegó al ejecutor. Sondea el future de dentro con el mismo `cx` que \
         recibe tu `poll`: si le das otro waker (por ejemplo `Waker::noop()`), el \
         ejecutor duerme esperando un aviso que va a otra parte.",
        || async {
            let sondeos = Arc::new(AtomicUsize::new(0));
            let interior = AvisoDesdeOtroHilo {
                compartido: Arc::new(Mutex::new((false, None))),
                lanzado: false,
                sondeos: Arc::clone(&sondeos),
            };
            let (valor, contados) = ContarSondeos::new(interior).await;
            let propios = sondeos.load(Ordering::SeqCst);
            assert!(
                valor == "avisado",
                "El future de dentro termina con \"avisado\", y `ContarSondeos` \
                 devolvió {valor:?}."
            );
            assert!(
                contados == propios,
                "El future de dentro se sondeó {}, y `ContarSondeos` devolvió \
                 {contados}. {}",
                veces(propios),
                causa_probable(propios, contados)
            );
        },
    )
}
