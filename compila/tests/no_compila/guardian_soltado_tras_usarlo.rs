// Capítulo «Mutex: el de `std` y el asíncrono»: `drop(guard)` antes del
// `.await` suelta el lock (ya no hay interbloqueo al ejecutarlo), pero el
// guardián se usó a través de una referencia (`*guard += 1` lo presta), y el
// future lo sigue guardando hasta el final de su ámbito. El future no es
// `Send`, y `task::spawn` lo rechaza.
use async_std::task;
use std::sync::{Arc, Mutex};

async fn anotar(contador: Arc<Mutex<u32>>) {
    let mut guard = contador.lock().unwrap();
    *guard += 1;
    drop(guard);
    task::yield_now().await;
}

fn main() {
    let contador = Arc::new(Mutex::new(0));
    task::spawn(anotar(contador));
}
