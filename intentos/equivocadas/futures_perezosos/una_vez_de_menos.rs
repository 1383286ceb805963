//! Error: cuenta mal las veces: devuelve `Ready` cuando le queda un `Pending`
//! por dar (`restantes <= 1`), así que cede el turno una vez de menos.
//! Se espera: fallan devuelve_pending_n_veces_y_despues_ready_n,
//!   despierta_al_waker_de_cada_sondeo_que_devuelve_pending
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

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<usize> {
        // `Ceder` solo guarda dos `usize`, así que es `Unpin`: a través de
        // `Pin<&mut Self>` se pueden cambiar sus campos como con `&mut Self`.
        if self.restantes <= 1 {
            return Poll::Ready(self.total);
        }
        self.restantes -= 1;
        // Sin esta línea, el ejecutor dormiría esperando un aviso que nadie
        // va a dar. Se despierta al waker de *este* sondeo: el de un sondeo
        // anterior puede ser de otra tarea o de otro ejecutor.
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}
