//! Mil conexiones a la vez con el servidor de chat, en 127.0.0.1, y clientes
//! que se van de golpe: la etapa `mil_clientes_y_desconexiones` de las
//! pruebas del chat (`src/chat/pruebas.rs`), para [`ServidorChat`].
//!
//! Va en su propio archivo porque cada archivo de `tests/` es un proceso
//! aparte: la prueba de las mil sube el límite de archivos abiertos de su
//! proceso, y sus dos mil sockets (los mil del servidor y los mil de los
//! clientes, todos en este proceso) no compiten con los de otras pruebas.
//!
//! Muchos sistemas empiezan con un límite blando de 1024 archivos abiertos
//! por proceso. El límite blando se puede subir sin privilegios hasta el
//! duro; si el duro tampoco alcanza, la prueba lo dice y no hace nada.

use taller_async::chat::servidor::ServidorChat;

taller_async::pruebas_del_chat!(ServidorChat, mil_clientes_y_desconexiones);
