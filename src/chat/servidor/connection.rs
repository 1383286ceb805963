//! Atender a un cliente: leer sus paquetes y responderle.
//!
//! Es el `connection.rs` del libro. [`serve`] corre en una tarea por
//! conexión: lee los paquetes del cliente uno a uno y los cumple. Las
//! respuestas y los mensajes de los grupos salen por [`Outbound`], el lado de
//! salida de la conexión, que comparten esta tarea y las de sus
//! suscripciones.
//!
//! Lo que se añade al libro, todo aquí:
//!
//! - la conexión guarda sus suscripciones en un mapa, una por grupo: unirse
//!   dos veces al mismo grupo no duplica los mensajes, y cuando la conexión
//!   termina (bien, mal o cancelada) el mapa se suelta y con él se cancelan
//!   todas sus tareas de suscripción;
//! - un paquete ilegible recibe un error y la conexión sigue; una línea
//!   desmesurada, o una que se queda a medias más del límite, recibe un
//!   error y la conexión se cierra, con cortesía: primero sale el error, y
//!   solo después se suelta el socket (ver [`cerrar_con_cortesia`]);
//! - los nombres de grupo, los mensajes y el número de grupos por conexión
//!   tienen un límite.

use std::collections::HashMap;
use std::io;
use std::net::Shutdown;
use std::sync::Arc;
use std::time::Duration;

use async_std::io::BufReader;
use async_std::net::TcpStream;
use async_std::prelude::*;
use async_std::sync::Mutex;

use super::group::Suscripcion;
use super::group_table::GroupTable;
use crate::chat::utils::{self, ChatResult, ErrorDeRecepcion};
use crate::chat::{FromClient, FromServer, LIMITE_MENSAJE, LIMITE_NOMBRE_GRUPO};

/// A cuántos grupos puede unirse una conexión. Cada suscripción es una tarea:
/// sin límite, un solo cliente podría crear millones.
pub const LIMITE_GRUPOS_POR_CONEXION: usize = 64;

/// Cuántos bytes lee y tira, como mucho, [`cerrar_con_cortesia`].
pub const DESCARTE_AL_CERRAR: usize = 256 * 1024;

/// Cuánto tiempo espera, como mucho, [`cerrar_con_cortesia`] a que el cliente
/// deje de mandar.
pub const ESPERA_AL_CERRAR: Duration = Duration::from_millis(500);

// ANCHOR: serve
/// Atiende una conexión hasta que el cliente la cierra o falla. Una línea
/// empezada tiene que terminar en `limite` (ver `Config`).
pub async fn serve(socket: TcpStream, groups: Arc<GroupTable>, limite: Duration) -> ChatResult<()> {
    let outbound = Arc::new(Outbound::new(socket.clone()));
    let para_cerrar = socket.clone();
    // Las suscripciones de esta conexión, una por grupo. Al soltarse el mapa
    // (al salir de esta función por cualquier camino, o al cancelar su
    // tarea), cada `Suscripcion` cancela su tarea.
    let mut subscriptions: HashMap<Arc<String>, Suscripcion> = HashMap::new();

    let buffered = BufReader::new(socket);
    let mut from_client = utils::receive_as_json(buffered, Some(limite));
    while let Some(request_result) = from_client.next().await {
        let request = match request_result {
            Ok(request) => request,
            // Un paquete ilegible: se avisa y se sigue leyendo.
            Err(error @ ErrorDeRecepcion::Json(_)) => {
                outbound.send(FromServer::Error(error.to_string())).await?;
                continue;
            }
            // Una línea desmesurada o a medias: se avisa y se cierra.
            Err(
                error @ (ErrorDeRecepcion::LineaDemasiadoLarga { .. }
                | ErrorDeRecepcion::LineaSinTerminar { .. }),
            ) => {
                let aviso = format!("{error}; se cierra la conexión");
                outbound.send(FromServer::Error(aviso)).await?;
                cerrar_con_cortesia(&outbound, para_cerrar).await;
                return Err(error.into());
            }
            Err(error @ ErrorDeRecepcion::Io(_)) => return Err(error.into()),
        };

        let result = match request {
            FromClient::Join { group_name } => {
                join(&groups, &mut subscriptions, &outbound, group_name)
            }
            FromClient::Post {
                group_name,
                message,
            } => post(&groups, group_name, message),
        };

        if let Err(message) = result {
            let report = FromServer::Error(message);
            outbound.send(report).await?;
        }
    }

    Ok(())
}
// ANCHOR_END: serve

// ANCHOR: cerrar_con_cortesia
/// Cierra una conexión de modo que el último paquete llegue al cliente.
///
/// Si se soltara el socket sin más, con bytes del cliente sin leer (el resto
/// de la línea desmesurada, o lo que siga mandando), el sistema operativo no
/// cierra con un FIN sino con un RST, un reinicio: el cliente ve «connection
/// reset», su escritura falla, y en algunos sistemas pierde incluso lo que
/// ya le había llegado y no había leído, el `Error` que explica el cierre.
///
/// Así que primero se cierra el lado de escritura ([`Outbound::cerrar`]: sale
/// el FIN detrás del `Error`), y después se lee y se tira lo que siga
/// llegando por `socket`, con dos límites, de bytes y de tiempo, para no
/// quedar a merced de quien manda basura. Cuando el cliente cierra (o se pasa
/// de un límite), se suelta el socket.
pub async fn cerrar_con_cortesia(outbound: &Outbound, mut socket: TcpStream) {
    let _ = outbound.cerrar().await;
    let descartar = async {
        let mut basura = vec![0; 16 * 1024];
        let mut leidos = 0;
        while leidos < DESCARTE_AL_CERRAR {
            match socket.read(&mut basura).await {
                Ok(0) | Err(_) => break,
                Ok(n) => leidos += n,
            }
        }
    };
    let _ = async_std::future::timeout(ESPERA_AL_CERRAR, descartar).await;
}
// ANCHOR_END: cerrar_con_cortesia

// ANCHOR: join_y_post
fn join(
    groups: &GroupTable,
    subscriptions: &mut HashMap<Arc<String>, Suscripcion>,
    outbound: &Arc<Outbound>,
    group_name: Arc<String>,
) -> Result<(), String> {
    validar_nombre(&group_name)?;
    if subscriptions.contains_key(&group_name) {
        // Ya es miembro: una segunda suscripción repetiría cada mensaje.
        return Ok(());
    }
    if subscriptions.len() >= LIMITE_GRUPOS_POR_CONEXION {
        return Err(format!(
            "No puedes unirte a más de {LIMITE_GRUPOS_POR_CONEXION} grupos \
             desde una misma conexión."
        ));
    }
    let group = groups.get_or_create(group_name.clone());
    subscriptions.insert(group_name, group.join(outbound.clone()));
    Ok(())
}

fn post(groups: &GroupTable, group_name: Arc<String>, message: Arc<String>) -> Result<(), String> {
    validar_nombre(&group_name)?;
    if message.len() > LIMITE_MENSAJE {
        return Err(format!(
            "El mensaje tiene {} bytes y el máximo es {LIMITE_MENSAJE}.",
            message.len()
        ));
    }
    match groups.get(&group_name) {
        Some(group) => {
            group.post(message);
            Ok(())
        }
        None => Err(format!("El grupo «{group_name}» no existe.")),
    }
}

fn validar_nombre(group_name: &str) -> Result<(), String> {
    if group_name.is_empty() {
        return Err("El nombre del grupo está vacío.".to_string());
    }
    if group_name.len() > LIMITE_NOMBRE_GRUPO {
        return Err(format!(
            "El nombre del grupo tiene {} bytes y el máximo es {LIMITE_NOMBRE_GRUPO}.",
            group_name.len()
        ));
    }
    Ok(())
}
// ANCHOR_END: join_y_post

/// La comprobación del nombre de un grupo, para el servidor rápido
/// ([`crate::chat::servidor_rapido`]), que la comparte sin cambiarla.
pub(crate) fn validar_nombre_de_grupo(group_name: &str) -> Result<(), String> {
    validar_nombre(group_name)
}

// ANCHOR: outbound
/// El lado de salida de una conexión. Lo comparten la tarea de la conexión y
/// las de sus suscripciones; el Mutex asíncrono hace que cada paquete salga
/// entero, sin que se cuelen en medio los bytes de otro.
pub struct Outbound(Mutex<TcpStream>);

impl Outbound {
    pub fn new(to_client: TcpStream) -> Outbound {
        Outbound(Mutex::new(to_client))
    }

    /// Manda un paquete y espera a que salga. Si el cliente no lee, espera
    /// aquí, con el lock tomado: solo esta conexión se queda esperando.
    pub async fn send(&self, packet: FromServer) -> ChatResult<()> {
        let mut guard = self.0.lock().await;
        utils::send_as_json(&mut *guard, &packet).await?;
        guard.flush().await?;
        Ok(())
    }
}
// ANCHOR_END: outbound

// ANCHOR: outbound_cerrar
impl Outbound {
    /// Cierra el lado de escritura (el cliente verá el final de la conexión
    /// detrás de lo ya mandado). Con el lock tomado: así no corta por la mitad
    /// un paquete que otra tarea esté escribiendo, y lo que se intente mandar
    /// después falla, en lugar de salir.
    pub async fn cerrar(&self) -> io::Result<()> {
        let guard = self.0.lock().await;
        guard.shutdown(Shutdown::Write)
    }
}
// ANCHOR_END: outbound_cerrar

impl Outbound {
    /// Escribe unas líneas ya serializadas (una o varias, cada una con su
    /// `\n`) en una sola escritura, y hace `flush`. Es lo que usa el servidor
    /// rápido ([`crate::chat::servidor_rapido`]): el JSON de cada mensaje se
    /// hizo una vez, al publicarlo, y aquí solo se copian sus bytes.
    pub async fn enviar_lineas(&self, lineas: &[u8]) -> ChatResult<()> {
        let mut guard = self.0.lock().await;
        guard.write_all(lineas).await?;
        guard.flush().await?;
        Ok(())
    }
}
