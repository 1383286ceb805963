//! Error: `leer_todas` lanza todas las lecturas, pero recoge los valores por un
//! canal, en el orden en que terminan y no en el de las claves.
//! Se espera: fallan leer_todas_ordena_por_clave_aunque_terminen_al_reves,
//!   leer_todas_tiene_todas_las_lecturas_en_vuelo_a_la_vez,
//!   las_tareas_de_leer_todas_avanzan_sin_que_nadie_las_espere
//!
//! Solución del ejercicio `async_fn_en_traits`: un trait con métodos
//! asíncronos cuyos futures se pueden lanzar con `task::spawn`.
//!
//! `Fuente` promete en su firma que el future de `leer` es `Send`
//! (`-> impl Future<Output = …> + Send`). El impl de `Memoria` sigue
//! escribiendo `async fn`, y el compilador comprueba que su future cumple:
//! por eso el guardián del `Mutex` de `std`, que no es `Send`, no puede cruzar
//! el `.await`. A cambio, `leer_todas` puede lanzar el future de cualquier
//! `Fuente` con `spawn`, y `FuenteDyn` mete ese mismo future en una caja para
//! que el trait sea compatible con `dyn`.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use async_std::task;

// --- Lo que ya está hecho ------------------------------------------------------

/// Algo de donde se leen textos por su clave: un disco, la red, una caché...
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
pub trait FuenteDyn: Send + Sync {
    /// Lo mismo que [`Fuente::leer`].
    fn leer_en_caja(&self, clave: u32)
    -> Pin<Box<dyn Future<Output = Option<String>> + Send + '_>>;
}

// --- La solución -------------------------------------------------------------------

impl Fuente for Memoria {
    async fn leer(&self, clave: u32) -> Option<String> {
        self.lecturas.fetch_add(1, Ordering::SeqCst);
        task::yield_now().await;
        // El lock se toma después del `.await`, y el guardián se suelta al
        // terminar esta expresión: no cruza ningún `.await`. Si se tomara
        // antes del `yield_now`, el future guardaría un `MutexGuard`, que no
        // es `Send`, y este impl no cumpliría la promesa del trait.
        self.datos
            .lock()
            .expect("el Mutex de Memoria quedó envenenado")
            .get(&clave)
            .cloned()
    }
}

/// Lee todas las `claves` de `fuente`: una tarea por clave, lanzada con
/// `async_std::task::spawn`, todas en vuelo a la vez. Devuelve los valores
/// en el orden de las claves, no en el orden en que terminen las tareas.
pub async fn leer_todas<F>(fuente: Arc<F>, claves: &[u32]) -> Vec<Option<String>>
where
    F: Fuente + Send + Sync + 'static,
{
    // Primero se lanzan todas: cada tarea se lleva su propio `Arc` (un
    // `'static` que se puede mandar a otro hilo, porque `F: Send + Sync`) y
    // su clave. El future de `leer` es `Send` porque el trait lo promete.
    let (enviar, recibir) = async_std::channel::unbounded();
    for &clave in claves {
        let fuente = Arc::clone(&fuente);
        let enviar = enviar.clone();
        task::spawn(async move {
            let _ = enviar.send(fuente.leer(clave).await).await;
        });
    }
    let mut valores = Vec::new();
    for _ in claves {
        valores.push(recibir.recv().await.expect("canal cerrado"));
    }
    valores
}

/// Toda `Fuente` que se pueda compartir entre hilos es también una
/// `FuenteDyn`: `leer_en_caja` hace la misma lectura que `leer`, con su
/// future en una caja.
impl<F: Fuente + Send + Sync> FuenteDyn for F {
    fn leer_en_caja(
        &self,
        clave: u32,
    ) -> Pin<Box<dyn Future<Output = Option<String>> + Send + '_>> {
        // Una reserva en el montón por llamada: es el precio de un tipo de
        // retorno con nombre, el que permite `dyn`.
        Box::pin(self.leer(clave))
    }
}
