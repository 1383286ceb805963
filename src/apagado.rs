//! Un servidor de chat en tokio hecho para apagarse en orden: el esqueleto
//! del capítulo «Apagar en orden» y de su ejercicio, `apagado_ordenado`.
//!
//! Habla el protocolo del chat ([`FromClient`] y [`FromServer`], un JSON por
//! línea), con la forma que un servidor de tokio suele tener:
//!
//! - una tarea que acepta conexiones;
//! - por cada conexión, una tarea lectora, que lee los paquetes del cliente y
//!   reparte cada `Post` entre los miembros del grupo, y una tarea escritora,
//!   la única dueña del lado de escritura del socket, que saca paquetes de su
//!   cola (un `mpsc` acotado) y los escribe enteros (el arreglo del capítulo
//!   «Cancelar es soltar»).
//!
//! Lo que este módulo NO trae es la secuencia de apagado: es la lección del
//! capítulo y el ejercicio. Trae las piezas con las que se escribe:
//!
//! - [`Servidor::detener`], un `CancellationToken`: cancelarlo detiene la
//!   tarea que acepta (y con ella el `TcpListener`) y las lectoras, cada una
//!   entre dos líneas, nunca a medio repartir un mensaje;
//! - [`Servidor::lectoras`] y [`Servidor::escritoras`], dos `TaskTracker`:
//!   las tareas que meten paquetes en las colas (la que acepta y las
//!   lectoras) y las que los sacan;
//! - [`Servidor::tomar_colas`]: saca de la tabla todas las colas de salida;
//!   cuando se sueltan, cada escritora vacía la suya y termina;
//! - [`Servidor::escritoras_vivas`]: un `AbortHandle` por cada escritora que
//!   aún no terminó, para abortar lo que quede al vencer el plazo.
//!
//! El reparto nunca espera: cada `Post` se copia a la cola de cada miembro
//! con `try_send`, con la tabla tomada, sin un solo `.await`. Así un mensaje
//! que la lectora leyó está, de una vez, en la cola de todos los miembros (o
//! no está en ninguna), y un cliente lento no frena a los demás: si su cola
//! se llena, el servidor lo desconecta.

use std::collections::{HashMap, HashSet};
use std::io;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use futures::StreamExt;
use tokio::io::AsyncWriteExt;
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio::task::AbortHandle;
use tokio_util::codec::{FramedRead, LinesCodec};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::chat::{FromClient, FromServer, LIMITE_LINEA};

/// Lo que el servidor dice a cada cliente al apagarse, en un
/// `FromServer::Error`.
pub const AVISO: &str = "El servidor se está apagando.";

/// Cuántos paquetes caben en la cola de salida de cada conexión. Un cliente
/// cuya cola se llena se desconecta: no lee, o lee mucho más despacio de lo
/// que se le escribe.
pub const CAPACIDAD_COLA: usize = 256;

/// Lo que devuelve un apagado: cuántos clientes recibieron el aviso en su
/// cola y cuántas escritoras hubo que abortar al vencer el plazo.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Informe {
    /// Conexiones en cuya cola entró el aviso [`AVISO`].
    pub avisados: usize,
    /// Escritoras que no terminaron antes del plazo y se abortaron: cada una
    /// es una conexión cuyo cliente no recibió todo.
    pub abortadas: usize,
}

/// La tabla compartida: la cola de salida de cada conexión, su escritora y
/// los grupos.
#[derive(Default)]
struct Tabla {
    colas: HashMap<u64, mpsc::Sender<FromServer>>,
    escritoras: HashMap<u64, AbortHandle>,
    grupos: HashMap<Arc<String>, HashSet<u64>>,
}

/// El servidor en marcha. Ver el módulo.
pub struct Servidor {
    direccion: SocketAddr,
    /// Cancelarlo detiene la tarea que acepta y las lectoras.
    pub detener: CancellationToken,
    /// La tarea que acepta conexiones y las lectoras: las que llenan colas.
    pub lectoras: TaskTracker,
    /// Las escritoras: las que vacían colas.
    pub escritoras: TaskTracker,
    tabla: Arc<Mutex<Tabla>>,
}

impl Servidor {
    /// Arranca el servidor en `127.0.0.1`, en un puerto libre.
    pub async fn iniciar() -> io::Result<Servidor> {
        Servidor::iniciar_en("127.0.0.1:0").await
    }

    /// Arranca el servidor en `direccion`.
    pub async fn iniciar_en(direccion: &str) -> io::Result<Servidor> {
        let escucha = TcpListener::bind(direccion).await?;
        let servidor = Servidor {
            direccion: escucha.local_addr()?,
            detener: CancellationToken::new(),
            lectoras: TaskTracker::new(),
            escritoras: TaskTracker::new(),
            tabla: Arc::default(),
        };
        let partes = Partes {
            detener: servidor.detener.clone(),
            lectoras: servidor.lectoras.clone(),
            escritoras: servidor.escritoras.clone(),
            tabla: servidor.tabla.clone(),
        };
        servidor.lectoras.spawn(aceptar(escucha, partes));
        Ok(servidor)
    }

    /// Dónde escucha.
    pub fn direccion(&self) -> SocketAddr {
        self.direccion
    }

    /// Saca de la tabla la cola de salida de cada conexión. Desde ahora
    /// ningún reparto llega a ellas, y cuando quien las tomó las suelta,
    /// cada escritora escribe lo que quedaba en la suya y termina.
    pub fn tomar_colas(&self) -> Vec<mpsc::Sender<FromServer>> {
        self.tabla().colas.drain().map(|(_, cola)| cola).collect()
    }

    /// Un `AbortHandle` por cada escritora que todavía no terminó.
    pub fn escritoras_vivas(&self) -> Vec<AbortHandle> {
        self.tabla().escritoras.values().cloned().collect()
    }

    /// Paquetes que esperan en las colas de salida (sin contar el que cada
    /// escritora esté escribiendo).
    pub fn pendientes(&self) -> usize {
        self.tabla().colas.values().map(en_cola).sum()
    }

    /// Cuántas colas de salida retienen al menos `n` paquetes: las de
    /// clientes que no leen, cuya escritora espera en un `write_all` porque
    /// los búferes del sistema operativo ya están llenos.
    pub fn colas_con_al_menos(&self, n: usize) -> usize {
        self.tabla()
            .colas
            .values()
            .filter(|c| en_cola(c) >= n)
            .count()
    }

    /// Tareas que siguen vivas: la que acepta, las lectoras y las escritoras.
    pub fn tareas_vivas(&self) -> usize {
        self.lectoras.len() + self.escritoras.len()
    }

    fn tabla(&self) -> MutexGuard<'_, Tabla> {
        bloquear(&self.tabla)
    }
}

/// Paquetes que esperan en una cola.
fn en_cola(cola: &mpsc::Sender<FromServer>) -> usize {
    cola.max_capacity() - cola.capacity()
}

/// Lo que cada tarea necesita del servidor.
#[derive(Clone)]
struct Partes {
    detener: CancellationToken,
    lectoras: TaskTracker,
    escritoras: TaskTracker,
    tabla: Arc<Mutex<Tabla>>,
}

/// El Mutex de la tabla es de la biblioteca estándar: ningún guardián suyo
/// cruza un `.await`. Si una tarea entró en pánico con él tomado, la tabla
/// sigue siendo coherente (cada cambio es de una sola operación).
fn bloquear(tabla: &Mutex<Tabla>) -> MutexGuard<'_, Tabla> {
    tabla
        .lock()
        .unwrap_or_else(|envenenado| envenenado.into_inner())
}

/// Acepta conexiones hasta que se cancela `detener`. Al salir suelta el
/// `TcpListener`: desde ese momento, conectarse da «conexión rechazada».
async fn aceptar(escucha: TcpListener, partes: Partes) {
    static SIGUIENTE: AtomicU64 = AtomicU64::new(0);
    loop {
        // `accept` es seguro ante la cancelación: si gana `detener`, no se
        // perdió ninguna conexión aceptada.
        let socket = tokio::select! {
            _ = partes.detener.cancelled() => return,
            aceptada = escucha.accept() => match aceptada {
                Ok((socket, _)) => socket,
                Err(_) => continue,
            },
        };
        let id = SIGUIENTE.fetch_add(1, Ordering::Relaxed);
        conectar(id, socket, &partes);
    }
}

/// Registra una conexión y lanza sus dos tareas.
fn conectar(id: u64, socket: TcpStream, partes: &Partes) {
    let (leer, escribir) = socket.into_split();
    let (cola, por_escribir) = mpsc::channel(CAPACIDAD_COLA);
    // La escritora se registra con la tabla tomada, antes de que pueda
    // terminar y borrarse: así su `AbortHandle` nunca queda en la tabla
    // después de que ella se fue.
    let mut tabla = bloquear(&partes.tabla);
    let escritora =
        partes
            .escritoras
            .spawn(escritora(id, escribir, por_escribir, partes.tabla.clone()));
    tabla.escritoras.insert(id, escritora.abort_handle());
    tabla.colas.insert(id, cola);
    drop(tabla);
    partes.lectoras.spawn(lectora(id, leer, partes.clone()));
}

/// Al soltarse (la escritora terminó, o la abortaron), borra su
/// `AbortHandle` de la tabla.
struct Baja {
    id: u64,
    tabla: Arc<Mutex<Tabla>>,
}

impl Drop for Baja {
    fn drop(&mut self) {
        bloquear(&self.tabla).escritoras.remove(&self.id);
    }
}

/// Escribe cada paquete de la cola, entero, hasta que todos sueltan la cola
/// (o el cliente se va). Entonces cierra el lado de escritura: el cliente lee
/// fin de archivo después del último paquete.
async fn escritora(
    id: u64,
    mut socket: OwnedWriteHalf,
    mut cola: mpsc::Receiver<FromServer>,
    tabla: Arc<Mutex<Tabla>>,
) {
    let _baja = Baja { id, tabla };
    while let Some(paquete) = cola.recv().await {
        let mut linea = serde_json::to_string(&paquete).expect("un FromServer siempre es JSON");
        linea.push('\n');
        if socket.write_all(linea.as_bytes()).await.is_err() {
            return;
        }
    }
    let _ = socket.shutdown().await;
}

/// Lee paquetes hasta que el cliente cierra o se cancela `detener`.
///
/// `detener` solo compite con la lectura de la línea siguiente (el `next()`
/// de un `FramedRead`, seguro ante la cancelación), nunca con lo que se hace
/// con ella: una línea leída se reparte entera.
async fn lectora(id: u64, socket: OwnedReadHalf, partes: Partes) {
    let mut lineas = FramedRead::new(socket, LinesCodec::new_with_max_length(LIMITE_LINEA));
    loop {
        let linea = tokio::select! {
            _ = partes.detener.cancelled() => {
                // Se apaga: la cola queda en la tabla, para el aviso.
                return;
            }
            linea = lineas.next() => linea,
        };
        match linea {
            Some(Ok(linea)) => atender(id, &linea, &partes.tabla),
            Some(Err(_)) => {
                let error = format!("Una línea pasa de {LIMITE_LINEA} bytes o no se pudo leer.");
                enviar(&mut bloquear(&partes.tabla), id, FromServer::Error(error));
                break;
            }
            None => break,
        }
    }
    // El cliente se fue: se suelta su cola (su escritora escribe lo que
    // quedaba y termina) y se borra de sus grupos.
    let mut tabla = bloquear(&partes.tabla);
    tabla.colas.remove(&id);
    for miembros in tabla.grupos.values_mut() {
        miembros.remove(&id);
    }
}

/// Atiende un paquete. Nunca espera: todo pasa con la tabla tomada.
fn atender(id: u64, linea: &str, tabla: &Mutex<Tabla>) {
    let mut tabla = bloquear(tabla);
    match serde_json::from_str::<FromClient>(linea) {
        Ok(FromClient::Join { group_name }) => {
            tabla.grupos.entry(group_name).or_default().insert(id);
        }
        Ok(FromClient::Post {
            group_name,
            message,
        }) => {
            let Some(miembros) = tabla.grupos.get(&group_name) else {
                let error = format!("El grupo «{group_name}» no existe.");
                enviar(&mut tabla, id, FromServer::Error(error));
                return;
            };
            let miembros: Vec<u64> = miembros.iter().copied().collect();
            let paquete = FromServer::Message {
                group_name,
                message,
            };
            for miembro in miembros {
                enviar(&mut tabla, miembro, paquete.clone());
            }
        }
        Err(error) => {
            let error = format!("No entiendo el paquete: {error}");
            enviar(&mut tabla, id, FromServer::Error(error));
        }
    }
}

/// Mete `paquete` en la cola de `id` sin esperar. Si la cola está llena (el
/// cliente no lee) o cerrada (su escritora terminó), se suelta: el cliente
/// queda desconectado.
fn enviar(tabla: &mut Tabla, id: u64, paquete: FromServer) {
    let Some(cola) = tabla.colas.get(&id) else {
        return;
    };
    if cola.try_send(paquete).is_err() {
        tabla.colas.remove(&id);
        for miembros in tabla.grupos.values_mut() {
            miembros.remove(&id);
        }
    }
}

/// Un cliente del chat para las pruebas y el ejemplo: manda paquetes y lee
/// los del servidor, una línea JSON cada uno.
pub struct Cliente {
    lineas: FramedRead<OwnedReadHalf, LinesCodec>,
    escribir: OwnedWriteHalf,
}

impl Cliente {
    /// Se conecta a `direccion`.
    pub async fn conectar(direccion: SocketAddr) -> io::Result<Cliente> {
        let (leer, escribir) = TcpStream::connect(direccion).await?.into_split();
        let lineas = FramedRead::new(leer, LinesCodec::new_with_max_length(LIMITE_LINEA));
        Ok(Cliente { lineas, escribir })
    }

    /// Manda un paquete.
    pub async fn mandar(&mut self, paquete: &FromClient) -> io::Result<()> {
        let mut linea = serde_json::to_string(paquete)?;
        linea.push('\n');
        self.escribir.write_all(linea.as_bytes()).await
    }

    /// Se une a `grupo`.
    pub async fn unirse(&mut self, grupo: &str) -> io::Result<()> {
        let group_name = Arc::new(grupo.to_string());
        self.mandar(&FromClient::Join { group_name }).await
    }

    /// Publica `mensaje` en `grupo`.
    pub async fn publicar(&mut self, grupo: &str, mensaje: &str) -> io::Result<()> {
        let paquete = FromClient::Post {
            group_name: Arc::new(grupo.to_string()),
            message: Arc::new(mensaje.to_string()),
        };
        self.mandar(&paquete).await
    }

    /// El paquete siguiente del servidor, o `None` si cerró la conexión.
    pub async fn recibir(&mut self) -> io::Result<Option<FromServer>> {
        match self.lineas.next().await {
            None => Ok(None),
            Some(Ok(linea)) => Ok(Some(serde_json::from_str(&linea)?)),
            Some(Err(error)) => Err(io::Error::other(error)),
        }
    }

    /// Todo lo que el servidor mande, hasta que cierre la conexión.
    pub async fn recibir_todo(&mut self) -> io::Result<Vec<FromServer>> {
        let mut todo = Vec::new();
        while let Some(paquete) = self.recibir().await? {
            todo.push(paquete);
        }
        Ok(todo)
    }
}
