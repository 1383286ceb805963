//! Alternativa: en cada sondeo envuelve el future de dentro en otro, nuevo y
//! en el montón (`Box::pin(async move { this.future.await })`), y sondea ese:
//! una reserva de memoria por sondeo, pero la cuenta y el waker son los mismos.
//!
//! Solución del ejercicio contar_sondeos: un combinador que cuenta los
//! sondeos de otro future.
//!
//! `poll` proyecta (`self.project()`): de `Pin<&mut Self>` saca un
//! `Pin<&mut F>` para el future de dentro, que puede no ser `Unpin`, y un
//! `&mut usize` para el contador, que no está fijado. Suma uno y sondea el de
//! dentro con el mismo `cx`: así el waker de quien sondea `ContarSondeos` es
//! el que recibe el de dentro, y su aviso llega a donde tiene que llegar.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use pin_project_lite::pin_project;

pin_project! {
    /// Envuelve `future` y cuenta cuántas veces se sondea.
    #[derive(Debug)]
    pub struct ContarSondeos<F> {
        #[pin]
        future: F,
        sondeos: usize,
    }
}

impl<F> ContarSondeos<F> {
    /// Envuelve `future`, que aún no se ha sondeado ninguna vez.
    pub fn new(future: F) -> ContarSondeos<F> {
        ContarSondeos { future, sondeos: 0 }
    }
}

impl<F: Future> Future for ContarSondeos<F> {
    type Output = (F::Output, usize);

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        *this.sondeos += 1;
        let sondeos = *this.sondeos;
        // Un future nuevo en cada sondeo, a propósito (Clippy lo ve de más):
        // lo que importa es que sondea el mismo future de dentro con el mismo
        // `cx`.
        #[allow(clippy::redundant_async_block)]
        let mut nuevo = Box::pin(async move { this.future.await });
        match nuevo.as_mut().poll(cx) {
            Poll::Ready(valor) => Poll::Ready((valor, sondeos)),
            Poll::Pending => Poll::Pending,
        }
    }
}
