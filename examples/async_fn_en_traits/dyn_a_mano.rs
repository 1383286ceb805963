//! 4. Compatible con `dyn`: el future va en una caja, escrita a mano.
//!
//! Un trait con `async fn` o con `-> impl Future` no es compatible con
//! `dyn`: cada impl devuelve un tipo distinto y sin nombre, y una llamada a
//! través de un `dyn Fuente` no sabría qué tipo recibe. Con
//! `Pin<Box<dyn Future<Output = …> + Send + '_>>`, todos los impls devuelven
//! el mismo tipo, y un `Vec<Arc<dyn Fuente>>` puede mezclar tipos.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use async_std::task;

use crate::{Eco, Memoria};

// ANCHOR: trait
/// El tipo de retorno tiene nombre: una caja con un future dentro, el mismo
/// tipo para todos los impls. Con él, el trait es compatible con `dyn`.
pub trait Fuente: Send + Sync {
    fn leer(&self, clave: u32) -> Pin<Box<dyn Future<Output = Option<String>> + Send + '_>>;
}

impl Fuente for Memoria {
    fn leer(&self, clave: u32) -> Pin<Box<dyn Future<Output = Option<String>> + Send + '_>> {
        Box::pin(self.buscar(clave))
    }
}

impl Fuente for Eco {
    fn leer(&self, clave: u32) -> Pin<Box<dyn Future<Output = Option<String>> + Send + '_>> {
        Box::pin(async move {
            task::yield_now().await;
            Some(format!("eco de {clave}"))
        })
    }
}
// ANCHOR_END: trait

// ANCHOR: varias
/// Una tarea por fuente, con fuentes de tipos distintos.
pub async fn leer_de_todas(fuentes: &[Arc<dyn Fuente>], clave: u32) -> Vec<Option<String>> {
    let handles: Vec<_> = fuentes
        .iter()
        .map(|fuente| {
            let fuente = Arc::clone(fuente);
            task::spawn(async move { fuente.leer(clave).await })
        })
        .collect();
    let mut valores = Vec::new();
    for handle in handles {
        valores.push(handle.await);
    }
    valores
}
// ANCHOR_END: varias
