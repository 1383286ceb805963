// Capítulo «Mutex: el de `std` y el asíncrono»: el arreglo que sirve siempre.
// El guardián vive en un bloque que termina antes del `.await`: cuando el
// future se suspende, el guardián ya no existe, el lock está libre y el
// future es `Send`.
use async_std::task;
use std::sync::{Arc, Mutex};

// ANCHOR: bloque
async fn anotar(contador: Arc<Mutex<u32>>) {
    {
        let mut guard = contador.lock().unwrap();
        *guard += 1;
    }
    task::yield_now().await;
}
// ANCHOR_END: bloque

fn main() {
    let contador = Arc::new(Mutex::new(0));
    task::block_on(task::spawn(anotar(Arc::clone(&contador))));
    assert_eq!(*contador.lock().unwrap(), 1);
}
