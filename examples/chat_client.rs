//! El cliente de chat del libro.
//!
//! ```text
//! cargo run --example chat_client -- 127.0.0.1:8088   # contra un servidor
//! cargo run --example chat_client                     # una demostración sin red
//! ```
//!
//! Con una dirección, lee órdenes del teclado y las manda al servidor, y a la
//! vez imprime lo que llega del servidor:
//!
//! ```text
//! join GRUPO
//! post GRUPO MENSAJE...
//! ```
//!
//! Habla el protocolo del libro, así que sirve también con el servidor
//! original de *Programming Rust*.
//!
//! Sin argumentos, arranca un servidor en este mismo proceso, con un vecino
//! que contesta a todo en el grupo «perros», y le da al cliente una entrada
//! guionizada en lugar del teclado.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use async_std::prelude::*;
use async_std::{io, net, task};
use futures::stream::{self, TryStreamExt};

use taller_async::chat::cliente_simple::ClienteSimple;
use taller_async::chat::servidor::{Config, ServidorChat};
use taller_async::chat::utils::{self, ChatResult, ErrorDeRecepcion};
use taller_async::chat::{FromClient, FromServer};

const USO: &str = "Uso: cargo run --example chat_client -- DIRECCIÓN:PUERTO\n\
    \n\
    Por ejemplo: cargo run --example chat_client -- 127.0.0.1:8088\n\
    (con el servidor en marcha: cargo run --example chat_server -- 127.0.0.1:8088)\n\
    Sin argumentos, corre una demostración sin red y termina.";

// ANCHOR: send_commands
/// Lee órdenes de `input` (el teclado) y manda cada una al servidor.
async fn send_commands<I>(input: I, mut to_server: net::TcpStream) -> ChatResult<()>
where
    I: io::BufRead + Unpin,
{
    println!(
        "Órdenes:\n  \
         join GRUPO\n  \
         post GRUPO MENSAJE...\n\
         Ctrl-D (Unix) o Ctrl-Z e Intro (Windows) cierra la conexión."
    );

    let mut command_lines = input.lines();
    while let Some(command_result) = command_lines.next().await {
        let command = command_result?;
        let request = match parse_command(&command) {
            Ok(Some(request)) => request,
            Ok(None) => continue,
            Err(explicacion) => {
                eprintln!("{explicacion}");
                continue;
            }
        };
        utils::send_as_json(&mut to_server, &request).await?;
        to_server.flush().await?;
    }
    Ok(())
}
// ANCHOR_END: send_commands

// ANCHOR: parse_command
/// Convierte una línea del usuario en un paquete. `Ok(None)` para una línea
/// en blanco; `Err` con la explicación si no se entiende.
fn parse_command(line: &str) -> Result<Option<FromClient>, String> {
    let Some((command, rest)) = get_next_token(line) else {
        return Ok(None);
    };
    match command {
        "join" => match get_next_token(rest) {
            Some((group, rest)) if rest.trim().is_empty() => Ok(Some(FromClient::Join {
                group_name: Arc::new(group.to_string()),
            })),
            _ => Err("Uso: join GRUPO (un nombre de grupo, sin espacios)".to_string()),
        },
        "post" => match get_next_token(rest) {
            Some((group, message)) if !message.trim().is_empty() => Ok(Some(FromClient::Post {
                group_name: Arc::new(group.to_string()),
                message: Arc::new(message.trim().to_string()),
            })),
            _ => Err("Uso: post GRUPO MENSAJE...".to_string()),
        },
        _ => Err(format!(
            "Orden desconocida: «{command}». Las órdenes son «join» y «post»."
        )),
    }
}

/// La primera palabra de `input` y lo que queda detrás.
fn get_next_token(input: &str) -> Option<(&str, &str)> {
    let input = input.trim_start();
    if input.is_empty() {
        return None;
    }
    match input.find(char::is_whitespace) {
        Some(espacio) => Some((&input[..espacio], &input[espacio..])),
        None => Some((input, "")),
    }
}
// ANCHOR_END: parse_command

// ANCHOR: handle_replies
/// Imprime lo que manda el servidor, hasta que cierra la conexión.
async fn handle_replies(from_server: net::TcpStream) -> ChatResult<()> {
    let buffered = io::BufReader::new(from_server);
    let mut reply_stream = utils::recibir_respuestas(buffered);

    while let Some(reply) = reply_stream.next().await {
        match reply {
            Ok(FromServer::Message {
                group_name,
                message,
            }) => println!("mensaje en {group_name}: {message}"),
            Ok(FromServer::Error(message)) => println!("error del servidor: {message}"),
            // Ya se descartó entera: se avisa y se sigue recibiendo.
            Err(error @ ErrorDeRecepcion::LineaDemasiadoLarga { .. }) => {
                println!("aviso: una línea del servidor no cabe ({error}); se descartó.")
            }
            Err(error) => return Err(error.into()),
        }
    }
    println!("El servidor cerró la conexión.");
    Ok(())
}
// ANCHOR_END: handle_replies

// ANCHOR: chatear
/// Conecta con el servidor y corre las dos mitades del cliente a la vez,
/// hasta que termine una de ellas.
async fn chatear<I>(address: &str, input: I) -> ChatResult<()>
where
    I: io::BufRead + Unpin,
{
    let socket = net::TcpStream::connect(address)
        .await
        .map_err(|e| format!("no se pudo conectar con {address}: {e}"))?;
    socket.set_nodelay(true)?;

    let to_server = send_commands(input, socket.clone());
    let from_server = handle_replies(socket);

    from_server.race(to_server).await?;
    Ok(())
}
// ANCHOR_END: chatear

fn main() -> ExitCode {
    let argumentos: Vec<String> = std::env::args().skip(1).collect();
    let resultado = match argumentos.as_slice() {
        [] => task::block_on(demostracion()),
        [ayuda] if ["-h", "--help", "--ayuda"].contains(&ayuda.as_str()) => {
            println!("{USO}");
            return ExitCode::SUCCESS;
        }
        [address] => {
            let teclado = io::BufReader::new(io::stdin());
            task::block_on(chatear(address, teclado))
        }
        _ => {
            eprintln!("error: sobran argumentos.\n\n{USO}");
            return ExitCode::from(2);
        }
    };
    match resultado {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// La pausa entre dos líneas del guion, como si alguien las tecleara: da
/// tiempo a que lleguen las respuestas antes de la línea siguiente.
const PAUSA: Duration = Duration::from_millis(200);

/// Sin argumentos: un servidor en este proceso, un vecino que contesta, y el
/// cliente de verdad (`chatear`) con una entrada guionizada.
async fn demostracion() -> ChatResult<()> {
    let config = Config {
        registrar_errores: false,
        ..Config::default()
    };
    let servidor = ServidorChat::con_config("127.0.0.1:0", config).await?;
    let direccion = servidor.direccion().to_string();

    // El vecino se une a «perros» y contesta a cada mensaje que no es suyo.
    let mut vecino = ClienteSimple::conectar(&direccion).await?;
    vecino.join("perros").await?;
    servidor.esperar_hasta(|s| s.suscriptores() == 1).await;
    let contestador = task::spawn(async move {
        while let Ok(FromServer::Message { message, .. }) = vecino.recibir_paquete().await {
            if !message.starts_with("¡Guau!") {
                let respuesta = format!("¡Guau! Has dicho «{message}».");
                if vecino.post("perros", &respuesta).await.is_err() {
                    break;
                }
            }
        }
    });

    println!("Demostración sin red: un servidor de chat en este proceso, con un vecino en el");
    println!("grupo «perros» que contesta a todo. Las líneas que empiezan por «> » son las");
    println!("que «teclea» el guion; lo demás lo imprime el cliente.\n");

    // ANCHOR: guion
    let guion = [
        "join perros",
        "post perros Hola, ¿hay alguien?",
        "post loros ¿Y aquí?",
        "bailar",
        "post perros Me voy, ¡adiós!",
    ];
    // (`then` es de `futures::StreamExt`; se llama por su ruta para no
    // chocar con el `StreamExt` de async-std, que trae el preludio.)
    let tecleadas = futures::StreamExt::then(stream::iter(guion), |linea| async move {
        task::sleep(PAUSA).await;
        println!("> {linea}");
        Ok::<_, std::io::Error>(format!("{linea}\n").into_bytes())
    });
    let lineas = tecleadas
        // Una última pausa, y una línea en blanco, antes del final de la
        // entrada: así llegan las últimas respuestas.
        .chain(stream::once(async {
            task::sleep(PAUSA).await;
            Ok(b"\n".to_vec())
        }));
    let teclado = Box::pin(lineas).into_async_read();
    // ANCHOR_END: guion

    chatear(&direccion, teclado).await?;
    println!("(Fin de la entrada: el cliente termina, como con Ctrl-D.)");

    servidor.detener().await;
    contestador.await;
    Ok(())
}
