//! 3. Las dos versiones del trait, la local y la `Send`, escritas por la
//!    macro `trait_variant::make`.
//!
//! Se escribe el trait con `async fn`, como en el paso 1, y la macro añade
//! otro con las promesas del paso 2. Cada tipo implementa el que puede:
//! `Memoria` el `Send` (y con él, el local), `CacheLocal` solo el local.

use std::sync::Arc;

use async_std::task::{self, JoinHandle};

use crate::{CacheLocal, Memoria};

// ANCHOR: trait
/// `make` deja este trait como está y escribe otro, `Fuente`, con `Send`
/// como supertrait y `-> impl Future<Output = …> + Send` en cada
/// `async fn`. Quien implementa `Fuente` implementa también `FuenteLocal`.
#[trait_variant::make(Fuente: Send)]
pub trait FuenteLocal {
    async fn leer(&self, clave: u32) -> Option<String>;
}

impl Fuente for Memoria {
    async fn leer(&self, clave: u32) -> Option<String> {
        self.buscar(clave).await
    }
}

impl FuenteLocal for CacheLocal {
    async fn leer(&self, clave: u32) -> Option<String> {
        task::yield_now().await;
        self.datos.borrow().get(&clave).cloned()
    }
}

/// Para cualquier `Fuente`: se puede lanzar con `spawn`.
pub fn lanzar_lectura<F>(fuente: Arc<F>, clave: u32) -> JoinHandle<Option<String>>
where
    F: Fuente + Sync + 'static,
{
    task::spawn(async move { fuente.leer(clave).await })
}

/// Para cualquier `FuenteLocal`, también `Memoria`: se espera en la misma
/// tarea.
pub async fn leer_local<F: FuenteLocal>(fuente: &F, clave: u32) -> Option<String> {
    fuente.leer(clave).await
}
// ANCHOR_END: trait
