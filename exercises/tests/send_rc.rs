// Pruebas del ejercicio `send_rc`: futures que se pueden mandar a otro hilo.
//
// Archivo que editas: exercises/src/send_rc.rs
// Capítulo: book/src/05-send-rc.md · Pista: cargo run -- pista send_rc
//
// Si tu future no es `Send`, el error sale antes de llegar aquí, en
// exercises/src/send_rc.rs («future cannot be sent between threads
// safely»), y señala el valor que no es `Send` y el `.await` que cruza.
// Léelo con calma: es la lección. Este archivo lo comprueba otra vez con
// `es_send`, por si alguien borra aquella comprobación.

// Tu archivo entra en estas pruebas como el módulo `send_rc`, y ningún
// otro ejercicio entra con él: si otro no compila, estas pruebas compilan y
// corren igual. Las mismas pruebas corren contra la solución:
// solutions/tests/send_rc.rs incluye este archivo (por eso no tiene
// comentarios `//!`) y declara el módulo con solutions/src/send_rc.rs; allí
// está activo `cfg(solucion)`, que apaga esta declaración.
#[cfg(not(solucion))]
#[path = "../src/send_rc.rs"]
#[allow(unused_variables)] // el esbozo aún no usa sus parámetros
pub mod send_rc;

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use async_std::task;
use send_rc::{
    reluctant, reluctant_rc, report_error, some_fallible_thing, unfortunate, use_output,
};
use taller_async::prueba::con_limite;

const SI_SE_CUELGA: &str = "la tarea lanzada con `task::spawn` no terminó. ¿Hay algún \
    `.await` sobre un future que nunca despierta a su waker?";

// Comprobación en tiempo de compilación: el future se puede mandar a otro
// hilo. Si no es `Send`, este archivo no compila.
fn es_send<T: Send>(_: &T) {}

/// Envuelve `future` en otro que cuenta cuántas veces lo sondean.
async fn contando_sondeos<F: Future>(future: F, sondeos: Arc<AtomicUsize>) -> F::Output {
    let mut future = pin!(future);
    std::future::poll_fn(|cx| {
        sondeos.fetch_add(1, Ordering::SeqCst);
        future.as_mut().poll(cx)
    })
    .await
}

#[test]
fn reluctant_es_send_y_devuelve_lo_mismo_que_reluctant_rc() {
    con_limite(10, SI_SE_CUELGA, || async {
        for nombre in ["Ferris", "mundo", ""] {
            // `reluctant_rc` no es `Send`, pero aquí no hace falta: se espera
            // en este mismo hilo.
            let esperado = reluctant_rc(nombre.to_string()).await;

            let future = reluctant(nombre.to_string());
            es_send(&future);
            let obtenido = task::spawn(future).await;
            assert!(
                obtenido == esperado,
                "Con el nombre {nombre:?}, `reluctant` devolvió {obtenido:?} y \
                 `reluctant_rc` devuelve {esperado:?}: hacer el future `Send` no \
                 debe cambiar su resultado."
            );
        }
    })
}

#[test]
fn reluctant_sigue_cediendo_el_hilo_en_su_await() {
    con_limite(10, SI_SE_CUELGA, || async {
        let sondeos_rc = Arc::new(AtomicUsize::new(0));
        contando_sondeos(reluctant_rc("Ferris".into()), Arc::clone(&sondeos_rc)).await;

        let sondeos = Arc::new(AtomicUsize::new(0));
        task::spawn(contando_sondeos(
            reluctant("Ferris".into()),
            Arc::clone(&sondeos),
        ))
        .await;

        let (n, n_rc) = (
            sondeos.load(Ordering::SeqCst),
            sondeos_rc.load(Ordering::SeqCst),
        );
        assert!(
            n == n_rc,
            "Sondeos hasta terminar: {n} el future de `reluctant` y {n_rc} el de \
             `reluctant_rc`, cuyo `.await` cede el hilo una vez. Quitar el \
             `.await` hace el future `Send`, pero cambia lo que hace: en el programa \
             de verdad, ahí se esperaría a la red. Conserva el `.await` y haz que el \
             `Rc` no lo cruce (acota su ámbito) o cámbialo por un `Arc`."
        );
    })
}

#[test]
fn unfortunate_es_send_y_usa_el_numero_leido() {
    con_limite(10, SI_SE_CUELGA, || async {
        let esperado = use_output(42).await;

        let future = unfortunate(" 42 ".to_string());
        es_send(&future);
        let obtenido = task::spawn(future).await;
        assert!(
            obtenido == esperado,
            "`unfortunate(\" 42 \")` devolvió {obtenido:?}, y debía devolver \
             `use_output(42).await`, que es {esperado:?}."
        );
    })
}

#[test]
fn unfortunate_sigue_cediendo_el_hilo_en_su_await() {
    con_limite(10, SI_SE_CUELGA, || async {
        let sondeos_de_use_output = Arc::new(AtomicUsize::new(0));
        contando_sondeos(use_output(42), Arc::clone(&sondeos_de_use_output)).await;

        let sondeos = Arc::new(AtomicUsize::new(0));
        task::spawn(contando_sondeos(
            unfortunate(" 42 ".to_string()),
            Arc::clone(&sondeos),
        ))
        .await;

        let (n, n_use_output) = (
            sondeos.load(Ordering::SeqCst),
            sondeos_de_use_output.load(Ordering::SeqCst),
        );
        assert!(
            n == n_use_output,
            "Sondeos hasta terminar: {n} el future de `unfortunate(\" 42 \")` y \
             {n_use_output} el de `use_output(42)`, que cede el hilo una vez. Se esperaban \
             los mismos: `unfortunate` tiene que esperar a `use_output(numero)` con \
             `.await`. ¿La esperas con `task::block_on`, o copiaste su texto sin el \
             `yield_now`? El future queda `Send`, pero bloquea el hilo (o deja de \
             esperar) donde el programa de verdad esperaría a la red. Deja el `.await` y \
             haz que el error genérico sea `Send` (cambia el alias `GenericError`)."
        );
    })
}

#[test]
fn unfortunate_es_send_e_informa_del_error() {
    con_limite(10, SI_SE_CUELGA, || async {
        let esperado = report_error(some_fallible_thing("cuarenta y dos").unwrap_err());

        let future = unfortunate("cuarenta y dos".to_string());
        es_send(&future);
        let obtenido = task::spawn(future).await;
        assert!(
            obtenido == esperado,
            "`unfortunate(\"cuarenta y dos\")` devolvió {obtenido:?}, y debía devolver \
             `report_error(error)` con el error de `some_fallible_thing`, que es \
             {esperado:?}."
        );
    })
}
