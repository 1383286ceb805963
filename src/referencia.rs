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
//!
//! [`en_tokio::cheapo_request`] es esa misma función con los sockets de
//! tokio, para los ejercicios de la parte «Async en la práctica, con tokio».
//! Es todo el cliente HTTP que necesitan contra el servidor local, y no añade
//! ninguna dependencia (un cliente completo como reqwest, el del apéndice,
//! haría más lenta la primera compilación de `cargo test -p exercises`).

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

/// La misma `cheapo_request`, con los sockets de tokio.
pub mod en_tokio {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net;

    /// Hace un `GET path` a `host:port` y devuelve la respuesta entera.
    ///
    /// Solo cambian los tipos (`tokio::net::TcpStream`) y los traits de
    /// extensión (`AsyncReadExt`, `AsyncWriteExt`, que en tokio no vienen de
    /// `futures`). Y cerrar la escritura sí es un future en tokio:
    /// `shutdown().await`. Como todo recurso de tokio, necesita correr dentro
    /// de un runtime de tokio.
    pub async fn cheapo_request(host: &str, port: u16, path: &str) -> std::io::Result<String> {
        let mut socket = net::TcpStream::connect((host, port)).await?;
        let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        socket.write_all(request.as_bytes()).await?;
        socket.shutdown().await?;

        let mut response = String::new();
        socket.read_to_string(&mut response).await?;
        Ok(response)
    }
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

    #[test]
    fn la_de_tokio_pide_una_pagina_al_servidor_local() {
        // El servidor local corre en los hilos de async-std; el cliente, en
        // un runtime de tokio: cada uno con su reactor.
        let servidor =
            async_std::task::block_on(Servidor::iniciar()).expect("arrancar el servidor local");
        let puerto = servidor.puerto();
        let respuesta = tokio::runtime::Runtime::new()
            .expect("crear un runtime de tokio")
            .block_on(super::en_tokio::cheapo_request(
                "127.0.0.1",
                puerto,
                "/hola",
            ))
            .expect("la petición al servidor local");
        assert!(
            respuesta.starts_with("HTTP/1.1 200"),
            "se esperaba un 200 del servidor local, y llegó:\n{respuesta}"
        );
    }
}
