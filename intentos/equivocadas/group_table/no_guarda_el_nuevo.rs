//! Error: si el grupo no existe, lo crea y lo devuelve, pero no lo guarda en
//! la tabla.
//! Se espera: fallan crea_el_grupo_la_primera_vez_y_lo_guarda,
//!   la_segunda_vez_devuelve_el_mismo_grupo,
//!   cada_nombre_tiene_su_grupo,
//!   quien_se_une_y_quien_publica_acaban_en_el_mismo_grupo,
//!   muchos_hilos_a_la_vez_acaban_en_el_mismo_grupo
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
        self.get(&name)
            .unwrap_or_else(|| Arc::new(Group::new(name, self.capacity)))
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
