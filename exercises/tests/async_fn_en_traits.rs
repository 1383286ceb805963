// Pruebas del ejercicio async_fn_en_traits: un trait con métodos asíncronos
// cuyos futures se pueden lanzar con `task::spawn`.
//
// Archivo que editas: exercises/src/async_fn_en_traits.rs
// Capítulo: book/src/05-send-rc.md · Pista: cargo run -- pista async_fn_en_traits
//
// Si el future de tu `leer` no es `Send`, el error sale antes de llegar aquí,
// en tu implementación, en exercises/src/async_fn_en_traits.rs («future
// cannot be sent between threads safely»), y señala el valor que cruza el
// `.await`.
//
// Varias pruebas usan una fuente propia, `Sonda`, que implementa `Fuente` como
// lo haría cualquier otro crate. Sus lecturas esperan a estar todas en vuelo a
// la vez y terminan al revés de como empezaron: así se ve si `leer_todas` las
// lanza todas antes de esperar ninguna, y si devuelve los valores en el orden
// de las claves y no en el de llegada. Todo se cuenta; nada se cronometra.

// Tu archivo entra en estas pruebas como el módulo `async_fn_en_traits`, y ningún
// otro ejercicio entra con él: si otro no compila, estas pruebas compilan y
// corren igual. Las mismas pruebas corren contra la solución:
// solutions/tests/async_fn_en_traits.rs incluye este archivo (por eso no tiene
// comentarios `//!`) y declara el módulo con solutions/src/async_fn_en_traits.rs; allí
// está activo `cfg(solucion)`, que apaga esta declaración.
#[cfg(not(solucion))]
#[path = "../src/async_fn_en_traits.rs"]
#[allow(unused_variables)] // el esbozo aún no usa sus parámetros
pub mod async_fn_en_traits;

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, Waker};

use async_fn_en_traits::{Fuente, FuenteDyn, Memoria, leer_todas};
use async_std::channel::{self, Receiver, Sender};
use async_std::sync::Barrier;
use async_std::task;
use taller_async::prueba::con_limite;

const SI_SE_CUELGA: &str = "la lectura no terminó. ¿Hay algún `.await` sobre un future \
    que nunca despierta a su waker, o un lock que nadie suelta?";

const SI_NO_ESTAN_TODAS: &str = "la fuente de prueba espera a tener todas sus lecturas en \
    vuelo a la vez, y nunca llegaron a estarlo. ¿Esperas cada tarea (`handle.await`) antes \
    de lanzar la siguiente, o esperas `fuente.leer(clave).await` en un bucle? Lanza primero \
    todas las tareas con `task::spawn`, guarda sus `JoinHandle`, y espéralos después.";

const SI_NO_AVANZAN: &str = "las lecturas no terminaron mientras nadie sondeaba el future \
    de `leer_todas`. Las tareas de `task::spawn` las sondea el ejecutor por su cuenta; un \
    `join_all` o un bucle de `.await` dentro de `leer_todas` solo avanza cuando alguien \
    sondea su future. Lanza una tarea por clave con `task::spawn`.";

// Comprobación en tiempo de compilación: el future se puede mandar a otro
// hilo. Si no es `Send`, este archivo no compila.
fn es_send<T: Send>(_: &T) {}

/// Una `Memoria` con tres textos: 1 → «uno», 2 → «dos», 3 → «tres».
fn memoria_de_prueba() -> Memoria {
    let memoria = Memoria::new();
    for (clave, valor) in [(1, "uno"), (2, "dos"), (3, "tres")] {
        memoria.guardar(clave, valor);
    }
    memoria
}

/// Lo que debe devolver la `memoria_de_prueba` para cada clave.
fn esperado_en_memoria(clave: u32) -> Option<String> {
    match clave {
        1 => Some("uno".to_string()),
        2 => Some("dos".to_string()),
        3 => Some("tres".to_string()),
        _ => None,
    }
}

/// Espera `future` y cuenta cuántas veces lo sondean hasta que termina.
async fn contando_sondeos<F: Future>(future: F, sondeos: &AtomicUsize) -> F::Output {
    let mut future = pin!(future);
    std::future::poll_fn(|cx| {
        sondeos.fetch_add(1, Ordering::SeqCst);
        future.as_mut().poll(cx)
    })
    .await
}

/// Una fuente de prueba con las claves `0..n`. Cada lectura cuenta, espera a
/// que las `n` estén en vuelo a la vez y termina en orden inverso: la clave
/// `n - 1` la primera, la `0` la última. Al terminar, avisa por un canal.
/// Las lecturas de más (después de las `n` primeras) responden sin esperar,
/// para que una llamada de más no cuelgue la prueba: se cuentan y ya.
struct Sonda {
    n: usize,
    llamadas: AtomicUsize,
    en_vuelo: AtomicUsize,
    pico: AtomicUsize,
    todas_dentro: Barrier,
    terminadas: AtomicUsize,
    avisos: Sender<u32>,
}

impl Sonda {
    fn new(n: usize) -> (Arc<Sonda>, Receiver<u32>) {
        let (avisos, recibidos) = channel::unbounded();
        let sonda = Sonda {
            n,
            llamadas: AtomicUsize::new(0),
            en_vuelo: AtomicUsize::new(0),
            pico: AtomicUsize::new(0),
            todas_dentro: Barrier::new(n),
            terminadas: AtomicUsize::new(0),
            avisos,
        };
        (Arc::new(sonda), recibidos)
    }

    fn valor(clave: u32) -> Option<String> {
        Some(format!("valor {clave}"))
    }

    fn claves(&self) -> Vec<u32> {
        (0..self.n as u32).collect()
    }

    fn esperados(&self) -> Vec<Option<String>> {
        self.claves().into_iter().map(Sonda::valor).collect()
    }
}

impl Fuente for Sonda {
    async fn leer(&self, clave: u32) -> Option<String> {
        if self.llamadas.fetch_add(1, Ordering::SeqCst) >= self.n {
            return Sonda::valor(clave);
        }
        let ahora = self.en_vuelo.fetch_add(1, Ordering::SeqCst) + 1;
        self.pico.fetch_max(ahora, Ordering::SeqCst);

        // Hasta que las `n` lecturas estén en vuelo a la vez, nadie sigue.
        self.todas_dentro.wait().await;

        // Terminan al revés: espera a que terminen todas las de clave mayor.
        let turno = self.n - 1 - clave as usize;
        while self.terminadas.load(Ordering::SeqCst) != turno {
            task::yield_now().await;
        }
        self.en_vuelo.fetch_sub(1, Ordering::SeqCst);
        self.terminadas.fetch_add(1, Ordering::SeqCst);
        let _ = self.avisos.try_send(clave);
        Sonda::valor(clave)
    }
}

/// Otra fuente, de otro tipo, para el `Vec<Arc<dyn FuenteDyn>>`.
struct Eco;

impl Fuente for Eco {
    async fn leer(&self, clave: u32) -> Option<String> {
        task::yield_now().await;
        Some(format!("eco de {clave}"))
    }
}

#[test]
fn memoria_lee_lo_guardado_y_cuenta_cada_lectura() {
    con_limite(10, SI_SE_CUELGA, || async {
        let memoria = Arc::new(memoria_de_prueba());
        for (i, clave) in [1, 2, 7, 3, 1].into_iter().enumerate() {
            let future = memoria.leer(clave);
            es_send(&future);
            let obtenido = future.await;
            let esperado = esperado_en_memoria(clave);
            assert!(
                obtenido == esperado,
                "`memoria.leer({clave})` devolvió {obtenido:?}, y debía devolver \
                 {esperado:?} (lo guardado con esa clave; `None` si no hay nada)."
            );
            let lecturas = memoria.lecturas();
            assert!(
                lecturas == i + 1,
                "Después de {} llamadas a `leer`, `memoria.lecturas()` dice {lecturas}. \
                 Cada llamada a `leer` suma 1 al contador, ni más ni menos.",
                i + 1
            );
        }

        // El future de `leer` es `Send`: se puede lanzar a otro hilo.
        let en_otra_tarea = Arc::clone(&memoria);
        let obtenido = task::spawn(async move { en_otra_tarea.leer(2).await }).await;
        assert!(
            obtenido == esperado_en_memoria(2),
            "`leer(2)` dentro de una tarea de `task::spawn` devolvió {obtenido:?}, y debía \
             devolver {:?}.",
            esperado_en_memoria(2)
        );
    })
}

#[test]
fn memoria_cede_el_hilo_en_cada_lectura() {
    con_limite(10, SI_SE_CUELGA, || async {
        let memoria = memoria_de_prueba();
        for clave in [1, 5] {
            let sondeos = AtomicUsize::new(0);
            let obtenido = contando_sondeos(memoria.leer(clave), &sondeos).await;
            let n = sondeos.load(Ordering::SeqCst);
            assert!(
                n >= 2,
                "`memoria.leer({clave})` terminó en {n} sondeo: no cedió el hilo. Una lectura \
                 de verdad esperaría al disco o a la red; aquí, cede una vez con \
                 `task::yield_now().await` antes de responder."
            );
            assert!(
                obtenido == esperado_en_memoria(clave),
                "`memoria.leer({clave})` devolvió {obtenido:?}, y debía devolver {:?}.",
                esperado_en_memoria(clave)
            );
        }
    })
}

#[test]
fn leer_todas_devuelve_un_valor_por_clave_en_su_orden() {
    con_limite(10, SI_SE_CUELGA, || async {
        let memoria = Arc::new(memoria_de_prueba());
        let claves = [3, 1, 7, 2, 1];
        let esperados: Vec<_> = claves.iter().map(|&c| esperado_en_memoria(c)).collect();

        let obtenidos = leer_todas(Arc::clone(&memoria), &claves).await;
        assert!(
            obtenidos == esperados,
            "`leer_todas(memoria, &{claves:?})` devolvió {obtenidos:?}, y debía devolver \
             {esperados:?}: un valor por clave, en el orden de las claves (también las \
             repetidas y las que no están)."
        );
        let lecturas = memoria.lecturas();
        assert!(
            lecturas == claves.len(),
            "`leer_todas` con {} claves llamó a `leer` {lecturas} veces: debía ser una vez \
             por clave.",
            claves.len()
        );

        let vacio = leer_todas(Arc::clone(&memoria), &[]).await;
        assert!(
            vacio.is_empty(),
            "`leer_todas` sin claves devolvió {vacio:?}, y debía devolver un `Vec` vacío."
        );
    })
}

#[test]
fn leer_todas_tiene_todas_las_lecturas_en_vuelo_a_la_vez() {
    con_limite(10, SI_NO_ESTAN_TODAS, || async {
        let (sonda, _avisos) = Sonda::new(4);
        let obtenidos = leer_todas(Arc::clone(&sonda), &sonda.claves()).await;

        let (llamadas, pico) = (
            sonda.llamadas.load(Ordering::SeqCst),
            sonda.pico.load(Ordering::SeqCst),
        );
        assert!(
            llamadas == sonda.n,
            "`leer_todas` con {} claves llamó a `leer` {llamadas} veces: debía ser una vez \
             por clave.",
            sonda.n
        );
        assert!(
            pico == sonda.n,
            "La fuente de prueba tuvo como mucho {pico} lecturas en vuelo a la vez, y debían \
             estar las {}.",
            sonda.n
        );
        assert!(
            obtenidos == sonda.esperados(),
            "`leer_todas` devolvió {obtenidos:?}, y debía devolver {:?}.",
            sonda.esperados()
        );
    })
}

#[test]
fn leer_todas_ordena_por_clave_aunque_terminen_al_reves() {
    con_limite(10, SI_NO_ESTAN_TODAS, || async {
        let (sonda, avisos) = Sonda::new(5);
        let obtenidos = leer_todas(Arc::clone(&sonda), &sonda.claves()).await;

        let mut orden_de_fin = Vec::new();
        while let Ok(clave) = avisos.try_recv() {
            orden_de_fin.push(clave);
        }
        assert!(
            obtenidos == sonda.esperados(),
            "Las lecturas terminaron en el orden de claves {orden_de_fin:?}, y `leer_todas` \
             devolvió {obtenidos:?}; debía devolver {:?}, en el orden de las claves. Espera \
             los `JoinHandle` en el orden en que los lanzaste, no según van terminando.",
            sonda.esperados()
        );
    })
}

#[test]
fn las_tareas_de_leer_todas_avanzan_sin_que_nadie_las_espere() {
    con_limite(10, SI_NO_AVANZAN, || async {
        let (sonda, avisos) = Sonda::new(4);
        let claves = sonda.claves();
        let mut future = pin!(leer_todas(Arc::clone(&sonda), &claves));

        // Un solo sondeo, con un waker que no hace nada: basta para que
        // `leer_todas` lance sus tareas. Después, nadie vuelve a sondearlo.
        let primero = future
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()));

        // Las tareas de `spawn` siguen solas, en los hilos del ejecutor.
        for _ in 0..sonda.n {
            avisos
                .recv()
                .await
                .expect("el canal de avisos de la Sonda se cerró antes de tiempo");
        }

        // Ahora sí: el resultado, en el orden de las claves.
        let obtenidos = match primero {
            Poll::Ready(valores) => valores,
            Poll::Pending => future.await,
        };
        assert!(
            obtenidos == sonda.esperados(),
            "`leer_todas` devolvió {obtenidos:?}, y debía devolver {:?}.",
            sonda.esperados()
        );
    })
}

#[test]
fn fuente_dyn_guarda_fuentes_de_tipos_distintos() {
    con_limite(10, SI_SE_CUELGA, || async {
        let memoria = Arc::new(memoria_de_prueba());
        let fuentes: Vec<Arc<dyn FuenteDyn>> = vec![Arc::clone(&memoria) as _, Arc::new(Eco)];

        let esperados = vec![Some("dos".to_string()), Some("eco de 2".to_string())];

        // Desde esta misma tarea...
        let mut obtenidos = Vec::new();
        for fuente in &fuentes {
            obtenidos.push(fuente.leer_en_caja(2).await);
        }
        assert!(
            obtenidos == esperados,
            "`leer_en_caja(2)` sobre una `Memoria` y un `Eco` en un `Vec<Arc<dyn FuenteDyn>>` \
             devolvió {obtenidos:?}, y debía devolver {esperados:?}: lo mismo que `leer`."
        );

        // ...y desde tareas de `spawn`: la caja es `Send`.
        let mut handles = Vec::new();
        for fuente in &fuentes {
            let fuente = Arc::clone(fuente);
            let future = async move { fuente.leer_en_caja(2).await };
            es_send(&future);
            handles.push(task::spawn(future));
        }
        let mut obtenidos = Vec::new();
        for handle in handles {
            obtenidos.push(handle.await);
        }
        assert!(
            obtenidos == esperados,
            "`leer_en_caja(2)` dentro de tareas de `task::spawn` devolvió {obtenidos:?}, y \
             debía devolver {esperados:?}."
        );

        let lecturas = memoria.lecturas();
        assert!(
            lecturas == 2,
            "Dos llamadas a `leer_en_caja` sobre la `Memoria` contaron {lecturas} lecturas: \
             cada una debía hacer una sola lectura, la de `leer`."
        );
    })
}

#[test]
fn leer_en_caja_cede_el_hilo_como_leer() {
    con_limite(10, SI_SE_CUELGA, || async {
        let memoria = memoria_de_prueba();
        let (con_leer, en_caja) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let directo = contando_sondeos(memoria.leer(3), &con_leer).await;
        let desde_dyn: &dyn FuenteDyn = &memoria;
        let con_caja = contando_sondeos(desde_dyn.leer_en_caja(3), &en_caja).await;

        let (n_leer, n_caja) = (
            con_leer.load(Ordering::SeqCst),
            en_caja.load(Ordering::SeqCst),
        );
        assert!(
            n_caja == n_leer && con_caja == directo,
            "`leer_en_caja(3)` devolvió {con_caja:?} en {n_caja} sondeos, y `leer(3)` \
             devuelve {directo:?} en {n_leer}: `leer_en_caja` debe ser la misma lectura, \
             con el future de `leer` en una caja (`Box::pin`)."
        );
    })
}
