//! Atender una conexión: leer sus líneas con límite, cumplir sus paquetes y
//! cerrarla con cortesía.
//!
//! Es el `connection.rs` del libro, en tokio, con lo que le añade el chat de
//! async-std del taller (`taller_async::chat::servidor::connection`): los
//! mismos límites y los mismos errores, en español. Lo que cambia es cómo:
//!
//! - la entrada se lee con un `FramedRead` de tokio-util y un códec con
//!   longitud máxima, que nunca guarda una línea de más de
//!   [`LIMITE_LINEA`] bytes;
//! - la salida va a la tarea escritora ([`Salida`]), nunca al socket;
//! - la espera de cada línea compite, en un `select!`, con la orden de
//!   parar del servidor.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use taller_async::chat::servidor::connection::{
    DESCARTE_AL_CERRAR, ESPERA_AL_CERRAR, LIMITE_GRUPOS_POR_CONEXION,
};
use taller_async::chat::utils::{ChatResult, ErrorDeRecepcion};
use taller_async::chat::{
    FromClient, FromServer, LIMITE_LINEA, LIMITE_MENSAJE, LIMITE_NOMBRE_GRUPO,
};
use tokio::io::AsyncReadExt;
use tokio::net::TcpStream;
use tokio::net::tcp::OwnedReadHalf;
use tokio_util::codec::{AnyDelimiterCodec, AnyDelimiterCodecError, FramedRead};

use super::Estado;
use super::escritor::Salida;
use super::grupo::Suscripcion;

/// La entrada de una conexión, en líneas.
pub type Entrada = FramedRead<OwnedReadHalf, AnyDelimiterCodec>;

// ANCHOR: entrada
/// Las líneas de `lectura`, de [`LIMITE_LINEA`] bytes como mucho.
///
/// `AnyDelimiterCodec` con `\n` es el `LinesCodec` de tokio-util sin su
/// última comprobación: da bytes, y no exige que sean UTF-8. Con
/// `LinesCodec`, una línea que no es UTF-8 es un error del códec, y tras un
/// error el `FramedRead` termina: la conexión entera se perdería por un
/// paquete ilegible, y el protocolo dice que se contesta y se sigue.
pub fn entrada(lectura: OwnedReadHalf) -> Entrada {
    let codec = AnyDelimiterCodec::new(b"\n".to_vec(), Vec::new());
    FramedRead::new(lectura, codec)
}
// ANCHOR_END: entrada

// ANCHOR: atender
/// Atiende una conexión hasta que el cliente la cierra, falla o el servidor
/// se detiene.
pub async fn atender(socket: TcpStream, estado: Arc<Estado>) -> ChatResult<()> {
    socket.set_nodelay(true)?;
    let (lectura, escritura) = socket.into_split();
    let (salida, escritora) = Salida::lanzar(escritura, &estado);
    let mut entrada = entrada(lectura);

    // `conversar` se queda la `Salida` y las suscripciones: al volver las
    // suelta, y la escritora, cuando ya no queda ninguna, escribe lo que le
    // quedaba y cierra el lado de escritura.
    let resultado = conversar(&mut entrada, salida, &estado).await;
    let _ = escritora.await;

    if let Err(error) = &resultado
        && matches!(
            error.downcast_ref::<ErrorDeRecepcion>(),
            Some(
                ErrorDeRecepcion::LineaDemasiadoLarga { .. }
                    | ErrorDeRecepcion::LineaSinTerminar { .. }
            )
        )
    {
        descartar_lo_que_siga(entrada.into_inner()).await;
    }
    resultado
}
// ANCHOR_END: atender

// ANCHOR: conversar
/// Lee paquetes y los cumple. Vuelve `Ok` cuando el cliente cierra su
/// entrada o el servidor se detiene; `Err` si la conexión falla o si hay que
/// cerrarla (tras mandar el error que lo explica).
async fn conversar(entrada: &mut Entrada, salida: Salida, estado: &Arc<Estado>) -> ChatResult<()> {
    let mut suscripciones: HashMap<Arc<String>, Suscripcion> = HashMap::new();
    let limite = estado.config.limite_linea_a_medias;
    loop {
        let recibido = tokio::select! {
            _ = estado.parar.cancelled() => return Ok(()),
            recibido = recibir(entrada, limite) => recibido,
        };
        let respuesta = match recibido {
            None => return Ok(()),
            Some(Ok(FromClient::Join { group_name })) => {
                join(estado, &mut suscripciones, &salida, group_name)
            }
            Some(Ok(FromClient::Post {
                group_name,
                message,
            })) => post(estado, group_name, message),
            Some(Err(error @ ErrorDeRecepcion::Json(_))) => Err(error.to_string()),
            Some(Err(error @ ErrorDeRecepcion::Io(_))) => return Err(error.into()),
            Some(Err(error)) => {
                let aviso = format!("{error}; se cierra la conexión");
                salida.enviar(&FromServer::Error(aviso)).await?;
                return Err(error.into());
            }
        };
        if let Err(explicacion) = respuesta {
            salida.enviar(&FromServer::Error(explicacion)).await?;
        }
    }
}
// ANCHOR_END: conversar

// ANCHOR: recibir
/// El siguiente paquete: `None` si la entrada terminó.
///
/// Esperar a que *empiece* una línea no tiene límite; una línea empezada
/// tiene que terminar en `limite`. `peek` espera al primer byte sin
/// consumirlo, y `next` del `FramedRead` guarda lo leído en su búfer: los dos
/// son seguros ante la cancelación, y esta función también.
async fn recibir(
    entrada: &mut Entrada,
    limite: Duration,
) -> Option<Result<FromClient, ErrorDeRecepcion>> {
    loop {
        if entrada.read_buffer().is_empty() {
            let mut primero = [0u8; 1];
            match entrada.get_mut().peek(&mut primero).await {
                Ok(0) => return None,
                Ok(_) => {}
                Err(error) => return Some(Err(ErrorDeRecepcion::Io(error))),
            }
        }
        let linea = match tokio::time::timeout(limite, entrada.next()).await {
            Err(_vencido) => return Some(Err(ErrorDeRecepcion::LineaSinTerminar { limite })),
            Ok(None) => return None,
            Ok(Some(Err(AnyDelimiterCodecError::MaxChunkLengthExceeded))) => {
                return Some(Err(ErrorDeRecepcion::LineaDemasiadoLarga {
                    limite: LIMITE_LINEA,
                }));
            }
            Ok(Some(Err(AnyDelimiterCodecError::Io(error)))) => {
                return Some(Err(ErrorDeRecepcion::Io(error)));
            }
            Ok(Some(Ok(linea))) => linea,
        };
        // Las líneas en blanco (también un `\r` suelto) no son paquetes. Un
        // `\r` al final de un paquete es espacio en blanco para JSON.
        if linea.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        return Some(serde_json::from_slice(&linea).map_err(ErrorDeRecepcion::Json));
    }
}
// ANCHOR_END: recibir

// ANCHOR: descartar
/// Tras mandar el error y cerrar la escritura, lee y tira lo que el cliente
/// siga mandando, con un límite de bytes y otro de tiempo, antes de soltar el
/// socket: soltarlo con bytes sin leer lo cerraría con un RST, y el cliente
/// podría no llegar a leer el error.
async fn descartar_lo_que_siga(mut lectura: OwnedReadHalf) {
    let tirar = async {
        let mut basura = vec![0; 16 * 1024];
        let mut leidos = 0;
        while leidos < DESCARTE_AL_CERRAR {
            match lectura.read(&mut basura).await {
                Ok(0) | Err(_) => break,
                Ok(n) => leidos += n,
            }
        }
    };
    let _ = tokio::time::timeout(ESPERA_AL_CERRAR, tirar).await;
}
// ANCHOR_END: descartar

// ANCHOR: join_y_post
fn join(
    estado: &Arc<Estado>,
    suscripciones: &mut HashMap<Arc<String>, Suscripcion>,
    salida: &Salida,
    group_name: Arc<String>,
) -> Result<(), String> {
    validar_nombre(&group_name)?;
    if suscripciones.contains_key(&group_name) {
        return Ok(());
    }
    if suscripciones.len() >= LIMITE_GRUPOS_POR_CONEXION {
        return Err(format!(
            "No puedes unirte a más de {LIMITE_GRUPOS_POR_CONEXION} grupos \
             desde una misma conexión."
        ));
    }
    let grupo = estado.tabla.get_or_create(group_name.clone());
    let suscripcion = grupo.unirse(salida.clone(), estado);
    suscripciones.insert(group_name, suscripcion);
    Ok(())
}

fn post(estado: &Estado, group_name: Arc<String>, message: Arc<String>) -> Result<(), String> {
    validar_nombre(&group_name)?;
    if message.len() > LIMITE_MENSAJE {
        return Err(format!(
            "El mensaje tiene {} bytes y el máximo es {LIMITE_MENSAJE}.",
            message.len()
        ));
    }
    match estado.tabla.get(&group_name) {
        Some(grupo) => {
            grupo.publicar(message);
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
