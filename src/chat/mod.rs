//! El chat asíncrono del libro: el protocolo, y todo lo que comparten el
//! servidor, el cliente, las pruebas y la medición de carga.
//!
//! *Programming Rust* cierra su capítulo de programación asíncrona con un
//! chat: un servidor que reparte los mensajes de cada grupo entre sus
//! miembros, y un cliente de terminal. Su biblioteca (`async-chat`) solo
//! contiene el protocolo, dos tipos que viajan por la red como JSON, una
//! línea por paquete. Este módulo es esa biblioteca, con lo que el libro deja
//! abierto resuelto:
//!
//! - [`FromClient`] y [`FromServer`]: los paquetes, idénticos en la red a los
//!   del libro (un cliente del libro habla con este servidor, y al revés);
//! - [`utils`]: `send_as_json` y `receive_as_json`, como en el libro, pero
//!   leyendo cada línea con un límite de tamaño;
//! - [`linea`]: la lectura de una línea con límite, que impide que un cliente
//!   haga crecer la memoria del servidor sin fin mandando una línea eterna;
//! - [`servidor`]: el servidor con los módulos del libro (`connection`,
//!   `group`, `group_table`) y un manejador que lo arranca, lo cuenta y lo
//!   detiene;
//! - [`servidor_rapido`]: otro servidor, junto al del libro, que hace el JSON
//!   de cada mensaje una vez por grupo y junta las escrituras; `chat_carga`
//!   mide los dos;
//! - [`cliente_simple`]: un cliente sin teclado para las pruebas, las
//!   demostraciones y la medición de carga;
//! - [`interfaz`] y [`pruebas`]: lo que un servidor de chat cualquiera ofrece
//!   a las pruebas (el trait [`interfaz::ServidorDeChat`]), y las pruebas
//!   mismas, escritas una sola vez para el servidor de async-std y para el de
//!   tokio del proyecto final.
//!
//! Los límites viven aquí porque los dos extremos los necesitan: el servidor
//! rechaza lo que los supera, y el cliente sabe que cualquier respuesta
//! legítima cabe en una línea.

use serde::{Deserialize, Serialize};
use std::sync::Arc;

pub mod cliente_simple;
pub mod interfaz;
pub mod linea;
pub mod pruebas;
pub mod servidor;
pub mod servidor_rapido;
pub mod utils;

// ANCHOR: limites
/// La línea más larga que acepta el servidor, y también el cliente: 64 KiB.
///
/// Sin límite, un cliente que manda bytes sin ningún `\n` obligaría a
/// guardarlos todos en memoria esperando el final de la línea.
pub const LIMITE_LINEA: usize = 64 * 1024;

/// El nombre de grupo más largo que acepta el servidor, en bytes.
pub const LIMITE_NOMBRE_GRUPO: usize = 64;

/// El mensaje más largo que acepta el servidor, en bytes (ya decodificado).
///
/// Los límites están elegidos para que cualquier [`FromServer::Message`]
/// quepa en una línea de [`LIMITE_LINEA`], incluso en el peor caso, en que
/// serde_json escribe cada byte como un escape de seis (`\u0001`):
/// 6 × (8192 + 64) bytes, más el envoltorio, son menos de 64 KiB. Así el
/// cliente puede leer con el mismo límite sin rechazar nunca una respuesta
/// legítima.
pub const LIMITE_MENSAJE: usize = 8 * 1024;
// ANCHOR_END: limites

// ANCHOR: protocolo
/// Lo que un cliente manda al servidor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FromClient {
    /// Unirse a un grupo (y crearlo si no existe).
    Join { group_name: Arc<String> },
    /// Publicar un mensaje en un grupo que ya existe.
    Post {
        group_name: Arc<String>,
        message: Arc<String>,
    },
}

/// Lo que el servidor manda a un cliente.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FromServer {
    /// Un mensaje publicado en un grupo al que el cliente se unió.
    Message {
        group_name: Arc<String>,
        message: Arc<String>,
    },
    /// Algo salió mal: un grupo que no existe, un paquete ilegible, un
    /// mensaje perdido por ir atrasado...
    Error(String),
}
// ANCHOR_END: protocolo

#[cfg(test)]
mod pruebas_del_protocolo {
    use super::*;

    fn arc(texto: &str) -> Arc<String> {
        Arc::new(texto.to_string())
    }

    // ANCHOR: prueba_compatible
    #[test]
    fn un_post_en_json_es_el_del_libro() {
        // La línea exacta que manda el cliente del libro.
        let del_libro = r#"{"Post":{"group_name":"Dogs","message":"Samoyeds rock!"}}"#;

        let esperado = FromClient::Post {
            group_name: arc("Dogs"),
            message: arc("Samoyeds rock!"),
        };
        let leido: FromClient = serde_json::from_str(del_libro).unwrap();
        assert_eq!(leido, esperado);
        // Y al revés: lo que escribimos nosotros es, byte a byte, lo del libro.
        assert_eq!(serde_json::to_string(&esperado).unwrap(), del_libro);
    }
    // ANCHOR_END: prueba_compatible

    #[test]
    fn join_y_las_respuestas_tambien_son_las_del_libro() {
        let join = FromClient::Join {
            group_name: arc("Cats"),
        };
        assert_eq!(
            serde_json::to_string(&join).unwrap(),
            r#"{"Join":{"group_name":"Cats"}}"#
        );
        let mensaje = FromServer::Message {
            group_name: arc("Cats"),
            message: arc("miau"),
        };
        assert_eq!(
            serde_json::to_string(&mensaje).unwrap(),
            r#"{"Message":{"group_name":"Cats","message":"miau"}}"#
        );
        let error = FromServer::Error("sin grupo".to_string());
        assert_eq!(
            serde_json::to_string(&error).unwrap(),
            r#"{"Error":"sin grupo"}"#
        );
        for linea in [
            r#"{"Message":{"group_name":"Cats","message":"miau"}}"#,
            r#"{"Error":"sin grupo"}"#,
        ] {
            let paquete: FromServer = serde_json::from_str(linea).unwrap();
            assert_eq!(serde_json::to_string(&paquete).unwrap(), linea);
        }
    }

    #[test]
    fn la_peor_respuesta_posible_cabe_en_una_linea() {
        // Bytes de control: serde_json escribe cada uno como `\u00XX`, seis
        // bytes por byte, que es lo más que puede crecer un texto.
        let peor = FromServer::Message {
            group_name: Arc::new("\u{1}".repeat(LIMITE_NOMBRE_GRUPO)),
            message: Arc::new("\u{1}".repeat(LIMITE_MENSAJE)),
        };
        let linea = serde_json::to_string(&peor).unwrap();
        assert!(
            linea.len() < LIMITE_LINEA,
            "{} bytes no caben en {LIMITE_LINEA}",
            linea.len()
        );
    }
}
