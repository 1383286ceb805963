// Capítulo «Pin»: `poll` recibe `self: Pin<&mut Self>` por valor, así que
// sondear consume el `Pin<&mut F>`. Para sondear otra vez el mismo future
// hay que volver a prestarlo: `future.as_mut().poll(cx)`.
use std::future::Future;
use std::pin::Pin;
use std::task::Context;

fn sondear_dos_veces<F: Future>(future: Pin<&mut F>, cx: &mut Context<'_>) {
    let _ = future.poll(cx);
    let _ = future.poll(cx);
}

fn main() {
    let _ = sondear_dos_veces::<std::future::Ready<()>>;
}
