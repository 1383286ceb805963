//! Versiones que funcionan de las piezas sobre las que se apoya un ejercicio
//! posterior.
//!
//! Un ejercicio no depende de la respuesta que diste a otro: si tu
//! `cheapo_request` tiene un fallo, tiene que notarse en sus pruebas, no en las
//! de `many_requests`. Por eso `many_requests` y `many_requests_spawn` llaman a
//! la [`cheapo_request`] de aquí, y no a la de `exercises/src/cheapo_request.rs`.
//!
//! No es ningún secreto: es la misma función que la versión asíncrona del
//! ejemplo `cheapo_request` (`examples/cheapo_request.rs`), que el capítulo
//! «Una petición: de síncrona a asíncrona» enseña entera.

use async_std::io::prelude::*;
use async_std::net;

/// Hace un `GET path` a `host:port` y devuelve la respuesta entera (línea de
/// estado, cabeceras y cuerpo) como texto.
///
/// La `cheapo_request` asíncrona del primer capítulo, con la cabecera
/// `Connection: close`: sin ella, un servidor HTTP/1.1 podría dejar abierta
/// la conexión y `read_to_string` no acabaría nunca.
pub async fn cheapo_request(host: &str, port: u16, path: &str) -> std::io::Result<String> {
    let mut socket = net::TcpStream::connect((host, port)).await?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    socket.write_all(request.as_bytes()).await?;
    // Cerrar la escritura no espera a nadie: no devuelve un future.
    socket.shutdown(net::Shutdown::Write)?;

    let mut response = String::new();
    socket.read_to_string(&mut response).await?;
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::cheapo_request;
    use crate::Servidor;

    #[test]
    fn pide_una_pagina_al_servidor_local() {
        async_std::task::block_on(async {
            let servidor = Servidor::iniciar()
                .await
                .expect("arrancar el servidor local");
            let respuesta = cheapo_request("127.0.0.1", servidor.puerto(), "/hola")
                .await
                .expect("la petición al servidor local");
            assert!(
                respuesta.starts_with("HTTP/1.1 200"),
                "se esperaba un 200 del servidor local, y llegó:\n{respuesta}"
            );
        });
    }
}
