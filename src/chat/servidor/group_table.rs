//! La tabla de grupos: de un nombre a su grupo.
//!
//! Es el `group_table.rs` del libro. Todas las conexiones la comparten, así
//! que va detrás de un Mutex, y aquí basta el de `std`: cada método toma el
//! lock, hace una operación sobre el mapa y lo suelta, sin ningún `.await` de
//! por medio. El capítulo «Mutex: el de `std` y el asíncrono» explica por qué
//! eso es más barato que el Mutex asíncrono y no bloquea a nadie más de un
//! instante.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::group::Group;

// ANCHOR: group_table
pub struct GroupTable {
    groups: Mutex<HashMap<Arc<String>, Arc<Group>>>,
    /// La capacidad de la cola de cada grupo nuevo.
    capacity: usize,
}

impl GroupTable {
    pub fn new(capacity: usize) -> GroupTable {
        GroupTable {
            groups: Mutex::new(HashMap::new()),
            capacity,
        }
    }

    pub fn get(&self, name: &Arc<String>) -> Option<Arc<Group>> {
        self.groups.lock().unwrap().get(name).cloned()
    }

    pub fn get_or_create(&self, name: Arc<String>) -> Arc<Group> {
        self.groups
            .lock()
            .unwrap()
            .entry(name.clone())
            .or_insert_with(|| Arc::new(Group::new(name, self.capacity)))
            .clone()
    }
}
// ANCHOR_END: group_table

/// Lo que el manejador del servidor cuenta de la tabla. Cada método copia lo
/// que necesita con el lock tomado y lo suelta enseguida.
impl GroupTable {
    /// Cuántos grupos existen.
    pub fn len(&self) -> usize {
        self.groups.lock().unwrap().len()
    }

    /// Si no existe ningún grupo.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn grupos(&self) -> Vec<Arc<Group>> {
        self.groups.lock().unwrap().values().cloned().collect()
    }

    /// Cuántas suscripciones (tareas de miembro) hay vivas, sumando todos los
    /// grupos.
    pub fn suscriptores(&self) -> usize {
        self.grupos().iter().map(|g| g.suscriptores()).sum()
    }

    /// El mayor número de mensajes que ha llegado a guardar la cola de algún
    /// grupo.
    pub fn retenidos_max(&self) -> usize {
        self.grupos()
            .iter()
            .map(|g| g.retenidos_max())
            .max()
            .unwrap_or(0)
    }
}
