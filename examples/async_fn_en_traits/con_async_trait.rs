//! 4 bis. La misma caja, escrita por la macro `#[async_trait]`.
//!
//! Se escribe `async fn` en el trait y en los impls, y la macro reescribe
//! cada una como el paso 4: un método que devuelve
//! `Pin<Box<dyn Future<Output = …> + Send + '_>>` con
//! `Box::pin(async move { … })` por cuerpo.

use async_std::task;

use crate::{Eco, Memoria};

// ANCHOR: trait
#[async_trait::async_trait]
pub trait Fuente: Send + Sync {
    async fn leer(&self, clave: u32) -> Option<String>;
}

#[async_trait::async_trait]
impl Fuente for Memoria {
    async fn leer(&self, clave: u32) -> Option<String> {
        self.buscar(clave).await
    }
}

#[async_trait::async_trait]
impl Fuente for Eco {
    async fn leer(&self, clave: u32) -> Option<String> {
        task::yield_now().await;
        Some(format!("eco de {clave}"))
    }
}
// ANCHOR_END: trait
