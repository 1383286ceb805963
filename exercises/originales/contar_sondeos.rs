//! Ejercicio contar_sondeos: un combinador que cuenta los sondeos de otro
//! future.
//!
//! Capítulo: book/src/19-pin.md.
//! Pruebas: `cargo test -p exercises --test contar_sondeos`.
//! Pista: `cargo run -- pista contar_sondeos`.
//!
//! `ContarSondeos::new(future)` envuelve un future. Cuando el de dentro
//! termina con `valor`, `ContarSondeos` termina con `(valor, sondeos)`:
//! cuántas veces se sondeó el de dentro, contando el sondeo que dio `Ready`.
//! Un future que está listo a la primera se sondea una vez; uno que devuelve
//! `Pending` tres veces, cuatro.
//!
//! El future de dentro puede no ser `Unpin` (el de un bloque `async` no lo
//! es): para sondearlo hace falta un `Pin<&mut F>`, y desde
//! `self: Pin<&mut Self>` se llega a él proyectando. `pin_project!` ya está
//! puesto en la estructura: `#[pin]` marca `future` como campo fijado, y
//! `sondeos` es un campo corriente. Escribe `poll`.
//!
//! No hace falta que `ContarSondeos` aguante un sondeo después de `Ready`:
//! el contrato de `Future` dice que un future terminado no se vuelve a
//! sondear.

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
        todo!(
            "Ejercicio contar_sondeos: escribe `ContarSondeos::poll` en \
             exercises/src/contar_sondeos.rs (capítulo book/src/19-pin.md; \
             pista: cargo run -- pista contar_sondeos)"
        )
    }
}
