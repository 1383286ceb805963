//! Error: no envía `Connection: close` ni cierra la escritura: el servidor
//! espera otra petición por la misma conexión y `read_to_string` no termina.
//! Se espera: fallan devuelve_la_respuesta_entera_del_servidor,
//!   lee_la_respuesta_entera_aunque_llegue_a_trozos,
//!   no_bloquea_el_hilo_mientras_espera_al_servidor
//!
//! Solución del ejercicio `cheapo_request`: `cheapo_request` asíncrono.
//!
//! Es la función síncrona del ejemplo con tres cambios: `async fn`, los tipos
//! de `async_std` y un `.await` detrás de cada operación que puede esperar.

use async_std::io::prelude::*;
use async_std::net;

/// Hace un `GET path` a `host:port` y devuelve la respuesta entera (línea de
/// estado, cabeceras y cuerpo) como texto.
pub async fn cheapo_request(host: &str, port: u16, path: &str) -> std::io::Result<String> {
    let mut socket = net::TcpStream::connect((host, port)).await?;

    let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n");
    socket.write_all(request.as_bytes()).await?;

    let mut response = String::new();
    socket.read_to_string(&mut response).await?;
    Ok(response)
}
