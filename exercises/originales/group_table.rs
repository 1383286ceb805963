//! Ejercicio `group_table`: `GroupTable::get_or_create`, la tabla de grupos del chat.
//!
//! Capítulo: book/src/14-chat-mutex.md.
//! Pruebas: `cargo test -p exercises --test group_table`.
//! Pista: `cargo run -- pista group_table`.
//!
//! El servidor de chat guarda sus grupos en una tabla compartida por todas
//! las conexiones: un `HashMap` del nombre de cada grupo a su `Group`, detrás
//! de un `std::sync::Mutex`. Cuando un cliente se une a un grupo, su conexión
//! llama a `get_or_create`, y eso escribes tú:
//!
//! - si el grupo `name` ya existe, devuelve ese mismo grupo (el mismo `Arc`,
//!   no una copia ni uno nuevo: así todos sus miembros comparten su canal);
//! - si no existe, créalo con `Group::new(name, self.capacity)`, guárdalo en
//!   la tabla y devuélvelo.
//!
//! Ojo con la concurrencia: muchas conexiones, en varios hilos, pueden
//! llamar a la vez a `get_or_create` con un nombre nuevo, y tienen que
//! acabar todas en el mismo grupo.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use taller_async::chat::servidor::group::Group;

/// De cada nombre, su grupo. La comparten todas las conexiones.
pub struct GroupTable {
    groups: Mutex<HashMap<Arc<String>, Arc<Group>>>,
    /// La capacidad de la cola de cada grupo nuevo.
    // El esbozo no la usa todavía; tu `get_or_create` sí.
    #[allow(dead_code)]
    capacity: usize,
}

impl GroupTable {
    /// Una tabla vacía; cada grupo que se cree tendrá una cola de `capacity`
    /// mensajes.
    pub fn new(capacity: usize) -> GroupTable {
        GroupTable {
            groups: Mutex::new(HashMap::new()),
            capacity,
        }
    }

    /// El grupo `name`, si existe.
    pub fn get(&self, name: &Arc<String>) -> Option<Arc<Group>> {
        self.groups.lock().unwrap().get(name).cloned()
    }

    /// El grupo `name`; si no existe, lo crea (con la capacidad de la tabla)
    /// y lo guarda.
    pub fn get_or_create(&self, name: Arc<String>) -> Arc<Group> {
        todo!(
            "Ejercicio `group_table`: escribe `GroupTable::get_or_create` en \
             exercises/src/group_table.rs (capítulo book/src/14-chat-mutex.md; \
             pista: cargo run -- pista group_table)"
        )
    }

    /// Cuántos grupos hay.
    pub fn len(&self) -> usize {
        self.groups.lock().unwrap().len()
    }

    /// Si no hay ningún grupo.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
