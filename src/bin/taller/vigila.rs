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
//!   corren las pruebas una sola vez. Lo que se guarda mientras corren se
//!   junta también, y al terminar se corren una vez más, no una por evento.
//!
//! Qué ejercicio se prueba: si lo guardado es el archivo de un ejercicio (o
//! sus pruebas), ese; si es otra cosa (un archivo nuevo, `lib.rs`,
//! `info.toml`), el que toca.
//!
//! Qué se muestra: lo primero, lo que el alumno tiene que leer, y no la
//! salida entera de cargo. Si una prueba falla, su nombre y su explicación
//! (el mensaje del pánico, escrito en español por quien escribió la prueba),
//! y después cómo pedir una pista. Si no compila, el primer error de rustc,
//! con su archivo y su línea, y no todos. Las pruebas corren con
//! `RUST_BACKTRACE=0`, aunque el alumno tenga puesta esa variable en su
//! terminal: una traza de cien marcos enterraría el mensaje. Quien quiera
//! la traza la pide: `cargo run -- vigila --backtrace`.
//!
//! Un taller de verdad tiene sorpresas, y ninguna debe acabar en un pánico:
//! si la carpeta vigilada desaparece (un cambio de rama, un `git stash`, un
//! borrado por error), `vigila` lo dice y espera a que vuelva; si el vigilante
//! de archivos da un error, lo muestra y sigue; si se borra o se renombra el
//! archivo de un ejercicio, lo dice y sigue vigilando.
//!
//! La variable de entorno `TALLER_VIGILA_CARPETA` cambia la carpeta vigilada.
//! Es para las pruebas de `tests/taller.rs`, que así no tocan `exercises/`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::time::Duration;

use notify::event::{MetadataKind, ModifyKind};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use taller_async::ejercicios::{self, Ejercicio};

use crate::cargo::{self, Corrida, Fallo};
use crate::progreso;

/// Cuánto silencio marca el final de una ráfaga de eventos.
const RAFAGA: Duration = Duration::from_millis(300);
/// Cada cuánto se mira si la carpeta vigilada sigue ahí.
const REVISION: Duration = Duration::from_secs(1);
/// Cuántas líneas de un mensaje o de un error se muestran como mucho; el
/// resto, con la orden de pruebas del ejercicio.
const LINEAS: usize = 40;

/// Lo que despierta al bucle principal.
#[derive(Debug)]
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

/// `traza`: los pánicos de las pruebas muestran su traza
/// (`cargo run -- vigila --backtrace`).
pub fn vigila(traza: bool) -> ExitCode {
    let raiz = cargo::raiz();
    let carpeta = std::env::var_os("TALLER_VIGILA_CARPETA")
        .map(PathBuf::from)
        .unwrap_or_else(|| raiz.join("exercises"));
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
    let Some((mut actual, corrida)) = sin_resolver(&todos, 0, traza) else {
        return felicitar(&todos);
    };
    if SALIR.load(Ordering::SeqCst) {
        return despedirse();
    }
    anunciar(&todos, actual, &corrida, traza);

    let mut vigilante = vigilar(&carpeta, &avisos);
    if vigilante.is_some() {
        println!(
            "\nVigilando {}: guarda un archivo para volver a correr las pruebas. \
             Ctrl-C para salir.",
            mostrar(&carpeta)
        );
        if !traza {
            println!(
                "(Sin las trazas de los pánicos; para verlas: cargo run -- vigila --backtrace)"
            );
        }
    } else {
        esperar_carpeta(&carpeta);
    }

    loop {
        match recibir.recv_timeout(REVISION) {
            Ok(Aviso::Salir) => return despedirse(),
            Ok(Aviso::Error(error)) => avisar_error(&error),
            Ok(Aviso::Cambios(rutas)) => {
                // Se juntan los avisos hasta que la ráfaga termina: basta una
                // corrida para todos.
                let Some(rutas) = juntar(&recibir, rutas, RAFAGA) else {
                    return despedirse();
                };
                let mut decision = decidir(&rutas, &todos, actual, raiz);
                let mut durante_la_corrida = false;
                loop {
                    let (ejercicio, ruta) = match decision {
                        Decision::Nada => break,
                        Decision::Borrado { ejercicio, ruta } => {
                            avisar_borrado(&todos[ejercicio], &ruta);
                            break;
                        }
                        Decision::Correr { ejercicio, ruta } => (ejercicio, ruta),
                    };
                    if !carpeta.is_dir() {
                        // Los últimos eventos de una carpeta que se borra: no
                        // hay nada que probar.
                        break;
                    }
                    let cuando = if durante_la_corrida {
                        " mientras corrían las pruebas"
                    } else {
                        ""
                    };
                    println!(
                        "\n── Cambió {}{cuando}: corro las pruebas del ejercicio {} ({}) ──\n",
                        mostrar(&ruta),
                        ejercicio + 1,
                        todos[ejercicio].nombre
                    );
                    if ejercicio != actual {
                        println!(
                            "(Es un archivo del ejercicio {}: paso a ese.)\n",
                            todos[ejercicio].nombre
                        );
                        actual = ejercicio;
                    }
                    let corrida = probar(&todos[actual], traza);
                    if SALIR.load(Ordering::SeqCst) {
                        return despedirse();
                    }
                    match &corrida {
                        Ok(corrida) if corrida.exito => {
                            println!(
                                "✓ ¡Ejercicio {} ({}) resuelto! Pasan sus {} pruebas.",
                                actual + 1,
                                todos[actual].nombre,
                                corrida.pruebas.len()
                            );
                            println!("Busco el siguiente sin resolver...");
                            let Some((siguiente, corrida)) =
                                sin_resolver(&todos, actual + 1, traza)
                            else {
                                return felicitar(&todos);
                            };
                            if SALIR.load(Ordering::SeqCst) {
                                return despedirse();
                            }
                            actual = siguiente;
                            anunciar(&todos, actual, &corrida, traza);
                            println!("\nSigo vigilando {}.", mostrar(&carpeta));
                        }
                        _ => println!("{}", informe(&todos[actual], &corrida, traza, raiz)),
                    }
                    // Lo que se guardó mientras corrían las pruebas ya está en
                    // la cola: se junta todo y se prueba una vez más.
                    let Some(rutas) = pendientes(&recibir, RAFAGA) else {
                        return despedirse();
                    };
                    decision = decidir(&rutas, &todos, actual, raiz);
                    durante_la_corrida = true;
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

fn avisar_error(error: &str) {
    eprintln!("aviso: el vigilante de archivos dio un error: {error}");
}

/// Junta los cambios de una ráfaga, los primeros ya recibidos: espera hasta
/// que pase `silencio` sin avisos nuevos. `None` si llegó Ctrl-C.
fn juntar(
    recibir: &Receiver<Aviso>,
    mut rutas: Vec<PathBuf>,
    silencio: Duration,
) -> Option<Vec<PathBuf>> {
    loop {
        match recibir.recv_timeout(silencio) {
            Ok(Aviso::Cambios(mas)) => rutas.extend(mas),
            Ok(Aviso::Salir) => return None,
            Ok(Aviso::Error(error)) => avisar_error(&error),
            Err(_) => break,
        }
    }
    rutas.sort();
    rutas.dedup();
    Some(rutas)
}

/// Los cambios que llegaron mientras corrían las pruebas (ya en la cola), y
/// el resto de su ráfaga. Ninguno si no llegó nada; `None` si llegó Ctrl-C.
fn pendientes(recibir: &Receiver<Aviso>, silencio: Duration) -> Option<Vec<PathBuf>> {
    let mut rutas = Vec::new();
    loop {
        match recibir.try_recv() {
            Ok(Aviso::Cambios(mas)) => rutas.extend(mas),
            Ok(Aviso::Salir) => return None,
            Ok(Aviso::Error(error)) => avisar_error(&error),
            Err(TryRecvError::Empty | TryRecvError::Disconnected) => break,
        }
    }
    if rutas.is_empty() {
        return Some(rutas);
    }
    juntar(recibir, rutas, silencio)
}

/// Qué hacer con una ráfaga de cambios.
#[derive(Debug, PartialEq, Eq)]
enum Decision {
    /// Nada: temporales de un editor, archivos que no son código, o un
    /// borrado que no es de ningún ejercicio.
    Nada,
    /// El archivo de este ejercicio (o el de sus pruebas) ya no está: se
    /// borró, o se renombró.
    Borrado { ejercicio: usize, ruta: PathBuf },
    /// Correr las pruebas de este ejercicio: cambió `ruta`.
    Correr { ejercicio: usize, ruta: PathBuf },
}

/// Decide qué hacer con los archivos que cambiaron, sin correr nada. Se
/// mira el disco al final de la ráfaga, no cada evento: un editor que guarda
/// borrando o renombrando el archivo y escribiéndolo de nuevo lo deja en su
/// sitio, y eso es un guardado.
///
/// - Si falta el archivo de un ejercicio (se borró, o un renombrado se llevó
///   su ruta vieja), se dice, y no se prueba nada: sin él, sus pruebas no
///   compilan.
/// - Si no, si alguno es un `.rs` o un `.toml` que existe, se corren las
///   pruebas: las del ejercicio de ese archivo, si es de uno, y si no las de
///   `actual`.
fn decidir(rutas: &[PathBuf], todos: &[Ejercicio], actual: usize, raiz: &Path) -> Decision {
    let (existen, faltan): (Vec<&PathBuf>, Vec<&PathBuf>) = rutas
        .iter()
        .filter(|r| es_fuente(r))
        .partition(|r| r.is_file());
    let de_un_ejercicio = |lista: &[&PathBuf]| {
        lista
            .iter()
            .find_map(|r| ejercicio_de(r, todos, raiz).map(|i| (i, r.to_path_buf())))
    };
    if let Some((ejercicio, ruta)) = de_un_ejercicio(&faltan) {
        return Decision::Borrado { ejercicio, ruta };
    }
    match existen.first() {
        Some(&primera) => {
            let (ejercicio, ruta) =
                de_un_ejercicio(&existen).unwrap_or_else(|| (actual, primera.clone()));
            Decision::Correr { ejercicio, ruta }
        }
        None => Decision::Nada,
    }
}

/// El ejercicio al que pertenece `ruta`: su archivo o su archivo de pruebas
/// (o algo dentro, si es una carpeta: un ejercicio de varios archivos).
fn ejercicio_de(ruta: &Path, todos: &[Ejercicio], raiz: &Path) -> Option<usize> {
    todos.iter().position(|e| {
        // El esbozo entero: su archivo o, si es de varios, su carpeta.
        let esbozo = e.esbozo().unwrap_or_else(|| e.archivo.clone());
        ruta.starts_with(raiz.join(esbozo)) || ruta.starts_with(raiz.join(&e.pruebas))
    })
}

fn avisar_borrado(ejercicio: &Ejercicio, ruta: &Path) {
    println!(
        "\n── {} ya no está (¿lo borraste o le cambiaste el nombre?) ──\n\n\
         Es del ejercicio {}, y sus pruebas lo buscan ahí, con ese nombre. \
         Cuando vuelva, lo pruebo; mientras, sigo vigilando.",
        mostrar(ruta),
        ejercicio.nombre
    );
}

/// Empieza a vigilar `carpeta` y sus subcarpetas. `None` si no se puede (por
/// ejemplo, porque no existe), después de decirlo. Vigila mientras el valor
/// devuelto viva.
fn vigilar(carpeta: &Path, avisos: &Sender<Aviso>) -> Option<RecommendedWatcher> {
    let avisos = avisos.clone();
    let manejador = move |resultado: notify::Result<notify::Event>| {
        if let Some(aviso) = aviso_de(resultado) {
            let _ = avisos.send(aviso);
        }
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

/// El aviso que merece un evento de `notify`, si alguno.
fn aviso_de(resultado: notify::Result<notify::Event>) -> Option<Aviso> {
    match resultado {
        Ok(evento) if cambia_algo(&evento.kind) => Some(Aviso::Cambios(evento.paths)),
        Ok(_) => None,
        Err(error) => Some(Aviso::Error(error.to_string())),
    }
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

/// Si el nombre es el de un `.rs` o un `.toml`, y no el de un temporal de
/// un editor (`.x.swp`, `x.rs~`, `#x.rs#`, el `4913` de Vim).
fn es_fuente(ruta: &Path) -> bool {
    let Some(nombre) = ruta.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let temporal = nombre.starts_with('.') || nombre.starts_with('#') || nombre.ends_with('~');
    let extension = ruta.extension().and_then(|e| e.to_str());
    !temporal && matches!(extension, Some("rs" | "toml"))
}

/// El primer ejercicio sin resolver a partir de `desde`, dando la vuelta al
/// final (por si el alumno se saltó alguno), con la corrida de sus pruebas.
/// Las corre sin mostrar su salida.
fn sin_resolver(
    todos: &[Ejercicio],
    desde: usize,
    traza: bool,
) -> Option<(usize, Result<Corrida, String>)> {
    let n = todos.len();
    (0..n)
        .map(|i| (desde + i) % n)
        .take_while(|_| !SALIR.load(Ordering::SeqCst))
        .map(|i| (i, probar(&todos[i], traza)))
        .find(|(_, corrida)| !matches!(corrida, Ok(c) if c.exito))
}

/// Corre las pruebas del ejercicio y guarda lo que dicen.
fn probar(ejercicio: &Ejercicio, traza: bool) -> Result<Corrida, String> {
    cargo::pruebas_con_traza("exercises", ejercicio.objetivo_de_pruebas(), traza)
        .map_err(|error| format!("no se pudo ejecutar cargo: {error}"))
}

/// Dice qué ejercicio toca y qué dicen ahora sus pruebas.
fn anunciar(todos: &[Ejercicio], actual: usize, corrida: &Result<Corrida, String>, traza: bool) {
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
    println!("  ¿Atascado? cargo run -- pista {}", ejercicio.nombre);
    if let Ok(corrida) = corrida {
        let etapas = ejercicio.etapas_de(&corrida.pruebas);
        if let Some(etapa) = etapas.iter().find(|e| !e.resuelta()) {
            let hechas = etapas.iter().filter(|e| e.resuelta()).count();
            println!(
                "  Etapas:    {hechas}/{} hechas; sigue {}: {}",
                etapas.len(),
                etapa.nombre,
                ejercicio.orden_de_la_etapa(&etapa.nombre)
            );
        }
    }
    println!("\n── Sus pruebas, ahora mismo ──\n");
    println!("{}", informe(ejercicio, corrida, traza, cargo::raiz()));
}

/// Lo que se muestra de una corrida que no pasó: lo primero, lo que hay que
/// leer; después, cómo pedir ayuda. `raiz` es la raíz del taller, de donde
/// se lee el archivo de pruebas (para ordenar los fallos como él).
fn informe(
    ejercicio: &Ejercicio,
    corrida: &Result<Corrida, String>,
    traza: bool,
    raiz: &Path,
) -> String {
    let corrida = match corrida {
        Ok(corrida) => corrida,
        Err(error) => return format!("✗ {error}"),
    };
    let mut texto = String::new();
    let fallos = cargo::fallos(&corrida.stdout);
    if let Some(primero) = en_orden_del_archivo(fallos.clone(), raiz, ejercicio).first() {
        texto.push_str(&fallo(primero, traza, ejercicio));
        let pasan = corrida.pruebas.iter().filter(|(_, r)| r == "ok").count();
        texto.push_str(&format!(
            "\n\n  Pasan {pasan} de {} pruebas.",
            corrida.pruebas.len()
        ));
        let otras: Vec<String> = fallos
            .iter()
            .filter(|f| f.prueba != primero.prueba)
            .map(|f| format!("`{}`", f.prueba))
            .collect();
        match otras.len() {
            0 => {}
            1 => texto.push_str(&format!(" También falla {}.", otras[0])),
            _ => texto.push_str(&format!(" También fallan: {}.", otras.join(", "))),
        }
    } else if let Some(error) = cargo::primer_error(&corrida.stderr)
        && corrida.stderr.contains("error: could not compile")
    {
        let donde = error
            .lugar
            .as_ref()
            .map(|lugar| format!(", en {lugar}"))
            .unwrap_or_default();
        let cual = if error.cuantos > 1 {
            format!("El primero de {} errores", error.cuantos)
        } else {
            "El error".to_string()
        };
        texto.push_str(&format!("✗ No compila. {cual}{donde}:\n\n"));
        texto.push_str(&sangrar(&error.texto, Some(ejercicio)));
        if error.cuantos > 1 {
            texto.push_str(&format!(
                "\n\n  Corrige este primero: a menudo los demás vienen de él. \
                 Todos: {}",
                ejercicio.orden_de_pruebas()
            ));
        }
    } else {
        // Ni pruebas que fallen ni errores de rustc: cargo se quejó de otra
        // cosa (un `Cargo.toml` roto, un archivo de pruebas que falta, un
        // proceso de pruebas que murió sin terminar). Su primer error o, si
        // no dice ninguno, lo último que dijo.
        let dijo = match cargo::primer_error(&corrida.stderr) {
            Some(error) => error.texto,
            None => {
                let lineas: Vec<&str> = corrida
                    .stderr
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .collect();
                lineas[lineas.len().saturating_sub(15)..].join("\n")
            }
        };
        texto.push_str(&format!(
            "✗ cargo no llegó a correr las pruebas. Dijo:\n\n{}",
            sangrar(&dijo, Some(ejercicio))
        ));
    }
    texto.push_str(&format!(
        "\n\n✗ Todavía no. Cambia {} y guarda: vuelvo a probar solo.\n  \
         ¿Atascado? cargo run -- pista {}",
        ejercicio.archivo, ejercicio.nombre
    ));
    texto
}

/// Una prueba que falló: su nombre, dónde, y lo que dice.
fn fallo(fallo: &Fallo, traza: bool, ejercicio: &Ejercicio) -> String {
    // Solo se dice dónde si es en el taller: el de un límite de tiempo
    // vencido está en `src/prueba.rs`, y no es ahí donde hay que mirar.
    let donde = fallo
        .lugar
        .as_deref()
        .filter(|lugar| lugar.starts_with("exercises/"))
        .map(|lugar| format!(" ({lugar})"))
        .unwrap_or_default();
    // `todo!("...")` antepone «not yet implemented: » a su mensaje.
    let (que, mensaje) = match fallo.mensaje.strip_prefix("not yet implemented") {
        Some(resto) => (
            "llegó a un `todo!()` sin escribir",
            resto.trim_start_matches(':').trim_start(),
        ),
        None => ("falla", fallo.mensaje.as_str()),
    };
    let mut texto = format!("✗ La prueba `{}` {que}{donde}:", fallo.prueba);
    if !mensaje.is_empty() {
        texto.push_str("\n\n");
        texto.push_str(&sangrar(mensaje, Some(ejercicio)));
    }
    // La traza, si se pidió, entera: quien la pide la quiere toda.
    if traza && let Some(traza) = &fallo.traza {
        texto.push_str("\n\n");
        texto.push_str(&sangrar(traza, None));
    }
    texto
}

/// Los fallos en el orden de sus pruebas en el archivo (que suele ir de lo
/// más sencillo a lo más fino), no en el orden en que terminaron.
fn en_orden_del_archivo(mut fallos: Vec<Fallo>, raiz: &Path, ejercicio: &Ejercicio) -> Vec<Fallo> {
    let fuente = std::fs::read_to_string(raiz.join(&ejercicio.pruebas)).unwrap_or_default();
    // En un ejercicio por etapas, primero las de la primera etapa.
    let etapa = |prueba: &str| {
        ejercicio
            .etapas
            .iter()
            .position(|e| prueba.starts_with(&format!("{e}::")))
            .unwrap_or(usize::MAX)
    };
    fallos.sort_by_key(|f| {
        let corto = f.prueba.rsplit("::").next().unwrap_or(&f.prueba);
        let en_el_archivo = fuente.find(&format!("fn {corto}(")).unwrap_or(usize::MAX);
        (etapa(&f.prueba), en_el_archivo)
    });
    fallos
}

/// El texto sangrado. Con `corte`, como mucho [`LINEAS`] líneas, y una
/// última que dice cómo ver el resto: con las pruebas de ese ejercicio.
fn sangrar(texto: &str, corte: Option<&Ejercicio>) -> String {
    const SANGRIA: &str = "    ";
    let lineas: Vec<&str> = texto.lines().collect();
    let hasta = if corte.is_some() { LINEAS } else { usize::MAX };
    let mut salida: Vec<String> = lineas
        .iter()
        .take(hasta)
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("{SANGRIA}{l}")
            }
        })
        .collect();
    if let Some(ejercicio) = corte
        && lineas.len() > LINEAS
    {
        salida.push(format!(
            "{SANGRIA}[... y {} líneas más: {}]",
            lineas.len() - LINEAS,
            ejercicio.orden_de_pruebas()
        ));
    }
    salida.join("\n")
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
        assert!(es_fuente(Path::new("exercises/src/cheapo_request.rs")));
        assert!(es_fuente(Path::new("exercises/info.toml")));
        assert!(!es_fuente(Path::new(
            "exercises/src/.cheapo_request.rs.swp"
        )));
        assert!(!es_fuente(Path::new("exercises/src/cheapo_request.rs~")));
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

    /// Una raíz de taller de mentira, en una carpeta temporal, con los
    /// archivos de los ejercicios de `info.toml`.
    struct RaizDePrueba(PathBuf);

    impl RaizDePrueba {
        fn nueva(nombre: &str) -> RaizDePrueba {
            let raiz =
                std::env::temp_dir().join(format!("taller-vigila-{nombre}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&raiz);
            for ejercicio in ejercicios::todos() {
                for archivo in [&ejercicio.archivo, &ejercicio.pruebas] {
                    let ruta = raiz.join(archivo);
                    std::fs::create_dir_all(ruta.parent().unwrap()).unwrap();
                    std::fs::write(&ruta, "// esbozo\n").unwrap();
                }
            }
            RaizDePrueba(raiz)
        }
    }

    impl Drop for RaizDePrueba {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    /// Lo que `vigila` decide ante un evento de `notify`, como lo recibiría
    /// del sistema operativo: primero el aviso del manejador, después la
    /// decisión sobre sus rutas.
    fn ante(evento: notify::Event, todos: &[Ejercicio], actual: usize, raiz: &Path) -> Decision {
        match aviso_de(Ok(evento)) {
            Some(Aviso::Cambios(rutas)) => decidir(&rutas, todos, actual, raiz),
            otro => panic!("se esperaba un aviso de cambios, llegó {otro:?}"),
        }
    }

    #[test]
    fn sobrevive_a_renombrar_y_borrar_el_archivo_de_un_ejercicio() {
        use notify::event::{CreateKind, DataChange, RemoveKind, RenameMode};
        use notify::{Event, EventKind};
        let taller = RaizDePrueba::nueva("renombrar");
        let raiz = taller.0.as_path();
        let todos = ejercicios::todos();
        let actual = 0;
        let suyo = raiz.join(&todos[actual].archivo);
        let otro = raiz.join(&todos[1].archivo);
        let renombrado = suyo.with_file_name("renombrado.rs");

        // Renombrar el archivo del ejercicio: la ruta vieja ya no existe y la
        // nueva sí. Se dice que falta, sin probar nada.
        std::fs::rename(&suyo, &renombrado).unwrap();
        let renombrar = Event::new(EventKind::Modify(ModifyKind::Name(RenameMode::Both)))
            .add_path(suyo.clone())
            .add_path(renombrado.clone());
        assert_eq!(
            ante(renombrar, &todos, actual, raiz),
            Decision::Borrado {
                ejercicio: actual,
                ruta: suyo.clone()
            }
        );
        // inotify manda también la mitad de «desde», que solo trae la vieja.
        let desde = Event::new(EventKind::Modify(ModifyKind::Name(RenameMode::From)))
            .add_path(suyo.clone());
        assert_eq!(
            ante(desde, &todos, actual, raiz),
            Decision::Borrado {
                ejercicio: actual,
                ruta: suyo.clone()
            }
        );

        // Un editor que guarda renombrando el archivo y escribiéndolo otra
        // vez: al final de la ráfaga está en su sitio, y es un guardado.
        std::fs::write(&suyo, "// guardado\n").unwrap();
        let guardar = Event::new(EventKind::Modify(ModifyKind::Name(RenameMode::Both)))
            .add_path(suyo.clone())
            .add_path(suyo.with_file_name("cheapo.rs~"));
        assert_eq!(
            ante(guardar, &todos, actual, raiz),
            Decision::Correr {
                ejercicio: actual,
                ruta: suyo.clone()
            }
        );
        std::fs::remove_file(&suyo).unwrap();

        // Borrar el archivo nuevo: no es de ningún ejercicio, nada que hacer.
        std::fs::remove_file(&renombrado).unwrap();
        let borrar = Event::new(EventKind::Remove(RemoveKind::File)).add_path(renombrado.clone());
        assert_eq!(ante(borrar, &todos, actual, raiz), Decision::Nada);

        // Devolverle su nombre: se prueba ese ejercicio.
        std::fs::write(&suyo, "// de vuelta\n").unwrap();
        let volver =
            Event::new(EventKind::Modify(ModifyKind::Name(RenameMode::To))).add_path(suyo.clone());
        assert_eq!(
            ante(volver, &todos, actual, raiz),
            Decision::Correr {
                ejercicio: actual,
                ruta: suyo.clone()
            }
        );

        // Guardar el archivo de otro ejercicio: se prueba ese, no el actual.
        let escribir = Event::new(EventKind::Modify(ModifyKind::Data(DataChange::Content)))
            .add_path(otro.clone());
        assert_eq!(
            ante(escribir, &todos, actual, raiz),
            Decision::Correr {
                ejercicio: 1,
                ruta: otro
            }
        );

        // Un archivo nuevo que no es de ningún ejercicio: el actual.
        let nuevo = raiz.join("exercises/src/nuevo.rs");
        std::fs::write(&nuevo, "// nuevo\n").unwrap();
        let crear = Event::new(EventKind::Create(CreateKind::File)).add_path(nuevo.clone());
        assert_eq!(
            ante(crear, &todos, actual, raiz),
            Decision::Correr {
                ejercicio: actual,
                ruta: nuevo
            }
        );

        // Los temporales de un editor, existan o no, no cuentan.
        let temporal = suyo.with_file_name("4913");
        std::fs::write(&temporal, "").unwrap();
        let vim = Event::new(EventKind::Create(CreateKind::File))
            .add_path(temporal)
            .add_path(suyo.with_file_name(".cheapo.rs.swp"));
        assert_eq!(ante(vim, &todos, actual, raiz), Decision::Nada);

        // Un error del vigilante se muestra, no se prueba nada.
        assert!(matches!(
            aviso_de(Err(notify::Error::generic("se cayó inotify"))),
            Some(Aviso::Error(_))
        ));
        // Leer un archivo no es guardarlo.
        let leer =
            Event::new(EventKind::Access(notify::event::AccessKind::Read)).add_path(suyo.clone());
        assert!(aviso_de(Ok(leer)).is_none());
    }

    #[test]
    fn una_rafaga_de_eventos_es_una_sola_corrida() {
        let (enviar, recibir) = mpsc::channel();
        let a = PathBuf::from("exercises/src/a.rs");
        let b = PathBuf::from("exercises/src/b.rs");
        enviar.send(Aviso::Cambios(vec![b.clone()])).unwrap();
        enviar
            .send(Aviso::Error("un error de paso".into()))
            .unwrap();
        enviar
            .send(Aviso::Cambios(vec![a.clone(), b.clone()]))
            .unwrap();
        let juntas = juntar(&recibir, vec![a.clone()], Duration::from_millis(20));
        assert_eq!(juntas, Some(vec![a.clone(), b]));
        enviar.send(Aviso::Cambios(vec![a.clone()])).unwrap();
        enviar.send(Aviso::Salir).unwrap();
        assert_eq!(juntar(&recibir, vec![], Duration::from_millis(20)), None);
    }

    #[test]
    fn lo_guardado_mientras_corren_las_pruebas_se_prueba_una_vez_mas() {
        let (enviar, recibir) = mpsc::channel();
        // Nada llegó durante la corrida: no se vuelve a correr.
        assert_eq!(
            pendientes(&recibir, Duration::from_millis(20)),
            Some(vec![])
        );
        // Tres guardados durante la corrida: una corrida más, con los tres.
        let a = PathBuf::from("exercises/src/a.rs");
        for _ in 0..3 {
            enviar.send(Aviso::Cambios(vec![a.clone()])).unwrap();
        }
        assert_eq!(
            pendientes(&recibir, Duration::from_millis(20)),
            Some(vec![a])
        );
        // Y después, ninguna más.
        assert_eq!(
            pendientes(&recibir, Duration::from_millis(20)),
            Some(vec![])
        );
        // Ctrl-C durante la corrida: se sale.
        enviar.send(Aviso::Salir).unwrap();
        assert_eq!(pendientes(&recibir, Duration::from_millis(20)), None);
    }

    macro_rules! captura {
        ($nombre:literal) => {
            include_str!(concat!("capturas/", $nombre)).to_string()
        };
    }

    fn cheapo_request() -> Ejercicio {
        ejercicios::buscar("cheapo_request").expect("cheapo_request está en info.toml")
    }

    /// La posición de `trozo` en `texto`, o un fallo que enseña el texto.
    fn posicion(texto: &str, trozo: &str) -> usize {
        texto
            .find(trozo)
            .unwrap_or_else(|| panic!("falta «{trozo}» en:\n{texto}"))
    }

    #[test]
    fn primero_el_fallo_y_su_explicacion_despues_la_pista() {
        let ejercicio = cheapo_request();
        let corrida = Corrida::de(false, captura!("bloquea_el_hilo.stdout"), String::new());
        let texto = informe(&ejercicio, &Ok(corrida), false, cargo::raiz());
        let nombre = posicion(
            &texto,
            "✗ La prueba `no_bloquea_el_hilo_mientras_espera_al_servidor` falla \
             (exercises/tests/cheapo_request.rs:76:9):",
        );
        let explicacion = posicion(&texto, "    Mientras el servidor tardaba 400 ms");
        let pista = posicion(&texto, "¿Atascado? cargo run -- pista cheapo_request");
        assert_eq!(nombre, 0, "{texto}");
        assert!(nombre < explicacion && explicacion < pista, "{texto}");
        posicion(&texto, "Pasan 2 de 3 pruebas.");
        assert!(!texto.contains("RUST_BACKTRACE"), "{texto}");
        assert!(!texto.contains("thread '"), "{texto}");
    }

    #[test]
    fn el_esbozo_dice_que_llego_a_un_todo_en_el_orden_del_archivo() {
        let ejercicio = cheapo_request();
        let corrida = Corrida::de(false, captura!("esbozo.stdout"), captura!("esbozo.stderr"));
        let texto = informe(&ejercicio, &Ok(corrida), false, cargo::raiz());
        // La primera prueba del archivo, aunque libtest la imprimiera en
        // otro orden.
        let fuente = std::fs::read_to_string(cargo::raiz().join(&ejercicio.pruebas)).unwrap();
        let primera = posicion(&fuente, "fn devuelve_la_respuesta_entera_del_servidor(");
        assert!(primera < posicion(&fuente, "fn devuelve_un_error_si_nadie_escucha("));
        assert!(
            texto.starts_with(
                "✗ La prueba `devuelve_la_respuesta_entera_del_servidor` llegó a un \
                 `todo!()` sin escribir (exercises/src/cheapo_request.rs:16:5):\n\n    \
                 Ejercicio `cheapo_request`: escribe"
            ),
            "{texto}"
        );
        assert!(!texto.contains("not yet implemented"), "{texto}");
        // Las otras dos, por su nombre, sin repetir su mensaje.
        posicion(&texto, "Pasan 0 de 3 pruebas. También fallan: `");
        assert_eq!(
            texto.matches("Ejercicio `cheapo_request`: escribe").count(),
            1
        );
    }

    #[test]
    fn la_traza_solo_si_se_pide() {
        let ejercicio = cheapo_request();
        let corrida = Ok(Corrida::de(
            false,
            captura!("esbozo_con_traza.stdout"),
            String::new(),
        ));
        let sin = informe(&ejercicio, &corrida, false, cargo::raiz());
        assert!(!sin.contains("stack backtrace"), "{sin}");
        assert!(sin.lines().count() < 15, "{sin}");
        let con = informe(&ejercicio, &corrida, true, cargo::raiz());
        let mensaje = posicion(&con, "Ejercicio `cheapo_request`: escribe");
        let traza = posicion(&con, "    stack backtrace:");
        let pista = posicion(&con, "¿Atascado?");
        assert!(mensaje < traza && traza < pista, "{con}");
        // Entera, hasta su último marco.
        posicion(&con, "taller_async::prueba::con_limite");
        assert!(!con.contains("líneas más"), "{con}");
    }

    #[test]
    fn si_no_compila_el_primer_error_y_no_todos() {
        let ejercicio = ejercicios::buscar("send_rc").expect("send_rc está en info.toml");
        let corrida = Corrida::de(false, String::new(), captura!("no_compila_send.stderr"));
        let texto = informe(&ejercicio, &Ok(corrida), false, cargo::raiz());
        assert!(
            texto.starts_with(
                "✗ No compila. El primero de 4 errores, en exercises/src/send_rc.rs:94:13:"
            ),
            "{texto}"
        );
        posicion(&texto, "has type `Rc<String>`");
        assert_eq!(texto.matches("future cannot be sent").count(), 1, "{texto}");
        assert!(!texto.contains("exercises/tests/send_rc.rs"), "{texto}");
        assert!(!texto.contains("could not compile"), "{texto}");
        let todos = posicion(&texto, "Todos: cargo test -p exercises --test send_rc");
        assert!(todos < posicion(&texto, "¿Atascado? cargo run -- pista send_rc"));
    }

    #[test]
    fn si_cargo_no_llega_a_las_pruebas_dice_por_que() {
        let ejercicio = cheapo_request();
        let stderr = "error: no test target named `cheapo` in `exercises` package\n\n\
                      help: available test targets:\n    cheapo_request\n";
        let corrida = Corrida::de(false, String::new(), stderr.to_string());
        let texto = informe(&ejercicio, &Ok(corrida), false, cargo::raiz());
        assert!(
            texto.starts_with("✗ cargo no llegó a correr las pruebas. Dijo:\n\n    error: no test"),
            "{texto}"
        );
        let sin_cargo = informe(
            &ejercicio,
            &Err("no se pudo ejecutar cargo".into()),
            false,
            cargo::raiz(),
        );
        assert_eq!(sin_cargo, "✗ no se pudo ejecutar cargo");
    }
}
