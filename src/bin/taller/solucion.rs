//! `cargo run -- solución NOMBRE`: la solución de un ejercicio, cuando ya lo
//! resolviste, y la sección del capítulo que lo explica.
//!
//! Ver la solución antes de tiempo quita lo que el ejercicio enseña, así que
//! la orden primero corre sus pruebas, como `lista` (no hay estado guardado),
//! y solo la enseña si pasan. Quien quiera verla de todos modos lo pide con
//! una opción que dice lo que hace, [`SIN_RESOLVER`]; el mensaje que la niega
//! la nombra.

use std::process::ExitCode;

use taller_async::ejercicios::Ejercicio;

use crate::archivos::{self, explicar, relativa};
use crate::{Estado, cargo};

/// La opción que enseña la solución sin comprobar que el ejercicio esté
/// resuelto.
pub const SIN_RESOLVER: &str = "--sin-haberlo-resuelto";

/// `cargo run -- solución ARGS`.
pub fn orden(args: &[&str]) -> ExitCode {
    match args {
        [] => {
            eprintln!(
                "¿La solución de qué ejercicio? Dime su nombre o su número: \
                 cargo run -- solución cheapo_request (los nombres, en cargo run -- lista)."
            );
            ExitCode::from(2)
        }
        [cual] => con_el_ejercicio(cual, true),
        [cual, opcion] | [opcion, cual] if *opcion == SIN_RESOLVER => con_el_ejercicio(cual, false),
        [_, opcion] if opcion.starts_with('-') => {
            eprintln!(
                "No conozco la opción «{opcion}». La que enseña la solución sin comprobar \
                 si resolviste el ejercicio es {SIN_RESOLVER}."
            );
            ExitCode::from(2)
        }
        _ => {
            eprintln!(
                "No entiendo «solución {}»: solución toma un solo ejercicio, por su nombre \
                 o su número (cargo run -- solución cheapo_request).",
                args.join(" ")
            );
            ExitCode::from(2)
        }
    }
}

fn con_el_ejercicio(cual: &str, comprobar: bool) -> ExitCode {
    match crate::elegir(cual) {
        Ok(ejercicio) => solucion(&ejercicio, comprobar),
        Err(codigo) => codigo,
    }
}

/// Enseña la solución de `ejercicio` y dónde la explica el libro; con
/// `comprobar`, solo si sus pruebas pasan con el archivo del alumno.
fn solucion(ejercicio: &Ejercicio, comprobar: bool) -> ExitCode {
    let nombre = &ejercicio.nombre;
    let Some(solucion) = ejercicio.solucion() else {
        eprintln!(
            "exercises/info.toml dice que el archivo de {nombre} es {}, que no está dentro \
             de exercises/src/: no sé dónde está su solución.",
            ejercicio.archivo
        );
        return ExitCode::FAILURE;
    };
    let raiz = cargo::raiz();
    // Antes de correr las pruebas, que la solución esté: si falta, no
    // hace falta esperar para decirlo.
    let archivos = match archivos::archivos(&raiz.join(&solucion)) {
        Ok(archivos) if !archivos.is_empty() => archivos,
        Ok(_) => {
            eprintln!("La solución de {nombre}, {solucion}, es una carpeta vacía.");
            return ExitCode::FAILURE;
        }
        Err(error) => {
            eprintln!(
                "No encuentro la solución de {nombre}: {solucion} {}. Viene con el taller; \
                 si tienes el repositorio de git, `git checkout -- {solucion}` la recupera.",
                explicar(&error)
            );
            return ExitCode::FAILURE;
        }
    };

    if comprobar && let Some(negativa) = por_que_no(ejercicio) {
        eprintln!("{negativa}");
        return ExitCode::FAILURE;
    }

    let mut textos = Vec::new();
    for archivo in &archivos {
        match std::fs::read_to_string(archivo) {
            Ok(texto) => textos.push((relativa(archivo, raiz), texto)),
            Err(error) => {
                eprintln!(
                    "No puedo leer la solución de {nombre}, {}: {}.",
                    relativa(archivo, raiz),
                    explicar(&error)
                );
                return ExitCode::FAILURE;
            }
        }
    }

    if comprobar {
        println!("Lo resolviste: sus pruebas pasan. La solución del taller, para comparar:\n");
    } else {
        println!(
            "La solución de {nombre}, sin comprobar si lo resolviste (lo pediste con \
             {SIN_RESOLVER}):\n"
        );
    }
    for (ruta, texto) in &textos {
        println!("── {ruta} ──\n");
        println!("{}\n", texto.trim_end());
    }
    match (
        ejercicio.titulo_del_capitulo(raiz),
        ejercicio.seccion_del_capitulo(raiz),
    ) {
        (Some(titulo), Some(seccion)) => println!(
            "La explica el capítulo «{titulo}» ({}),\nen su sección «{}».",
            ejercicio.capitulo, seccion.texto
        ),
        (Some(titulo), None) => println!(
            "La explica el capítulo «{titulo}» ({}).",
            ejercicio.capitulo
        ),
        _ => println!("La explica el capítulo {}.", ejercicio.capitulo),
    }
    if let Some(esbozo) = ejercicio.esbozo() {
        println!("Para compararla con la tuya: git diff --no-index {esbozo} {solucion}");
    }
    ExitCode::SUCCESS
}

/// Por qué no se enseña todavía la solución, o `None` si el ejercicio está
/// resuelto (sus pruebas pasan).
fn por_que_no(ejercicio: &Ejercicio) -> Option<String> {
    let nombre = &ejercicio.nombre;
    let orden = ejercicio.orden_de_pruebas();
    eprintln!("Antes de enseñarte la solución, corro sus pruebas ({orden})...");
    let situacion = match crate::estado(ejercicio).0 {
        Estado::Resuelto => return None,
        Estado::Pendiente => format!("Todavía no has resuelto {nombre}: sus pruebas no pasan."),
        Estado::NoCompila(_) => {
            format!("Todavía no has resuelto {nombre}: ahora mismo no compila.")
        }
    };
    Some(format!(
        "{situacion} Para ver qué falla: {orden}\n\
         La solución te daría hecho lo que el ejercicio enseña: antes, prueba con una pista \
         (cargo run -- pista {nombre}). Cuando las pruebas pasen, esta misma orden te la \
         enseña.\n\
         Si aun así quieres verla ya: cargo run -- solución {nombre} {SIN_RESOLVER}"
    ))
}
