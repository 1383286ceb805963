//! Ejercicio `futures_perezosos`: un future escrito a mano que cede el turno.
//!
//! Capítulo: book/src/03-futures-perezosos.md.
//! Pruebas: `cargo test -p exercises --test futures_perezosos`.
//! Pista: `cargo run -- pista futures_perezosos`.
//!
//! Casi nunca se implementa `Future` a mano: `async` lo hace por ti. Pero
//! hacerlo una vez enseña el contrato que todo future cumple. `Ceder::veces(n)`
//! es un future que devuelve `Pending` las primeras `n` veces que lo sondean
//! y `Ready(n)` la siguiente. Cada vez que devuelve `Pending` tiene que
//! despertar él mismo al waker del `Context` que recibió: si no, el ejecutor
//! no vuelve a sondearlo nunca y la tarea se queda esperando para siempre.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Un future que cede el turno `n` veces antes de terminar: se parece a
/// llamar `n` veces a `async_std::task::yield_now().await`.
#[derive(Debug)]
// Hasta que escribas `poll`, nadie lee los campos: es a propósito.
#[allow(dead_code)]
pub struct Ceder {
    /// Cuántas veces le falta devolver `Pending`.
    restantes: usize,
    /// Cuántas veces tiene que devolver `Pending` en total: su valor final.
    total: usize,
}

impl Ceder {
    /// Un future que devuelve `Pending` `n` veces y después `Ready(n)`.
    pub fn veces(n: usize) -> Ceder {
        Ceder {
            restantes: n,
            total: n,
        }
    }
}

impl Future for Ceder {
    /// Cuántas veces cedió el turno.
    type Output = usize;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<usize> {
        todo!(
            "Ejercicio `futures_perezosos`: escribe `Ceder::poll` en \
             exercises/src/futures_perezosos.rs (capítulo book/src/03-futures-perezosos.md; \
             pista: cargo run -- pista futures_perezosos)"
        )
    }
}
