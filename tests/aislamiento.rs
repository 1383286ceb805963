//! Un ejercicio que no compila no frena a los demás: la prueba, en una copia.
//!
//! Cada archivo de `exercises/tests/` declara solo el módulo de su ejercicio
//! (ver `exercises/src/lib.rs`), así que un error de compilación en uno no
//! impide compilar ni pasar las pruebas de otro, y `taller siguiente` y
//! `taller lista` juzgan cada ejercicio por su cuenta. Para comprobarlo hace
//! falta un alumno a medio camino: esta prueba lo fabrica en una copia de
//! `exercises/`, sin tocar la del repositorio. Con los ejercicios anteriores a
//! `send_rc` resueltos (sus soluciones, copiadas encima de los esbozos) y
//! `send_rc` roto con el código del libro, el de un `Rc` que cruza un
//! `.await`:
//!
//! - las pruebas de `cheapo_request` pasan;
//! - `siguiente` nombra `send_rc`, dice que no compila y enseña dónde
//!   (`exercises/src/send_rc.rs:LÍNEA`), y no vuelve a `cheapo_request`;
//! - `lista` marca con ✓ los anteriores y con «no compila» a `send_rc`.
//!
//! La copia es un espacio de trabajo propio (hecho con `comun/copia.rs`,
//! como las de `tests/taller.rs`), con `exercises/` y un
//! `Cargo.toml` que toma del de verdad las dependencias (con las rutas hechas
//! absolutas) y los perfiles, y el mismo `Cargo.lock`. Compila en la carpeta
//! `target` del taller: las dependencias ya están compiladas ahí y se
//! reutilizan, y la copia solo compila sus objetivos de pruebas, menos de un
//! segundo cada uno. Vive siempre en la misma carpeta
//! (`target/tmp/aislamiento`), para que sus objetivos tampoco se recompilen
//! de cero en cada corrida.
//!
//! `siguiente` corre las pruebas de siete ejercicios, unos 10 s; `lista`, las
//! de todos, unos 20 s más, así que su prueba se salta en `cargo test` y la
//! corre la CI (`.ci/run`, con `--ignored`).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use taller_async::ejercicios::{self, Ejercicio};

mod comun;

use comun::copia::{carpeta_target, copiar, manifiesto, raiz};

/// El ejercicio que se rompe, y el que se resolvió primero.
const ROTO: &str = "send_rc";
const PRIMERO: &str = "cheapo_request";

fn texto(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `send_rc` con el cuerpo que propone el libro: el `Rc` cruza el `.await`
/// de `reluctant`, y su future deja de ser `Send`.
fn romper_send_rc(esbozo: &str) -> String {
    const FIRMA: &str = "pub async fn reluctant(nombre: String) -> String {";
    let inicio = esbozo.find(FIRMA).unwrap_or_else(|| {
        panic!("el esbozo de {ROTO} ya no tiene «{FIRMA}»: actualiza esta prueba")
    });
    let fin = inicio
        + esbozo[inicio..]
            .find("\n}\n")
            .expect("el cuerpo de `reluctant` termina en una línea «}»")
        + "\n}\n".len();
    format!(
        "{}{FIRMA}\n    let string = Rc::new(format!(\"hola, {{nombre}}\"));\n    \
         task::yield_now().await;\n    format!(\"Tu espléndida cadena: {{string}}\")\n}}\n{}",
        &esbozo[..inicio],
        &esbozo[fin..]
    )
}

/// Los ejercicios anteriores a `send_rc`, en el orden de `info.toml`.
fn anteriores_al_roto() -> Vec<Ejercicio> {
    let todos = ejercicios::todos();
    let roto = todos
        .iter()
        .position(|e| e.nombre == ROTO)
        .unwrap_or_else(|| panic!("exercises/info.toml ya no tiene el ejercicio {ROTO}"));
    assert!(
        todos[..roto].iter().any(|e| e.nombre == PRIMERO),
        "{PRIMERO} debería ir antes que {ROTO} en exercises/info.toml"
    );
    todos[..roto].to_vec()
}

/// Prepara la copia una sola vez, aunque la pidan las dos pruebas a la vez.
fn copia() -> &'static Path {
    static COPIA: OnceLock<PathBuf> = OnceLock::new();
    COPIA.get_or_init(|| {
        let copia = Path::new(env!("CARGO_TARGET_TMPDIR")).join("aislamiento");
        let exercises = copia.join("exercises");
        if exercises.exists() {
            fs::remove_dir_all(&exercises).expect("borrar la copia anterior");
        }
        copiar(&raiz().join("exercises"), &exercises).expect("copiar exercises/");
        fs::copy(raiz().join("Cargo.lock"), copia.join("Cargo.lock")).expect("copiar Cargo.lock");
        fs::write(copia.join("Cargo.toml"), manifiesto())
            .expect("escribir el Cargo.toml de la copia");

        for ejercicio in anteriores_al_roto() {
            let archivo = ejercicio
                .archivo
                .strip_prefix("exercises/")
                .unwrap_or_else(|| {
                    panic!("{}: su archivo no está en exercises/", ejercicio.nombre)
                });
            fs::copy(
                raiz().join("solutions").join(archivo),
                copia.join(&ejercicio.archivo),
            )
            .unwrap_or_else(|e| panic!("poner la solución de {}: {e}", ejercicio.nombre));
        }
        let send_rc = copia.join(format!("exercises/src/{ROTO}.rs"));
        let esbozo = fs::read_to_string(&send_rc).expect("leer el esbozo de send_rc");
        fs::write(&send_rc, romper_send_rc(&esbozo)).expect("romper send_rc");
        copia
    })
}

/// Una orden en la copia, con la carpeta `target` del taller.
fn en_la_copia(programa: &str, args: &[&str]) -> Output {
    Command::new(programa)
        .args(args)
        .current_dir(copia())
        .env("CARGO_TARGET_DIR", carpeta_target())
        .env("TALLER_RAIZ", copia())
        .env_remove("CARGO_TERM_COLOR")
        .output()
        .unwrap_or_else(|e| panic!("no se pudo ejecutar {programa}: {e}"))
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string())
}

#[test]
#[ignore = "compila el taller en una copia (unos 11 s en una copia nueva): la CI la corre en su \
            paso 3b, con --ignored"]
fn con_send_rc_sin_compilar_cheapo_request_pasa_y_siguiente_nombra_send_rc() {
    let pruebas = en_la_copia(&cargo(), &["test", "-p", "exercises", "--test", PRIMERO]);
    let (stdout, stderr) = (texto(&pruebas.stdout), texto(&pruebas.stderr));
    assert!(
        pruebas.status.success() && stdout.contains("test result: ok"),
        "con {PRIMERO} resuelto y {ROTO} sin compilar, las pruebas de {PRIMERO} deberían \
         pasar: si no compilan, el error de {ROTO} se cuela en otros ejercicios (¿declara \
         exercises/src/lib.rs los módulos de los ejercicios?).\n{stdout}\n{stderr}"
    );

    let salida = en_la_copia(env!("CARGO_BIN_EXE_taller"), &["siguiente"]);
    let stdout = texto(&salida.stdout);
    assert!(salida.status.success(), "`siguiente` falló:\n{stdout}");
    let n = anteriores_al_roto().len() + 1;
    for esperado in [
        format!("Te toca el ejercicio {n}: {ROTO}"),
        "no compila".to_string(),
        format!("exercises/src/{ROTO}.rs:"),
        "future cannot be sent between threads safely".to_string(),
    ] {
        assert!(
            stdout.contains(&esperado),
            "con los ejercicios anteriores resueltos y {ROTO} sin compilar, `siguiente` \
             debería decir «{esperado}»:\n{stdout}"
        );
    }
    assert!(
        !stdout.contains(&format!("Te toca el ejercicio 1: {PRIMERO}")),
        "`siguiente` manda de vuelta a {PRIMERO}, que está resuelto:\n{stdout}"
    );
}

#[test]
#[ignore = "corre las pruebas de todos los ejercicios en la copia (unos 20 s); la CI la \
            corre con --ignored"]
fn con_send_rc_sin_compilar_lista_marca_resueltos_los_anteriores() {
    let salida = en_la_copia(env!("CARGO_BIN_EXE_taller"), &["lista"]);
    let stdout = texto(&salida.stdout);
    assert!(salida.status.success(), "`lista` falló:\n{stdout}");
    let linea = |nombre: &str| {
        stdout
            .lines()
            .find(|l| l.split_whitespace().nth(2) == Some(nombre))
            .unwrap_or_else(|| panic!("`lista` no nombra {nombre}:\n{stdout}"))
            .to_string()
    };
    for ejercicio in anteriores_al_roto() {
        assert!(
            linea(&ejercicio.nombre).contains('✓'),
            "{} está resuelto en la copia, y `lista` no lo marca con ✓:\n{stdout}",
            ejercicio.nombre
        );
    }
    let roto = linea(ROTO);
    assert!(
        roto.contains('✗') && roto.contains("no compila"),
        "`lista` debería marcar {ROTO} con ✗ y «no compila»:\n{stdout}"
    );
    let resueltos = anteriores_al_roto().len();
    let total = ejercicios::todos().len();
    assert!(
        stdout.contains(&format!("{resueltos}/{total}")),
        "`lista` debería contar {resueltos}/{total}:\n{stdout}"
    );
}
