//! Una sola compilación: las órdenes del alumno, `cargo test` y la CI eligen
//! las mismas features para cada dependencia.
//!
//! cargo elige las features de cada dependencia una vez por orden, juntando
//! lo que piden todos los paquetes que esa orden compila. Si dos órdenes
//! eligen distintas las de una dependencia (tokio con `rt` o sin él, serde
//! con `alloc` o sin él), cargo compila dos veces esa dependencia y todo lo
//! que depende de ella, biblioteca del taller incluida, y cada una de esas
//! órdenes se alarga: la primera `cargo test -p exercises` tras
//! `cargo run --example many_requests`, `cargo run -- lista`, las pruebas de
//! `tests/` que compilan ejemplos o corren la herramienta, los pasos de la
//! CI. Nada falla, solo tarda: por eso lo vigila esta prueba.
//!
//! Compara, con `cargo tree`, las features que elige `cargo test` en la raíz
//! con las de cada una de esas órdenes. Si falla, lo habitual es una de dos
//! cosas (ver «El presupuesto de tiempo» en README.md):
//!
//! - una dependencia de desarrollo que pide features que las normales no
//!   piden: ponlas también en la dependencia normal (como `rt` de tokio y
//!   `alloc` de serde en `[workspace.dependencies]`);
//! - un miembro por omisión nuevo con otras features (como las de tokio en
//!   `migracion`): sácalo de `default-members`.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

/// Para cada paquete (`nombre vVERSIÓN`), los conjuntos de features con que
/// lo compila la orden que selecciona `seleccion`, según `cargo tree`. Un
/// paquete puede salir con dos (el que se compila para los macros
/// procedurales y los scripts de compilación tiene sus propias features).
fn features(seleccion: &[&str], aristas: &str) -> BTreeMap<String, BTreeSet<String>> {
    let salida = Command::new(env!("CARGO"))
        .args(["tree", "--quiet", "--prefix", "none"])
        .args(["--format", "{p} [{f}]", "--edges", aristas])
        .args(seleccion)
        .arg("--manifest-path")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"))
        .output()
        .expect("no se pudo ejecutar cargo tree");
    assert!(
        salida.status.success(),
        "cargo tree {} falló:\n{}",
        seleccion.join(" "),
        String::from_utf8_lossy(&salida.stderr)
    );
    let mut paquetes: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for linea in String::from_utf8_lossy(&salida.stdout).lines() {
        // «tokio v1.54.1 [default,rt,sync,time]», quizá con « (*)» detrás,
        // o «taller-async v0.1.0 (/ruta) [...]».
        let Some((cabeza, resto)) = linea.split_once(" [") else {
            continue;
        };
        let Some((lista, _)) = resto.split_once(']') else {
            continue;
        };
        let nombre = cabeza.split(' ').take(2).collect::<Vec<_>>().join(" ");
        paquetes
            .entry(nombre)
            .or_default()
            .insert(lista.to_string());
    }
    paquetes
}

/// «[a,b] o [c]»: los conjuntos de features de un paquete, para el mensaje.
fn juntar(conjuntos: &BTreeSet<String>) -> String {
    conjuntos.iter().cloned().collect::<Vec<_>>().join("] o [")
}

#[test]
fn las_ordenes_del_alumno_y_de_la_ci_eligen_las_mismas_features_que_cargo_test() {
    let referencia = features(&[], "normal,build,dev");
    assert!(
        referencia.keys().any(|p| p.starts_with("tokio ")),
        "cargo tree no nombra tokio: ¿cambió su formato de salida?"
    );
    // Cada orden, con los paquetes que selecciona y si compila pruebas o
    // ejemplos (que traen las dependencias de desarrollo) o no.
    let ordenes: [(&str, &[&str], &str); 5] = [
        (
            "cargo run -- lista (la herramienta, sin pruebas)",
            &[],
            "normal,build",
        ),
        (
            "cargo test -p exercises (el alumno, la herramienta)",
            &["-p", "exercises"],
            "normal,build,dev",
        ),
        (
            "cargo run -p taller-async --example ...",
            &["-p", "taller-async"],
            "normal,build,dev",
        ),
        (
            "cargo test -p solutions (el contrato)",
            &["-p", "solutions"],
            "normal,build,dev",
        ),
        (
            "cargo test -p intentos (el contrato)",
            &["-p", "intentos"],
            "normal,build,dev",
        ),
    ];
    let mut diferencias = Vec::new();
    for (orden, seleccion, aristas) in ordenes {
        for (paquete, elegidas) in features(seleccion, aristas) {
            if let Some(en_cargo_test) = referencia.get(&paquete)
                && *en_cargo_test != elegidas
            {
                diferencias.push(format!(
                    "{orden}: {paquete} con [{}], y con [{}] en cargo test",
                    juntar(&elegidas),
                    juntar(en_cargo_test)
                ));
            }
        }
    }
    assert!(
        diferencias.is_empty(),
        "estas órdenes eligen para una dependencia otras features que `cargo test`, y cargo \
         la compilaría dos veces, con todo lo que depende de ella (ver el comentario de \
         tests/una_compilacion.rs y «El presupuesto de tiempo» en README.md):\n  {}",
        diferencias.join("\n  ")
    );
}
