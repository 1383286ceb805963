//! La tabla de grupos del servidor rápido: la del
//! [libro](crate::chat::servidor::group_table), igual, pero de grupos
//! [rápidos](super::group::Group).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::group::Group;

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

    /// Cuántas suscripciones hay vivas, sumando todos los grupos.
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
