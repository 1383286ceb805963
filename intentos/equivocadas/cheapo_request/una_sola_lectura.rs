//! Error: lee la respuesta con una sola llamada a `read`, que devuelve lo que
//! haya llegado hasta ese momento y no necesariamente la respuesta entera.
//! Se espera: falla lee_la_respuesta_entera_aunque_llegue_a_trozos
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

    // `Connection: close` le dice al servidor que no espere otra petición por
    // esta conexión; sin ella, un servidor HTTP/1.1 podría dejarla abierta y
    // `read_to_string` no acabaría nunca.
    let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    socket.write_all(request.as_bytes()).await?;
    // Cerrar la escritura no espera a nadie: no devuelve un future.
    socket.shutdown(net::Shutdown::Write)?;

    // Un búfer de sobra para una respuesta pequeña, y una sola lectura.
    let mut buffer = [0u8; 8192];
    let n = socket.read(&mut buffer).await?;
    Ok(String::from_utf8_lossy(&buffer[..n]).into_owned())
}
