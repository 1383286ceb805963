//! Un segundo servidor de chat, junto al del libro, que reparte más deprisa.
//!
//! # Por qué existe
//!
//! El servidor de los capítulos del chat ([`crate::chat::servidor`]) es el
//! diseño del libro, y se queda como el libro lo enseña. Tiene dos costos
//! que se ven al medirlo con muchos miembros por grupo:
//!
//! - cada miembro vuelve a convertir en JSON el mismo mensaje: con cien
//!   miembros, cien veces el mismo trabajo;
//! - cada mensaje es su propia escritura en el socket (una llamada al
//!   sistema, y del otro lado, quizá, una lectura), aunque el miembro tenga
//!   varios esperando en la cola.
//!
//! Este módulo quita los dos, y nada más (ver [`group`]): el grupo hace la
//! línea JSON una vez y el canal reparte sus bytes, y la tarea de cada
//! miembro escribe de una vez lo que encuentre en la cola. Lo demás es el
//! servidor del libro: el mismo protocolo, los mismos límites, la misma
//! cola acotada con el mismo aviso al que se atrasa, el mismo `Outbound`, la
//! misma cortesía al cerrar, las mismas cuentas. Las mismas pruebas del chat
//! lo califican (`tests/chat_rapido.rs` y `tests/chat_rapido_mil.rs`), y el
//! ejemplo `chat_carga --comparar` mide los dos lado a lado.
//!
//! El manejador ([`ServidorRapido`]) es el de
//! [`ServidorChat`](crate::chat::servidor::ServidorChat), repetido porque
//! aquel arranca las conexiones del libro y este, las de [`connection`].

use std::future::Future;
use std::io;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use async_std::channel;
use async_std::net::{SocketAddr, TcpListener, ToSocketAddrs};
use async_std::prelude::*;
use async_std::task;

pub mod connection;
pub mod group;
pub mod group_table;

use group_table::GroupTable;

use crate::chat::interfaz::{Config, ServidorDeChat};
use crate::chat::servidor::{Contadores, Presente};

/// Un servidor de chat rápido en marcha. Al soltarse, se detiene (sin
/// esperar); para esperar a que termine del todo, usa
/// [`ServidorRapido::detener`].
pub struct ServidorRapido {
    direccion: SocketAddr,
    groups: Arc<GroupTable>,
    contadores: Arc<Contadores>,
    // Como en `ServidorChat`: soltar el emisor es la señal de parar.
    detener: Option<channel::Sender<()>>,
    aceptador: Option<task::JoinHandle<()>>,
}

impl ServidorRapido {
    /// Arranca un servidor en `direccion` (por ejemplo `"127.0.0.1:0"`).
    pub async fn con_config(
        direccion: impl ToSocketAddrs,
        config: Config,
    ) -> io::Result<ServidorRapido> {
        let listener = TcpListener::bind(direccion).await?;
        let direccion = listener.local_addr()?;
        let groups = Arc::new(GroupTable::new(config.capacidad));
        let contadores = Arc::new(Contadores::default());
        let (detener, detenido) = channel::bounded(1);
        let aceptador = task::spawn(aceptar(
            listener,
            Arc::clone(&groups),
            Arc::clone(&contadores),
            config,
            detenido,
        ));
        Ok(ServidorRapido {
            direccion,
            groups,
            contadores,
            detener: Some(detener),
            aceptador: Some(aceptador),
        })
    }

    /// Deja de aceptar conexiones, termina las que hay y espera a que no
    /// quede ninguna conexión ni ninguna tarea de suscripción.
    pub async fn detener(mut self) {
        self.detener.take();
        if let Some(aceptador) = self.aceptador.take() {
            aceptador.await;
        }
        self.esperar_hasta(|s| s.conexiones() == 0 && s.suscriptores() == 0)
            .await;
    }
}

impl ServidorDeChat for ServidorRapido {
    fn iniciar(
        direccion: std::net::SocketAddr,
        config: Config,
    ) -> impl Future<Output = io::Result<Self>> + Send {
        ServidorRapido::con_config(direccion, config)
    }

    fn direccion(&self) -> std::net::SocketAddr {
        self.direccion
    }

    fn conexiones(&self) -> usize {
        self.contadores.conexiones.load(Ordering::SeqCst)
    }

    fn suscriptores(&self) -> usize {
        self.groups.suscriptores()
    }

    fn grupos(&self) -> usize {
        self.groups.len()
    }

    fn retenidos_max(&self) -> usize {
        self.groups.retenidos_max()
    }

    fn panicos(&self) -> usize {
        self.contadores.panicos.load(Ordering::SeqCst)
    }

    fn detener(self) -> impl Future<Output = ()> + Send {
        ServidorRapido::detener(self)
    }
}

impl Drop for ServidorRapido {
    fn drop(&mut self) {
        self.detener.take();
    }
}

/// El bucle que acepta, como el `aceptar` de `ServidorChat`, con el `serve`
/// de [`connection`].
async fn aceptar(
    listener: TcpListener,
    groups: Arc<GroupTable>,
    contadores: Arc<Contadores>,
    config: Config,
    detenido: channel::Receiver<()>,
) {
    let mut new_connections = listener.incoming();
    loop {
        let parar = async {
            let _ = detenido.recv().await;
            None
        };
        let socket = match new_connections.next().race(parar).await {
            Some(Ok(socket)) => socket,
            Some(Err(error)) => {
                if config.registrar_errores {
                    eprintln!("Error al aceptar una conexión: {error}");
                }
                task::sleep(Duration::from_millis(10)).await;
                continue;
            }
            None => break,
        };

        let presente = Presente::entrar(&contadores);
        let groups = Arc::clone(&groups);
        let contadores = Arc::clone(&contadores);
        let detenido = detenido.clone();
        let registrar = config.registrar_errores;
        let limite = config.limite_linea_a_medias;
        task::spawn(async move {
            let _presente = presente;
            let cliente = match socket.peer_addr() {
                Ok(direccion) => direccion.to_string(),
                Err(_) => "un cliente".to_string(),
            };
            let atender = futures::FutureExt::catch_unwind(AssertUnwindSafe(connection::serve(
                socket, groups, limite,
            )));
            let parar = async move {
                let _ = detenido.recv().await;
                Ok(Ok(()))
            };
            match atender.race(parar).await {
                Ok(Ok(())) => {}
                Ok(Err(error)) => {
                    if registrar {
                        eprintln!("Error con {cliente}: {error}");
                    }
                }
                Err(_) => {
                    contadores.panicos.fetch_add(1, Ordering::SeqCst);
                    eprintln!("¡Pánico atendiendo a {cliente}! El servidor sigue.");
                }
            }
        });
    }
}
