//! Error: devuelve `Pending` sin llamar al waker: nadie avisa al ejecutor de
//! que vale la pena volver a sondearlo, y duerme para siempre.
//! Se espera: fallan despierta_al_waker_de_cada_sondeo_que_devuelve_pending,
//!   termina_bajo_un_ejecutor_de_verdad
//!
//! Solución del ejercicio `futures_perezosos`: un future escrito a mano que cede el turno.
//!
//! Todo el contrato de `Future` cabe en estas líneas: `poll` nunca espera
//! (vuelve enseguida con `Pending` o con `Ready`), y antes de devolver
//! `Pending` se asegura de que alguien llamará al waker. Aquí ese alguien es
//! el propio future: no espera nada externo, así que avisa en el acto de que
//! vale la pena volver a sondearlo.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Un future que cede el turno `n` veces antes de terminar.
#[derive(Debug)]
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

    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<usize> {
        // `Ceder` solo guarda dos `usize`, así que es `Unpin`: a través de
        // `Pin<&mut Self>` se pueden cambiar sus campos como con `&mut Self`.
        if self.restantes == 0 {
            return Poll::Ready(self.total);
        }
        self.restantes -= 1;
        Poll::Pending
    }
}
