// Capítulo «Bloques asíncronos», edición 2024: el guardián de un `Mutex`
// tomado en la condición de un `match` o de un `if let`. En un `match`, los
// temporales de la expresión examinada viven hasta el final del `match`
// entero: el guardián cruza el `.await` del brazo `None` (como cruzaba el
// del `else` de un `if let` en la edición 2021). En un `if let`, la edición
// 2024 lo suelta antes del `else`, pero dentro del primer bloque sigue
// vivo: cruza el `.await` que haya allí.
use async_std::task;
use std::sync::{Arc, Mutex};

async fn con_match(cache: Arc<Mutex<Option<u32>>>) -> u32 {
    match *cache.lock().unwrap() {
        Some(valor) => valor,
        None => {
            task::yield_now().await;
            7
        }
    }
}

async fn con_if_let(cache: Arc<Mutex<Option<u32>>>) -> u32 {
    if let Some(valor) = *cache.lock().unwrap() {
        task::yield_now().await;
        valor
    } else {
        7
    }
}

fn main() {
    let cache = Arc::new(Mutex::new(None));
    task::spawn(con_match(Arc::clone(&cache)));
    task::spawn(con_if_let(cache));
}
