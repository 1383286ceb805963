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
//! Y después, que las pruebas rechacen cada solución equivocada de
//! `intentos/equivocadas/` y acepten cada alternativa de
//! `intentos/alternativas/` (el módulo [`intentos`]).
//!
//! Imprime una tabla en español y termina con un código distinto de cero si
//! algo incumple el contrato. Con `--repetir N` corre N veces cada solución y
//! cada intento (el esbozo, una: su `todo!()` no cambia de una corrida a
//! otra), para ver que ninguna prueba atrapa un error solo a veces; con
//! nombres de ejercicios, comprueba solo esos, y con `--solo-intentos`, solo
//! los intentos.

mod intentos;

use std::collections::BTreeSet;
use std::process::ExitCode;
use std::time::Instant;

use taller_async::ejercicios::{self, Ejercicio};

use crate::cargo;

/// `cargo run -- comprobar [--repetir N] [--solo-intentos] [EJERCICIO...]`.
pub fn orden(args: &[&str]) -> ExitCode {
    let mut repetir = 1;
    let mut solo_intentos = false;
    let mut elegidos: Vec<Ejercicio> = Vec::new();
    let mut resto = args.iter();
    while let Some(&arg) = resto.next() {
        if arg == "--solo-intentos" {
            solo_intentos = true;
            continue;
        }
        let valor = match arg.strip_prefix("--repetir") {
            Some("") => resto.next().copied(),
            Some(igual) if igual.starts_with('=') => Some(&igual[1..]),
            _ => {
                match ejercicios::buscar(arg) {
                    Some(ejercicio) => elegidos.push(ejercicio),
                    None => {
                        eprintln!(
                            "No entiendo «{arg}». Uso: cargo run -- comprobar [--repetir N] \
                             [--solo-intentos] [EJERCICIO...], con el nombre o el número de \
                             cada ejercicio (cargo run -- lista)."
                        );
                        return ExitCode::from(2);
                    }
                }
                continue;
            }
        };
        match valor.map(str::parse::<usize>) {
            Some(Ok(n)) if n >= 1 => repetir = n,
            _ => {
                eprintln!(
                    "--repetir necesita cuántas veces, un número de 1 en adelante: \
                     cargo run -- comprobar --repetir 10"
                );
                return ExitCode::from(2);
            }
        }
    }
    let elegidos = (!elegidos.is_empty()).then_some(elegidos.as_slice());
    if solo_intentos {
        return solo_los_intentos(elegidos, repetir);
    }
    comprobar(elegidos, repetir)
}

/// `comprobar --solo-intentos`: solo la segunda mitad, para quien acaba de
/// escribir una solución equivocada o de cambiar unas pruebas.
fn solo_los_intentos(elegidos: Option<&[Ejercicio]>, repetir: usize) -> ExitCode {
    let inicio = Instant::now();
    let informe = intentos::comprobar(elegidos, &ejercicios::todos(), repetir);
    println!();
    let segundos = inicio.elapsed().as_secs();
    if informe.faltas.is_empty() {
        println!(
            "✓ {} soluciones equivocadas rechazadas y {} alternativas aceptadas{}. En \
             {segundos} s.",
            informe.rechazadas,
            informe.aceptadas,
            if repetir == 1 {
                String::new()
            } else {
                format!(", en cada una de {repetir} corridas")
            }
        );
        return ExitCode::SUCCESS;
    }
    println!(
        "{} de {} intentos cumplen; {} faltas (en {segundos} s):",
        informe.rechazadas + informe.aceptadas,
        informe.total,
        informe.faltas.len()
    );
    for falta in &informe.faltas {
        println!("  ✗ {falta}");
    }
    ExitCode::FAILURE
}

/// `cargo run -- intentos`: escribe los envoltorios de `intentos/tests/`.
pub fn generar_intentos() -> ExitCode {
    let raiz = cargo::raiz();
    let lista = match taller_async::intentos::todos(raiz) {
        Ok(lista) => lista,
        Err(problemas) => {
            eprintln!("Los intentos de intentos/ tienen problemas; arréglalos y vuelve a probar:");
            for problema in problemas {
                eprintln!("  ✗ {problema}");
            }
            return ExitCode::FAILURE;
        }
    };
    match taller_async::intentos::escribir_envoltorios(raiz, &lista) {
        Ok(cambios) => {
            for cambio in &cambios {
                println!("  {cambio}");
            }
            let alternativas = lista.iter().filter(|i| i.es_alternativa()).count();
            println!(
                "{} en intentos/tests/ (soluciones equivocadas: {}; alternativas: \
                 {alternativas}). Compruébalos con `cargo run -- comprobar`.",
                if cambios.is_empty() {
                    "Nada que cambiar"
                } else {
                    "Envoltorios al día"
                },
                lista.len() - alternativas
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("No se pudieron escribir los envoltorios de intentos/tests/: {error}");
            ExitCode::FAILURE
        }
    }
}

/// El contrato de los ejercicios `elegidos` (de todos, con `None`), con cada
/// solución y cada intento corridos `repetir` veces.
pub fn comprobar(elegidos: Option<&[Ejercicio]>, repetir: usize) -> ExitCode {
    let inicio = Instant::now();
    let todos = ejercicios::todos();
    let mut faltas: Vec<String> = Vec::new();
    let lista: Vec<Ejercicio> = match elegidos {
        Some(elegidos) => elegidos.to_vec(),
        None => todos.clone(),
    };

    // Con todos, se compila todo de una vez, en paralelo; con unos pocos,
    // cada corrida compila lo suyo.
    if elegidos.is_none() {
        println!("Compilando las pruebas de exercises y solutions...");
        match cargo::compilar_pruebas(&["exercises", "solutions"]) {
            Ok(true) => {}
            Ok(false) => {
                eprintln!(
                    "✗ Las pruebas no compilan: arregla el error de arriba y vuelve a probar."
                );
                return ExitCode::FAILURE;
            }
            Err(e) => {
                eprintln!("✗ No se pudo ejecutar cargo: {e}");
                return ExitCode::FAILURE;
            }
        }

        // Ningún archivo de pruebas fuera del contrato.
        let declarados: BTreeSet<String> = todos.iter().map(|e| e.pruebas.clone()).collect();
        for archivo in archivos_de_pruebas() {
            if !declarados.contains(&archivo) {
                faltas.push(format!(
                    "{archivo} no pertenece a ningún ejercicio de exercises/info.toml"
                ));
            }
        }
    }

    let veces = if repetir == 1 {
        String::new()
    } else {
        format!(" (la solución, {repetir} veces)")
    };
    println!(
        "\nContrato: cada prueba falla con el esbozo y pasa con la solución{veces}.\n\n  \
         {:<3} {:<22} {:<54} {:<9} solución",
        "#", "ejercicio", "prueba", "esbozo"
    );
    let mut cumplen = 0;
    for ejercicio in &lista {
        let i = todos
            .iter()
            .position(|e| e.nombre == ejercicio.nombre)
            .unwrap_or(0);
        let objetivo = ejercicio.objetivo_de_pruebas();
        let esbozo = match cargo::pruebas("exercises", objetivo) {
            Ok(c) => c,
            Err(e) => {
                faltas.push(format!("{objetivo}: no se pudo ejecutar cargo: {e}"));
                continue;
            }
        };
        let soluciones = match (0..repetir)
            .map(|_| cargo::pruebas("solutions", objetivo))
            .collect::<std::io::Result<Vec<_>>>()
        {
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
            .chain(soluciones.iter().flat_map(|s| &s.pruebas))
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
            let con_esbozo = en(&esbozo);
            let con_solucion: Vec<Option<String>> = soluciones.iter().map(en).collect();
            // Lo que dio la solución cuando no pasó (la primera vez), si
            // alguna vez no pasó.
            let pasa = con_solucion
                .iter()
                .filter(|r| r.as_deref() == Some("ok"))
                .count();
            let distinto = con_solucion
                .iter()
                .find(|r| r.as_deref() != Some("ok"))
                .cloned();
            let falla_con_esbozo = con_esbozo.as_deref() == Some("FAILED");
            let pasa_con_solucion = pasa == repetir;
            let marca = |bien: bool, r: &Option<String>, texto: &str| match (bien, r) {
                (true, _) => format!("{texto} ✓"),
                (false, None) => "falta ✗".to_string(),
                (false, Some(r)) => format!("{} ✗", traducir(r)),
            };
            let de = if repetir == 1 {
                String::new()
            } else {
                format!(" {pasa}/{repetir}")
            };
            println!(
                "  {:<3} {:<22} {:<54} {:<9} {}",
                i + 1,
                ejercicio.nombre,
                nombre,
                marca(falla_con_esbozo, &con_esbozo, "falla"),
                match &distinto {
                    None => format!("pasa{de} ✓"),
                    Some(_) if pasa > 0 => format!("pasa{de} ✗"),
                    Some(r) => marca(false, r, ""),
                },
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
                if let Some(r) = distinto {
                    let dio = r.as_deref().map(traducir).unwrap_or("no corrió");
                    faltas.push(if repetir == 1 {
                        format!(
                            "{}::{nombre} debería pasar con la solución y dio «{dio}»",
                            ejercicio.pruebas
                        )
                    } else {
                        format!(
                            "{}::{nombre} debería pasar con la solución en cada corrida, y \
                             pasó en {pasa} de {repetir} (la primera vez que no, dio «{dio}»)",
                            ejercicio.pruebas
                        )
                    });
                }
            }
        }
    }

    let informe = intentos::comprobar(elegidos, &todos, repetir);
    faltas.extend(informe.faltas.iter().cloned());

    println!();
    let segundos = inicio.elapsed().as_secs();
    if faltas.is_empty() {
        println!(
            "✓ Contrato cumplido: {cumplen} pruebas de {} ejercicios; {} soluciones \
             equivocadas rechazadas y {} alternativas aceptadas{}. En {segundos} s.",
            lista.len(),
            informe.rechazadas,
            informe.aceptadas,
            if repetir == 1 {
                String::new()
            } else {
                format!(", en cada una de {repetir} corridas")
            }
        );
        ExitCode::SUCCESS
    } else {
        println!(
            "{cumplen} pruebas cumplen el contrato, y {} de {} intentos; {} faltas (en \
             {segundos} s):",
            informe.rechazadas + informe.aceptadas,
            informe.total,
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
