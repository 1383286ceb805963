// Capítulo «Futures que cambian de hilo: Send», sección «`async fn` en
// traits»: la cota que falta, «el future de `leer` es `Send`», se escribe
// `F: Fuente<leer(..): Send>` (return type notation), que en Rust estable
// todavía no existe.
use std::sync::Arc;

use async_std::task;

trait Fuente {
    async fn leer(&self, clave: u32) -> Option<String>;
}

fn lanzar_lectura<F>(fuente: Arc<F>, clave: u32) -> task::JoinHandle<Option<String>>
where
    F: Fuente<leer(..): Send> + Send + Sync + 'static,
{
    task::spawn(async move { fuente.leer(clave).await })
}

fn main() {}
