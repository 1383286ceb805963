//! Pruebas del servidor de chat de async-std (`taller_async::chat`), por la
//! red de verdad, en 127.0.0.1, y del cliente que lo acompaña.
//!
//! Las pruebas del servidor no están aquí: están escritas una sola vez, en
//! la biblioteca (`src/chat/pruebas.rs`), genéricas sobre el trait
//! `ServidorDeChat`, porque califican también al servidor de tokio del
//! proyecto final. La macro `pruebas_del_chat!` las convierte en un
//! `#[test]` cada una para [`ServidorChat`], agrupadas por etapas.
//!
//! La etapa de las mil conexiones está aparte, en `tests/chat_mil.rs`,
//! porque sube el límite de archivos abiertos de su proceso.
//!
//! Lo que sí está aquí es lo que no depende de ningún servidor: cómo
//! reacciona [`ClienteSimple`] a un servidor que le manda una línea de más.

use std::time::Duration;

use async_std::io::WriteExt;
use async_std::net::TcpListener;
use taller_async::chat::cliente_simple::ClienteSimple;
use taller_async::chat::servidor::ServidorChat;
use taller_async::chat::utils::ErrorDeRecepcion;
use taller_async::chat::{FromServer, LIMITE_LINEA};
use taller_async::prueba::con_limite;

taller_async::pruebas_del_chat!(
    ServidorChat,
    aceptar_y_leer_lineas,
    unirse_y_publicar,
    entrada_mal_formada_y_demasiado_larga,
    lector_lento,
    apagado
);

#[test]
fn el_cliente_descarta_una_linea_demasiado_larga_y_sigue_recibiendo() {
    con_limite(
        20,
        "el cliente esperaba un paquete que no llegó: ¿se quedó leyendo la línea larga?",
        || async {
            // Un servidor falso: manda una línea de más (con el doble del
            // límite, y un Message al final que no debe verse), una buena, y
            // cierra.
            let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
            let direccion = listener.local_addr().unwrap();
            let servidor = async_std::task::spawn(async move {
                let (mut socket, _) = listener.accept().await.unwrap();
                let mut larga = vec![b' '; 2 * LIMITE_LINEA];
                larga.extend_from_slice(b"{\"Error\":\"esto no se debe ver\"}\n");
                socket.write_all(&larga).await.unwrap();
                let buena = b"{\"Message\":{\"group_name\":\"perros\",\"message\":\"hola\"}}\n";
                socket.write_all(buena).await.unwrap();
                socket.flush().await.unwrap();
                // Espera a que el cliente cierre, para no cortarle con un RST.
                let mut resto = Vec::new();
                let _ = async_std::io::ReadExt::read_to_end(&mut socket, &mut resto).await;
            });

            let mut cliente = ClienteSimple::conectar(direccion).await.unwrap();
            match cliente.recibir().await {
                Some(Err(error @ ErrorDeRecepcion::LineaDemasiadoLarga { .. })) => {
                    let texto = error.to_string();
                    assert!(
                        texto.contains(&LIMITE_LINEA.to_string()),
                        "el aviso debería decir el límite: {texto}"
                    );
                }
                otro => panic!(
                    "se esperaba el aviso de una línea demasiado larga (LineaDemasiadoLarga) y \
                     llegó {otro:?}"
                ),
            }
            match cliente.recibir().await {
                Some(Ok(FromServer::Message { message, .. })) => assert_eq!(*message, "hola"),
                otro => panic!(
                    "tras descartar la línea larga, se esperaba el mensaje siguiente, «hola», y \
                     llegó {otro:?}: ¿no se descartó la línea entera, hasta su salto de línea?"
                ),
            }
            cliente.cerrar_escritura().unwrap();
            assert!(
                cliente.recibir().await.is_none(),
                "tras el último mensaje, la conexión debía terminar"
            );
            drop(cliente);
            async_std::future::timeout(Duration::from_secs(10), servidor)
                .await
                .expect("el servidor falso no terminó");
        },
    )
}
