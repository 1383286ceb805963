// Pruebas del ejercicio `async_blocks`: de un future que toma prestado a uno `'static`.
//
// Archivo que editas: exercises/src/async_blocks.rs
// Capítulo: book/src/04-async-blocks.md · Pista: cargo run -- pista async_blocks

// Tu archivo entra en estas pruebas como el módulo `async_blocks`, y ningún
// otro ejercicio entra con él: si otro no compila, estas pruebas compilan y
// corren igual. Las mismas pruebas corren contra la solución:
// solutions/tests/async_blocks.rs incluye este archivo (por eso no tiene
// comentarios `//!`) y declara el módulo con solutions/src/async_blocks.rs; allí
// está activo `cfg(solucion)`, que apaga esta declaración.
#[cfg(not(solucion))]
#[path = "../src/async_blocks.rs"]
// El esbozo aún no usa sus parámetros. Y el de `contar` es solo un bloque
// `async move`, que Clippy propone convertir en `async fn`: no puede ser, el
// future de una `async fn` guarda sus argumentos prestados y la firma
// promete `'static`.
#[allow(unused_variables, clippy::manual_async_fn)]
pub mod async_blocks;

use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use async_blocks::{contar, contar_prestado};
use async_std::task;
use taller_async::prueba::con_limite;

const SI_SE_CUELGA: &str = "el future de `contar` no terminó. ¿Esperas \
    (`.await`) a `contar_prestado` dentro del bloque `async move`?";

// «cielo» contiene «el» y «girasol» contiene «sol»: se cuentan palabras
// enteras, no trozos de texto.
const TEXTO: &str = "el gato y el perro\n\
    duermen al sol\n\
    el girasol mira al cielo\n\
    y el gato se estira al sol";

// Comprobación en tiempo de compilación: se puede mandar a otro hilo y no
// toma nada prestado. Es lo que exigen `task::spawn` y, sin `Send`,
// `task::spawn_local`.
fn es_send_y_static<T: Send + 'static>(_: &T) {}

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
fn contar_corre_en_spawn_aunque_las_cadenas_ya_no_existan() {
    con_limite(10, SI_SE_CUELGA, || async {
        let esperado = contar_prestado(TEXTO, "el").await;

        let future = {
            // Cadenas que dejan de existir al cerrar este bloque: si el
            // future las tomara prestadas, no compilaría.
            let texto = String::from(TEXTO);
            let palabra = String::from("el");
            contar(&texto, &palabra)
        };
        es_send_y_static(&future);

        // Al pool de hilos: otro hilo lo sondea, cuando `texto` y `palabra`
        // ya se soltaron.
        let contadas = task::spawn(future).await;
        assert!(
            contadas == esperado,
            "`contar(TEXTO, \"el\")` devolvió {contadas} y `contar_prestado` devuelve \
             {esperado}: tienen que dar lo mismo. ¿Cuentas palabras enteras, como \
             `contar_prestado`?"
        );

        let otra = task::spawn_local(contar("uno dos\ndos tres\ntres", "tres")).await;
        assert!(
            otra == 2,
            "`contar(\"uno dos\\ndos tres\\ntres\", \"tres\")` devolvió {otra}, y debía dar 2."
        );
    })
}

#[test]
fn contar_espera_a_que_lo_sondeen_y_cede_el_hilo_en_cada_linea() {
    con_limite(10, SI_SE_CUELGA, || async {
        let sondeos_prestado = Arc::new(AtomicUsize::new(0));
        let esperado =
            contando_sondeos(contar_prestado(TEXTO, "sol"), Arc::clone(&sondeos_prestado)).await;

        let sondeos = Arc::new(AtomicUsize::new(0));
        let contadas =
            task::spawn(contando_sondeos(contar(TEXTO, "sol"), Arc::clone(&sondeos))).await;
        assert!(
            contadas == esperado,
            "`contar(TEXTO, \"sol\")` devolvió {contadas} y `contar_prestado` devuelve \
             {esperado}."
        );

        let (n, n_prestado) = (
            sondeos.load(Ordering::SeqCst),
            sondeos_prestado.load(Ordering::SeqCst),
        );
        assert!(
            n == n_prestado,
            "Sondeos hasta terminar: {n} el future de `contar` y {n_prestado} el de \
             `contar_prestado` (uno por línea, más el último). Si el tuyo termina en \
             el primer sondeo, ¿cuentas en la propia función, al llamarla, y el \
             future solo entrega el número? Entonces el trabajo no espera al primer \
             sondeo y no cede el hilo: haz las copias fuera del bloque `async move` y \
             el recuento dentro."
        );
    })
}
