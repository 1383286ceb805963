//! El servidor del chat: los módulos del libro y un manejador para
//! arrancarlo, contarlo y detenerlo.
//!
//! # Por qué vive en la biblioteca y no en `examples/chat_server/`
//!
//! En el libro, el servidor es un ejecutable de varios archivos:
//! `main.rs` y los módulos `connection`, `group` y `group_table`. Aquí los
//! tres módulos conservan sus nombres y su forma, pero viven en la
//! biblioteca, y `examples/chat_server/` se queda con lo que en el libro es
//! `main.rs`. La razón es que el servidor tiene que poder probarse por
//! dentro: las pruebas (`tests/chat*.rs`) arrancan un servidor en su propio
//! proceso y le preguntan, por el trait
//! [`ServidorDeChat`](crate::chat::interfaz::ServidorDeChat), cuántas
//! conexiones y cuántas tareas de suscripción siguen vivas, para demostrar
//! que un cliente que se va no deja nada atrás.
//! Un ejemplo no se puede importar desde una prueba; la biblioteca, sí. Y el
//! código sigue a la vista: el libro lo incluye desde estos mismos archivos,
//! y los ejercicios `handle_subscriber` y `group_table` piden reescribir dos de sus piezas.
//!
//! # Qué añade [`ServidorChat`] al `main` del libro
//!
//! - Escucha en la dirección que se le dé (el puerto 0 elige uno libre).
//! - Cuenta lo que vive: conexiones atendidas ahora mismo, tareas de
//!   suscripción, grupos, y el máximo de mensajes que llegó a guardar la cola
//!   de un grupo. Son las cifras que usan las pruebas y las demostraciones.
//! - No se cae por un error al aceptar (por ejemplo, si se acaban los
//!   descriptores de archivo): lo anota, espera un poco y sigue. En el libro,
//!   el `?` de ese bucle haría caer el servidor entero.
//! - Si atender una conexión entrara en pánico, lo cuenta y sigue con las
//!   demás (las pruebas comprueban que la cuenta se queda en cero).
//! - Se detiene limpiamente: [`ServidorChat::detener`] deja de aceptar,
//!   termina todas las conexiones (y con ellas sus suscripciones) y espera a
//!   que las cuentas lleguen a cero.

use std::future::Future;
use std::io;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use async_std::channel;
use async_std::net::{SocketAddr, TcpListener, ToSocketAddrs};
use async_std::prelude::*;
use async_std::task;

pub mod connection;
pub mod group;
pub mod group_table;

use group_table::GroupTable;

pub use crate::chat::interfaz::Config;
use crate::chat::interfaz::ServidorDeChat;

/// Un servidor de chat en marcha. Al soltarse, se detiene (sin esperar);
/// para esperar a que termine del todo, usa [`ServidorChat::detener`].
pub struct ServidorChat {
    direccion: SocketAddr,
    groups: Arc<GroupTable>,
    contadores: Arc<Contadores>,
    // Nadie manda nada por este canal: soltarlo lo cierra, y el cierre es la
    // señal de parar para el bucle que acepta y para cada conexión.
    detener: Option<channel::Sender<()>>,
    aceptador: Option<task::JoinHandle<()>>,
}

/// Las cuentas del manejador. Las comparte el servidor rápido
/// ([`crate::chat::servidor_rapido`]), que cuenta igual.
#[derive(Debug, Default)]
pub(crate) struct Contadores {
    pub(crate) conexiones: AtomicUsize,
    pub(crate) panicos: AtomicUsize,
}

/// Cuenta una conexión mientras vive: al soltarse (termine como termine su
/// tarea, también si se cancela), la descuenta.
pub(crate) struct Presente(Arc<Contadores>);

impl Presente {
    pub(crate) fn entrar(contadores: &Arc<Contadores>) -> Presente {
        contadores.conexiones.fetch_add(1, Ordering::SeqCst);
        Presente(Arc::clone(contadores))
    }
}

impl Drop for Presente {
    fn drop(&mut self) {
        self.0.conexiones.fetch_sub(1, Ordering::SeqCst);
    }
}

impl ServidorChat {
    /// Arranca un servidor con la configuración por omisión.
    pub async fn iniciar(direccion: impl ToSocketAddrs) -> io::Result<ServidorChat> {
        ServidorChat::con_config(direccion, Config::default()).await
    }

    /// Arranca un servidor en `direccion` (por ejemplo `"127.0.0.1:0"`).
    pub async fn con_config(
        direccion: impl ToSocketAddrs,
        config: Config,
    ) -> io::Result<ServidorChat> {
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
        Ok(ServidorChat {
            direccion,
            groups,
            contadores,
            detener: Some(detener),
            aceptador: Some(aceptador),
        })
    }

    /// La dirección en la que escucha.
    pub fn direccion(&self) -> SocketAddr {
        self.direccion
    }

    /// Cuántas conexiones se están atendiendo ahora mismo.
    pub fn conexiones(&self) -> usize {
        self.contadores.conexiones.load(Ordering::SeqCst)
    }

    /// Cuántas tareas de suscripción (una por miembro de cada grupo) siguen
    /// vivas.
    pub fn suscriptores(&self) -> usize {
        self.groups.suscriptores()
    }

    /// Cuántos grupos existen.
    pub fn grupos(&self) -> usize {
        self.groups.len()
    }

    /// El mayor número de mensajes que llegó a guardar la cola de un grupo.
    pub fn retenidos_max(&self) -> usize {
        self.groups.retenidos_max()
    }

    /// Cuántas conexiones terminaron en pánico (debería ser siempre 0).
    pub fn panicos(&self) -> usize {
        self.contadores.panicos.load(Ordering::SeqCst)
    }

    /// Espera a que se cumpla `condicion`, mirándola cada pocos milisegundos.
    /// No tiene límite de tiempo: quien llama pone el suyo.
    pub async fn esperar_hasta(&self, condicion: impl Fn(&ServidorChat) -> bool) {
        while !condicion(self) {
            task::sleep(Duration::from_millis(2)).await;
        }
    }

    /// Deja de aceptar conexiones, termina las que hay y espera a que no
    /// quede ninguna conexión ni ninguna tarea de suscripción.
    pub async fn detener(mut self) {
        // Soltar el emisor cierra el canal: todos los que esperan en él
        // despiertan a la vez.
        self.detener.take();
        if let Some(aceptador) = self.aceptador.take() {
            aceptador.await;
        }
        self.esperar_hasta(|s| s.conexiones() == 0 && s.suscriptores() == 0)
            .await;
    }
}

/// Lo que ven las pruebas: los mismos métodos de arriba, a través del trait.
impl ServidorDeChat for ServidorChat {
    fn iniciar(
        direccion: std::net::SocketAddr,
        config: Config,
    ) -> impl Future<Output = io::Result<Self>> + Send {
        ServidorChat::con_config(direccion, config)
    }

    fn direccion(&self) -> std::net::SocketAddr {
        ServidorChat::direccion(self)
    }

    fn conexiones(&self) -> usize {
        ServidorChat::conexiones(self)
    }

    fn suscriptores(&self) -> usize {
        ServidorChat::suscriptores(self)
    }

    fn grupos(&self) -> usize {
        ServidorChat::grupos(self)
    }

    fn retenidos_max(&self) -> usize {
        ServidorChat::retenidos_max(self)
    }

    fn panicos(&self) -> usize {
        ServidorChat::panicos(self)
    }

    fn detener(self) -> impl Future<Output = ()> + Send {
        ServidorChat::detener(self)
    }
}

impl Drop for ServidorChat {
    fn drop(&mut self) {
        self.detener.take();
    }
}

// ANCHOR: aceptar
async fn aceptar(
    listener: TcpListener,
    groups: Arc<GroupTable>,
    contadores: Arc<Contadores>,
    config: Config,
    detenido: channel::Receiver<()>,
) {
    let mut new_connections = listener.incoming();
    loop {
        // La siguiente conexión o la orden de parar, lo que llegue antes.
        let parar = async {
            let _ = detenido.recv().await;
            None
        };
        let socket = match new_connections.next().race(parar).await {
            Some(Ok(socket)) => socket,
            Some(Err(error)) => {
                // Por ejemplo, «too many open files». No es culpa de nadie
                // que esté conectado: se espera un poco y se sigue.
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
            // Una tarea por conexión. Si el servidor se detiene, `race`
            // suelta `serve` a medias: se sueltan sus suscripciones y con
            // ellas se cancelan sus tareas.
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
// ANCHOR_END: aceptar
