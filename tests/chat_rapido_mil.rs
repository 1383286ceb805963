//! Mil conexiones a la vez y clientes que se van de golpe (la etapa
//! `mil_clientes_y_desconexiones` de `src/chat/pruebas.rs`), para el
//! servidor rápido. En su propio archivo, es decir, en su propio proceso,
//! por lo mismo que `tests/chat_mil.rs`: sube el límite de archivos
//! abiertos del proceso.

use taller_async::chat::servidor_rapido::ServidorRapido;

taller_async::pruebas_del_chat!(ServidorRapido, mil_clientes_y_desconexiones);
