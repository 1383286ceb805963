// Capítulo «Mutex: el de `std` y el asíncrono»: el guardián de un
// `std::sync::Mutex`, que cruza un `.await`, queda guardado en el future;
// el guardián no es `Send`, así que el future tampoco, y `task::spawn` lo
// rechaza.
use async_std::task;
use std::sync::{Arc, Mutex};

async fn anotar(contador: Arc<Mutex<u32>>) {
    let mut guard = contador.lock().unwrap();
    task::yield_now().await;
    *guard += 1;
}

fn main() {
    let contador = Arc::new(Mutex::new(0));
    task::spawn(anotar(contador));
}
