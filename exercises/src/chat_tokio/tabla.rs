//! La tabla de grupos: de un nombre a su grupo.
//!
//! Es el `group_table.rs` del libro (y del ejercicio `group_table`), con las
//! cuentas que preguntan las pruebas. Un Mutex de `std` basta: cada método
//! toma el lock, hace una operación sobre el mapa y lo suelta, sin ningún
//! `.await` de por medio.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use super::grupo::Grupo;

pub struct Tabla {
    grupos: Mutex<HashMap<Arc<String>, Arc<Grupo>>>,
    /// La capacidad de la cola de cada grupo nuevo.
    capacidad: usize,
}

impl Tabla {
    pub fn new(capacidad: usize) -> Tabla {
        Tabla {
            grupos: Mutex::new(HashMap::new()),
            capacidad,
        }
    }

    fn mapa(&self) -> MutexGuard<'_, HashMap<Arc<String>, Arc<Grupo>>> {
        // Nadie entra en pánico con el lock tomado; si pasara, el mapa sigue
        // siendo válido (cada operación es una sola llamada al mapa).
        self.grupos
            .lock()
            .unwrap_or_else(|envenenado| envenenado.into_inner())
    }

    /// El grupo con ese nombre, si existe.
    pub fn get(&self, nombre: &Arc<String>) -> Option<Arc<Grupo>> {
        self.mapa().get(nombre).cloned()
    }

    /// El grupo con ese nombre; si no existe, lo crea.
    pub fn get_or_create(&self, nombre: Arc<String>) -> Arc<Grupo> {
        let capacidad = self.capacidad;
        self.mapa()
            .entry(nombre.clone())
            .or_insert_with(|| Arc::new(Grupo::new(nombre, capacidad)))
            .clone()
    }

    /// Cuántos grupos existen.
    pub fn len(&self) -> usize {
        self.mapa().len()
    }

    /// Si no hay ningún grupo.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn todos(&self) -> Vec<Arc<Grupo>> {
        self.mapa().values().cloned().collect()
    }

    /// Cuántas suscripciones siguen vivas, sumando todos los grupos.
    pub fn suscriptores(&self) -> usize {
        self.todos().iter().map(|g| g.suscriptores()).sum()
    }

    /// El mayor número de mensajes que llegó a guardar la cola de un grupo.
    pub fn retenidos_max(&self) -> usize {
        self.todos()
            .iter()
            .map(|g| g.retenidos_max())
            .max()
            .unwrap_or(0)
    }
}
