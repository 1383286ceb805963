//! Error: `unwrap()` del `responder.send(...)`: falla cuando quien preguntó
//! ya se fue, y el pánico mata al actor para todos.
//! Se espera: falla una_respuesta_abandonada_no_mata_al_actor
//!
//! Solución del ejercicio `actor`: un contador que es dueño de su estado y
//! contesta por un buzón acotado.

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
    let (buzon, recibir) = mpsc::channel(capacidad);
    let tarea = tokio::spawn(actor(recibir, estado));
    (Contador { buzon }, tarea)
}

/// El bucle del actor: una petición tras otra, en el orden en que llegan,
/// hasta que `recv` da `None` (se soltaron todos los `Contador`).
async fn actor(mut buzon: mpsc::Receiver<Peticion>, mut estado: Estado) {
    while let Some(peticion) = buzon.recv().await {
        match peticion {
            Peticion::Sumar { n, responder } => {
                estado.total += n;
                responder.send(estado.total).unwrap();
            }
            Peticion::Leer { responder } => {
                responder.send(estado.total).unwrap();
            }
            Peticion::Esperar { seguir, responder } => {
                let _ = seguir.await;
                let _ = responder.send(());
            }
        }
    }
    // Aquí se suelta `estado`, y con él su recurso.
}

impl Contador {
    /// Suma `n` y devuelve el total nuevo.
    pub async fn sumar(&self, n: u64) -> Result<u64, ActorTerminado> {
        let (responder, respuesta) = oneshot::channel();
        self.buzon
            .send(Peticion::Sumar { n, responder })
            .await
            .map_err(|_| ActorTerminado)?;
        respuesta.await.map_err(|_| ActorTerminado)
    }

    /// El total.
    pub async fn leer(&self) -> Result<u64, ActorTerminado> {
        let (responder, respuesta) = oneshot::channel();
        self.buzon
            .send(Peticion::Leer { responder })
            .await
            .map_err(|_| ActorTerminado)?;
        respuesta.await.map_err(|_| ActorTerminado)
    }

    /// Hace que el actor espere a `seguir`; vuelve cuando el actor terminó de
    /// esperar.
    pub async fn esperar(&self, seguir: oneshot::Receiver<()>) -> Result<(), ActorTerminado> {
        let (responder, respuesta) = oneshot::channel();
        self.buzon
            .send(Peticion::Esperar { seguir, responder })
            .await
            .map_err(|_| ActorTerminado)?;
        respuesta.await.map_err(|_| ActorTerminado)
    }
}
