//! Error: lee las líneas sin longitud máxima (`AnyDelimiterCodec::new`): una
//! línea sin fin hace crecer el búfer sin límite, y nunca llega el error.
//! Se espera: fallan entrada_mal_formada_y_demasiado_larga::una_linea_desmesurada_da_un_error_y_cierra_la_conexion,
//! entrada_mal_formada_y_demasiado_larga::una_linea_desmesurada_seguida_de_mas_datos_recibe_su_error
//!
//! Solo `conexion.rs` es de este intento; los demás archivos son los de
//! la solución (`#[path]` en sus `mod`), para que se vea dónde está el error.
//!
//! El proyecto final: tu servidor de chat, en tokio.
//!
//! # Por qué existe
//!
//! Los capítulos del chat construyen un servidor en async-std
//! (`taller_async::chat::servidor`), y la parte de tokio enseña, pieza a
//! pieza, lo que hace falta para escribir uno en tokio: el runtime,
//! `select!` y los plazos, la escritura segura ante la cancelación, los
//! canales y el apagado en orden. Aquí se juntan: un servidor entero, que
//! habla el mismo protocolo (`taller_async::chat`) y al que califican las
//! mismas pruebas que al de async-std (`taller_async::chat::pruebas`), por
//! TCP y por el trait [`ServidorDeChat`].
//!
//! # Un archivo por trabajo
//!
//! - este, `mod.rs`: el pegamento que no enseña nada nuevo. Arranca el
//!   servidor, lleva las cuentas que preguntan las pruebas, lanza cada tarea
//!   vigilando sus pánicos y lo detiene con un plazo;
//! - [`aceptar`]: el bucle que acepta conexiones;
//! - [`conexion`]: lo que se hace con cada una: leer líneas con límite,
//!   cumplir los paquetes y cerrar con cortesía;
//! - [`escritor`]: la tarea escritora de cada conexión, la única dueña del
//!   lado de escritura del socket;
//! - [`grupo`]: un grupo, un canal `broadcast` y una tarea por miembro;
//! - [`tabla`]: la tabla de grupos, de un nombre a su grupo.
//!
//! # Las tareas, y cómo se apagan
//!
//! Cada conexión es una tarea, y tiene dos más: su escritora y una por cada
//! grupo al que se unió. Todas se lanzan con [`Estado::lanzar`], que las
//! apunta en un `TaskTracker` y cuenta sus pánicos. Dos
//! `CancellationToken` las apagan por fases: `parar` (dejar de aceptar y de
//! leer; lo que ya está en las colas sale) y `abortar` (pasó el plazo: las
//! escritoras dejan lo que están escribiendo).

#[path = "../../../../solutions/src/chat_tokio/aceptar.rs"]
pub mod aceptar;
pub mod conexion;
#[path = "../../../../solutions/src/chat_tokio/escritor.rs"]
pub mod escritor;
#[path = "../../../../solutions/src/chat_tokio/grupo.rs"]
pub mod grupo;
#[path = "../../../../solutions/src/chat_tokio/tabla.rs"]
pub mod tabla;

use std::any::Any;
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::FutureExt;
use taller_async::chat::interfaz::{Config, ServidorDeChat};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use tabla::Tabla;

/// El límite de tiempo de [`ServidorDeChat::detener`]: cuánto espera a que las
/// colas de salida se vacíen antes de abortar lo que quede. El plazo es el
/// instante en que se empezó a detener más esto, y un cliente que no lee no
/// puede retener el apagado más allá.
pub const LIMITE_DEL_APAGADO: Duration = Duration::from_secs(2);

// ANCHOR: estado
/// Lo que comparten todas las tareas del servidor.
pub struct Estado {
    /// Los grupos.
    pub tabla: Tabla,
    /// La configuración con la que arrancó.
    pub config: Config,
    /// Se cancela al detener el servidor: dejar de aceptar y de leer.
    pub parar: CancellationToken,
    /// Se cancela cuando pasa el plazo del apagado: soltarlo todo.
    pub abortar: CancellationToken,
    tareas: TaskTracker,
    conexiones: AtomicUsize,
    panicos: AtomicUsize,
    ultimo_panico: Mutex<Option<String>>,
}
// ANCHOR_END: estado

impl Estado {
    // ANCHOR: lanzar
    /// Lanza una tarea del servidor: queda apuntada (el apagado la espera) y,
    /// si entra en pánico, se cuenta y se anota su mensaje.
    pub fn lanzar<F>(self: &Arc<Estado>, tarea: F) -> JoinHandle<()>
    where
        F: Future<Output = ()> + Send + 'static,
    {
        let estado = Arc::clone(self);
        self.tareas.spawn(async move {
            if let Err(panico) = AssertUnwindSafe(tarea).catch_unwind().await {
                estado.anotar_panico(panico);
            }
        })
    }

    /// Lanza la tarea que atiende una conexión recién aceptada, y la cuenta
    /// mientras vive.
    pub fn lanzar_conexion(self: &Arc<Estado>, socket: TcpStream) {
        let presente = Presente::entrar(self);
        let estado = Arc::clone(self);
        self.lanzar(async move {
            let _presente = presente;
            let cliente = match socket.peer_addr() {
                Ok(direccion) => direccion.to_string(),
                Err(_) => "un cliente".to_string(),
            };
            let resultado = conexion::atender(socket, Arc::clone(&estado)).await;
            if let Err(error) = resultado
                && estado.config.registrar_errores
            {
                eprintln!("Error con {cliente}: {error}");
            }
        });
    }
    // ANCHOR_END: lanzar

    fn anotar_panico(&self, panico: Box<dyn Any + Send>) {
        let mensaje = match panico.downcast::<String>() {
            Ok(texto) => *texto,
            Err(panico) => match panico.downcast::<&'static str>() {
                Ok(texto) => texto.to_string(),
                Err(_) => "(un pánico sin mensaje de texto)".to_string(),
            },
        };
        eprintln!("¡Pánico en una tarea del servidor! El servidor sigue. Decía: {mensaje}");
        self.panicos.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut ultimo) = self.ultimo_panico.lock() {
            *ultimo = Some(mensaje);
        }
    }

    fn ultimo_panico(&self) -> Option<String> {
        self.ultimo_panico.lock().ok().and_then(|u| u.clone())
    }
}

/// Cuenta una conexión mientras vive: al soltarse (termine como termine su
/// tarea, también en pánico o abortada), la descuenta.
struct Presente(Arc<Estado>);

impl Presente {
    fn entrar(estado: &Arc<Estado>) -> Presente {
        estado.conexiones.fetch_add(1, Ordering::SeqCst);
        Presente(Arc::clone(estado))
    }
}

impl Drop for Presente {
    fn drop(&mut self) {
        self.0.conexiones.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Un servidor de chat en tokio, en marcha. Al soltarse, se detiene sin
/// esperar; para esperar a que termine del todo, `detener`.
pub struct ServidorTokio {
    direccion: SocketAddr,
    estado: Arc<Estado>,
    aceptador: Option<JoinHandle<()>>,
}

impl ServidorDeChat for ServidorTokio {
    // ANCHOR: iniciar
    async fn iniciar(direccion: SocketAddr, config: Config) -> io::Result<ServidorTokio> {
        let listener = TcpListener::bind(direccion).await?;
        let direccion = listener.local_addr()?;
        let estado = Arc::new(Estado {
            tabla: Tabla::new(config.capacidad),
            config,
            parar: CancellationToken::new(),
            abortar: CancellationToken::new(),
            tareas: TaskTracker::new(),
            conexiones: AtomicUsize::new(0),
            panicos: AtomicUsize::new(0),
            ultimo_panico: Mutex::new(None),
        });
        let aceptador = estado.lanzar(aceptar::aceptar(listener, Arc::clone(&estado)));
        Ok(ServidorTokio {
            direccion,
            estado,
            aceptador: Some(aceptador),
        })
    }
    // ANCHOR_END: iniciar

    fn direccion(&self) -> SocketAddr {
        self.direccion
    }

    fn conexiones(&self) -> usize {
        self.estado.conexiones.load(Ordering::SeqCst)
    }

    fn suscriptores(&self) -> usize {
        self.estado.tabla.suscriptores()
    }

    fn grupos(&self) -> usize {
        self.estado.tabla.len()
    }

    fn retenidos_max(&self) -> usize {
        self.estado.tabla.retenidos_max()
    }

    fn panicos(&self) -> usize {
        self.estado.panicos.load(Ordering::SeqCst)
    }

    // ANCHOR: detener
    /// El apagado en orden: dejar de aceptar y de leer (`parar`), esperar a
    /// que cada conexión vacíe su cola de salida y cierre, y si se pasa el
    /// plazo ([`LIMITE_DEL_APAGADO`] desde que empezó), abortar lo que quede
    /// (`abortar`).
    async fn detener(mut self) {
        self.estado.parar.cancel();
        if let Some(aceptador) = self.aceptador.take() {
            let _ = aceptador.await;
        }
        self.estado.tareas.close();
        if tokio::time::timeout(LIMITE_DEL_APAGADO, self.estado.tareas.wait())
            .await
            .is_err()
        {
            self.estado.abortar.cancel();
            self.estado.tareas.wait().await;
        }
        self.esperar_hasta(|s| s.conexiones() == 0 && s.suscriptores() == 0)
            .await;
    }
    // ANCHOR_END: detener

    /// Como la del trait, y si alguna tarea del servidor entró en pánico,
    /// falla enseguida con su mensaje (un `todo!()` sin escribir, por
    /// ejemplo), en lugar de esperar a que venza el límite de la prueba.
    async fn esperar_hasta(&self, condicion: impl Fn(&Self) -> bool + Send) {
        while !condicion(self) {
            if let Some(mensaje) = self.estado.ultimo_panico() {
                panic!("una tarea del servidor entró en pánico: {mensaje}");
            }
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
    }
}

impl Drop for ServidorTokio {
    fn drop(&mut self) {
        self.estado.parar.cancel();
        self.estado.abortar.cancel();
    }
}
