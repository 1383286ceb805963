// Pruebas del proyecto final `chat_tokio`: tu servidor de chat, en tokio.
//
// Carpeta que editas: exercises/src/chat_tokio/ (un archivo por trabajo)
// Capítulo: book/src/chat-tokio.md · Pista: cargo run -- pista chat_tokio
//
// Son las pruebas del chat de async-std, las mismas, de una sola fuente
// (src/chat/pruebas.rs): la macro `pruebas_del_chat!` hace un módulo por
// etapa, con un `#[test]` por prueba, para tu `ServidorTokio`. Una etapa
// sola se corre por su nombre:
//
//     cargo test -p exercises --test chat_tokio aceptar_y_leer_lineas
//
// y `cargo run -- lista` dice cuántas etapas pasan ya. Le hablan a tu
// servidor por TCP, con el cliente de async-std del taller (`ClienteSimple`),
// y le preguntan solo lo que deja preguntar el trait `ServidorDeChat`.
//
// Tu carpeta entra en estas pruebas como el módulo `chat_tokio`, y ningún
// otro ejercicio entra con ella. Las mismas pruebas corren contra la
// solución: solutions/tests/chat_tokio.rs incluye este archivo (por eso no
// tiene comentarios `//!`) y declara el módulo con solutions/src/chat_tokio/;
// allí está activo `cfg(solucion)`, que apaga esta declaración.
#[cfg(not(solucion))]
#[path = "../src/chat_tokio/mod.rs"]
#[allow(unused_variables, dead_code, unused_imports)] // el esbozo aún no usa todo
pub mod chat_tokio;

use chat_tokio::ServidorTokio;

taller_async::pruebas_del_chat!(ServidorTokio);

/// Una sesión entera del cliente del libro (`examples/chat_client.rs`):
/// manda sus paquetes con `send_as_json`, lee las respuestas con
/// `recibir_respuestas`, como su `handle_replies`, y termina cerrando su
/// entrada, como con Ctrl-D.
mod cliente_del_libro {
    use super::ServidorTokio;

    use std::net::{Shutdown, SocketAddr};

    use async_std::io::BufReader;
    use async_std::net::TcpStream;
    use async_std::prelude::*;
    use futures::stream::Stream;
    use taller_async::chat::interfaz::{Config, ServidorDeChat};
    use taller_async::chat::utils::{self, ErrorDeRecepcion};
    use taller_async::chat::{FromClient, FromServer};
    use taller_async::prueba::con_limite_tokio;

    /// Un cliente como el del libro: el socket para escribir y el stream de
    /// respuestas.
    struct DelLibro {
        to_server: TcpStream,
        replies: Box<dyn Stream<Item = Result<FromServer, ErrorDeRecepcion>> + Unpin + Send>,
    }

    impl DelLibro {
        async fn conectar(direccion: SocketAddr) -> DelLibro {
            let socket = TcpStream::connect(direccion)
                .await
                .expect("el cliente del libro no pudo conectar con tu servidor");
            socket.set_nodelay(true).unwrap();
            let replies = Box::new(utils::recibir_respuestas(BufReader::new(socket.clone())));
            DelLibro {
                to_server: socket,
                replies,
            }
        }

        /// Lo que hace `send_commands` con cada orden del teclado.
        async fn mandar(&mut self, request: FromClient) {
            utils::send_as_json(&mut self.to_server, &request)
                .await
                .unwrap();
            self.to_server.flush().await.unwrap();
        }

        async fn join(&mut self, grupo: &str) {
            let group_name = grupo.to_string().into();
            self.mandar(FromClient::Join { group_name }).await;
        }

        async fn post(&mut self, grupo: &str, mensaje: &str) {
            let group_name = grupo.to_string().into();
            let message = mensaje.to_string().into();
            self.mandar(FromClient::Post {
                group_name,
                message,
            })
            .await;
        }

        /// Lo que `handle_replies` imprimiría con la respuesta siguiente.
        async fn linea_impresa(&mut self) -> String {
            match self.replies.next().await {
                Some(Ok(FromServer::Message {
                    group_name,
                    message,
                })) => format!("mensaje en {group_name}: {message}"),
                Some(Ok(FromServer::Error(message))) => format!("error del servidor: {message}"),
                Some(Err(error)) => {
                    panic!("el cliente del libro no pudo leer la respuesta: {error}")
                }
                None => "El servidor cerró la conexión.".to_string(),
            }
        }
    }

    #[test]
    fn una_sesion_del_cliente_del_libro_de_principio_a_fin() {
        con_limite_tokio(
            20,
            "el cliente del libro esperaba una respuesta que no llegó; si fue al final, tu \
             servidor no cerró la conexión cuando el cliente cerró su entrada",
            || async {
                let config = Config {
                    registrar_errores: false,
                    ..Config::default()
                };
                let servidor =
                    ServidorTokio::iniciar(SocketAddr::from(([127, 0, 0, 1], 0)), config)
                        .await
                        .expect("no se pudo arrancar tu servidor");
                let mut ana = DelLibro::conectar(servidor.direccion()).await;
                let mut beto = DelLibro::conectar(servidor.direccion()).await;

                ana.join("perros").await;
                beto.join("perros").await;
                servidor.esperar_hasta(|s| s.suscriptores() == 2).await;
                ana.post("perros", "Los samoyedos molan").await;
                for (quien, cliente) in [("ana", &mut ana), ("beto", &mut beto)] {
                    assert_eq!(
                        cliente.linea_impresa().await,
                        "mensaje en perros: Los samoyedos molan",
                        "lo que vería {quien} en su terminal"
                    );
                }
                beto.post("gatos", "¿hay alguien?").await;
                let error = beto.linea_impresa().await;
                assert!(
                    error.starts_with("error del servidor:") && error.contains("gatos"),
                    "beto publicó en un grupo que no existe, y vio: {error}"
                );

                // Ana cierra su entrada (Ctrl-D): tu servidor termina su
                // conversación, la escritora cierra, y ella lo ve.
                ana.to_server.shutdown(Shutdown::Write).unwrap();
                assert_eq!(
                    ana.linea_impresa().await,
                    "El servidor cerró la conexión.",
                    "tras cerrar ana su entrada, la conexión debía terminar en orden"
                );
                servidor
                    .esperar_hasta(|s| s.conexiones() == 1 && s.suscriptores() == 1)
                    .await;

                // Beto sigue, solo, en su grupo.
                beto.post("perros", "¿ana?").await;
                assert_eq!(beto.linea_impresa().await, "mensaje en perros: ¿ana?");
                assert_eq!(servidor.panicos(), 0);
            },
        )
    }
}
