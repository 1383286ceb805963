//! Un cliente de chat sin teclado, para programas que hablan con el
//! servidor: las pruebas, las demostraciones sin red y la medición de carga.
//!
//! El cliente del libro (`examples/chat_client.rs`) lee órdenes del teclado e
//! imprime lo que llega; eso es lo que hay que enseñar, pero no se puede
//! guiar desde una prueba. [`ClienteSimple`] hace lo mismo paso a paso:
//! `join`, `post`, `recibir`, y también mandar bytes arbitrarios, para
//! probar cómo responde el servidor a lo que un cliente del libro nunca
//! mandaría.

use std::io;
use std::net::Shutdown;
use std::sync::Arc;

use async_std::io::BufReader;
use async_std::net::{TcpStream, ToSocketAddrs};
use async_std::prelude::*;

use super::utils::{self, ChatResult, ErrorDeRecepcion, recibir_respuesta};
use super::{FromClient, FromServer};

/// Una conexión con el servidor de chat, manejada desde el programa.
pub struct ClienteSimple {
    escritor: TcpStream,
    lector: BufReader<TcpStream>,
    linea: Vec<u8>,
}

impl ClienteSimple {
    /// Se conecta al servidor.
    pub async fn conectar(direccion: impl ToSocketAddrs) -> io::Result<ClienteSimple> {
        let socket = TcpStream::connect(direccion).await?;
        socket.set_nodelay(true)?;
        Ok(ClienteSimple {
            escritor: socket.clone(),
            lector: BufReader::new(socket),
            linea: Vec::new(),
        })
    }

    /// Manda un paquete y hace `flush`.
    pub async fn enviar(&mut self, paquete: &FromClient) -> ChatResult<()> {
        utils::send_as_json(&mut self.escritor, paquete).await?;
        self.escritor.flush().await?;
        Ok(())
    }

    /// Se une a `grupo`.
    pub async fn join(&mut self, grupo: &str) -> ChatResult<()> {
        let paquete = FromClient::Join {
            group_name: Arc::new(grupo.to_string()),
        };
        self.enviar(&paquete).await
    }

    /// Publica `mensaje` en `grupo`.
    pub async fn post(&mut self, grupo: &str, mensaje: &str) -> ChatResult<()> {
        let paquete = FromClient::Post {
            group_name: Arc::new(grupo.to_string()),
            message: Arc::new(mensaje.to_string()),
        };
        self.enviar(&paquete).await
    }

    /// Manda estos bytes tal cual, sean o no un paquete.
    pub async fn enviar_bytes(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.escritor.write_all(bytes).await?;
        self.escritor.flush().await
    }

    /// El siguiente paquete del servidor, o `None` si cerró la conexión.
    ///
    /// Una línea del servidor de más de [`LIMITE_LINEA`](super::LIMITE_LINEA)
    /// bytes se descarta entera y se devuelve como
    /// `Err(ErrorDeRecepcion::LineaDemasiadoLarga)`: la conexión sigue, y la
    /// llamada siguiente da el paquete siguiente (ver
    /// [`recibir_respuesta`]).
    pub async fn recibir(&mut self) -> Option<Result<FromServer, ErrorDeRecepcion>> {
        recibir_respuesta(&mut self.lector, &mut self.linea).await
    }

    /// El siguiente paquete, que tiene que existir y ser legible; si no, un
    /// error que dice qué llegó.
    pub async fn recibir_paquete(&mut self) -> ChatResult<FromServer> {
        match self.recibir().await {
            Some(Ok(paquete)) => Ok(paquete),
            Some(Err(error)) => Err(error.into()),
            None => Err("el servidor cerró la conexión".into()),
        }
    }

    /// Otro manejador del mismo socket, para escribir desde otra tarea
    /// mientras esta lee.
    pub fn clonar_escritor(&self) -> TcpStream {
        self.escritor.clone()
    }

    /// Cierra el lado de escritura: el servidor ve el final de la entrada,
    /// pero este cliente aún puede leer lo que le quede por llegar.
    pub fn cerrar_escritura(&self) -> io::Result<()> {
        self.escritor.shutdown(Shutdown::Write)
    }
}
