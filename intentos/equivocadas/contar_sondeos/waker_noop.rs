//! Error: sondea el future de dentro con `Waker::noop()` en lugar del `cx` que
//! recibe: el aviso del de dentro no llega al ejecutor.
//! Se espera: fallan un_future_que_da_pending_k_veces_se_sondea_k_mas_1,
//!   el_valor_del_future_de_dentro_pasa_tal_cual,
//!   funciona_con_un_future_que_no_es_unpin,
//!   el_future_de_dentro_despierta_a_quien_espera_a_contar_sondeos
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

    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        *this.sondeos += 1;
        let mut otro = Context::from_waker(std::task::Waker::noop());
        match this.future.poll(&mut otro) {
            Poll::Ready(valor) => Poll::Ready((valor, *this.sondeos)),
            Poll::Pending => Poll::Pending,
        }
    }
}
