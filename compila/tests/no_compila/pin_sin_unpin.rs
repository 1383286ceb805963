// Capítulo «Pin»: el future de una `async fn` no es `Unpin`, porque después
// del primer sondeo puede guardar referencias a sí mismo. `Pin::new` solo
// fija lo que es `Unpin`; para el resto están `pin!` y `Box::pin`.
use async_std::task;
use std::future::Future;
use std::pin::Pin;
use std::task::Context;

async fn fetch_like() -> usize {
    let buf = [1u8; 64];
    let trozo = &buf[8..16];
    task::yield_now().await;
    trozo.len()
}

fn sondear_una_vez(cx: &mut Context<'_>) {
    let mut future = fetch_like();
    let _ = Pin::new(&mut future).poll(cx);
}

fn main() {
    let _ = sondear_una_vez;
}
