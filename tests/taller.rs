//! Pruebas de la herramienta `taller` tal como la usa el alumno.
//!
//! Corren el binario compilado (`CARGO_BIN_EXE_taller`) y miran lo que
//! imprime: que las pistas salen de `exercises/info.toml`, que una orden mal
//! escrita se explica en español, y que con los esbozos sin tocar `lista`
//! marca todos los ejercicios como pendientes, y `siguiente` y `vigila`
//! señalan el primero.
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
fn pista_muestra_la_pista_de_info_toml() {
    for (i, ejercicio) in ejercicios::todos().iter().enumerate() {
        let salida = taller(&["pista", &(i + 1).to_string()]);
        assert!(salida.status.success(), "`pista {}` falló", i + 1);
        let stdout = texto(&salida.stdout);
        let primera = ejercicio.pista.trim().lines().next().unwrap();
        assert!(
            stdout.contains(primera),
            "`pista {}` no muestra la pista de info.toml:\n{stdout}",
            i + 1
        );
        let por_nombre = texto(&taller(&["pista", &ejercicio.nombre]).stdout);
        assert_eq!(
            por_nombre,
            stdout,
            "`pista {}` y `pista {}` difieren",
            i + 1,
            ejercicio.nombre
        );
    }
}

#[test]
fn una_orden_desconocida_se_explica_en_espanol() {
    let salida = taller(&["compilar"]);
    assert_eq!(salida.status.code(), Some(2));
    assert!(texto(&salida.stderr).contains("No entiendo «compilar»"));

    let salida = taller(&["pista", "999"]);
    assert_eq!(salida.status.code(), Some(2));
    assert!(texto(&salida.stderr).contains("No hay ningún ejercicio «999»"));
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
        "cargo run -- pista 1".to_string(),
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
