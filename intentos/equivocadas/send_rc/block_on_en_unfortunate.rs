//! Error: para que el error genérico no cruce ningún `.await`, deja el alias
//! como estaba y espera a `use_output` con `task::block_on` en lugar de con
//! `.await`. El future es `Send` y da el mismo texto, pero ya no cede el
//! hilo: bloquea el hilo del ejecutor mientras `use_output` espera.
//! Se espera: falla unfortunate_sigue_cediendo_el_hilo_en_su_await
//!
//! Solución del ejercicio `send_rc`: futures que se pueden mandar a otro hilo.
//!
//! Un future es `Send` si lo es todo lo que guarda, y guarda todo lo que
//! cruza un `.await`. Hay dos formas de arreglarlo:
//! que el valor que no es `Send` muera antes del `.await` (se acota su
//! ámbito), o cambiarlo por uno que sí lo sea (`Arc` en lugar de `Rc`,
//! `Box<dyn Error + Send + Sync>` en lugar de `Box<dyn Error>`). Aquí se usa
//! una de cada.

use std::rc::Rc;

use async_std::task;

// --- Parte 1: un `Rc` que cruza un `.await` ---------------------------------

/// La versión de partida: su future no es `Send`.
pub async fn reluctant_rc(nombre: String) -> String {
    let string = Rc::new(format!("hola, {nombre}"));
    task::yield_now().await;
    format!("Tu espléndida cadena: {string}")
}

/// Lo mismo que [`reluctant_rc`], con un future `Send`.
pub async fn reluctant(nombre: String) -> String {
    // El `Rc` vive solo dentro de este bloque: cuando llega el `.await` ya se
    // soltó, y el future no tiene que guardarlo. Lo que cruza el `.await` es
    // un `String`, que sí es `Send`. (Cambiar `Rc` por `Arc` también vale.)
    let texto = {
        let string = Rc::new(format!("hola, {nombre}"));
        format!("Tu espléndida cadena: {string}")
    };
    task::yield_now().await;
    texto
}

// --- Parte 2: un error genérico que no es `Send` ----------------------------

/// Un error de cualquier tipo que implemente `std::error::Error` y que se
/// pueda mandar a otro hilo y compartir entre hilos.
pub type GenericError = Box<dyn std::error::Error>;
/// Un `Result` con [`GenericError`].
pub type GenericResult<T> = Result<T, GenericError>;

/// Algo que puede fallar: lee un número entero de `texto`.
pub fn some_fallible_thing(texto: &str) -> GenericResult<i32> {
    Ok(texto.trim().parse::<i32>()?)
}

/// Describe un error para el usuario.
pub fn report_error(error: GenericError) -> String {
    format!("error: {error}")
}

/// Usa el número leído; cede el hilo una vez.
pub async fn use_output(output: i32) -> String {
    task::yield_now().await;
    format!("salida: {output}")
}

/// Lee un número de `texto`; si falla, lo describe, y si no, lo usa.
pub async fn unfortunate(texto: String) -> String {
    // El `Result` que devuelve `some_fallible_thing` es un temporal del
    // `match`: vive hasta el final del `match`, así que también cruza el
    // `.await` del segundo brazo. Con el alias de arriba es `Send`, y el
    // future también.
    match some_fallible_thing(&texto) {
        Err(error) => report_error(error),
        // Sin `.await`, el error no cruza ningún punto de espera.
        Ok(output) => task::block_on(use_output(output)),
    }
}

// --- Comprobación ------------------------------------------------------------

/// No se llama nunca: solo compila si los futures de [`reluctant`] y de
/// [`unfortunate`] son `Send`. Si alguno no lo es, el error sale aquí, en este
/// archivo, y sus notas dicen qué valor no es `Send` y qué `.await` cruza.
/// (Las pruebas lo comprueban también, con las mismas notas: este archivo
/// se compila dentro del crate de sus pruebas. Pero el primer error que
/// verás es este, el de tu archivo.)
#[allow(dead_code)]
fn los_futures_son_send() {
    fn es_send<T: Send>(_: T) {}
    es_send(reluctant(String::new()));
    es_send(unfortunate(String::new()));
}
