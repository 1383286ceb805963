// Capítulo «Futures que cambian de hilo: Send»: un `Rc` que se mueve entero
// antes del `.await` (a `drop`, o a una función que lo recibe por valor) sin
// haberse prestado nunca ya no está en el future cuando este se suspende. Los
// dos futures son `Send`, y `task::spawn` los acepta.
use async_std::task;
use std::rc::Rc;

// ANCHOR: movido
/// El `Rc` va a `drop` sin que nadie lo haya mirado antes.
async fn soltado() -> &'static str {
    let string = Rc::new("cadena con recuento de referencias".to_string());
    drop(string);
    task::yield_now().await;
    "soltado antes del .await"
}

/// `Rc::unwrap_or_clone` recibe el `Rc` por valor: lo consume, no lo presta.
/// Lo que cruza el `.await` es el `String` que devuelve.
async fn consumido() -> String {
    let string = Rc::new("cadena con recuento de referencias".to_string());
    let texto = Rc::unwrap_or_clone(string);
    task::yield_now().await;
    format!("Tu espléndida cadena: {texto}")
}
// ANCHOR_END: movido

fn main() {
    task::block_on(async {
        assert_eq!(task::spawn(soltado()).await, "soltado antes del .await");
        assert_eq!(
            task::spawn(consumido()).await,
            "Tu espléndida cadena: cadena con recuento de referencias"
        );
    });
}
