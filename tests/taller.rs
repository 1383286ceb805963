//! Pruebas de la herramienta `taller` tal como la usa el alumno.
//!
//! Corren el binario compilado (`CARGO_BIN_EXE_taller`) y miran lo que
//! imprime: que las pistas salen de `exercises/info.toml`, nivel a nivel, y
//! cada una dice cómo pedir la siguiente; que una orden mal escrita (un
//! ejercicio o una pista que no existen) se explica en español, sin pánico;
//! y que con los esbozos sin tocar `lista` marca todos los ejercicios como
//! pendientes, y `siguiente` y `vigila` señalan el primero.
//!
//! `vigila` se prueba por encima, sobre una carpeta temporal en lugar de
//! `exercises/` (con la variable `TALLER_VIGILA_CARPETA`): que arranca, dice
//! qué ejercicio toca, vuelve a correr sus pruebas al guardar un archivo,
//! sobrevive a que la carpeta desaparezca y vuelva, y termina con Ctrl-C.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use taller_async::ejercicios;

fn taller(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_taller"))
        .args(args)
        .output()
        .expect("no se pudo ejecutar el binario taller")
}

fn texto(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn cada_ejercicio_tiene_dos_o_tres_pistas_distintas() {
    let mut problemas = Vec::new();
    for ejercicio in ejercicios::todos() {
        let nombre = &ejercicio.nombre;
        let pistas = &ejercicio.pistas;
        if !(2..=3).contains(&pistas.len()) {
            problemas.push(format!(
                "{nombre}: tiene {} pistas, y deben ser dos o tres (la idea, el camino, \
                 casi el código)",
                pistas.len()
            ));
        }
        for (i, pista) in pistas.iter().enumerate() {
            if pista.trim().is_empty() {
                problemas.push(format!("{nombre}: la pista {} está vacía", i + 1));
            }
            if pistas[..i].iter().any(|otra| otra.trim() == pista.trim()) {
                problemas.push(format!("{nombre}: la pista {} repite otra", i + 1));
            }
            // Un ejercicio se nombra por su nombre: los números cambian
            // cuando se inserta otro antes.
            let minusculas = pista.to_lowercase();
            for palabra in ["ejercicio ", "ejercicios ", "capítulo "] {
                let numero = minusculas.match_indices(palabra).any(|(j, _)| {
                    minusculas[j + palabra.len()..]
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_digit())
                });
                if numero {
                    problemas.push(format!(
                        "{nombre}: la pista {} nombra un «{}» por su número; nómbralo por \
                         su nombre",
                        i + 1,
                        palabra.trim()
                    ));
                }
            }
        }
    }
    assert!(
        problemas.is_empty(),
        "Pistas de exercises/info.toml:\n  {}",
        problemas.join("\n  ")
    );
}

/// La última línea de una salida que no está vacía.
fn ultima_linea(salida: &str) -> &str {
    salida.trim_end().lines().last().unwrap_or("")
}

#[test]
fn pista_da_cada_nivel_y_dice_como_pedir_el_siguiente() {
    for (i, ejercicio) in ejercicios::todos().iter().enumerate() {
        let numero = (i + 1).to_string();
        let nombre = ejercicio.nombre.as_str();
        let total = ejercicio.pistas.len();

        // Sin nivel, la primera; por número o por nombre, la misma salida.
        let primera = taller(&["pista", nombre]);
        assert!(
            primera.status.success(),
            "`pista {nombre}` falló:\n{}",
            texto(&primera.stderr)
        );
        for otra in [
            vec!["pista", numero.as_str()],
            vec!["pista", nombre, "1"],
            vec!["pista", numero.as_str(), "1"],
        ] {
            assert_eq!(
                texto(&taller(&otra).stdout),
                texto(&primera.stdout),
                "`{}` y `pista {nombre}` deberían dar la misma pista, la primera",
                otra.join(" ")
            );
        }

        for (j, pista) in ejercicio.pistas.iter().enumerate() {
            let nivel = (j + 1).to_string();
            let salida = taller(&["pista", nombre, &nivel]);
            let stdout = texto(&salida.stdout);
            assert!(
                salida.status.success(),
                "`pista {nombre} {nivel}` falló:\n{}",
                texto(&salida.stderr)
            );
            assert!(
                stdout.contains(pista.trim()),
                "`pista {nombre} {nivel}` no muestra la pista {nivel} de info.toml:\n{stdout}"
            );
            assert!(
                stdout.contains(&format!("Pista {nivel} de {total}")),
                "`pista {nombre} {nivel}` debería decir «Pista {nivel} de {total}»:\n{stdout}"
            );
            assert_eq!(
                texto(&taller(&["pista", &numero, &nivel]).stdout),
                stdout,
                "`pista {numero} {nivel}` y `pista {nombre} {nivel}` difieren"
            );
            if j + 1 < total {
                let siguiente = format!("¿Necesitas más? cargo run -- pista {nombre} {}", j + 2);
                assert_eq!(
                    ultima_linea(&stdout),
                    siguiente,
                    "`pista {nombre} {nivel}` debería terminar diciendo cómo pedir la \
                     siguiente:\n{stdout}"
                );
            } else {
                // Lo que viene después de la pista.
                let cola = stdout
                    .find(pista.trim())
                    .map_or("", |k| &stdout[k + pista.trim().len()..]);
                assert!(
                    cola.contains("No hay más pistas")
                        && cola.contains(&ejercicio.capitulo)
                        && cola.contains(&format!("«Ejercicio `{nombre}`")),
                    "`pista {nombre} {nivel}` es la última: debería decir que no hay más y \
                     nombrar la sección «Ejercicio `{nombre}`» de {}:\n{stdout}",
                    ejercicio.capitulo
                );
            }
        }

        let segunda = texto(&taller(&["pista", nombre, "2"]).stdout);
        assert_ne!(
            segunda,
            texto(&primera.stdout),
            "las pistas 1 y 2 de {nombre} deberían ser distintas"
        );
    }
}

/// Corre `taller` con `args`, que es una entrada mala: debe terminar con el
/// código 2, sin pánico y sin nada en la salida estándar, y explicar en la de
/// errores lo que se esperaba. Devuelve esa explicación.
fn mala_entrada(args: &[&str]) -> String {
    let salida = taller(args);
    let stderr = texto(&salida.stderr);
    let orden = args.join(" ");
    assert_eq!(
        salida.status.code(),
        Some(2),
        "`taller {orden}` debería terminar con el código 2:\n{stderr}"
    );
    assert!(
        !stderr.contains("panicked"),
        "`taller {orden}` no debería entrar en pánico:\n{stderr}"
    );
    assert!(
        salida.stdout.is_empty(),
        "`taller {orden}` no debería mostrar ninguna pista:\n{}",
        texto(&salida.stdout)
    );
    stderr
}

#[test]
fn una_orden_desconocida_se_explica_en_espanol() {
    assert!(mala_entrada(&["compilar"]).contains("No entiendo «compilar»"));
    assert!(mala_entrada(&["pista", "uno", "dos", "tres"]).contains("No entiendo"));
}

#[test]
fn una_pista_mal_pedida_se_explica_en_espanol() {
    let todos = ejercicios::todos();
    let total = todos.len();
    let fuera = (total + 1).to_string();
    for cual in ["999", fuera.as_str(), "0", "-1", "no_existe", "cheapo"] {
        let stderr = mala_entrada(&["pista", cual]);
        for esperado in [
            format!("No hay ningún ejercicio «{cual}»"),
            format!("del 1 al {total}"),
        ] {
            assert!(
                stderr.contains(&esperado),
                "`pista {cual}` debería decir «{esperado}»:\n{stderr}"
            );
        }
    }

    let stderr = mala_entrada(&["pista"]);
    assert!(
        stderr.contains("cargo run -- pista"),
        "`pista` sin ejercicio debería decir cómo pedirla:\n{stderr}"
    );

    let ejercicio = &todos[0];
    let nombre = ejercicio.nombre.as_str();
    let pistas = ejercicio.pistas.len();
    let de_mas = (pistas + 1).to_string();
    for nivel in [
        de_mas.as_str(),
        "0",
        "99999999999999999999999",
        "dos",
        "-1",
        "--mas",
    ] {
        let stderr = mala_entrada(&["pista", nombre, nivel]);
        for esperado in [
            format!("{nombre} tiene {pistas} pistas, de la 1 a la {pistas}"),
            format!("cargo run -- pista {nombre} 2"),
        ] {
            assert!(
                stderr.contains(&esperado),
                "`pista {nombre} {nivel}` debería decir «{esperado}»:\n{stderr}"
            );
        }
    }
    let stderr = mala_entrada(&["pista", "999", "2"]);
    assert!(
        stderr.contains("No hay ningún ejercicio «999»"),
        "`pista 999 2` debería decir que no hay tal ejercicio:\n{stderr}"
    );
}

#[test]
fn lista_marca_pendientes_los_esbozos() {
    // Los esbozos de exercises/ no están resueltos en el repositorio: la
    // lista debe mostrar cada ejercicio con ✗ y el progreso a cero.
    let salida = taller(&["lista"]);
    assert!(salida.status.success());
    let stdout = texto(&salida.stdout);
    let total = ejercicios::todos().len();
    assert!(
        stdout.contains(&format!("0/{total}")),
        "lista debería mostrar 0/{total} con los esbozos:\n{stdout}"
    );
    for ejercicio in ejercicios::todos() {
        assert!(
            stdout
                .lines()
                .any(|l| l.contains(&ejercicio.nombre) && l.contains('✗')),
            "{} debería salir con ✗:\n{stdout}",
            ejercicio.nombre
        );
    }
}

#[test]
fn siguiente_senala_el_primer_ejercicio_y_como_seguir() {
    let salida = taller(&["siguiente"]);
    assert!(salida.status.success());
    let stdout = texto(&salida.stdout);
    let primero = &ejercicios::todos()[0];
    for esperado in [
        format!("Te toca el ejercicio 1: {}", primero.nombre),
        primero.archivo.clone(),
        primero.capitulo.clone(),
        primero.orden_de_pruebas(),
        format!("cargo run -- pista {}", primero.nombre),
    ] {
        assert!(
            stdout.contains(&esperado),
            "`siguiente` debería decir «{esperado}» con los esbozos sin tocar:\n{stdout}"
        );
    }
}

/// La salida de `vigila`, línea a línea, leída en otro hilo para poder
/// esperarla con un límite de tiempo.
struct Transcripcion {
    lineas: Receiver<String>,
    leido: String,
}

impl Transcripcion {
    fn de(hijo: &mut Child) -> Transcripcion {
        let (enviar, lineas) = mpsc::channel();
        let stdout = hijo.stdout.take().expect("stdout entubado");
        thread::spawn(move || {
            for linea in BufReader::new(stdout).lines().map_while(Result::ok) {
                if enviar.send(linea).is_err() {
                    break;
                }
            }
        });
        Transcripcion {
            lineas,
            leido: String::new(),
        }
    }

    /// Espera una línea que contenga `texto`, como mucho `limite`.
    fn esperar(&mut self, texto: &str, limite: Duration) -> bool {
        let fin = Instant::now() + limite;
        while let Some(queda) = fin.checked_duration_since(Instant::now()) {
            match self.lineas.recv_timeout(queda) {
                Ok(linea) => {
                    self.leido.push_str(&linea);
                    self.leido.push('\n');
                    if linea.contains(texto) {
                        return true;
                    }
                }
                Err(_) => return false,
            }
        }
        false
    }
}

/// Espera a que `vigila` imprima `texto`. Si no llega, mata el proceso antes
/// de fallar: nada queda colgado.
fn paso(hijo: &mut Child, salida: &mut Transcripcion, que: &str, texto: &str, segundos: u64) {
    if !salida.esperar(texto, Duration::from_secs(segundos)) {
        let _ = hijo.kill();
        panic!(
            "`taller vigila` no {que} en {segundos} s (se esperaba «{texto}»); lo que \
             imprimió:\n{}",
            salida.leido
        );
    }
}

/// Manda Ctrl-C (SIGINT) a un proceso.
fn ctrl_c(hijo: &Child) {
    let _ = Command::new("kill")
        .args(["-INT", &hijo.id().to_string()])
        .status();
}

#[test]
#[cfg(unix)]
fn vigila_arranca_reacciona_sobrevive_y_sale_con_ctrl_c() {
    let carpeta = std::env::temp_dir().join(format!("taller-vigila-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&carpeta);
    std::fs::create_dir_all(&carpeta).unwrap();
    let mut hijo = Command::new(env!("CARGO_BIN_EXE_taller"))
        .arg("vigila")
        .env("TALLER_VIGILA_CARPETA", &carpeta)
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("no se pudo lanzar `taller vigila`");
    let mut salida = Transcripcion::de(&mut hijo);
    let primero = &ejercicios::todos()[0];

    // Al arrancar corre las pruebas de cada ejercicio hasta dar con uno sin
    // resolver: la primera vez compila las de exercises, y puede tardar.
    paso(
        &mut hijo,
        &mut salida,
        "dijo qué ejercicio toca",
        "Te toca el ejercicio 1",
        300,
    );
    paso(&mut hijo, &mut salida, "empezó a vigilar", "Vigilando", 120);
    assert!(
        salida.leido.contains(&primero.nombre) && salida.leido.contains(&primero.archivo),
        "`vigila` debería nombrar el ejercicio 1 y su archivo:\n{}",
        salida.leido
    );

    std::fs::write(carpeta.join("guardado.rs"), "// un cambio\n").unwrap();
    paso(
        &mut hijo,
        &mut salida,
        "reaccionó a un archivo guardado",
        "Cambió",
        60,
    );
    paso(
        &mut hijo,
        &mut salida,
        "dijo que aún no está resuelto",
        "Todavía no",
        120,
    );

    std::fs::remove_dir_all(&carpeta).unwrap();
    paso(
        &mut hijo,
        &mut salida,
        "notó que la carpeta desapareció",
        "no existe",
        30,
    );
    std::fs::create_dir_all(&carpeta).unwrap();
    paso(
        &mut hijo,
        &mut salida,
        "volvió a vigilar la carpeta",
        "ha vuelto",
        30,
    );

    ctrl_c(&hijo);
    paso(
        &mut hijo,
        &mut salida,
        "se despidió con Ctrl-C",
        "Hasta luego",
        30,
    );
    let estado = hijo.wait().expect("esperar a `taller vigila`");
    let _ = std::fs::remove_dir_all(Path::new(&carpeta));
    assert!(
        estado.success(),
        "`taller vigila` debería terminar bien con Ctrl-C, y terminó con {estado}:\n{}",
        salida.leido
    );
}
