//! Ejercicio `mutex`: `Outbound`, un escritor compartido por varias tareas.
//!
//! Capítulo: book/src/09-mutex.md.
//! Pruebas: `cargo test -p exercises --test mutex`.
//! Pista: `cargo run -- pista mutex`.
//!
//! En el chat del libro, varias tareas escriben al mismo cliente por la misma
//! conexión: la que responde a sus órdenes y una por cada grupo al que se ha
//! unido. Si escribieran a la vez, los bytes de una línea JSON podrían
//! quedar en medio de los de otra, y el cliente recibiría basura.
//!
//! Escribe `Outbound::send`: manda un paquete como una línea JSON (el JSON
//! seguido de `\n`) y después hace `flush`, sin que la línea de otra tarea se
//! pueda colar en medio. La escritura es asíncrona: `write_all` y `flush`
//! devuelven futures, y mientras esperan, otras tareas del mismo hilo
//! tienen que poder avanzar.
//!
//! El esbozo guarda el escritor en un `std::sync::Mutex`. Decidir si ese es
//! el Mutex adecuado es parte del ejercicio: el capítulo explica cuándo sirve
//! cada uno.

use async_std::io::Write;
#[allow(unused_imports)]
use async_std::io::prelude::*;
use serde::Serialize;
use std::sync::Mutex;

/// El lado de salida de una conexión: varias tareas pueden mandar paquetes
/// por el mismo escritor sin que sus líneas se mezclen.
pub struct Outbound<W> {
    // El esbozo no lo usa todavía; tu `send` sí.
    #[allow(dead_code)]
    escritor: Mutex<W>,
}

impl<W: Write + Unpin> Outbound<W> {
    /// Envuelve el escritor (un `TcpStream`, en el chat del libro).
    pub fn new(escritor: W) -> Outbound<W> {
        Outbound {
            escritor: Mutex::new(escritor),
        }
    }

    /// Manda `paquete` como una línea JSON (el JSON y un `\n`) y hace `flush`.
    pub async fn send<P: Serialize>(&self, paquete: &P) -> std::io::Result<()> {
        todo!(
            "Ejercicio `mutex`: escribe `Outbound::send` en exercises/src/mutex.rs \
             (capítulo book/src/09-mutex.md; pista: cargo run -- pista mutex)"
        )
    }
}
