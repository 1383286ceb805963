//! Error: lee en un bucle, pero para en cuanto una lectura no llena el
//! búfer, creyendo que eso quiere decir que la respuesta terminó; solo se
//! sabe que terminó cuando `read` devuelve 0.
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

    let mut response = Vec::new();
    let mut buffer = [0u8; 1024];
    loop {
        let n = socket.read(&mut buffer).await?;
        response.extend_from_slice(&buffer[..n]);
        // Si no llenó el búfer, no quedaba más que leer... o eso parece.
        if n < buffer.len() {
            break;
        }
    }
    Ok(String::from_utf8_lossy(&response).into_owned())
}
