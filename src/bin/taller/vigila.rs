//! `taller vigila`: el modo vigilancia, como `rustlings watch`.
//!
//! El ciclo del alumno es editar, guardar, correr las pruebas, leer el fallo
//! y volver a editar. `vigila` se encarga del tercer paso: busca el primer
//! ejercicio sin resolver, corre sus pruebas cada vez que se guarda un archivo
//! de `exercises/` y, en cuanto pasan, anuncia el siguiente. Ctrl-C termina.
//!
//! Los cambios los vigila `notify`, que escucha al sistema operativo (inotify
//! en Linux, FSEvents en macOS...). Dos cuidados:
//!
//! - solo cuentan los eventos que cambian algo (crear, escribir, renombrar,
//!   borrar), no las lecturas: al compilar, cargo y rustc *abren* los archivos
//!   de `exercises/`, y si abrir contara como guardar, cada corrida de las
//!   pruebas provocaría otra, sin fin;
//! - un guardado es una ráfaga de eventos (muchos editores escriben un
//!   archivo temporal y lo renombran): se espera a que la ráfaga termine y se
//!   corren las pruebas una sola vez.
//!
//! Un taller de verdad tiene sorpresas, y ninguna debe acabar en un pánico:
//! si la carpeta vigilada desaparece (un cambio de rama, un `git stash`, un
//! borrado por error), `vigila` lo dice y espera a que vuelva; si el vigilante
//! de archivos da un error, lo muestra y sigue.
//!
//! La variable de entorno `TALLER_VIGILA_CARPETA` cambia la carpeta vigilada.
//! Es para las pruebas de `tests/taller.rs`, que así no tocan `exercises/`.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::Duration;

use notify::event::{MetadataKind, ModifyKind};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use taller_async::ejercicios::{self, Ejercicio};

use crate::{Estado, cargo, estado, progreso};

/// Cuánto silencio marca el final de una ráfaga de eventos.
const RAFAGA: Duration = Duration::from_millis(300);
/// Cada cuánto se mira si la carpeta vigilada sigue ahí.
const REVISION: Duration = Duration::from_secs(1);

/// Lo que despierta al bucle principal.
enum Aviso {
    /// Cambiaron estos archivos.
    Cambios(Vec<PathBuf>),
    /// El vigilante de archivos dio un error.
    Error(String),
    /// Ctrl-C.
    Salir,
}

/// Ctrl-C llegó: aunque el aviso esté en la cola detrás de otros, no se
/// vuelve a correr nada.
static SALIR: AtomicBool = AtomicBool::new(false);

pub fn vigila() -> ExitCode {
    let carpeta = std::env::var_os("TALLER_VIGILA_CARPETA")
        .map(PathBuf::from)
        .unwrap_or_else(|| cargo::raiz().join("exercises"));
    let (avisos, recibir) = mpsc::channel();

    let avisar_salida = avisos.clone();
    if let Err(error) = ctrlc::set_handler(move || {
        SALIR.store(true, Ordering::SeqCst);
        let _ = avisar_salida.send(Aviso::Salir);
    }) {
        eprintln!("aviso: no se pudo atender Ctrl-C ({error}); cierra la terminal para salir.");
    }

    let todos = ejercicios::todos();
    println!("Buscando el primer ejercicio sin resolver (corro sus pruebas)...");
    let Some(mut actual) = sin_resolver(&todos, 0) else {
        return felicitar(&todos);
    };
    if SALIR.load(Ordering::SeqCst) {
        return despedirse();
    }
    anunciar(&todos, actual);

    let mut vigilante = vigilar(&carpeta, &avisos);
    if vigilante.is_some() {
        println!(
            "\nVigilando {}: guarda un archivo para volver a correr las pruebas. \
             Ctrl-C para salir.",
            mostrar(&carpeta)
        );
    } else {
        esperar_carpeta(&carpeta);
    }

    loop {
        match recibir.recv_timeout(REVISION) {
            Ok(Aviso::Salir) => return despedirse(),
            Ok(Aviso::Error(error)) => {
                eprintln!("aviso: el vigilante de archivos dio un error: {error}");
            }
            Ok(Aviso::Cambios(rutas)) => {
                // Se juntan los avisos hasta que la ráfaga termina: basta una
                // corrida para todos.
                let mut rutas = rutas;
                loop {
                    match recibir.recv_timeout(RAFAGA) {
                        Ok(Aviso::Cambios(mas)) => rutas.extend(mas),
                        Ok(Aviso::Salir) => return despedirse(),
                        Ok(Aviso::Error(error)) => {
                            eprintln!("aviso: el vigilante de archivos dio un error: {error}")
                        }
                        Err(_) => break,
                    }
                }
                // Un guardado deja el archivo en su sitio; los temporales de
                // los editores y los borrados no cuentan.
                rutas.retain(|r| importa(r));
                rutas.sort();
                rutas.dedup();
                if rutas.is_empty() {
                    continue;
                }
                if !carpeta.is_dir() {
                    // Los últimos eventos de una carpeta que se borra: no hay
                    // nada que probar.
                    continue;
                }
                let ejercicio = &todos[actual];
                println!(
                    "\n── Cambió {}: corro las pruebas del ejercicio {} ({}) ──\n",
                    mostrar(&rutas[0]),
                    actual + 1,
                    ejercicio.nombre
                );
                let pasan = correr_a_la_vista(ejercicio);
                if SALIR.load(Ordering::SeqCst) {
                    return despedirse();
                }
                if !pasan {
                    println!(
                        "\n✗ Todavía no. Lee el fallo de arriba, cambia {} y guarda. \
                         ¿Atascado? cargo run -- pista {}",
                        ejercicio.archivo,
                        actual + 1
                    );
                    continue;
                }
                println!(
                    "\n✓ ¡Ejercicio {} ({}) resuelto!",
                    actual + 1,
                    ejercicio.nombre
                );
                println!("Busco el siguiente sin resolver...");
                match sin_resolver(&todos, actual + 1) {
                    Some(siguiente) => {
                        actual = siguiente;
                        if SALIR.load(Ordering::SeqCst) {
                            return despedirse();
                        }
                        anunciar(&todos, actual);
                        println!("\nSigo vigilando {}.", mostrar(&carpeta));
                    }
                    None => return felicitar(&todos),
                }
            }
            Err(RecvTimeoutError::Timeout) => {
                if vigilante.is_some() && !carpeta.is_dir() {
                    // Soltar el vigilante deja de vigilar lo que ya no existe.
                    vigilante = None;
                    esperar_carpeta(&carpeta);
                } else if vigilante.is_none() && carpeta.is_dir() {
                    vigilante = vigilar(&carpeta, &avisos);
                    if vigilante.is_some() {
                        println!(
                            "La carpeta {} ha vuelto: la vigilo otra vez.",
                            mostrar(&carpeta)
                        );
                    }
                }
            }
            // Nunca pasa mientras `avisos` vive en esta función, pero si
            // pasara, no hay nada más que esperar.
            Err(RecvTimeoutError::Disconnected) => return ExitCode::FAILURE,
        }
    }
}

/// Empieza a vigilar `carpeta` y sus subcarpetas. `None` si no se puede (por
/// ejemplo, porque no existe), después de decirlo. Vigila mientras el valor
/// devuelto viva.
fn vigilar(carpeta: &Path, avisos: &Sender<Aviso>) -> Option<RecommendedWatcher> {
    let avisos = avisos.clone();
    let manejador = move |resultado: notify::Result<notify::Event>| {
        let aviso = match resultado {
            Ok(evento) if cambia_algo(&evento.kind) => Aviso::Cambios(evento.paths),
            Ok(_) => return,
            Err(error) => Aviso::Error(error.to_string()),
        };
        let _ = avisos.send(aviso);
    };
    let mut vigilante = match notify::recommended_watcher(manejador) {
        Ok(vigilante) => vigilante,
        Err(error) => {
            eprintln!("aviso: no se pudo crear el vigilante de archivos: {error}");
            return None;
        }
    };
    if let Err(error) = vigilante.watch(carpeta, RecursiveMode::Recursive) {
        if carpeta.is_dir() {
            eprintln!("aviso: no se pudo vigilar {}: {error}", mostrar(carpeta));
        }
        return None;
    }
    Some(vigilante)
}

/// Un evento que cambia algo: crear, escribir, renombrar o borrar. Abrir,
/// leer o cerrar un archivo sin escribirlo (lo que hacen cargo y rustc al
/// compilar) no cuenta, ni que cambie solo la hora del último acceso.
fn cambia_algo(tipo: &EventKind) -> bool {
    match tipo {
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)) => false,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

fn esperar_carpeta(carpeta: &Path) {
    println!(
        "\nLa carpeta {} no existe (¿cambiaste de rama, o la borraste?). \
         Espero a que vuelva; Ctrl-C para salir.",
        mostrar(carpeta)
    );
}

/// Un cambio que merece correr las pruebas: un `.rs` o un `.toml` que sigue
/// existiendo (un borrado no es un guardado), y no un temporal de un editor
/// (`.x.swp`, `x.rs~`, `#x.rs#`).
fn importa(ruta: &Path) -> bool {
    ruta.is_file() && es_fuente(ruta)
}

/// Si el nombre es el de un `.rs` o un `.toml`, y no el de un temporal.
fn es_fuente(ruta: &Path) -> bool {
    let Some(nombre) = ruta.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let temporal = nombre.starts_with('.') || nombre.starts_with('#') || nombre.ends_with('~');
    let extension = ruta.extension().and_then(|e| e.to_str());
    !temporal && matches!(extension, Some("rs" | "toml"))
}

/// El primer ejercicio sin resolver a partir de `desde`, dando la vuelta al
/// final (por si el alumno se saltó alguno). Corre sus pruebas, sin mostrar
/// su salida.
fn sin_resolver(todos: &[Ejercicio], desde: usize) -> Option<usize> {
    let n = todos.len();
    (0..n)
        .map(|i| (desde + i) % n)
        .take_while(|_| !SALIR.load(Ordering::SeqCst))
        .find(|&i| estado(&todos[i]) != Estado::Resuelto)
}

/// Dice qué ejercicio toca y corre sus pruebas a la vista.
fn anunciar(todos: &[Ejercicio], actual: usize) {
    let ejercicio = &todos[actual];
    // Como `siguiente`: los ejercicios de antes cuentan como hechos.
    println!("\n{}\n", progreso(actual, todos.len()));
    println!(
        "Te toca el ejercicio {}: {}\n",
        actual + 1,
        ejercicio.nombre
    );
    println!("  Edita:     {}", ejercicio.archivo);
    println!("  Lee:       {}", ejercicio.capitulo);
    println!("  Prueba:    {}", ejercicio.orden_de_pruebas());
    println!("  ¿Atascado? cargo run -- pista {}", actual + 1);
    println!("\n── Sus pruebas, ahora mismo ──\n");
    correr_a_la_vista(ejercicio);
}

/// Corre las pruebas del ejercicio con la salida a la vista. `true` si pasan.
fn correr_a_la_vista(ejercicio: &Ejercicio) -> bool {
    let estado = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string()))
        .current_dir(cargo::raiz())
        .args(["test", "-q", "-p", "exercises", "--test"])
        .arg(ejercicio.objetivo_de_pruebas())
        .stdin(Stdio::null())
        .status();
    match estado {
        Ok(estado) => estado.success(),
        Err(error) => {
            eprintln!("✗ No se pudo ejecutar cargo: {error}");
            false
        }
    }
}

fn felicitar(todos: &[Ejercicio]) -> ExitCode {
    println!("\n{}\n", progreso(todos.len(), todos.len()));
    println!(
        "¡Has resuelto todos los ejercicios! Compara tus soluciones con las de solutions/src/."
    );
    ExitCode::SUCCESS
}

fn despedirse() -> ExitCode {
    println!("\nHasta luego. Cuando vuelvas: cargo run -- vigila");
    ExitCode::SUCCESS
}

/// Una ruta relativa a la raíz del taller, si está dentro.
fn mostrar(ruta: &Path) -> String {
    ruta.strip_prefix(cargo::raiz())
        .unwrap_or(ruta)
        .display()
        .to_string()
}

#[cfg(test)]
mod pruebas {
    use super::*;

    #[test]
    fn solo_importan_los_rs_y_los_toml_que_no_son_temporales() {
        assert!(es_fuente(Path::new("exercises/src/e01_cheapo_request.rs")));
        assert!(es_fuente(Path::new("exercises/info.toml")));
        assert!(!es_fuente(Path::new(
            "exercises/src/.e01_cheapo_request.rs.swp"
        )));
        assert!(!es_fuente(Path::new(
            "exercises/src/e01_cheapo_request.rs~"
        )));
        assert!(!es_fuente(Path::new("exercises/src/#e01.rs#")));
        assert!(!es_fuente(Path::new("exercises/src/4913")));
        assert!(!es_fuente(Path::new("exercises/src")));
    }

    #[test]
    fn leer_un_archivo_no_es_guardarlo() {
        use notify::event::{AccessKind, AccessMode, CreateKind, DataChange};
        let abrir = EventKind::Access(AccessKind::Open(AccessMode::Any));
        let cerrar_sin_escribir = EventKind::Access(AccessKind::Close(AccessMode::Read));
        let leer = EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime));
        let escribir = EventKind::Modify(ModifyKind::Data(DataChange::Content));
        assert!(!cambia_algo(&abrir));
        assert!(!cambia_algo(&cerrar_sin_escribir));
        assert!(!cambia_algo(&leer));
        assert!(cambia_algo(&escribir));
        assert!(cambia_algo(&EventKind::Create(CreateKind::File)));
    }

    #[test]
    fn un_archivo_borrado_no_importa() {
        let raiz = cargo::raiz();
        assert!(importa(&raiz.join("exercises/info.toml")));
        assert!(!importa(&raiz.join("exercises/no_existe.rs")));
    }
}
