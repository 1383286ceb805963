//! La segunda mitad del contrato: las pruebas rechazan las soluciones
//! equivocadas y aceptan las alternativas honestas.
//!
//! Que cada prueba falle con el esbozo y pase con la solución no basta: unas
//! pruebas que solo miran el resultado dejan pasar una solución que bloquea
//! el hilo, o que espera una petición antes de lanzar la siguiente. Por eso
//! el taller guarda en `intentos/` los errores que cometería un alumno, cada
//! uno como una solución entera con un solo fallo y una cabecera que dice
//! qué pruebas lo atrapan (ver [`taller_async::intentos`]). Aquí se corre el
//! envoltorio de cada uno (`cargo test -p intentos --test OBJETIVO`) y se
//! comprueba que:
//!
//! - una solución equivocada que «no compila» no compila;
//! - en una que «falla A, B», fallan A y B (las demás pueden pasar), y
//!   fallan en cada corrida: con `--repetir 10`, en las diez. Una prueba que
//!   atrapa un error solo a veces es una prueba inestable;
//! - una alternativa pasa todas las pruebas, en cada corrida.
//!
//! De una solución equivocada se corren solo las pruebas que nombra su
//! cabecera, todas a la vez; de una alternativa, todas, como las corre el
//! alumno. Y se corren tres intentos a la vez: muchas soluciones
//! equivocadas se cuelgan, y sus pruebas las atrapan al agotar su límite de
//! tiempo, una espera que no gasta procesador.
//!
//! Cada corrida tiene además un límite de tiempo propio: una solución
//! equivocada puede colgarse fuera de `con_limite` (un interbloqueo en una
//! prueba síncrona), y el comprobador no debe colgarse con ella.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use taller_async::ejercicios::Ejercicio;
use taller_async::intentos::{self, Cabecera, Espera, Intento};

use crate::cargo::{self, Corrida};

/// Lo que tarda como mucho una corrida de un envoltorio, compilación
/// incluida. Las pruebas tienen límites de segundos; esto solo atrapa lo que
/// se cuelga fuera de ellos.
const LIMITE_POR_CORRIDA: Duration = Duration::from_secs(300);

/// Lo que salió de comprobar los intentos.
pub struct Informe {
    /// Soluciones equivocadas rechazadas como dice su cabecera.
    pub rechazadas: usize,
    /// Alternativas que pasaron todas las pruebas.
    pub aceptadas: usize,
    /// Cuántos intentos se comprobaron.
    pub total: usize,
    /// Lo que incumple el contrato, una frase por falta.
    pub faltas: Vec<String>,
}

/// Comprueba los intentos de los ejercicios dados (de todos, si `elegidos`
/// es `None`), cada uno `repetir` veces. Lo que no compila se compila una
/// sola vez: un error de compilación no cambia de una corrida a otra.
pub fn comprobar(elegidos: Option<&[Ejercicio]>, todos: &[Ejercicio], repetir: usize) -> Informe {
    let mut informe = Informe {
        rechazadas: 0,
        aceptadas: 0,
        total: 0,
        faltas: Vec::new(),
    };
    let raiz = cargo::raiz();
    let lista = match intentos::todos(raiz) {
        Ok(lista) => lista,
        Err(problemas) => {
            informe.faltas.extend(problemas);
            return informe;
        }
    };
    let pendientes = intentos::envoltorios_pendientes(raiz, &lista);
    if !pendientes.is_empty() {
        for pendiente in pendientes {
            informe.faltas.push(format!(
                "{pendiente} (vuelve a generarlos con `{}`)",
                intentos::ORDEN_QUE_GENERA
            ));
        }
        return informe;
    }
    let lista: Vec<Intento> = lista
        .into_iter()
        .filter(|intento| {
            elegidos.is_none_or(|elegidos| elegidos.iter().any(|e| e.nombre == intento.ejercicio))
        })
        .collect();
    informe.total = lista.len();
    if lista.is_empty() {
        println!("\nNingún intento en intentos/ para estos ejercicios.");
        return informe;
    }

    println!(
        "\nCompilando los {} intentos de intentos/ (los que «no compilan», a propósito, \
         no compilan)...",
        lista.len()
    );
    compilar(&lista);

    let veces = if repetir == 1 {
        String::new()
    } else {
        format!(
            ", {repetir} corridas cada uno (lo que no compila, una vez: un error de \
             compilación no cambia de una corrida a otra)"
        )
    };
    println!(
        "\nIntentos: cada solución equivocada falla como dice su cabecera, y cada \
         alternativa pasa{veces}.\n\n  {:<3} {:<22} {:<30} {:<60} resultado",
        "#", "ejercicio", "intento", "prueba"
    );
    // Varios intentos a la vez: casi todo el tiempo se va en esperar (una
    // solución equivocada que se cuelga agota el límite de su prueba sin
    // gastar procesador). La tabla sale en orden igualmente.
    let siguiente = AtomicUsize::new(0);
    let (enviar, recibir) = mpsc::channel::<(usize, Juicio)>();
    thread::scope(|s| {
        for _ in 0..A_LA_VEZ.min(lista.len()) {
            let enviar = enviar.clone();
            let (lista, siguiente) = (&lista, &siguiente);
            s.spawn(move || {
                loop {
                    let i = siguiente.fetch_add(1, Ordering::SeqCst);
                    let Some(intento) = lista.get(i) else { break };
                    if enviar.send((i, juzgar(intento, repetir))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(enviar);
        let mut llegados: BTreeMap<usize, Juicio> = BTreeMap::new();
        let mut toca = 0;
        for (i, juicio) in recibir {
            llegados.insert(i, juicio);
            while let Some(juicio) = llegados.remove(&toca) {
                let intento = &lista[toca];
                let numero = todos
                    .iter()
                    .position(|e| e.nombre == intento.ejercicio)
                    .map_or(0, |i| i + 1);
                for (prueba, resultado) in &juicio.filas {
                    println!(
                        "  {numero:<3} {:<22} {:<30} {prueba:<60} {resultado}",
                        intento.ejercicio,
                        nombre_en_la_tabla(intento)
                    );
                }
                informe.faltas.extend(juicio.faltas);
                match (juicio.cumple, intento.es_alternativa()) {
                    (true, true) => informe.aceptadas += 1,
                    (true, false) => informe.rechazadas += 1,
                    (false, _) => {}
                }
                toca += 1;
            }
        }
    });
    informe
}

/// Cuántos intentos se corren a la vez.
const A_LA_VEZ: usize = 3;

/// Lo que salió de un intento: sus filas de la tabla (prueba y resultado),
/// sus faltas y si cumple lo que dice su cabecera.
struct Juicio {
    filas: Vec<(String, String)>,
    faltas: Vec<String>,
    cumple: bool,
}

fn juzgar(intento: &Intento, repetir: usize) -> Juicio {
    let filas = RefCell::new(Vec::new());
    let fila = |prueba: &str, resultado: &str| {
        filas
            .borrow_mut()
            .push((prueba.to_string(), resultado.to_string()));
    };
    let mut faltas = Vec::new();
    let cumple = match &intento.cabecera {
        Cabecera::Equivocada {
            espera: Espera::NoCompila,
            ..
        } => no_compila(intento, &fila, &mut faltas),
        Cabecera::Equivocada {
            espera: Espera::Fallan(pruebas),
            ..
        } => fallan(intento, pruebas, repetir, &fila, &mut faltas),
        Cabecera::Alternativa { .. } => pasan(intento, repetir, &fila, &mut faltas),
    };
    Juicio {
        filas: filas.into_inner(),
        faltas,
        cumple,
    }
}

fn nombre_en_la_tabla(intento: &Intento) -> String {
    if intento.es_alternativa() {
        format!("alternativa: {}", intento.nombre)
    } else {
        intento.nombre.clone()
    }
}

/// «9/10» si hay más de una corrida; nada si hay una.
fn de(veces: usize, repetir: usize) -> String {
    if repetir == 1 {
        String::new()
    } else {
        format!(" {veces}/{repetir}")
    }
}

fn no_compila(intento: &Intento, fila: &dyn Fn(&str, &str), faltas: &mut Vec<String>) -> bool {
    match correr(intento, None) {
        Err(problema) => {
            fila("(no compila)", "no terminó ✗");
            faltas.push(format!("{}: {problema}", intento.archivo));
            false
        }
        Ok(corrida) if no_compilo(&corrida) => {
            // El código del error, para ver de un vistazo que es el que toca
            // (un `Rc` que cruza un `.await` da E0277, no E0425).
            let codigo = cargo::primer_error(&corrida.stderr)
                .and_then(|e| {
                    let (_, resto) = e.titulo.split_once("error[")?;
                    Some(format!(" ({})", resto.split_once(']')?.0))
                })
                .unwrap_or_default();
            fila("(no compila)", &format!("no compila ✓{codigo}"));
            true
        }
        Ok(_) => {
            fila("(no compila)", "compila ✗");
            faltas.push(format!(
                "{}: su cabecera dice que no compila, y compila: o el compilador ya no \
                 atrapa este error, o el archivo ya no lo comete",
                intento.archivo
            ));
            false
        }
    }
}

fn fallan(
    intento: &Intento,
    pruebas: &[String],
    repetir: usize,
    fila: &dyn Fn(&str, &str),
    faltas: &mut Vec<String>,
) -> bool {
    // Cuántas veces falló cada prueba, y qué dio cuando no.
    let mut fallos = vec![0; pruebas.len()];
    let mut otras: Vec<Vec<String>> = vec![Vec::new(); pruebas.len()];
    for _ in 0..repetir {
        let corrida = match correr(intento, Some(pruebas)) {
            Ok(corrida) => corrida,
            Err(problema) => {
                fila("(no terminó)", "✗");
                faltas.push(format!("{}: {problema}", intento.archivo));
                return false;
            }
        };
        if no_compilo(&corrida) {
            fila("(no compila)", "no compila ✗");
            faltas.push(format!(
                "{}: su cabecera dice que falla {}, y no compila: {}",
                intento.archivo,
                pruebas.join(", "),
                primer_error(&corrida)
            ));
            return false;
        }
        for (i, prueba) in pruebas.iter().enumerate() {
            match corrida.pruebas.iter().find(|(nombre, _)| nombre == prueba) {
                Some((_, resultado)) if resultado == "FAILED" => fallos[i] += 1,
                Some((_, resultado)) => otras[i].push(traducir(resultado).to_string()),
                None => otras[i].push("no corrió".to_string()),
            }
        }
    }
    let mut cumple = true;
    for (i, prueba) in pruebas.iter().enumerate() {
        if fallos[i] == repetir {
            fila(prueba, &format!("falla{} ✓", de(fallos[i], repetir)));
            continue;
        }
        cumple = false;
        let dio = otras[i].first().map_or("pasa", String::as_str);
        if fallos[i] == 0 {
            fila(prueba, &format!("{dio}{} ✗", de(repetir, repetir)));
        } else {
            fila(prueba, &format!("falla{} ✗", de(fallos[i], repetir)));
        }
        faltas.push(if dio == "no corrió" {
            format!(
                "{}: su cabecera dice que falla `{prueba}`, y esa prueba no corrió: ¿cambió \
                 de nombre en exercises/tests/{}.rs?",
                intento.archivo, intento.ejercicio
            )
        } else if fallos[i] == 0 {
            format!(
                "{}: `{prueba}` debería rechazarla y {}: las pruebas no atrapan este error",
                intento.archivo,
                if repetir == 1 {
                    format!("dio «{dio}»")
                } else {
                    format!("no falló en ninguna de las {repetir} corridas")
                }
            )
        } else {
            format!(
                "{}: `{prueba}` la rechazó solo en {} de {repetir} corridas: una prueba que \
                 atrapa un error a veces es inestable",
                intento.archivo, fallos[i]
            )
        });
    }
    cumple
}

fn pasan(
    intento: &Intento,
    repetir: usize,
    fila: &dyn Fn(&str, &str),
    faltas: &mut Vec<String>,
) -> bool {
    let mut buenas = 0;
    let mut cuantas = 0;
    let mut fallidas: Vec<String> = Vec::new();
    for _ in 0..repetir {
        let corrida = match correr(intento, None) {
            Ok(corrida) => corrida,
            Err(problema) => {
                fila("(no terminó)", "✗");
                faltas.push(format!("{}: {problema}", intento.archivo));
                return false;
            }
        };
        if no_compilo(&corrida) {
            fila("(todas)", "no compila ✗");
            faltas.push(format!(
                "{}: una alternativa debe compilar y pasar todas las pruebas, y no compila: {}",
                intento.archivo,
                primer_error(&corrida)
            ));
            return false;
        }
        cuantas = cuantas.max(corrida.pruebas.len());
        if corrida.exito && corrida.pruebas.iter().all(|(_, r)| r == "ok") {
            buenas += 1;
        }
        for (nombre, resultado) in &corrida.pruebas {
            if resultado != "ok" && !fallidas.contains(nombre) {
                fallidas.push(nombre.clone());
            }
        }
    }
    let cuales = format!("(las {cuantas})");
    if buenas == repetir {
        fila(&cuales, &format!("pasan{} ✓", de(buenas, repetir)));
        return true;
    }
    fila(&cuales, &format!("pasan{} ✗", de(buenas, repetir)));
    faltas.push(format!(
        "{}: una alternativa honesta debe pasar todas las pruebas, y {} no pasó {}: o la \
         alternativa está mal, o las pruebas piden más de lo que enseña el capítulo",
        intento.archivo,
        fallidas
            .iter()
            .map(|f| format!("`{f}`"))
            .collect::<Vec<_>>()
            .join(", "),
        if repetir == 1 {
            String::new()
        } else {
            format!("en {} de {repetir} corridas", repetir - buenas)
        }
    ));
    false
}

/// No compiló: cargo falló sin que corriera ninguna prueba, y dijo un error.
fn no_compilo(corrida: &Corrida) -> bool {
    !corrida.exito && corrida.pruebas.is_empty() && cargo::primer_error(&corrida.stderr).is_some()
}

fn primer_error(corrida: &Corrida) -> String {
    match cargo::primer_error(&corrida.stderr) {
        Some(error) => match error.lugar {
            Some(lugar) => format!("{} (en {lugar})", error.titulo),
            None => error.titulo,
        },
        None => "cargo no dijo ningún error".to_string(),
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

/// Compila todos los envoltorios de una vez, en paralelo, y sigue aunque
/// alguno no compile (`--keep-going`): cada corrida de después encuentra
/// compilado lo suyo. Lo que digan los errores no importa aquí: cada
/// corrida los vuelve a ver.
fn compilar(lista: &[Intento]) {
    let mut orden = Command::new(cargo());
    orden
        .current_dir(cargo::raiz())
        .args(["build", "-q", "--keep-going", "-p", "intentos"]);
    for intento in lista {
        orden.args(["--test", &intento.objetivo()]);
    }
    let _ = orden
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

/// Los procesos (y grupos de procesos) de las corridas en curso, para
/// terminarlos si quien mantiene el taller pulsa Ctrl-C: en su propio grupo,
/// la señal de la terminal no les llega.
static EN_CURSO: Mutex<Vec<u32>> = Mutex::new(Vec::new());

/// Corre `cargo test -p intentos --test OBJETIVO` con un límite de tiempo.
///
/// Con `solo`, solo esas pruebas (`--exact`), y todas a la vez: de una
/// solución equivocada basta saber que fallan las que dice su cabecera, y
/// así sus límites de tiempo, si los agota, corren a la vez y no uno detrás
/// de otro. Sin `solo`, todas, como las corre el alumno.
fn correr(intento: &Intento, solo: Option<&[String]>) -> Result<Corrida, String> {
    static CTRL_C: std::sync::Once = std::sync::Once::new();
    CTRL_C.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            for id in EN_CURSO.lock().map(|ids| ids.clone()).unwrap_or_default() {
                terminar(id);
            }
            std::process::exit(130);
        });
    });

    let objetivo = intento.objetivo();
    let mut orden = Command::new(cargo());
    orden
        .current_dir(cargo::raiz())
        .args(["test", "-p", "intentos", "--test", &objetivo])
        .args(["--", "--color", "never"]);
    if let Some(pruebas) = solo {
        orden
            .arg("--exact")
            .arg(format!("--test-threads={}", pruebas.len().max(1)))
            .args(pruebas);
    }
    orden
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // Su propio grupo de procesos: si se cuelga, se termina con él la
    // prueba que corre cargo, no solo cargo.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut orden, 0);
    let mut hijo = orden
        .spawn()
        .map_err(|e| format!("no se pudo ejecutar cargo: {e}"))?;
    let id = hijo.id();
    if let Ok(mut ids) = EN_CURSO.lock() {
        ids.push(id);
    }
    let stdout = leer_en_otro_hilo(hijo.stdout.take());
    let stderr = leer_en_otro_hilo(hijo.stderr.take());
    let inicio = Instant::now();
    let estado = loop {
        match hijo.try_wait() {
            Ok(Some(estado)) => break Some(estado),
            Ok(None) if inicio.elapsed() < LIMITE_POR_CORRIDA => {
                thread::sleep(Duration::from_millis(20))
            }
            Ok(None) | Err(_) => {
                matar(&mut hijo);
                break None;
            }
        }
    };
    if let Ok(mut ids) = EN_CURSO.lock() {
        ids.retain(|&otro| otro != id);
    }
    let Some(estado) = estado else {
        return Err(format!(
            "`{}` no terminó en {} s y se dio por fallido: algo se cuelga fuera del límite \
             de tiempo de las pruebas",
            intento.orden_de_pruebas(),
            LIMITE_POR_CORRIDA.as_secs()
        ));
    };
    let texto = |hilo: thread::JoinHandle<Vec<u8>>| {
        String::from_utf8_lossy(&hilo.join().unwrap_or_default()).into_owned()
    };
    Ok(Corrida::de(estado.success(), texto(stdout), texto(stderr)))
}

fn leer_en_otro_hilo(tuberia: Option<impl Read + Send + 'static>) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut leido = Vec::new();
        if let Some(mut tuberia) = tuberia {
            let _ = tuberia.read_to_end(&mut leido);
        }
        leido
    })
}

fn matar(hijo: &mut Child) {
    terminar(hijo.id());
    let _ = hijo.kill();
    let _ = hijo.wait();
}

/// Termina el grupo de procesos `id` (cargo y lo que lanzó).
fn terminar(id: u32) {
    if id == 0 {
        return;
    }
    #[cfg(unix)]
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{id}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

/// El cargo con el que nos llamaron (`cargo run` lo pone en `CARGO`).
fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string())
}
