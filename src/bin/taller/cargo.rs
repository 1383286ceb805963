//! Correr `cargo test` sobre un objetivo de pruebas y leer qué pasó con cada
//! prueba.
//!
//! La herramienta no reimplementa nada del arnés de pruebas: llama a cargo
//! como lo haría el alumno y lee las líneas `test nombre ... ok` que imprime
//! el arnés estándar de Rust.
//!
//! Para `vigila` lee además dos cosas de esa salida, pensada para personas:
//! qué dijo cada prueba que falló ([`fallos`]) y cuál es el primer error de
//! compilación ([`primer_error`]). Son textos de libtest y de rustc, no un
//! formato estable: las pruebas de este módulo los leen tal como salieron de
//! cargo (en `capturas/`), y si un día cambian, fallan y lo dicen.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// El resultado de correr un objetivo de pruebas.
pub struct Corrida {
    /// `cargo test` terminó con éxito (compiló y pasaron todas).
    pub exito: bool,
    /// Cada prueba con su resultado: `"ok"`, `"FAILED"` o `"ignored"`.
    pub pruebas: Vec<(String, String)>,
    /// Lo que cargo escribió en stderr (errores de compilación, sobre todo).
    pub stderr: String,
    /// Lo que escribió el arnés de pruebas: los resultados y, de cada prueba
    /// que falló, lo que imprimió.
    pub stdout: String,
}

/// Corre `cargo test -p paquete --test objetivo` en la raíz del taller, sin
/// trazas de los pánicos.
pub fn pruebas(paquete: &str, objetivo: &str) -> std::io::Result<Corrida> {
    pruebas_con_traza(paquete, objetivo, false)
}

/// Como [`pruebas`], y con `traza` los pánicos imprimen su traza
/// (`RUST_BACKTRACE=1`). Sin ella, `RUST_BACKTRACE=0`: una variable que el
/// alumno dejó puesta en su terminal no entierra el mensaje de la prueba
/// bajo cien líneas de marcos de pila.
pub fn pruebas_con_traza(paquete: &str, objetivo: &str, traza: bool) -> std::io::Result<Corrida> {
    let salida = Command::new(cargo())
        .current_dir(raiz())
        .args(["test", "-p", paquete, "--test", objetivo])
        .args(["--", "--color", "never"])
        .env("RUST_BACKTRACE", if traza { "1" } else { "0" })
        .stdin(Stdio::null())
        .output()?;
    Ok(Corrida::de(
        salida.status.success(),
        String::from_utf8_lossy(&salida.stdout).into_owned(),
        String::from_utf8_lossy(&salida.stderr).into_owned(),
    ))
}

/// Compila de una vez todos los objetivos de pruebas de `paquete`
/// (`cargo build --tests --keep-going`), sin correrlos.
///
/// `lista` lo hace antes de probar cada ejercicio por separado: una sola
/// orden de cargo reparte la compilación entre los núcleos, y las
/// `cargo test --test` de después encuentran hecho lo que compiló (el mismo
/// perfil y las mismas features). Con `--keep-going`, un ejercicio que no
/// compila no impide compilar los demás. Su resultado no importa aquí: lo
/// que no compiló vuelve a fallar, con su error, al probarlo.
pub fn compilar_pruebas_sin_parar(paquete: &str) -> std::io::Result<()> {
    Command::new(cargo())
        .current_dir(raiz())
        .args(["build", "-p", paquete, "--tests", "--keep-going", "--quiet"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|_| ())
}

impl Corrida {
    /// La corrida que dejó esta salida de `cargo test`.
    pub fn de(exito: bool, stdout: String, stderr: String) -> Corrida {
        let pruebas = stdout
            .lines()
            .filter_map(|linea| {
                let resto = linea.strip_prefix("test ")?;
                let (nombre, resultado) = resto.rsplit_once(" ... ")?;
                Some((nombre.to_string(), resultado.trim().to_string()))
            })
            .collect();
        Corrida {
            exito,
            pruebas,
            stderr,
            stdout,
        }
    }
}

/// Una prueba que falló y lo que dijo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fallo {
    /// El nombre de la prueba, como lo escribe libtest (`modulo::prueba` si
    /// está dentro de un módulo).
    pub prueba: String,
    /// Dónde entró en pánico, `archivo:línea:columna`, si lo dice.
    pub lugar: Option<String>,
    /// El mensaje del pánico (la explicación de la prueba), sin las notas
    /// sobre trazas. Si no hubo pánico, lo que imprimió la prueba.
    pub mensaje: String,
    /// La traza del pánico, si se pidió y la hubo.
    pub traza: Option<String>,
}

/// Lo que dijo cada prueba que falló, en el orden en que libtest lo imprime.
///
/// libtest escribe, tras los resultados, una sección por prueba fallida que
/// imprimió algo:
///
/// ```text
/// ---- nombre stdout ----
///
/// thread 'nombre' (1234) panicked at exercises/tests/x.rs:69:9:
/// El mensaje, quizá de varias líneas, quizá con líneas vacías.
/// note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
/// ```
///
/// y después la lista `failures:` con los nombres. El mensaje termina en la
/// nota o en la traza (`stack backtrace:`), o, si no hay ninguna (la nota
/// sale una sola vez por proceso), donde empieza la sección siguiente.
pub fn fallos(stdout: &str) -> Vec<Fallo> {
    let lineas: Vec<&str> = stdout.lines().map(|l| l.trim_end_matches('\r')).collect();
    let mut resultado: Vec<Fallo> = Vec::new();
    // Las secciones van entre el primer `failures:` y el segundo.
    let Some(inicio) = lineas.iter().position(|l| *l == "failures:") else {
        return resultado;
    };
    let mut i = inicio + 1;
    while i < lineas.len() {
        let Some(nombre) = encabezado(lineas[i]) else {
            if lineas[i] == "failures:" {
                break;
            }
            i += 1;
            continue;
        };
        let fin = (i + 1..lineas.len())
            .find(|&j| encabezado(lineas[j]).is_some() || lineas[j] == "failures:")
            .unwrap_or(lineas.len());
        resultado.push(leer_seccion(nombre, &lineas[i + 1..fin]));
        i = fin;
    }
    // Una prueba que falló sin imprimir nada no tiene sección.
    for linea in &lineas {
        if let Some(nombre) = linea
            .strip_prefix("test ")
            .and_then(|resto| resto.strip_suffix(" ... FAILED"))
            && !resultado.iter().any(|f| f.prueba == nombre)
        {
            resultado.push(Fallo {
                prueba: nombre.to_string(),
                lugar: None,
                mensaje: String::new(),
                traza: None,
            });
        }
    }
    resultado
}

/// `---- nombre stdout ----` → `nombre`.
fn encabezado(linea: &str) -> Option<&str> {
    linea.strip_prefix("---- ")?.strip_suffix(" stdout ----")
}

fn leer_seccion(nombre: &str, lineas: &[&str]) -> Fallo {
    let panico = lineas
        .iter()
        .position(|l| l.starts_with("thread '") && l.contains(" panicked at "));
    let Some(panico) = panico else {
        return Fallo {
            prueba: nombre.to_string(),
            lugar: None,
            mensaje: recortar(lineas),
            traza: None,
        };
    };
    let lugar = lineas[panico]
        .split_once(" panicked at ")
        .map(|(_, lugar)| sin_vueltas(lugar.trim_end().trim_end_matches(':')));
    let resto = &lineas[panico + 1..];
    let fin = resto
        .iter()
        .position(|l| {
            l.starts_with("note: run with `RUST_BACKTRACE")
                || l.starts_with("stack backtrace:")
                || (l.starts_with("thread '") && l.contains(" panicked at "))
        })
        .unwrap_or(resto.len());
    let traza = resto
        .iter()
        .position(|l| l.starts_with("stack backtrace:"))
        .map(|j| recortar(&resto[j..]));
    Fallo {
        prueba: nombre.to_string(),
        lugar,
        mensaje: recortar(&resto[..fin]),
        traza,
    }
}

/// Las líneas unidas, sin las vacías del principio ni del final.
fn recortar(lineas: &[&str]) -> String {
    let vacia = |l: &&str| l.trim().is_empty();
    let desde = lineas
        .iter()
        .position(|l| !vacia(l))
        .unwrap_or(lineas.len());
    let hasta = lineas
        .iter()
        .rposition(|l| !vacia(l))
        .map_or(desde, |j| j + 1);
    lineas[desde..hasta].join("\n")
}

/// El primer error de una compilación que falló.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorDeCompilacion {
    /// Dónde está, `archivo:línea:columna` (la flecha `-->` de rustc).
    pub lugar: Option<String>,
    /// Su primera línea: `error[E0308]: mismatched types`.
    pub titulo: String,
    /// El error entero, tal como lo dibuja rustc: el código señalado, las
    /// notas y las sugerencias.
    pub texto: String,
    /// Cuántos errores hubo en total, este incluido.
    pub cuantos: usize,
}

/// El primer error de compilación en lo que cargo escribió en stderr, si lo
/// hay. Los avisos (`warning:`) y los resúmenes de cargo (`could not
/// compile`, `test failed`) no cuentan.
///
/// rustc escribe cada diagnóstico como un bloque que empieza en la columna
/// cero (`error[E0308]: ...`, `error: ...`), sigue con líneas sangradas y
/// notas (`note:`, `help:`, también en la columna cero) y termina en una
/// línea vacía.
pub fn primer_error(stderr: &str) -> Option<ErrorDeCompilacion> {
    let lineas: Vec<&str> = stderr.lines().map(|l| l.trim_end_matches('\r')).collect();
    let mut bloques = lineas
        .iter()
        .enumerate()
        .filter(|(_, l)| empieza_un_error(l))
        .map(|(i, _)| i);
    let inicio = bloques.next()?;
    let cuantos = 1 + bloques.count();
    let fin = (inicio + 1..lineas.len())
        .find(|&j| lineas[j].trim().is_empty() || empieza_un_error(lineas[j]))
        .unwrap_or(lineas.len());
    // Las flechas, sin vueltas: `exercises/src/x.rs`, no
    // `exercises/tests/../src/x.rs` (así las escribe rustc cuando el archivo
    // de pruebas declara el módulo del ejercicio con `#[path]`).
    let bloque: Vec<String> = lineas[inicio..fin]
        .iter()
        .map(|l| match l.split_once("--> ") {
            Some((sangria, lugar)) if sangria.trim().is_empty() => {
                format!("{sangria}--> {}", sin_vueltas(lugar.trim()))
            }
            _ => l.to_string(),
        })
        .collect();
    let lugar = bloque
        .iter()
        .find_map(|l| l.trim_start().strip_prefix("--> "))
        .map(str::to_string);
    Some(ErrorDeCompilacion {
        lugar,
        titulo: bloque[0].clone(),
        texto: bloque.join("\n"),
        cuantos,
    })
}

/// Una ruta sin `..`: `exercises/tests/../src/x.rs:16:5` →
/// `exercises/src/x.rs:16:5`. Solo quita cada `..` con la carpeta de antes,
/// sin mirar el disco; un `..` del principio se queda.
fn sin_vueltas(ruta: &str) -> String {
    let mut partes: Vec<&str> = Vec::new();
    for parte in ruta.split('/') {
        match (parte, partes.last()) {
            ("..", Some(&anterior)) if anterior != ".." && !anterior.is_empty() => {
                partes.pop();
            }
            _ => partes.push(parte),
        }
    }
    partes.join("/")
}

/// Una línea que abre un error de verdad, no un resumen de cargo.
fn empieza_un_error(linea: &str) -> bool {
    const RESUMENES: [&str; 4] = [
        "error: could not compile",
        "error: test failed",
        "error: build failed",
        "error: aborting due to",
    ];
    (linea.starts_with("error:") || linea.starts_with("error["))
        && !RESUMENES.iter().any(|r| linea.starts_with(r))
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
///
/// Con la variable `TALLER_RAIZ`, otra: las pruebas de `tests/taller.rs` la
/// usan para correr la herramienta sobre una copia de `exercises/`. La lista
/// de ejercicios sigue siendo la de este taller (`exercises/info.toml` se
/// incluye al compilar).
pub fn raiz() -> &'static Path {
    static RAIZ: OnceLock<PathBuf> = OnceLock::new();
    RAIZ.get_or_init(|| {
        std::env::var_os("TALLER_RAIZ")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")))
    })
}

/// El cargo con el que nos llamaron (`cargo run` lo pone en `CARGO`).
fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string())
}

/// Las salidas de `capturas/` son de verdad: las escribió cargo 1.95 al
/// correr `cargo test -p exercises --test cheapo_request` (o `send_rc`) en
/// una copia del paquete `exercises` fuera del repositorio. Las de las
/// pruebas, con el esbozo tal como viene (`esbozo`), con la variable
/// `RUST_BACKTRACE=1` puesta (`esbozo_con_traza`) y con tres soluciones
/// equivocadas: una que usa la E/S de `std`
/// (`bloquea_el_hilo`), otra que pide siempre `/` (`otra_ruta`, cuyo mensaje
/// trae la respuesta HTTP, con una línea vacía en medio) y otra que no cierra
/// la escritura y se cuelga (`se_cuelga_con_traza`). Las de compilación, de
/// la misma copia con esbozos rotos a propósito: dos errores de tipos y un
/// `Rc` que cruza un `.await` (`no_compila_tipos`, la primera compilación,
/// con los `Compiling` y un aviso delante), solo el `Rc` (`no_compila_send`)
/// y una firma cambiada, que rompe el archivo de pruebas
/// (`no_compila_firma`).
#[cfg(test)]
mod pruebas {
    use super::*;

    macro_rules! captura {
        ($nombre:literal) => {
            include_str!(concat!("capturas/", $nombre))
        };
    }

    const TODO: &str = "not yet implemented: Ejercicio `cheapo_request`: escribe \
        `cheapo_request` en exercises/src/cheapo_request.rs (capítulo \
        book/src/01-cheapo-request.md; pista: cargo run -- pista cheapo_request)";

    #[test]
    fn con_el_esbozo_cada_prueba_dice_su_todo() {
        let fallos = fallos(captura!("esbozo.stdout"));
        let mut nombres: Vec<&str> = fallos.iter().map(|f| f.prueba.as_str()).collect();
        nombres.sort();
        assert_eq!(
            nombres,
            [
                "devuelve_la_respuesta_entera_del_servidor",
                "devuelve_un_error_si_nadie_escucha",
                "no_bloquea_el_hilo_mientras_espera_al_servidor",
            ]
        );
        for fallo in &fallos {
            // La nota «run with RUST_BACKTRACE=1» sale solo en la primera
            // sección, y no forma parte del mensaje de ninguna.
            assert_eq!(fallo.mensaje, TODO, "{}", fallo.prueba);
            // rustc dice `exercises/tests/../src/cheapo_request.rs:16:5`.
            assert_eq!(
                fallo.lugar.as_deref(),
                Some("exercises/src/cheapo_request.rs:16:5")
            );
            assert_eq!(fallo.traza, None);
        }
    }

    #[test]
    fn con_traza_el_mensaje_es_el_mismo_y_la_traza_va_aparte() {
        let fallos = fallos(captura!("esbozo_con_traza.stdout"));
        assert_eq!(fallos.len(), 3);
        for fallo in &fallos {
            assert_eq!(fallo.mensaje, TODO, "{}", fallo.prueba);
            let traza = fallo.traza.as_deref().expect("la captura trae trazas");
            assert!(traza.starts_with("stack backtrace:"), "{traza}");
            assert!(
                traza.contains("cheapo_request::cheapo_request::cheapo_request"),
                "{traza}"
            );
            assert!(
                !traza.contains("---- "),
                "la traza se come la sección siguiente"
            );
        }
    }

    #[test]
    fn una_prueba_que_falla_entre_otras_que_pasan() {
        let fallos = fallos(captura!("bloquea_el_hilo.stdout"));
        assert_eq!(fallos.len(), 1);
        let fallo = &fallos[0];
        assert_eq!(
            fallo.prueba,
            "no_bloquea_el_hilo_mientras_espera_al_servidor"
        );
        assert_eq!(
            fallo.lugar.as_deref(),
            Some("exercises/tests/cheapo_request.rs:76:9")
        );
        assert!(
            fallo
                .mensaje
                .starts_with("Mientras el servidor tardaba 400 ms")
                && fallo.mensaje.ends_with("`async_std::io::prelude::*`?"),
            "{}",
            fallo.mensaje
        );
    }

    #[test]
    fn un_mensaje_con_lineas_vacias_llega_entero() {
        let fallos = fallos(captura!("otra_ruta.stdout"));
        assert_eq!(fallos.len(), 1);
        let mensaje = &fallos[0].mensaje;
        let lineas: Vec<&str> = mensaje.lines().collect();
        assert!(
            lineas[0].starts_with("El servidor no vio la ruta /hola"),
            "{mensaje}"
        );
        assert_eq!(lineas[1], "HTTP/1.1 200 OK");
        assert!(lineas.contains(&""), "se perdió la línea vacía:\n{mensaje}");
        assert!(
            lineas
                .last()
                .unwrap()
                .starts_with("Hola desde el servidor local"),
            "{mensaje}"
        );
    }

    #[test]
    fn un_limite_de_tiempo_vencido_con_su_traza() {
        let fallos = fallos(captura!("se_cuelga_con_traza.stdout"));
        assert_eq!(fallos.len(), 2);
        for fallo in &fallos {
            assert!(
                fallo.mensaje.starts_with("⏱  La prueba no terminó en 10 s")
                    && fallo
                        .mensaje
                        .contains("Causa probable: cheapo_request no terminó"),
                "{}",
                fallo.mensaje
            );
            assert!(
                !fallo.mensaje.contains("stack backtrace"),
                "{}",
                fallo.mensaje
            );
            assert!(fallo.traza.is_some());
        }
    }

    #[test]
    fn una_prueba_que_falla_sin_imprimir_nada_tambien_cuenta() {
        let stdout = "\nrunning 2 tests\ntest a ... ok\ntest b ... FAILED\n\nfailures:\n\n\
                      failures:\n    b\n\ntest result: FAILED. 1 passed; 1 failed\n";
        let fallos = fallos(stdout);
        assert_eq!(fallos.len(), 1);
        assert_eq!(fallos[0].prueba, "b");
        assert_eq!(fallos[0].mensaje, "");
    }

    #[test]
    fn si_compila_no_hay_error_de_compilacion() {
        // La corrida del esbozo compila y falla: su stderr dice `error: test
        // failed`, que no es un error de compilación.
        assert_eq!(primer_error(captura!("esbozo.stderr")), None);
        assert_eq!(fallos(""), []);
    }

    #[test]
    fn el_primer_error_y_no_los_avisos_ni_los_demas() {
        let error = primer_error(captura!("no_compila_tipos.stderr")).unwrap();
        assert_eq!(
            error.lugar.as_deref(),
            Some("exercises/src/cheapo_request.rs:18:29")
        );
        assert!(
            error.titulo.starts_with("error[E0308]:"),
            "{}",
            error.titulo
        );
        assert_eq!(error.cuantos, 2);
        assert!(
            error
                .texto
                .contains("\n  --> exercises/src/cheapo_request.rs:18:29\n"),
            "{}",
            error.texto
        );
        assert!(!error.texto.contains(".."), "{}", error.texto);
        // El bloque entero del primero: su código señalado y su sugerencia,
        // y nada del segundo error ni del aviso de antes.
        assert!(
            error.texto.contains("socket.peer_addr()?.to_string()"),
            "{}",
            error.texto
        );
        assert!(!error.texto.contains("HashMap"), "{}", error.texto);
        assert!(!error.texto.contains("no es un número"), "{}", error.texto);
        assert!(!error.texto.contains("Compiling"), "{}", error.texto);
    }

    #[test]
    fn un_future_que_no_es_send_trae_sus_notas() {
        let error = primer_error(captura!("no_compila_send.stderr")).unwrap();
        assert_eq!(
            error.lugar.as_deref(),
            Some("exercises/src/send_rc.rs:94:13")
        );
        // El mismo `Rc` sale también en el archivo de pruebas, que lo
        // comprueba otra vez: cuatro errores, y se muestra el primero.
        assert_eq!(error.cuantos, 4);
        // Las notas (`note:` en la columna cero) son parte del error: dicen
        // qué valor no es `Send` y qué `.await` cruza.
        assert!(
            error.texto.contains("has type `Rc<String>`"),
            "{}",
            error.texto
        );
        assert!(
            error.texto.contains("--> exercises/src/send_rc.rs:45:23"),
            "{}",
            error.texto
        );
        assert!(
            error.texto.ends_with("required by this bound in `es_send`"),
            "{}",
            error.texto
        );
    }

    #[test]
    fn un_error_en_el_archivo_de_pruebas() {
        let error = primer_error(captura!("no_compila_firma.stderr")).unwrap();
        assert_eq!(
            error.lugar.as_deref(),
            Some("exercises/tests/cheapo_request.rs:32:17")
        );
        assert!(
            error.titulo.starts_with("error[E0061]:"),
            "{}",
            error.titulo
        );
        assert_eq!(error.cuantos, 3);
        assert_eq!(
            error.texto.matches("error[E0061]").count(),
            1,
            "{}",
            error.texto
        );
    }

    #[test]
    fn las_rutas_sin_vueltas() {
        assert_eq!(
            sin_vueltas("exercises/tests/../src/send_rc.rs:94:13"),
            "exercises/src/send_rc.rs:94:13"
        );
        assert_eq!(
            sin_vueltas("/work/main/src/prueba.rs:61:49"),
            "/work/main/src/prueba.rs:61:49"
        );
        assert_eq!(sin_vueltas("../fuera.rs:1:1"), "../fuera.rs:1:1");
        assert_eq!(sin_vueltas("a/b/../../c.rs"), "c.rs");
    }
}
