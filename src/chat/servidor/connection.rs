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
//!   desmesurada recibe un error y la conexión se cierra;
//! - los nombres de grupo, los mensajes y el número de grupos por conexión
//!   tienen un límite.

use std::collections::HashMap;
use std::sync::Arc;

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

// ANCHOR: serve
/// Atiende una conexión hasta que el cliente la cierra o falla.
pub async fn serve(socket: TcpStream, groups: Arc<GroupTable>) -> ChatResult<()> {
    let outbound = Arc::new(Outbound::new(socket.clone()));
    // Las suscripciones de esta conexión, una por grupo. Al soltarse el mapa
    // (al salir de esta función por cualquier camino, o al cancelar su
    // tarea), cada `Suscripcion` cancela su tarea.
    let mut subscriptions: HashMap<Arc<String>, Suscripcion> = HashMap::new();

    let buffered = BufReader::new(socket);
    let mut from_client = utils::receive_as_json(buffered);
    while let Some(request_result) = from_client.next().await {
        let request = match request_result {
            Ok(request) => request,
            // Un paquete ilegible: se avisa y se sigue leyendo.
            Err(error @ ErrorDeRecepcion::Json(_)) => {
                outbound.send(FromServer::Error(error.to_string())).await?;
                continue;
            }
            // Una línea desmesurada: se avisa y se cierra, sin leer el resto.
            Err(error @ ErrorDeRecepcion::LineaDemasiadoLarga { .. }) => {
                outbound.send(FromServer::Error(error.to_string())).await?;
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
