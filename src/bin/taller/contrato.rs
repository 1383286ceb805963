//! `taller comprobar`: el contrato de los ejercicios.
//!
//! Un ejercicio solo enseña si sus pruebas distinguen lo resuelto de lo que
//! no lo está. Por eso el contrato se comprueba prueba a prueba:
//!
//! - con el esbozo (`exercises`), **cada** prueba falla: una prueba que pasa
//!   sin que el alumno haya escrito nada no comprueba nada;
//! - con la solución (`solutions`), **cada** prueba pasa;
//! - las dos corridas tienen las mismas pruebas (son los mismos archivos);
//! - cada archivo de `exercises/tests/` pertenece a un ejercicio de
//!   `exercises/info.toml`, y cada ejercicio tiene al menos una prueba.
//!
//! Imprime una tabla en español y termina con un código distinto de cero si
//! algo incumple el contrato.

use std::collections::BTreeSet;
use std::process::ExitCode;

use taller_async::ejercicios;

use crate::cargo;

pub fn comprobar() -> ExitCode {
    println!("Compilando las pruebas de exercises y solutions...");
    match cargo::compilar_pruebas(&["exercises", "solutions"]) {
        Ok(true) => {}
        Ok(false) => {
            eprintln!("✗ Las pruebas no compilan: arregla el error de arriba y vuelve a probar.");
            return ExitCode::FAILURE;
        }
        Err(e) => {
            eprintln!("✗ No se pudo ejecutar cargo: {e}");
            return ExitCode::FAILURE;
        }
    }

    let todos = ejercicios::todos();
    let mut faltas: Vec<String> = Vec::new();

    // Ningún archivo de pruebas fuera del contrato.
    let declarados: BTreeSet<String> = todos.iter().map(|e| e.pruebas.clone()).collect();
    for archivo in archivos_de_pruebas() {
        if !declarados.contains(&archivo) {
            faltas.push(format!(
                "{archivo} no pertenece a ningún ejercicio de exercises/info.toml"
            ));
        }
    }

    println!(
        "\nContrato: cada prueba falla con el esbozo y pasa con la solución.\n\n  \
         {:<3} {:<22} {:<54} {:<9} solución",
        "#", "ejercicio", "prueba", "esbozo"
    );
    let mut cumplen = 0;
    for (i, ejercicio) in todos.iter().enumerate() {
        let objetivo = ejercicio.objetivo_de_pruebas();
        let esbozo = match cargo::pruebas("exercises", objetivo) {
            Ok(c) => c,
            Err(e) => {
                faltas.push(format!("{objetivo}: no se pudo ejecutar cargo: {e}"));
                continue;
            }
        };
        let solucion = match cargo::pruebas("solutions", objetivo) {
            Ok(c) => c,
            Err(e) => {
                faltas.push(format!("{objetivo}: no se pudo ejecutar cargo: {e}"));
                continue;
            }
        };
        if esbozo.pruebas.is_empty() {
            faltas.push(format!(
                "{}: ninguna prueba corrió contra el esbozo (¿existe el objetivo `{objetivo}`?)\n{}",
                ejercicio.pruebas,
                esbozo.stderr.trim_end()
            ));
        }

        let nombres: BTreeSet<&String> = esbozo
            .pruebas
            .iter()
            .chain(&solucion.pruebas)
            .map(|(nombre, _)| nombre)
            .collect();
        for nombre in nombres {
            let en = |corrida: &cargo::Corrida| {
                corrida
                    .pruebas
                    .iter()
                    .find(|(n, _)| n == nombre)
                    .map(|(_, r)| r.clone())
            };
            let (con_esbozo, con_solucion) = (en(&esbozo), en(&solucion));
            let falla_con_esbozo = con_esbozo.as_deref() == Some("FAILED");
            let pasa_con_solucion = con_solucion.as_deref() == Some("ok");
            let marca = |bien: bool, r: &Option<String>, texto: &str| match (bien, r) {
                (true, _) => format!("{texto} ✓"),
                (false, None) => "falta ✗".to_string(),
                (false, Some(r)) => format!("{} ✗", traducir(r)),
            };
            println!(
                "  {:<3} {:<22} {:<54} {:<9} {}",
                i + 1,
                ejercicio.nombre,
                nombre,
                marca(falla_con_esbozo, &con_esbozo, "falla"),
                marca(pasa_con_solucion, &con_solucion, "pasa"),
            );
            if falla_con_esbozo && pasa_con_solucion {
                cumplen += 1;
            } else {
                if !falla_con_esbozo {
                    faltas.push(format!(
                        "{}::{nombre} debería fallar con el esbozo y dio «{}»: una prueba \
                         que pasa sin resolver el ejercicio no comprueba nada",
                        ejercicio.pruebas,
                        con_esbozo.as_deref().map(traducir).unwrap_or("no corrió")
                    ));
                }
                if !pasa_con_solucion {
                    faltas.push(format!(
                        "{}::{nombre} debería pasar con la solución y dio «{}»",
                        ejercicio.pruebas,
                        con_solucion.as_deref().map(traducir).unwrap_or("no corrió")
                    ));
                }
            }
        }
    }

    println!();
    if faltas.is_empty() {
        println!(
            "✓ Contrato cumplido: {cumplen} pruebas de {} ejercicios.",
            todos.len()
        );
        ExitCode::SUCCESS
    } else {
        println!(
            "{cumplen} pruebas cumplen el contrato; {} faltas:",
            faltas.len()
        );
        for falta in &faltas {
            println!("  ✗ {falta}");
        }
        ExitCode::FAILURE
    }
}

fn traducir(resultado: &str) -> &str {
    match resultado {
        "ok" => "pasa",
        "FAILED" => "falla",
        "ignored" => "ignorada",
        otro => otro,
    }
}

/// Los archivos `exercises/tests/*.rs`, relativos a la raíz.
fn archivos_de_pruebas() -> Vec<String> {
    let carpeta = cargo::raiz().join("exercises/tests");
    let mut archivos: Vec<String> = std::fs::read_dir(&carpeta)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entrada| {
            let nombre = entrada.file_name().into_string().ok()?;
            nombre
                .ends_with(".rs")
                .then(|| format!("exercises/tests/{nombre}"))
        })
        .collect();
    archivos.sort();
    archivos
}
