// Capítulo «Futures que cambian de hilo: Send», sección «`async fn` en
// traits»: un trait con `async fn`, o con `-> impl Future`, no es compatible
// con `dyn`.
use std::future::Future;
use std::sync::Arc;

trait Fuente {
    async fn leer(&self, clave: u32) -> Option<String>;
}

trait FuenteSend {
    fn leer(&self, clave: u32) -> impl Future<Output = Option<String>> + Send;
}

fn guardar(_fuentes: Vec<Arc<dyn Fuente>>, _enviables: Vec<Arc<dyn FuenteSend>>) {}

fn main() {}
