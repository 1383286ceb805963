// Capítulo «Futures que cambian de hilo: Send», sección «`async fn` en
// traits»: si el trait promete un future `Send`, un impl cuyo future no lo es
// no compila, y el error sale en el impl.
use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::rc::Rc;

use async_std::task;

trait Fuente {
    fn leer(&self, clave: u32) -> impl Future<Output = Option<String>> + Send;
}

/// Una caché para un solo hilo: `Rc<RefCell<…>>` no es `Send` ni `Sync`.
struct CacheLocal {
    datos: Rc<RefCell<HashMap<u32, String>>>,
}

impl Fuente for CacheLocal {
    async fn leer(&self, clave: u32) -> Option<String> {
        task::yield_now().await;
        self.datos.borrow().get(&clave).cloned()
    }
}

fn main() {}
