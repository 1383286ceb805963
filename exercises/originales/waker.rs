//! Ejercicio `waker`: un temporizador con un hilo que despierta al waker.
//!
//! Capítulo: book/src/16-waker.md.
//! Pruebas: `cargo test -p exercises --test waker`.
//! Pista: `cargo run -- pista waker`.
//!
//! `async_std::task::sleep` es un future primitivo: no espera a ningún otro
//! future, así que es él quien tiene que guardar el waker y conseguir que
//! alguien lo llame. Aquí escribes uno igual de sencillo, sin runtime:
//! `Temporizador::new(duracion)` lanza un hilo que duerme `duracion`, marca
//! que terminó y despierta al waker que el future dejó en el último sondeo.
//!
//! El ejecutor no debe sondear el temporizador en bucle: `poll` devuelve
//! `Pending` sin llamar al waker, y es el hilo quien lo llama, una vez,
//! cuando de verdad vale la pena volver a sondear.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

/// Un future que termina cuando han pasado `duracion` desde que se creó.
#[derive(Debug)]
// Hasta que escribas `new` y `poll`, nadie usa los campos: es a propósito.
#[allow(dead_code)]
pub struct Temporizador {
    compartido: Arc<Mutex<Compartido>>,
}

/// Lo que comparten el temporizador y el hilo que cuenta el tiempo.
#[derive(Debug)]
#[allow(dead_code)]
struct Compartido {
    /// Si ya pasó el tiempo.
    terminado: bool,
    /// El waker del último sondeo que encontró `terminado == false`.
    waker: Option<Waker>,
}

impl Temporizador {
    /// Un temporizador de `duracion`. Empieza a contar ya, en un hilo nuevo.
    pub fn new(duracion: Duration) -> Temporizador {
        todo!(
            "Ejercicio `waker`: escribe `Temporizador::new` en exercises/src/waker.rs \
             (capítulo book/src/16-waker.md; pista: cargo run -- pista waker)"
        )
    }
}

impl Future for Temporizador {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        todo!(
            "Ejercicio `waker`: escribe `Temporizador::poll` en exercises/src/waker.rs \
             (capítulo book/src/16-waker.md; pista: cargo run -- pista waker)"
        )
    }
}
