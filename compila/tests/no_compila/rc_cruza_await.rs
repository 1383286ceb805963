// Capítulo «Futures que cambian de hilo: Send»: un `Rc` que cruza un
// `.await` queda guardado en el future, y el future deja de ser `Send`.
use async_std::task;
use std::rc::Rc;

async fn reluctant() -> String {
    let string = Rc::new("cadena con recuento de referencias".to_string());
    task::yield_now().await;
    format!("Tu espléndida cadena: {string}")
}

fn main() {
    task::spawn(reluctant());
}
