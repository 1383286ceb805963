//! Correr `cargo test` sobre un objetivo de pruebas y leer qué pasó con cada
//! prueba.
//!
//! La herramienta no reimplementa nada del arnés de pruebas: llama a cargo
//! como lo haría el alumno y lee las líneas `test nombre ... ok` que imprime
//! el arnés estándar de Rust.

use std::path::Path;
use std::process::{Command, Stdio};

/// El resultado de correr un objetivo de pruebas.
pub struct Corrida {
    /// `cargo test` terminó con éxito (compiló y pasaron todas).
    pub exito: bool,
    /// Cada prueba con su resultado: `"ok"`, `"FAILED"` o `"ignored"`.
    pub pruebas: Vec<(String, String)>,
    /// Lo que cargo escribió en stderr (errores de compilación, sobre todo).
    pub stderr: String,
}

/// Corre `cargo test -p paquete --test objetivo` en la raíz del taller.
pub fn pruebas(paquete: &str, objetivo: &str) -> std::io::Result<Corrida> {
    let salida = Command::new(cargo())
        .current_dir(raiz())
        .args(["test", "-p", paquete, "--test", objetivo])
        .args(["--", "--color", "never"])
        .stdin(Stdio::null())
        .output()?;
    let stdout = String::from_utf8_lossy(&salida.stdout);
    let pruebas = stdout
        .lines()
        .filter_map(|linea| {
            let resto = linea.strip_prefix("test ")?;
            let (nombre, resultado) = resto.rsplit_once(" ... ")?;
            Some((nombre.to_string(), resultado.trim().to_string()))
        })
        .collect();
    Ok(Corrida {
        exito: salida.status.success(),
        pruebas,
        stderr: String::from_utf8_lossy(&salida.stderr).into_owned(),
    })
}

/// Compila las pruebas de los paquetes dados sin correrlas.
pub fn compilar_pruebas(paquetes: &[&str]) -> std::io::Result<bool> {
    let mut orden = Command::new(cargo());
    orden.current_dir(raiz()).args(["test", "--no-run", "-q"]);
    for paquete in paquetes {
        orden.args(["-p", paquete]);
    }
    Ok(orden.stdin(Stdio::null()).status()?.success())
}

/// La raíz del repositorio, donde está el `Cargo.toml` del espacio de trabajo.
pub fn raiz() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// El cargo con el que nos llamaron (`cargo run` lo pone en `CARGO`).
fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string())
}
