//! Ejercicio `async_fn_en_traits`: un trait con métodos asíncronos cuyos
//! futures se pueden lanzar con `task::spawn`.
//!
//! Capítulo: book/src/05-send-rc.md, sección «`async fn` en traits».
//! Pruebas: `cargo test -p exercises --test async_fn_en_traits`.
//! Pista: `cargo run -- pista async_fn_en_traits`.
//!
//! `Fuente` es algo de donde se leen textos por su clave. Su método promete
//! un future `Send`, y esa promesa es la que deja a una función genérica
//! lanzar cada lectura con `task::spawn`, que puede mandarla a otro hilo.
//! Escribe:
//!
//! 1. el impl de [`Fuente`] para [`Memoria`], un almacén en memoria que
//!    cuenta sus lecturas y cede el hilo una vez en cada una;
//! 2. [`leer_todas`], genérica sobre cualquier `Fuente`: una tarea por
//!    clave, todas en vuelo a la vez, y los valores en el orden de las
//!    claves;
//! 3. el impl de [`FuenteDyn`] para toda `Fuente`: la misma lectura con el
//!    future en una caja, para guardar fuentes de tipos distintos en un
//!    `Vec<Arc<dyn FuenteDyn>>`.
//!
//! El compilador comprueba la promesa de `Fuente` en tu impl: si el future
//! de tu `leer` no es `Send`, este archivo no compila, y el error señala el
//! valor que cruza el `.await`.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

// --- Lo que ya está hecho ------------------------------------------------------

/// Algo de donde se leen textos por su clave: un disco, la red, una caché...
///
/// Ya está hecho: no lo cambies. El `+ Send` del tipo de retorno es la
/// promesa que necesita [`leer_todas`] para lanzar el future con `spawn`.
/// Un impl puede escribir el método como
/// `async fn leer(&self, clave: u32) -> Option<String>`: el compilador
/// comprueba que su future cumple la promesa.
pub trait Fuente {
    /// El texto guardado con `clave`, o `None` si no hay ninguno.
    fn leer(&self, clave: u32) -> impl Future<Output = Option<String>> + Send;
}

/// Un almacén en memoria que se comparte entre hilos: los datos van en un
/// `std::sync::Mutex` y el contador de lecturas es atómico.
#[derive(Default)]
pub struct Memoria {
    datos: Mutex<HashMap<u32, String>>,
    lecturas: AtomicUsize,
}

impl Memoria {
    /// Un almacén vacío.
    pub fn new() -> Memoria {
        Memoria::default()
    }

    /// Guarda `valor` con la clave `clave` (sustituye al que hubiera).
    pub fn guardar(&self, clave: u32, valor: &str) {
        self.datos
            .lock()
            .expect("el Mutex de Memoria quedó envenenado")
            .insert(clave, valor.to_string());
    }

    /// Cuántas veces se ha llamado a `leer`.
    pub fn lecturas(&self) -> usize {
        self.lecturas.load(Ordering::SeqCst)
    }
}

/// La versión de [`Fuente`] compatible con `dyn`: el future va en una caja,
/// un tipo con nombre, el mismo para todos los impls.
///
/// Ya está hecho: no lo cambies. `Send + Sync` como supertraits hacen que un
/// `Arc<dyn FuenteDyn>` se pueda mandar a otra tarea.
pub trait FuenteDyn: Send + Sync {
    /// Lo mismo que [`Fuente::leer`].
    fn leer_en_caja(&self, clave: u32)
    -> Pin<Box<dyn Future<Output = Option<String>> + Send + '_>>;
}

// --- Lo que escribes tú ----------------------------------------------------------

impl Fuente for Memoria {
    /// Cuenta la lectura (suma 1 a `lecturas`), cede el hilo una vez con
    /// `async_std::task::yield_now().await`, como haría una lectura de
    /// verdad que espera al disco o a la red, y devuelve una copia del valor
    /// guardado con `clave`.
    async fn leer(&self, clave: u32) -> Option<String> {
        todo!(
            "Ejercicio async_fn_en_traits: escribe `leer` para `Memoria` en \
             exercises/src/async_fn_en_traits.rs (capítulo book/src/05-send-rc.md; \
             pista: cargo run -- pista async_fn_en_traits)"
        )
    }
}

/// Lee todas las `claves` de `fuente`: una tarea por clave, lanzada con
/// `async_std::task::spawn`, todas en vuelo a la vez. Devuelve los valores
/// en el orden de las claves, no en el orden en que terminen las tareas.
pub async fn leer_todas<F>(fuente: Arc<F>, claves: &[u32]) -> Vec<Option<String>>
where
    F: Fuente + Send + Sync + 'static,
{
    todo!(
        "Ejercicio async_fn_en_traits: escribe `leer_todas` en \
         exercises/src/async_fn_en_traits.rs (capítulo book/src/05-send-rc.md; \
         pista: cargo run -- pista async_fn_en_traits)"
    )
}

/// Toda `Fuente` que se pueda compartir entre hilos es también una
/// `FuenteDyn`: `leer_en_caja` hace la misma lectura que `leer`, con su
/// future en una caja.
impl<F: Fuente + Send + Sync> FuenteDyn for F {
    fn leer_en_caja(
        &self,
        clave: u32,
    ) -> Pin<Box<dyn Future<Output = Option<String>> + Send + '_>> {
        todo!(
            "Ejercicio async_fn_en_traits: escribe `leer_en_caja` en \
             exercises/src/async_fn_en_traits.rs (capítulo book/src/05-send-rc.md; \
             pista: cargo run -- pista async_fn_en_traits)"
        )
    }
}
