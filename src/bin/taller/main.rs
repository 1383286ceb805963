//! `taller`: la herramienta del alumno, en español.
//!
//! Como `rustlings`, responde a «¿qué hago ahora?» sin que haya que recordar
//! nombres de archivos ni órdenes de cargo:
//!
//! ```text
//! cargo run -- lista          # todos los ejercicios, ✓ o ✗, y el progreso
//! cargo run -- siguiente      # el primero sin resolver: qué editar y qué leer
//! cargo run -- pista 2        # la pista del ejercicio 2 (o: pista many_requests)
//! cargo run -- vigila         # corre las pruebas del ejercicio actual cada vez
//!                             # que guardas, y pasa al siguiente cuando pasan
//! cargo run -- comprobar      # el contrato: cada prueba falla con el esbozo
//!                             # y pasa con la solución (para quien mantiene)
//! ```
//!
//! La lista de ejercicios y sus pistas vienen de `exercises/info.toml`, a
//! través de [`taller_async::ejercicios`]. Para saber si un ejercicio está
//! resuelto no hay estado guardado: se corren sus pruebas.

mod cargo;
mod contrato;
mod vigila;

use std::process::ExitCode;

use taller_async::ejercicios::{self, Ejercicio};

const USO: &str = "\
Uso: cargo run -- <orden>

Órdenes:
  lista        todos los ejercicios, con ✓ (resuelto) o ✗ (pendiente)
  siguiente    el primer ejercicio sin resolver: qué editar, qué leer, cómo probarlo
  pista N      la pista del ejercicio N (un número o un nombre, como many_requests)
  vigila       corre las pruebas del ejercicio actual cada vez que guardas un archivo
               de exercises/, y pasa al siguiente cuando pasan (Ctrl-C para salir)
  comprobar    el contrato: cada prueba falla con el esbozo y pasa con la solución";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["lista"] => lista(),
        ["siguiente"] => siguiente(),
        ["pista", cual] => pista(cual),
        ["comprobar"] => contrato::comprobar(),
        ["vigila"] => vigila::vigila(),
        [] | ["ayuda"] | ["--help"] | ["-h"] => {
            println!("{USO}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("No entiendo «{}».\n\n{USO}", args.join(" "));
            ExitCode::from(2)
        }
    }
}

/// Corre las pruebas de cada ejercicio y muestra ✓ o ✗ con una barra de
/// progreso.
fn lista() -> ExitCode {
    let todos = ejercicios::todos();
    println!("Ejercicios del taller (corriendo sus pruebas...)\n");
    let mut resueltos = 0;
    for (i, ejercicio) in todos.iter().enumerate() {
        let estado = estado(ejercicio);
        if estado == Estado::Resuelto {
            resueltos += 1;
        }
        let (marca, nota) = match estado {
            Estado::Resuelto => ("✓", ""),
            Estado::Pendiente => ("✗", ""),
            Estado::NoCompila => ("✗", "  (no compila)"),
        };
        println!(
            "  {marca} {:>2}. {:<22} {}{nota}",
            i + 1,
            ejercicio.nombre,
            ejercicio.archivo
        );
    }
    println!("\n{}", progreso(resueltos, todos.len()));
    if resueltos < todos.len() {
        println!("¿Qué sigue? cargo run -- siguiente");
    }
    ExitCode::SUCCESS
}

/// Dice cuál es el primer ejercicio sin resolver y cómo ponerse con él.
fn siguiente() -> ExitCode {
    let todos = ejercicios::todos();
    for (i, ejercicio) in todos.iter().enumerate() {
        let estado = estado(ejercicio);
        if estado == Estado::Resuelto {
            continue;
        }
        println!("{}\n", progreso(i, todos.len()));
        println!("Te toca el ejercicio {}: {}\n", i + 1, ejercicio.nombre);
        println!("  Edita:     {}", ejercicio.archivo);
        println!("  Lee:       {}", ejercicio.capitulo);
        println!("  Prueba:    {}", ejercicio.orden_de_pruebas());
        println!("  ¿Atascado? cargo run -- pista {}", i + 1);
        if estado == Estado::NoCompila {
            println!(
                "\nAhora mismo no compila: `{}` te dice dónde.",
                ejercicio.orden_de_pruebas()
            );
        }
        return ExitCode::SUCCESS;
    }
    println!("{}\n", progreso(todos.len(), todos.len()));
    println!(
        "¡Has resuelto todos los ejercicios! Compara tus soluciones con las de solutions/src/."
    );
    ExitCode::SUCCESS
}

fn pista(cual: &str) -> ExitCode {
    match ejercicios::buscar(cual) {
        Some(ejercicio) => {
            println!("Pista para {} ({}):", ejercicio.nombre, ejercicio.archivo);
            println!("{}", ejercicio.pista.trim_end());
            println!("\nMás en el capítulo: {}", ejercicio.capitulo);
            ExitCode::SUCCESS
        }
        None => {
            eprintln!(
                "No hay ningún ejercicio «{cual}». Hay {} ejercicios: usa un número del 1 al {} \
                 o un nombre de `cargo run -- lista`.",
                ejercicios::todos().len(),
                ejercicios::todos().len()
            );
            ExitCode::from(2)
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Estado {
    Resuelto,
    Pendiente,
    NoCompila,
}

/// Un ejercicio está resuelto si todas sus pruebas pasan. Si cargo falla sin
/// que corra ninguna prueba, es que no compila.
fn estado(ejercicio: &Ejercicio) -> Estado {
    match cargo::pruebas("exercises", ejercicio.objetivo_de_pruebas()) {
        Ok(corrida) if corrida.exito => Estado::Resuelto,
        Ok(corrida) if corrida.pruebas.is_empty() => Estado::NoCompila,
        _ => Estado::Pendiente,
    }
}

fn progreso(hechos: usize, total: usize) -> String {
    const ANCHO: usize = 30;
    let llenos = (hechos * ANCHO).checked_div(total).unwrap_or(0);
    format!(
        "Progreso: [{}{}] {hechos}/{total}",
        "#".repeat(llenos),
        "-".repeat(ANCHO - llenos)
    )
}
