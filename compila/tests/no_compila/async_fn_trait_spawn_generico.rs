// Capítulo «Futures que cambian de hilo: Send», sección «`async fn` en
// traits»: una función genérica no puede lanzar con `task::spawn` el future
// de un `async fn` de un trait, porque el trait no promete que sea `Send`.
use std::sync::Arc;

use async_std::task;

trait Fuente {
    async fn leer(&self, clave: u32) -> Option<String>;
}

fn lanzar_lectura<F>(fuente: Arc<F>, clave: u32) -> task::JoinHandle<Option<String>>
where
    F: Fuente + Send + Sync + 'static,
{
    task::spawn(async move { fuente.leer(clave).await })
}

fn main() {
    let _ = lanzar_lectura::<()>;
}

impl Fuente for () {
    async fn leer(&self, _clave: u32) -> Option<String> {
        None
    }
}
