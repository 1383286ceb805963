// Pruebas del ejercicio `handle_subscriber`: `handle_subscriber`, la tarea de cada miembro de
// un grupo.
//
// Archivo que editas: exercises/src/handle_subscriber.rs
// Capítulo: book/src/15-chat-broadcast.md · Pista: cargo run -- pista handle_subscriber
//
// Cada prueba abre una conexión TCP de verdad en 127.0.0.1: el lado del
// servidor va dentro de un `Outbound`, y el del cliente lo lee la prueba con
// `ClienteSimple`, como lo leería un cliente de chat. Los mensajes entran por
// un canal de difusión de tokio, igual que en el servidor.

// Tu archivo entra en estas pruebas como el módulo `handle_subscriber`, y ningún
// otro ejercicio entra con él: si otro no compila, estas pruebas compilan y
// corren igual. Las mismas pruebas corren contra la solución:
// solutions/tests/handle_subscriber.rs incluye este archivo (por eso no tiene
// comentarios `//!`) y declara el módulo con solutions/src/handle_subscriber.rs; allí
// está activo `cfg(solucion)`, que apaga esta declaración.
#[cfg(not(solucion))]
#[path = "../src/handle_subscriber.rs"]
#[allow(unused_variables)] // el esbozo aún no usa sus parámetros
pub mod handle_subscriber;

use std::future::Future;
use std::sync::Arc;

use async_std::net::TcpListener;
use futures::future::{self, Either};
use handle_subscriber::handle_subscriber;
use taller_async::chat::FromServer;
use taller_async::chat::cliente_simple::ClienteSimple;
use taller_async::chat::servidor::connection::Outbound;
use taller_async::prueba::con_limite;
use tokio::sync::broadcast;

const SI_NO_LLEGA: &str = "el cliente esperaba un paquete que no llegó. ¿Escribes cada \
    mensaje con `outbound.send(...).await`? ¿Sigues en el bucle después de cada uno?";

/// Una conexión en 127.0.0.1: el `Outbound` del lado del servidor y el
/// cliente que lo lee.
async fn conexion() -> (Arc<Outbound>, ClienteSimple) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let direccion = listener.local_addr().unwrap();
    let (cliente, aceptada) =
        future::join(ClienteSimple::conectar(direccion), listener.accept()).await;
    let (socket, _) = aceptada.unwrap();
    (Arc::new(Outbound::new(socket)), cliente.unwrap())
}

fn arc(texto: &str) -> Arc<String> {
    Arc::new(texto.to_string())
}

/// Corre `prueba` mientras `handle_subscriber` corre en la misma tarea, y
/// devuelve lo que dé `prueba`. Si `handle_subscriber` termina antes, la
/// prueba falla: todavía le quedaba trabajo.
async fn mientras_corre<T>(
    subscriber: impl Future<Output = ()>,
    prueba: impl Future<Output = T>,
) -> T {
    match future::select(Box::pin(subscriber), Box::pin(prueba)).await {
        Either::Right((valor, _)) => valor,
        Either::Left(((), _)) => panic!(
            "handle_subscriber terminó cuando el canal seguía abierto y la conexión \
             también. Solo debe terminar con RecvError::Closed o si `outbound.send` falla; \
             con RecvError::Lagged, avisa y sigue."
        ),
    }
}

/// El siguiente paquete que lee el cliente.
async fn siguiente(cliente: &mut ClienteSimple) -> FromServer {
    match cliente.recibir().await {
        Some(Ok(paquete)) => paquete,
        Some(Err(error)) => panic!("el cliente no pudo leer un paquete: {error}"),
        None => panic!("la conexión se cerró y el cliente esperaba un paquete"),
    }
}

fn mensaje(grupo: &str, texto: &str) -> FromServer {
    FromServer::Message {
        group_name: arc(grupo),
        message: arc(texto),
    }
}

#[test]
fn reenvia_cada_mensaje_como_un_message_del_grupo() {
    con_limite(10, SI_NO_LLEGA, || async {
        let (outbound, mut cliente) = conexion().await;
        let (sender, receiver) = broadcast::channel(16);
        for texto in ["uno", "dos", "tres"] {
            sender.send(arc(texto)).unwrap();
        }
        let recibidos = mientras_corre(
            handle_subscriber(arc("perros"), receiver, outbound),
            async {
                let mut recibidos = Vec::new();
                for _ in 0..3 {
                    recibidos.push(siguiente(&mut cliente).await);
                }
                recibidos
            },
        )
        .await;
        let esperados: Vec<FromServer> = ["uno", "dos", "tres"]
            .iter()
            .map(|t| mensaje("perros", t))
            .collect();
        assert_eq!(
            recibidos, esperados,
            "cada mensaje del canal debería llegar, en orden, como \
             FromServer::Message {{ group_name, message }}"
        );
    })
}

#[test]
fn avisa_de_los_mensajes_perdidos_y_sigue() {
    con_limite(10, SI_NO_LLEGA, || async {
        let (outbound, mut cliente) = conexion().await;
        // Capacidad 4 y 10 mensajes sin leer: el canal descarta los 6 más
        // viejos, y el primer `recv` devuelve `Lagged(6)`.
        let (sender, receiver) = broadcast::channel(4);
        for i in 0..10 {
            sender.send(arc(&format!("m{i}"))).unwrap();
        }
        let recibidos = mientras_corre(
            handle_subscriber(arc("perros"), receiver, outbound),
            async {
                // El aviso y tres mensajes: si faltara el aviso, llegaría
                // enseguida un mensaje en su lugar.
                let mut recibidos = Vec::new();
                for _ in 0..4 {
                    recibidos.push(siguiente(&mut cliente).await);
                }
                recibidos
            },
        )
        .await;

        match &recibidos[0] {
            FromServer::Error(aviso) => {
                let numeros: Vec<&str> = aviso
                    .split(|c: char| !c.is_ascii_digit())
                    .filter(|n| !n.is_empty())
                    .collect();
                assert!(
                    numeros == ["6"] && aviso.contains("perros"),
                    "el aviso debería decir cuántos mensajes se perdieron (6) y de qué \
                     grupo (perros); dice: «{aviso}»"
                );
            }
            otro => panic!(
                "el canal descartó 6 mensajes y lo primero que llegó al cliente fue {otro:?}: \
                 con RecvError::Lagged(n), manda antes un FromServer::Error que lo cuente"
            ),
        }
        let esperados: Vec<FromServer> = (6..9)
            .map(|i| mensaje("perros", &format!("m{i}")))
            .collect();
        assert_eq!(
            recibidos[1..],
            esperados[..],
            "tras el aviso deberían llegar los mensajes que siguen en el canal"
        );
    })
}

#[test]
fn termina_cuando_el_canal_se_cierra() {
    con_limite(
        10,
        "handle_subscriber no terminó después de que se cerrara el canal. Con \
         RecvError::Closed no llegará nada más: sal del bucle (`break`).",
        || async {
            let (outbound, mut cliente) = conexion().await;
            let (sender, receiver) = broadcast::channel(16);
            sender.send(arc("último")).unwrap();
            // Soltar el emisor cierra el canal: tras «último», `recv`
            // devuelve `Closed`.
            drop(sender);
            handle_subscriber(arc("perros"), receiver, outbound).await;
            assert_eq!(
                siguiente(&mut cliente).await,
                mensaje("perros", "último"),
                "antes de terminar, tenía que reenviar el mensaje que quedaba en el canal"
            );
        },
    )
}

#[test]
fn termina_cuando_la_conexion_ya_no_sirve() {
    con_limite(
        10,
        "handle_subscriber no terminó con una conexión en la que ya no se puede escribir.",
        || async {
            // Una conexión en la que el servidor ya cerró su lado de escritura:
            // cualquier `outbound.send(...)` falla enseguida, en el mismo
            // sondeo, sin esperar a que la red avise de nada.
            let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
            let direccion = listener.local_addr().unwrap();
            let (cliente, aceptada) =
                future::join(ClienteSimple::conectar(direccion), listener.accept()).await;
            let _cliente = cliente.unwrap();
            let (socket, _) = aceptada.unwrap();
            socket.shutdown(std::net::Shutdown::Write).unwrap();
            let outbound = Arc::new(Outbound::new(socket));

            // El canal sigue abierto todo el rato: la única razón para
            // terminar es que `outbound.send` falla. Se publica un mensaje y se
            // sondea a handle_subscriber hasta que lo saca del canal y lo
            // intenta mandar, y así, diez veces. Se cuentan sondeos, no tiempo.
            const MENSAJES: usize = 10;
            let (sender, receiver) = broadcast::channel(16);
            let mut subscriber = Box::pin(handle_subscriber(arc("perros"), receiver, outbound));
            for i in 0..MENSAJES {
                sender.send(arc(&format!("m{i}"))).unwrap();
                // Como mucho cien sondeos por mensaje, cediendo el hilo entre
                // uno y otro. Cuando el canal queda vacío, handle_subscriber ya
                // sacó el mensaje, y en ese mismo sondeo intentó mandarlo: el
                // envío ya falló.
                for _ in 0..100 {
                    if futures::poll!(subscriber.as_mut()).is_ready() {
                        return;
                    }
                    if sender.is_empty() {
                        break;
                    }
                    async_std::task::yield_now().await;
                }
            }
            panic!(
                "Se publicaron {MENSAJES} mensajes en una conexión en la que ya no se puede \
                 escribir: cada `outbound.send(...)` devolvió `Err`, y handle_subscriber \
                 seguía en marcha. Se esperaba que terminara con el primer error: la \
                 conexión ya no sirve. ¿Ignoras el resultado de `outbound.send(...).await`? \
                 Si es `Err`, sal del bucle."
            );
        },
    )
}
