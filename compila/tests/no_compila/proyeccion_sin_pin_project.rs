// Capítulo «Pin»: un combinador no llega a sus campos con un préstamo
// corriente. `&mut *self` pide `DerefMut`, y `Pin<&mut Self>` solo lo
// implementa si `Self` es `Unpin`; `Mapear<F, G>` no lo es cuando `F` no lo
// es. Hace falta proyectar: a mano, con `unsafe`, o con `pin_project!`.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

struct Mapear<F, G> {
    future: F,
    f: Option<G>,
}

impl<F: Future, G: FnOnce(F::Output) -> T, T> Future for Mapear<F, G> {
    type Output = T;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let Mapear { future, f } = &mut *self;
        let _ = (future, f, cx);
        todo!()
    }
}

fn main() {
    let _ = Mapear {
        future: async { 1 },
        f: Some(|n: i32| n + 1),
    };
}
