//! Ejercicio `actor`: un contador que es dueño de su estado y contesta por
//! un buzón acotado.
//!
//! Capítulo: book/src/canales.md.
//! Pruebas: `cargo test -p exercises --test actor`.
//! Pista: `cargo run -- pista actor`.
//!
//! Escribe tres cosas:
//!
//! - [`lanzar`]: crea el buzón, un `mpsc` **acotado** de `capacidad`
//!   peticiones, lanza la tarea del actor con `tokio::spawn` y devuelve el
//!   handle y el `JoinHandle` de esa tarea;
//! - `actor`, el bucle: recibe una petición tras otra y contesta cada una
//!   por su `oneshot`, en el orden en que llegan, hasta que el buzón se
//!   cierra (se soltaron todos los handles); entonces termina, y su estado
//!   se suelta con él;
//! - los métodos de [`Contador`]: cada uno crea un `oneshot`, manda su
//!   petición al buzón (esperando sitio si está lleno) y espera la
//!   respuesta; si el actor ya no está, devuelven `Err(ActorTerminado)`.
//!
//! Los tipos de arriba ya están escritos: puedes cambiar `Peticion` y los
//! campos de `Contador` si quieres, pero no lo que usan las pruebas
//! (`Estado`, `ActorTerminado`, `lanzar` y los métodos de `Contador`).

use std::any::Any;

use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;

/// El estado del actor: solo la tarea del actor lo toca.
pub struct Estado {
    /// La suma de todo lo que se ha sumado.
    pub total: u64,
    /// Algo que el estado guarda y que se suelta con él, como un archivo o
    /// un socket que se cierra al soltarse. Las pruebas ponen aquí un
    /// testigo, para ver que el estado se soltó cuando el actor terminó.
    pub recurso: Box<dyn Any + Send>,
}

/// Lo que se le puede pedir al actor. Cada petición lleva el `oneshot` por
/// el que el actor contesta.
pub enum Peticion {
    /// Suma `n` al total y contesta el total nuevo.
    Sumar {
        n: u64,
        responder: oneshot::Sender<u64>,
    },
    /// Contesta el total.
    Leer { responder: oneshot::Sender<u64> },
    /// Un trabajo que hace esperar al actor, como una escritura a disco:
    /// espera a `seguir` (o a que se suelte su emisor) y después contesta.
    Esperar {
        seguir: oneshot::Receiver<()>,
        responder: oneshot::Sender<()>,
    },
}

/// El actor ya no está: terminó, o entró en pánico.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActorTerminado;

/// El handle del actor: se clona, y cada clon manda peticiones al mismo
/// buzón.
#[derive(Clone)]
pub struct Contador {
    buzon: mpsc::Sender<Peticion>,
}

/// Lanza el actor con un buzón de `capacidad` peticiones y el estado
/// `estado`. Devuelve su handle y el `JoinHandle` de su tarea, que termina
/// cuando se sueltan todos los handles.
pub fn lanzar(capacidad: usize, estado: Estado) -> (Contador, JoinHandle<()>) {
    todo!(
        "Ejercicio `actor`: escribe `lanzar` en exercises/src/actor.rs (capítulo \
         book/src/canales.md; pista: cargo run -- pista actor)"
    )
}

/// El bucle del actor: una petición tras otra, en el orden en que llegan,
/// hasta que `recv` da `None` (se soltaron todos los `Contador`).
async fn actor(mut buzon: mpsc::Receiver<Peticion>, mut estado: Estado) {
    todo!(
        "Ejercicio `actor`: escribe el bucle `actor` en exercises/src/actor.rs (capítulo \
         book/src/canales.md; pista: cargo run -- pista actor)"
    )
}

impl Contador {
    /// Suma `n` y devuelve el total nuevo.
    pub async fn sumar(&self, n: u64) -> Result<u64, ActorTerminado> {
        todo!(
            "Ejercicio `actor`: escribe `Contador::sumar` en exercises/src/actor.rs (capítulo \
             book/src/canales.md; pista: cargo run -- pista actor)"
        )
    }

    /// El total.
    pub async fn leer(&self) -> Result<u64, ActorTerminado> {
        todo!(
            "Ejercicio `actor`: escribe `Contador::leer` en exercises/src/actor.rs (capítulo \
             book/src/canales.md; pista: cargo run -- pista actor)"
        )
    }

    /// Hace que el actor espere a `seguir`; vuelve cuando el actor terminó de
    /// esperar.
    pub async fn esperar(&self, seguir: oneshot::Receiver<()>) -> Result<(), ActorTerminado> {
        todo!(
            "Ejercicio `actor`: escribe `Contador::esperar` en exercises/src/actor.rs (capítulo \
             book/src/canales.md; pista: cargo run -- pista actor)"
        )
    }
}
