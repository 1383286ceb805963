// Pruebas del ejercicio `mutex`: `Outbound`, un escritor compartido por varias
// tareas.
//
// Archivo que editas: exercises/src/mutex.rs
// Capítulo: book/src/09-mutex.md · Pista: cargo run -- pista mutex
//
// Las pruebas escriben en un `EscritorLento`: una conexión simulada que, como
// un socket con el búfer lleno, acepta pocos bytes cada vez y a veces pide
// que se la vuelva a sondear más tarde (`Poll::Pending`). Así `write_all` y
// `flush` necesitan varios sondeos, y entre uno y otro pueden correr otras
// tareas: justo la situación en la que el lock tiene que seguir tomado.
//
// Además, cada `flush` tarda de verdad un par de milisegundos, como una red
// lenta. Las tareas que esperan el lock esperan de verdad, y el Mutex de
// async-std, cuando una tarea lleva más de medio milisegundo esperando, le
// da el lock a ella antes que a quien acaba de soltarlo. Si `send` suelta el
// lock a mitad de línea y lo vuelve a pedir, otra tarea se cuela en medio.

// Tu archivo entra en estas pruebas como el módulo `mutex`, y ningún
// otro ejercicio entra con él: si otro no compila, estas pruebas compilan y
// corren igual. Las mismas pruebas corren contra la solución:
// solutions/tests/mutex.rs incluye este archivo (por eso no tiene
// comentarios `//!`) y declara el módulo con solutions/src/mutex.rs; allí
// está activo `cfg(solucion)`, que apaga esta declaración.
#[cfg(not(solucion))]
#[path = "../src/mutex.rs"]
#[allow(unused_variables)] // el esbozo aún no usa sus parámetros
pub mod mutex;

use std::cell::Cell;
use std::collections::BTreeSet;
use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::thread;
use std::time::{Duration, Instant};

use futures::io::AsyncWrite;
use mutex::Outbound;
use serde::{Deserialize, Serialize};
use taller_async::prueba::con_limite;

const SI_SE_CUELGA: &str = "send no terminó. ¿Usas un std::sync::Mutex y su guardián cruza un \
    `.await`? Entonces la segunda tarea que pide el lock bloquea el hilo \
    entero, y la primera, dormida con el lock tomado, ya no puede despertar para soltarlo. \
    Un Mutex cuyo guardián cruza un `.await` tiene que ser asíncrono \
    (async_std::sync::Mutex), y su lock se pide con `.lock().await`.";

/// Cuántos bytes acepta el escritor lento en cada escritura.
const BYTES_POR_ESCRITURA: usize = 7;
/// Cuánto tarda el escritor lento en cada `flush`.
const ESPERA_DEL_FLUSH: Duration = Duration::from_millis(2);

/// Un paquete de prueba.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct Paquete {
    id: usize,
    texto: String,
}

fn paquete(id: usize) -> Paquete {
    Paquete {
        id,
        texto: format!("mensaje número {id} para el grupo «perros»"),
    }
}

/// Lo que ha pasado por el escritor lento.
#[derive(Debug, Default)]
struct Registro {
    /// Escrito, pero todavía sin `flush`: no ha salido a la «red».
    pendiente: Vec<u8>,
    /// Lo que ya salió, en orden, tras algún `flush`.
    entregado: Vec<u8>,
}

/// Una conexión lenta simulada. El registro va en un `std::sync::Mutex`:
/// solo se toma dentro de `poll_write` y `poll_flush`, un instante y sin
/// ningún `.await` de por medio, que es justo cuando ese Mutex sirve.
struct EscritorLento {
    registro: Arc<Mutex<Registro>>,
    /// Alterna: un sondeo devuelve `Pending`, el siguiente avanza.
    ceder: bool,
    /// Si hay un `flush` en curso, cuándo termina.
    flush_hasta: Option<Instant>,
    /// El waker de quien espera el `flush`, para el hilo que lo despierta.
    despertador: Arc<Mutex<Option<Waker>>>,
}

impl EscritorLento {
    fn nuevo() -> (EscritorLento, Arc<Mutex<Registro>>) {
        let registro = Arc::new(Mutex::new(Registro::default()));
        let escritor = EscritorLento {
            registro: Arc::clone(&registro),
            ceder: true,
            flush_hasta: None,
            despertador: Arc::new(Mutex::new(None)),
        };
        (escritor, registro)
    }

    /// Un sondeo de cada dos devuelve `Pending`, y avisa enseguida a su waker
    /// para que lo vuelvan a sondear: la tarea cede el hilo y otras corren.
    fn toca_ceder(&mut self, cx: &mut Context<'_>) -> bool {
        self.ceder = !self.ceder;
        if !self.ceder {
            cx.waker().wake_by_ref();
        }
        !self.ceder
    }
}

impl AsyncWrite for EscritorLento {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        if self.toca_ceder(cx) {
            return Poll::Pending;
        }
        let n = buf.len().min(BYTES_POR_ESCRITURA);
        self.registro
            .lock()
            .unwrap()
            .pendiente
            .extend_from_slice(&buf[..n]);
        Poll::Ready(Ok(n))
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        // La red tarda `ESPERA_DEL_FLUSH` en vaciarse: hasta entonces, cada
        // sondeo devuelve `Pending`, y un hilo aparte despierta a la tarea
        // cuando se cumple el plazo.
        match self.flush_hasta {
            None => {
                self.flush_hasta = Some(Instant::now() + ESPERA_DEL_FLUSH);
                *self.despertador.lock().unwrap() = Some(cx.waker().clone());
                let despertador = Arc::clone(&self.despertador);
                thread::spawn(move || {
                    thread::sleep(ESPERA_DEL_FLUSH);
                    let waker = despertador.lock().unwrap().take();
                    if let Some(waker) = waker {
                        waker.wake();
                    }
                });
                return Poll::Pending;
            }
            Some(hasta) if Instant::now() < hasta => {
                *self.despertador.lock().unwrap() = Some(cx.waker().clone());
                return Poll::Pending;
            }
            Some(_) => self.flush_hasta = None,
        }
        let mut registro = self.registro.lock().unwrap();
        let pendiente = std::mem::take(&mut registro.pendiente);
        registro.entregado.extend_from_slice(&pendiente);
        Poll::Ready(Ok(()))
    }

    fn poll_close(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

fn entregado(registro: &Arc<Mutex<Registro>>) -> String {
    String::from_utf8_lossy(&registro.lock().unwrap().entregado).into_owned()
}

#[test]
fn un_paquete_sale_como_una_linea_json_completa() {
    con_limite(10, SI_SE_CUELGA, || async {
        let (escritor, registro) = EscritorLento::nuevo();
        let outbound = Outbound::new(escritor);
        let enviado = paquete(1);
        outbound
            .send(&enviado)
            .await
            .expect("send falló con un escritor que no falla");

        let sin_salir = registro.lock().unwrap().pendiente.len();
        assert!(
            sin_salir == 0,
            "send terminó y dejó {sin_salir} bytes en el búfer del escritor, sin salir: \
             ¿te falta el `flush().await` después de escribir?"
        );
        let salida = entregado(&registro);
        assert!(
            salida.ends_with('\n') && salida.matches('\n').count() == 1,
            "Un paquete es exactamente una línea, terminada en `\\n`. Salió: {salida:?}. \
             ¿Usas `write` en lugar de `write_all`? `write` puede escribir solo una parte."
        );
        let recibido: Result<Paquete, _> = serde_json::from_str(salida.trim_end());
        assert!(
            matches!(&recibido, Ok(p) if *p == enviado),
            "La línea debería ser el JSON de {enviado:?}, y salió {salida:?}"
        );
    })
}

#[test]
fn las_lineas_de_tareas_concurrentes_no_se_mezclan() {
    con_limite(10, SI_SE_CUELGA, || async {
        const N: usize = 12;
        let (escritor, registro) = EscritorLento::nuevo();
        let outbound = Outbound::new(escritor);

        // Doce envíos a la vez, en una sola tarea: mientras uno espera al
        // escritor lento, `join_all` sondea los demás.
        let envios = (0..N).map(|id| {
            let outbound = &outbound;
            async move { outbound.send(&paquete(id)).await }
        });
        let resultados = futures::future::join_all(envios).await;
        assert!(
            resultados.iter().all(|r| r.is_ok()),
            "Algún send falló con un escritor que no falla: {resultados:?}"
        );

        let salida = entregado(&registro);
        let mut vistos = BTreeSet::new();
        for linea in salida.lines() {
            match serde_json::from_str::<Paquete>(linea) {
                Ok(p) if p == paquete(p.id) => {
                    vistos.insert(p.id);
                }
                _ => panic!(
                    "Una línea salió rota: {linea:?}.\nLos bytes de varias tareas se \
                     mezclaron. El lock tiene que seguir tomado durante toda la línea, \
                     incluidos los `.await` de la escritura y del flush."
                ),
            }
        }
        assert!(
            vistos.len() == N && salida.lines().count() == N,
            "Se mandaron {N} paquetes y salieron {} líneas con {} paquetes distintos:\n{salida}",
            salida.lines().count(),
            vistos.len()
        );
    })
}

#[test]
fn mientras_send_espera_el_hilo_atiende_a_otras_tareas() {
    con_limite(10, SI_SE_CUELGA, || async {
        let (escritor, registro) = EscritorLento::nuevo();
        let outbound = Outbound::new(escritor);

        // Un reloj que cuenta tics en la misma tarea que los envíos: solo
        // puede avanzar mientras los envíos están suspendidos en un `.await`.
        let terminado = Cell::new(false);
        let tics = Cell::new(0_u32);
        let envios = async {
            for id in 0..3 {
                outbound.send(&paquete(id)).await.expect("send falló");
            }
            terminado.set(true);
        };
        let reloj = async {
            while !terminado.get() {
                tics.set(tics.get() + 1);
                async_std::task::yield_now().await;
            }
        };
        futures::join!(envios, reloj);

        assert!(
            entregado(&registro).lines().count() == 3,
            "Se mandaron 3 paquetes y no salieron 3 líneas:\n{}",
            entregado(&registro)
        );
        assert!(
            tics.get() > 0,
            "Mientras send esperaba al escritor lento, otra tarea del mismo hilo no pudo \
             avanzar ni una vez: send bloqueó el hilo. ¿Usas `block_on` dentro de send, o \
             esperas al escritor de alguna forma síncrona? Usa `.await`."
        );
    })
}
