//! Alternativa: busca primero con `get`, que solo toma el lock un momento, y
//! si no lo encuentra, toma el lock otra vez y usa `entry(...).or_insert_with`
//! para crearlo solo si nadie lo creó entre medias; devuelve el de la tabla.
//!
//! Solución del ejercicio `group_table`: `GroupTable::get_or_create`.
//!
//! Todo ocurre con el lock tomado una sola vez: `entry` busca el nombre y,
//! si no está, `or_insert_with` crea el grupo y lo guarda, sin soltar el lock
//! entre medias. Si se mirara primero con `get` y se insertara después con
//! otro `lock()`, dos conexiones que se unen a la vez a un grupo nuevo
//! podrían crear dos grupos distintos con el mismo nombre, y cada una se
//! quedaría hablando sola en el suyo.
//!
//! El Mutex es el de `std`: la sección crítica es una operación sobre el
//! mapa, sin ningún `.await`, así que no bloquea a nadie más que un instante.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use taller_async::chat::servidor::group::Group;

/// De cada nombre, su grupo. La comparten todas las conexiones.
pub struct GroupTable {
    groups: Mutex<HashMap<Arc<String>, Arc<Group>>>,
    /// La capacidad de la cola de cada grupo nuevo.
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
        // El caso de siempre, el grupo ya existe, solo busca.
        if let Some(group) = self.get(&name) {
            return group;
        }
        // Entre el `get` y aquí, otro hilo pudo crearlo: `entry` lo vuelve a
        // mirar con el lock tomado, y se devuelve el que quedó en la tabla.
        self.groups
            .lock()
            .unwrap()
            .entry(name.clone())
            .or_insert_with(|| Arc::new(Group::new(name, self.capacity)))
            .clone()
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
