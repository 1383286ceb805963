// Capítulo «Futures que cambian de hilo: Send»: `drop(string)` antes del
// `.await` no basta si el `Rc` se prestó antes (aquí, a `format!`). El
// compilador supone que el préstamo podría seguir vivo, y el future guarda
// `string` hasta el final de su ámbito: el `Rc` cruza el `.await`.
use async_std::task;
use std::rc::Rc;

async fn reluctant() -> String {
    let string = Rc::new("cadena con recuento de referencias".to_string());
    let return_value = format!("Tu espléndida cadena: {string}");
    drop(string);
    task::yield_now().await;
    return_value
}

fn main() {
    task::spawn(reluctant());
}
