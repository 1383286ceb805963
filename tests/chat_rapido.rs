//! Las pruebas del chat, las mismas de `tests/chat.rs`, para el servidor
//! rápido (`taller_async::chat::servidor_rapido`): el que hace el JSON de
//! cada mensaje una vez por grupo y junta las escrituras. Que pase las
//! mismas pruebas es lo que permite comparar los dos diseños en
//! `chat_carga`: hacen lo mismo, y solo cambia cómo.
//!
//! La etapa de las mil conexiones está aparte, en `tests/chat_rapido_mil.rs`,
//! porque sube el límite de archivos abiertos de su proceso.

use taller_async::chat::servidor_rapido::ServidorRapido;

taller_async::pruebas_del_chat!(
    ServidorRapido,
    aceptar_y_leer_lineas,
    unirse_y_publicar,
    entrada_mal_formada_y_demasiado_larga,
    lector_lento,
    apagado
);
