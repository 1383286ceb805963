//! Correr los ejemplos de verdad, sin que una prueba pueda colgarse.
//!
//! Varias pruebas comprueban lo que los ejemplos imprimen, o cómo fallan, y
//! para eso corren los binarios compilados. Todas necesitan lo mismo, y este
//! módulo lo hace una sola vez:
//!
//! - compilar los ejemplos de un archivo de pruebas con una sola orden
//!   `cargo build --message-format=json` y tomar la ruta de cada binario de la
//!   propia salida de cargo, en lugar de adivinar `target/debug/examples/...`
//!   (`CARGO_TARGET_DIR` puede moverla). Así los ejemplos están al día aunque
//!   se corra solo `cargo test --test ...`, que no los compila por su cuenta;
//! - correr un programa con un límite de tiempo, vaciando su salida estándar y
//!   su salida de errores en hilos aparte (si nadie las vacía, un programa que
//!   escribe mucho se bloquea con la tubería llena), y, si no termina, matarlo
//!   y fallar con un mensaje en español que dice qué se colgó, la causa
//!   probable y lo que alcanzó a imprimir.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::thread;
use std::time::{Duration, Instant};

/// Lo que dejó un proceso al terminar.
pub struct Salida {
    pub estado: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

impl Salida {
    /// El estado y las dos salidas, para el mensaje de una prueba que falla.
    pub fn describir(&self) -> String {
        format!(
            "estado: {}\n--- salida ---\n{}\n--- errores ---\n{}",
            self.estado, self.stdout, self.stderr
        )
    }

    /// El resto de la primera línea de la salida estándar que contiene
    /// `prefijo`, sin espacios alrededor. Si no hay ninguna, la prueba falla.
    pub fn tras(&self, prefijo: &str) -> &str {
        self.stdout
            .lines()
            .find_map(|l| l.split_once(prefijo).map(|(_, resto)| resto.trim()))
            .unwrap_or_else(|| {
                panic!(
                    "no encuentro «{prefijo}» en la salida.\n{}",
                    self.describir()
                )
            })
    }

    /// El número con el que empieza lo que sigue a `prefijo`.
    pub fn numero_tras(&self, prefijo: &str) -> usize {
        let resto = self.tras(prefijo);
        let cifras: String = resto.chars().take_while(|c| c.is_ascii_digit()).collect();
        cifras
            .parse()
            .unwrap_or_else(|_| panic!("tras «{prefijo}» esperaba un número: «{resto}»"))
    }
}

/// Corre `orden` sin entrada estándar y espera como mucho `limite`.
///
/// Si no termina a tiempo, la mata y la prueba falla con un mensaje que
/// nombra `que` (por ejemplo «el ejemplo waker»), explica la causa probable
/// con `si_se_cuelga` y muestra lo que alcanzó a imprimir.
pub fn correr_con_limite(
    mut orden: Command,
    limite: Duration,
    que: &str,
    si_se_cuelga: &str,
) -> Salida {
    let mut hijo = orden
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("no se pudo lanzar {que}: {e}"));
    let stdout = leer_en_hilo(hijo.stdout.take());
    let stderr = leer_en_hilo(hijo.stderr.take());
    let estado = esperar(&mut hijo, limite, que);
    let stdout = stdout.join().unwrap_or_default();
    let stderr = stderr.join().unwrap_or_default();
    let Some(estado) = estado else {
        panic!(
            "{que} no terminó en {} s y se mató. Causa probable: {si_se_cuelga}\n\
             --- salida ---\n{stdout}\n--- errores ---\n{stderr}",
            limite.as_secs()
        );
    };
    Salida {
        estado,
        stdout,
        stderr,
    }
}

/// Espera a que `hijo` termine, como mucho `limite`. Si no termina, lo mata,
/// espera a que muera y devuelve `None`: decir por qué es cosa de quien
/// llama, que sabe qué esperaba.
pub fn esperar(hijo: &mut Child, limite: Duration, que: &str) -> Option<ExitStatus> {
    let inicio = Instant::now();
    loop {
        match hijo.try_wait() {
            Ok(Some(estado)) => return Some(estado),
            Ok(None) if inicio.elapsed() < limite => thread::sleep(Duration::from_millis(10)),
            Ok(None) => {
                let _ = hijo.kill();
                let _ = hijo.wait();
                return None;
            }
            Err(e) => panic!("no se pudo esperar a {que}: {e}"),
        }
    }
}

/// Lee hasta el final una salida del hijo en otro hilo, para que la tubería
/// no se llene mientras se espera a que termine.
fn leer_en_hilo(fuente: Option<impl Read + Send + 'static>) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut texto = Vec::new();
        if let Some(mut fuente) = fuente {
            let _ = fuente.read_to_end(&mut texto);
        }
        String::from_utf8_lossy(&texto).into_owned()
    })
}

/// Compila con `cargo build --message-format=json` y los `argumentos` dados
/// (`--example nombre`, `--lib`...) el espacio de trabajo del taller, y
/// devuelve, para cada objetivo compilado, los archivos que produjo: primero
/// el ejecutable, si lo hay. Si no compila, la prueba falla con los errores
/// del compilador.
///
/// Para los paquetes que son miembros por omisión del espacio de trabajo
/// (los de `cargo test` en la raíz), sin `-p`, a propósito: cargo elige las
/// features de cada dependencia según los paquetes que se le piden, y con
/// esos miembros las elige igual que el `cargo test` que corre esta prueba.
/// Así encuentra ya compilado lo que compiló aquel, y la orden tarda menos
/// de un segundo. Para otro paquete (`migracion`), con `-p`
/// ([`Ejemplos::binario`] lo decide con [`es_miembro_por_omision`]).
pub fn compilar(argumentos: &[&str]) -> HashMap<String, Vec<PathBuf>> {
    let mut orden = Command::new(env!("CARGO"));
    orden
        .args(["build", "--quiet", "--message-format=json"])
        .args(argumentos)
        .arg("--manifest-path")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"));
    let salida = correr_con_limite(
        orden,
        Duration::from_secs(600),
        "cargo build",
        "la máquina está muy cargada, o cargo espera a que otra compilación suelte `target/`.",
    );
    assert!(
        salida.estado.success(),
        "no compila: cargo build {}\n{}",
        argumentos.join(" "),
        salida.stderr
    );
    let mut archivos: HashMap<String, Vec<PathBuf>> = HashMap::new();
    for linea in salida.stdout.lines() {
        let Ok(mensaje) = serde_json::from_str::<serde_json::Value>(linea) else {
            continue;
        };
        if mensaje["reason"] != "compiler-artifact" {
            continue;
        }
        let Some(nombre) = mensaje["target"]["name"].as_str() else {
            continue;
        };
        let lista = archivos.entry(nombre.to_string()).or_default();
        if let Some(ejecutable) = mensaje["executable"].as_str() {
            lista.push(PathBuf::from(ejecutable));
        }
        for archivo in mensaje["filenames"].as_array().into_iter().flatten() {
            if let Some(archivo) = archivo.as_str() {
                lista.push(PathBuf::from(archivo));
            }
        }
    }
    archivos
}

/// Si `paquete` es uno de los miembros por omisión del espacio de trabajo
/// (`default-members` en el `Cargo.toml` de la raíz), según
/// `cargo metadata`.
pub fn es_miembro_por_omision(paquete: &str) -> bool {
    static MIEMBROS: OnceLock<Vec<String>> = OnceLock::new();
    MIEMBROS
        .get_or_init(|| {
            let mut orden = Command::new(env!("CARGO"));
            orden
                .args(["metadata", "--quiet", "--no-deps", "--format-version", "1"])
                .arg("--manifest-path")
                .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"));
            let salida = correr_con_limite(
                orden,
                Duration::from_secs(60),
                "cargo metadata",
                "la máquina está muy cargada.",
            );
            assert!(
                salida.estado.success(),
                "cargo metadata falló:\n{}",
                salida.stderr
            );
            let datos: serde_json::Value = serde_json::from_str(&salida.stdout)
                .unwrap_or_else(|e| panic!("cargo metadata no dio JSON: {e}"));
            let ids = datos["workspace_default_members"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            datos["packages"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|p| ids.contains(&p["id"]))
                .filter_map(|p| p["name"].as_str().map(str::to_string))
                .collect()
        })
        .iter()
        .any(|miembro| miembro == paquete)
}

/// Los ejemplos de un paquete que usa un archivo de pruebas.
///
/// Se declaran en un `static` y se compilan la primera vez que una prueba
/// pide uno, todos juntos con una sola orden `cargo build`: las pruebas de un
/// archivo corren en paralelo, y así ninguna compila por su cuenta ni espera
/// a las demás ante el candado de `target/`.
///
/// ```ignore
/// static EJEMPLOS: Ejemplos = Ejemplos::nuevos(
///     env!("CARGO_PKG_NAME"),
///     &["waker", "pin"],
///     "un future al que nadie despierta.",
/// );
/// let salida = EJEMPLOS.correr("waker", &[], Duration::from_secs(60));
/// ```
pub struct Ejemplos {
    paquete: &'static str,
    nombres: &'static [&'static str],
    si_se_cuelga: &'static str,
    binarios: OnceLock<HashMap<String, Vec<PathBuf>>>,
}

impl Ejemplos {
    /// Los ejemplos `nombres` del paquete `paquete`. `si_se_cuelga` explica
    /// la causa probable cuando uno no termina a tiempo.
    pub const fn nuevos(
        paquete: &'static str,
        nombres: &'static [&'static str],
        si_se_cuelga: &'static str,
    ) -> Ejemplos {
        Ejemplos {
            paquete,
            nombres,
            si_se_cuelga,
            binarios: OnceLock::new(),
        }
    }

    /// La ruta del binario de `ejemplo`, compilado (con los demás) la
    /// primera vez que se pide.
    pub fn binario(&self, ejemplo: &str) -> &Path {
        let binarios = self.binarios.get_or_init(|| {
            // Sin `-p` si el paquete es miembro por omisión (ver `compilar`):
            // el nombre de un ejemplo basta para que cargo encuentre su
            // paquete.
            let mut argumentos = Vec::new();
            if !es_miembro_por_omision(self.paquete) {
                argumentos.extend(["-p", self.paquete]);
            }
            // Solo estos ejemplos: uno ajeno a medio escribir no hace fallar
            // estas pruebas.
            for nombre in self.nombres {
                argumentos.extend(["--example", nombre]);
            }
            compilar(&argumentos)
        });
        binarios
            .get(ejemplo)
            .and_then(|archivos| archivos.first())
            .unwrap_or_else(|| {
                panic!(
                    "cargo no compiló el ejemplo {ejemplo} del paquete {}: ¿existe \
                     examples/{ejemplo}.rs?",
                    self.paquete
                )
            })
    }

    /// Corre `ejemplo` con esos argumentos, como mucho `limite`.
    pub fn correr(&self, ejemplo: &str, argumentos: &[&str], limite: Duration) -> Salida {
        self.correr_con_entorno(ejemplo, argumentos, &[], limite)
    }

    /// Como [`Ejemplos::correr`], con esas variables de entorno además.
    pub fn correr_con_entorno(
        &self,
        ejemplo: &str,
        argumentos: &[&str],
        entorno: &[(&str, &Path)],
        limite: Duration,
    ) -> Salida {
        let mut orden = Command::new(self.binario(ejemplo));
        orden.args(argumentos);
        for (variable, valor) in entorno {
            orden.env(variable, valor);
        }
        let que = ["el ejemplo", ejemplo]
            .iter()
            .chain(argumentos)
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        correr_con_limite(orden, limite, &que, self.si_se_cuelga)
    }
}
