//! Atender a un cliente en el servidor rápido: el `serve` del
//! [libro](crate::chat::servidor::connection), línea por línea, con otra
//! tabla de grupos.
//!
//! No cambia nada de lo que hace una conexión: lee los paquetes con el mismo
//! límite de línea y de línea a medias, contesta los mismos errores, cierra
//! con la misma cortesía ([`cerrar_con_cortesia`]) y escribe por el mismo
//! [`Outbound`]. Está repetido solo porque el del libro recibe su
//! `GroupTable`, y este, la del servidor rápido, cuyos grupos reparten bytes.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use async_std::io::BufReader;
use async_std::net::TcpStream;
use async_std::prelude::*;

use super::group_table::GroupTable;
use crate::chat::servidor::connection::{
    LIMITE_GRUPOS_POR_CONEXION, Outbound, cerrar_con_cortesia, validar_nombre_de_grupo,
};
use crate::chat::servidor::group::Suscripcion;
use crate::chat::utils::{self, ChatResult, ErrorDeRecepcion};
use crate::chat::{FromClient, FromServer, LIMITE_MENSAJE};

/// Atiende una conexión hasta que el cliente la cierra o falla, como el
/// `serve` del libro.
pub async fn serve(socket: TcpStream, groups: Arc<GroupTable>, limite: Duration) -> ChatResult<()> {
    let outbound = Arc::new(Outbound::new(socket.clone()));
    let para_cerrar = socket.clone();
    let mut subscriptions: HashMap<Arc<String>, Suscripcion> = HashMap::new();

    let buffered = BufReader::new(socket);
    let mut from_client = utils::receive_as_json(buffered, Some(limite));
    while let Some(request_result) = from_client.next().await {
        let request = match request_result {
            Ok(request) => request,
            Err(error @ ErrorDeRecepcion::Json(_)) => {
                outbound.send(FromServer::Error(error.to_string())).await?;
                continue;
            }
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
            outbound.send(FromServer::Error(message)).await?;
        }
    }

    Ok(())
}

fn join(
    groups: &GroupTable,
    subscriptions: &mut HashMap<Arc<String>, Suscripcion>,
    outbound: &Arc<Outbound>,
    group_name: Arc<String>,
) -> Result<(), String> {
    validar_nombre_de_grupo(&group_name)?;
    if subscriptions.contains_key(&group_name) {
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
    validar_nombre_de_grupo(&group_name)?;
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
