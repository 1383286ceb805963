//! Error: los métodos del handle mandan con `try_send`: si el buzón está
//! lleno, la petición se descarta y el método vuelve con un error, en lugar
//! de esperar sitio.
//! Se espera: falla un_buzon_lleno_hace_esperar
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
                // Si quien preguntó se fue, `send` devuelve el valor: no es
                // un error del actor, y la suma ya está hecha.
                let _ = responder.send(estado.total);
            }
            Peticion::Leer { responder } => {
                let _ = responder.send(estado.total);
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
            .try_send(Peticion::Sumar { n, responder })
            .map_err(|_| ActorTerminado)?;
        respuesta.await.map_err(|_| ActorTerminado)
    }

    /// El total.
    pub async fn leer(&self) -> Result<u64, ActorTerminado> {
        let (responder, respuesta) = oneshot::channel();
        self.buzon
            .try_send(Peticion::Leer { responder })
            .map_err(|_| ActorTerminado)?;
        respuesta.await.map_err(|_| ActorTerminado)
    }

    /// Hace que el actor espere a `seguir`; vuelve cuando el actor terminó de
    /// esperar.
    pub async fn esperar(&self, seguir: oneshot::Receiver<()>) -> Result<(), ActorTerminado> {
        let (responder, respuesta) = oneshot::channel();
        self.buzon
            .try_send(Peticion::Esperar { seguir, responder })
            .map_err(|_| ActorTerminado)?;
        respuesta.await.map_err(|_| ActorTerminado)
    }
}
