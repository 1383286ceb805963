//! 2. El trait promete `Send` en su firma.
//!
//! `fn leer(…) -> impl Future<Output = …> + Send` es lo que escribiría el
//! compilador para una `async fn`, más la promesa. Los impls siguen
//! escribiendo `async fn`, el compilador comprueba en cada uno que su future
//! cumple, y una función genérica ya puede lanzarlo con `task::spawn`.

use std::future::Future;
use std::sync::Arc;

use async_std::task::{self, JoinHandle};

use crate::{Memoria, es_send};

// ANCHOR: trait
pub trait Fuente {
    fn leer(&self, clave: u32) -> impl Future<Output = Option<String>> + Send;
}

// El impl puede seguir escribiendo `async fn`: el compilador comprueba que
// su future es `Send`, como promete el trait.
impl Fuente for Memoria {
    async fn leer(&self, clave: u32) -> Option<String> {
        self.buscar(clave).await
    }
}
// ANCHOR_END: trait

// ANCHOR: generica
/// Genérica, y con `spawn`: el trait promete que el future de `leer` es
/// `Send`, para cualquier `F`.
pub fn lanzar_lectura<F>(fuente: Arc<F>, clave: u32) -> JoinHandle<Option<String>>
where
    F: Fuente + Send + Sync + 'static,
{
    task::spawn(async move { fuente.leer(clave).await })
}

/// La misma promesa, comprobada sin correr nada: esto compila.
pub fn el_future_es_send<F: Fuente>(fuente: &F) {
    es_send(&fuente.leer(1));
}
// ANCHOR_END: generica
