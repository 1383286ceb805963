//! Error: mira si el grupo existe con un `lock()` y lo inserta con otro: entre
//! los dos, otro hilo puede crear el mismo grupo, y cada uno se queda con el
//! suyo (y el segundo `insert` sustituye al primero en la tabla).
//! Se espera: falla muchos_hilos_a_la_vez_acaban_en_el_mismo_grupo
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
        if let Some(group) = self.get(&name) {
            return group;
        }
        let group = Arc::new(Group::new(name.clone(), self.capacity));
        self.groups.lock().unwrap().insert(name, group.clone());
        group
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
