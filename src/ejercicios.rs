//! La lista de ejercicios, leída de `exercises/info.toml`.
//!
//! Como el `info.toml` de rustlings, un solo archivo dice qué ejercicios hay,
//! en qué orden, qué archivo se edita, qué pruebas lo comprueban, qué
//! capítulo lo explica y cuál es su pista. La herramienta `taller` (y las
//! pruebas que vigilan que el libro y los ejercicios concuerden) lo leen de
//! aquí, así que nada de eso se repite en otro sitio.

use serde::Deserialize;

/// El contenido de `exercises/info.toml`, incluido al compilar.
pub const INFO_TOML: &str = include_str!("../exercises/info.toml");

/// Un ejercicio del taller.
#[derive(Debug, Clone, Deserialize)]
pub struct Ejercicio {
    /// El nombre corto, igual al del ejemplo y al del módulo: `cheapo_request`.
    pub nombre: String,
    /// El archivo que edita el alumno, relativo a la raíz del repositorio.
    pub archivo: String,
    /// El archivo de pruebas, relativo a la raíz; su nombre sin `.rs` es el
    /// objetivo de `cargo test -p exercises --test ...`.
    pub pruebas: String,
    /// El capítulo del libro que lo explica, relativo a la raíz.
    pub capitulo: String,
    /// La pista que da `cargo run -- pista N`.
    pub pista: String,
}

impl Ejercicio {
    /// El nombre del objetivo de pruebas: `e01_cheapo_request`.
    pub fn objetivo_de_pruebas(&self) -> &str {
        let archivo = self.pruebas.rsplit('/').next().unwrap_or(&self.pruebas);
        archivo.strip_suffix(".rs").unwrap_or(archivo)
    }

    /// La orden que corre sus pruebas.
    pub fn orden_de_pruebas(&self) -> String {
        format!(
            "cargo test -p exercises --test {}",
            self.objetivo_de_pruebas()
        )
    }
}

#[derive(Deserialize)]
struct Info {
    ejercicio: Vec<Ejercicio>,
}

/// Todos los ejercicios, en el orden en que se resuelven.
pub fn todos() -> Vec<Ejercicio> {
    let info: Info = toml::from_str(INFO_TOML)
        .unwrap_or_else(|e| panic!("exercises/info.toml no es un TOML válido: {e}"));
    info.ejercicio
}

/// El ejercicio número `n` (contando desde 1) o con ese nombre.
pub fn buscar(n_o_nombre: &str) -> Option<Ejercicio> {
    let todos = todos();
    if let Ok(n) = n_o_nombre.parse::<usize>() {
        return n.checked_sub(1).and_then(|i| todos.get(i).cloned());
    }
    todos.into_iter().find(|e| e.nombre == n_o_nombre)
}
