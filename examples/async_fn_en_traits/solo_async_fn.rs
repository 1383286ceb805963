//! 1. `async fn` en un trait, sin más: lo que da y dónde se queda corto.
//!
//! `leer` devuelve un future de un tipo sin nombre, distinto en cada impl.
//! Una función genérica puede esperarlo con `.await`; lanzarlo con
//! `task::spawn` solo puede quien conoce el tipo concreto, porque el trait
//! no promete que el future sea `Send` (y el de `CacheLocal` no lo es).

use std::sync::Arc;

use async_std::task::{self, JoinHandle};

use crate::{CacheLocal, Memoria};

// ANCHOR: trait
/// Algo de donde se leen textos por su clave: un disco, la red, una caché...
pub trait Fuente {
    async fn leer(&self, clave: u32) -> Option<String>;
}
// ANCHOR_END: trait

// ANCHOR: impls
impl Fuente for Memoria {
    async fn leer(&self, clave: u32) -> Option<String> {
        self.buscar(clave).await
    }
}

impl Fuente for CacheLocal {
    async fn leer(&self, clave: u32) -> Option<String> {
        task::yield_now().await;
        self.datos.borrow().get(&clave).cloned()
    }
}
// ANCHOR_END: impls

// ANCHOR: leer_varias
/// Genérica sobre cualquier `Fuente`: espera cada lectura con `.await`, en
/// la misma tarea. Vale para `Memoria` y para `CacheLocal`.
pub async fn leer_varias<F: Fuente>(fuente: &F, claves: &[u32]) -> Vec<Option<String>> {
    let mut valores = Vec::new();
    for &clave in claves {
        valores.push(fuente.leer(clave).await);
    }
    valores
}
// ANCHOR_END: leer_varias

// ANCHOR: concreto
/// Con el tipo concreto, el compilador ve el future de
/// `<Memoria as Fuente>::leer`, sabe que es `Send`, y `spawn` lo acepta.
pub fn lanzar_en_memoria(memoria: Arc<Memoria>, clave: u32) -> JoinHandle<Option<String>> {
    task::spawn(async move { memoria.leer(clave).await })
}
// ANCHOR_END: concreto
