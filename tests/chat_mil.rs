//! Mil conexiones a la vez con el servidor de chat, en 127.0.0.1.
//!
//! Va en su propio archivo porque cada archivo de `tests/` es un proceso
//! aparte: esta prueba sube el límite de archivos abiertos de su proceso, y
//! sus dos mil sockets (los mil del servidor y los mil de los clientes, todos
//! en este proceso) no compiten con los de otras pruebas.
//!
//! Muchos sistemas empiezan con un límite blando de 1024 archivos abiertos
//! por proceso. El límite blando se puede subir sin privilegios hasta el
//! duro; si el duro tampoco alcanza, la prueba lo dice y no hace nada.

use taller_async::chat::FromServer;
use taller_async::chat::cliente_simple::ClienteSimple;
use taller_async::chat::servidor::{Config, ServidorChat};
use taller_async::prueba::con_limite;

const CLIENTES: usize = 1000;

/// Descriptores que necesita la prueba: un socket por cliente, otro por su
/// conexión en el servidor, y un margen para lo demás (el ejecutor, cargo...).
const DESCRIPTORES: u64 = 2 * CLIENTES as u64 + 256;

/// Sube el límite blando de archivos abiertos hasta el duro. Devuelve el
/// límite que queda (en los sistemas sin ese límite, como Windows, `rlimit`
/// devuelve el máximo posible).
fn subir_limite_de_archivos() -> u64 {
    rlimit::increase_nofile_limit(u64::MAX).unwrap_or(0)
}

#[test]
fn mil_conexiones_a_la_vez_reciben_el_mismo_mensaje() {
    let limite = subir_limite_de_archivos();
    if limite < DESCRIPTORES {
        eprintln!(
            "AVISO: prueba omitida. Necesita {DESCRIPTORES} archivos abiertos y este proceso \
             solo puede tener {limite} (el límite duro de `ulimit -Hn`). Súbelo para correrla."
        );
        return;
    }

    con_limite(
        120,
        "las mil conexiones no terminaron: ¿se agotaron los descriptores de archivo, o se \
         perdió algún mensaje?",
        || async {
            let config = Config {
                capacidad: 1000,
                registrar_errores: true,
            };
            let servidor = ServidorChat::con_config("127.0.0.1:0", config)
                .await
                .expect("no se pudo arrancar el servidor");

            // Se conectan de una en una (la cola de conexiones pendientes del
            // sistema es corta), pero quedan todas abiertas a la vez.
            let mut clientes = Vec::with_capacity(CLIENTES);
            for i in 0..CLIENTES {
                let mut c = ClienteSimple::conectar(servidor.direccion())
                    .await
                    .unwrap_or_else(|e| panic!("el cliente {i} no pudo conectar: {e}"));
                c.join("todos").await.unwrap();
                clientes.push(c);
            }
            servidor
                .esperar_hasta(|s| s.conexiones() == CLIENTES && s.suscriptores() == CLIENTES)
                .await;

            clientes[0].post("todos", "¡hola a los mil!").await.unwrap();
            // Los mil leen a la vez, dentro de esta tarea.
            let lecturas = clientes.iter_mut().map(|c| c.recibir_paquete());
            let paquetes = futures::future::join_all(lecturas).await;
            let bien = paquetes
                .iter()
                .filter(|p| {
                    matches!(p, Ok(FromServer::Message { message, .. })
                        if message.as_str() == "¡hola a los mil!")
                })
                .count();
            assert_eq!(bien, CLIENTES, "no todos recibieron el mensaje");

            drop(clientes);
            servidor
                .esperar_hasta(|s| s.conexiones() == 0 && s.suscriptores() == 0)
                .await;
            assert_eq!(servidor.panicos(), 0);
        },
    );
}
