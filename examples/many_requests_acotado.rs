//! `many_requests_acotado`: diez mil URL, pero como mucho n peticiones a la
//! vez, y ninguna tarea que sobreviva a la función que la lanzó.
//!
//! `many_requests` lanzaba una tarea por petición, y con veinte iba bien. Con
//! diez mil, cada una abre su socket a la vez, y cada socket es un archivo
//! abierto del proceso: el sistema pone un tope, y pasado el tope
//! `connect` falla con «Too many open files». Este ejemplo existe para ver
//! ese error de verdad, con el límite bajado a propósito, y para ver las
//! tres formas de no llegar a él en tokio: `buffer_unordered(n)` (y
//! `buffered(n)`), un `JoinSet` con un `Semaphore`, y `FuturesUnordered`.
//! Después, la concurrencia estructurada: qué pasa con las tareas cuando la
//! función que las lanzó vuelve antes de tiempo por un error.
//!
//! Para la demostración del límite, el servidor local corre en otro proceso
//! (el mismo ejecutable, relanzado con un argumento oculto): así el límite
//! bajado cae sobre el cliente, y no sobre el bucle que acepta conexiones.
//!
//! ```text
//! cargo run --example many_requests_acotado             # todo, en pocos segundos
//! cargo run --release --example many_requests_acotado -- --medir
//! ```
//!
//! Con `--medir`, solo las cifras de la gráfica: 10 000 URL con n = 10, 100,
//! 1000 y sin límite, el tiempo total y el pico de descriptores abiertos, y
//! una gráfica SVG de la misma ejecución.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command, ExitCode, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use futures::stream::{self, FuturesUnordered, StreamExt};
use rlimit::Resource;
use taller_async::referencia::en_tokio::cheapo_request;
use taller_async::{Servidor, medir};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

/// Una URL ya separada: `(host, puerto, ruta)`.
type Url = (String, u16, String);

/// El argumento oculto con el que el ejemplo se relanza como servidor.
const COMO_SERVIDOR: &str = "--servidor-hijo";
/// El límite de archivos abiertos de la demostración.
const LIMITE_BAJO: u64 = 256;
/// Las URL de la demostración del límite.
const URLS_LIMITE: usize = 1000;
/// Las URL de cada medida de la gráfica.
const URLS_MEDIR: usize = 10_000;

fn main() -> ExitCode {
    let argumentos: Vec<String> = std::env::args().skip(1).collect();
    let resultado = match argumentos.first().map(String::as_str) {
        Some(COMO_SERVIDOR) => servidor_hijo(argumentos.get(1)),
        None => demostracion(),
        Some("--medir") => medir_grafica(),
        Some(_) => {
            println!(
                "uso: cargo run --example many_requests_acotado [-- --medir]\n\
                 (sin argumentos, la demostración; con --medir, las cifras de la gráfica)"
            );
            Ok(())
        }
    };
    match resultado {
        Ok(()) => ExitCode::SUCCESS,
        Err(problema) => {
            eprintln!("error: {problema}");
            ExitCode::FAILURE
        }
    }
}

// ---------------------------------------------------------------------------
// El servidor en su propio proceso.
// ---------------------------------------------------------------------------

// ANCHOR: servidor_hijo
/// El proceso hijo: arranca el servidor local, escribe su puerto y atiende
/// órdenes por su entrada estándar (`pico` responde el pico de peticiones
/// en vuelo y lo reinicia). Cuando el padre cierra la entrada, termina.
fn servidor_hijo(latencia_ms: Option<&String>) -> Result<(), String> {
    // Sus propios archivos: tantos como permita el sistema.
    let _ = rlimit::increase_nofile_limit(u64::MAX);
    let latencia = Duration::from_millis(latencia_ms.and_then(|l| l.parse().ok()).unwrap_or(0));
    let servidor = async_std::task::block_on(Servidor::con_latencia(latencia))
        .map_err(|e| format!("el hijo no pudo arrancar el servidor: {e}"))?;
    println!("puerto {}", servidor.puerto());
    for orden in std::io::stdin().lines() {
        match orden.map_err(|e| e.to_string())?.as_str() {
            "pico" => {
                println!("pico {}", servidor.pico_en_vuelo());
                servidor.reiniciar_pico();
            }
            otra => return Err(format!("orden desconocida para el hijo: {otra}")),
        }
    }
    Ok(())
}

/// El lado del padre: el proceso hijo y sus dos tuberías.
struct ServidorHijo {
    hijo: Child,
    ordenes: Option<ChildStdin>,
    respuestas: BufReader<ChildStdout>,
    puerto: u16,
}

impl ServidorHijo {
    fn arrancar(latencia: Duration) -> Result<ServidorHijo, String> {
        let ejecutable = std::env::current_exe().map_err(|e| e.to_string())?;
        let mut hijo = Command::new(ejecutable)
            .arg(COMO_SERVIDOR)
            .arg(latencia.as_millis().to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("no se pudo lanzar el servidor hijo: {e}"))?;
        let ordenes = hijo.stdin.take();
        let respuestas = BufReader::new(hijo.stdout.take().expect("stdout es una tubería"));
        let mut servidor = ServidorHijo {
            hijo,
            ordenes,
            respuestas,
            puerto: 0,
        };
        servidor.puerto = servidor.leer("puerto")?.parse().map_err(|_| "puerto")?;
        Ok(servidor)
    }

    /// Lee una línea `clave valor` del hijo y devuelve el valor.
    fn leer(&mut self, clave: &str) -> Result<String, String> {
        let mut linea = String::new();
        self.respuestas
            .read_line(&mut linea)
            .map_err(|e| e.to_string())?;
        linea
            .trim()
            .strip_prefix(clave)
            .map(|v| v.trim().to_string())
            .ok_or_else(|| {
                format!(
                    "el hijo respondió «{}» y se esperaba «{clave}»",
                    linea.trim()
                )
            })
    }

    /// El pico de peticiones en vuelo que vio el servidor desde la última
    /// vez que se preguntó.
    fn pico(&mut self) -> Result<usize, String> {
        let ordenes = self.ordenes.as_mut().expect("el hijo sigue vivo");
        writeln!(ordenes, "pico").map_err(|e| e.to_string())?;
        self.leer("pico")?.parse().map_err(|_| "pico".to_string())
    }

    fn urls(&self, cuantas: usize) -> Vec<Url> {
        (0..cuantas)
            .map(|i| ("127.0.0.1".to_string(), self.puerto, format!("/{i}")))
            .collect()
    }
}
// ANCHOR_END: servidor_hijo

impl Drop for ServidorHijo {
    fn drop(&mut self) {
        // Sin entrada estándar, el bucle del hijo termina.
        drop(self.ordenes.take());
        let _ = self.hijo.wait();
    }
}

// ---------------------------------------------------------------------------
// Una tarea por URL, y las tres formas de poner un límite.
// ---------------------------------------------------------------------------

// ANCHOR: una_tarea_por_url
/// Una tarea por URL, todas a la vez: lo de `many_requests`, en tokio.
async fn una_tarea_por_url(urls: Vec<Url>) -> Vec<std::io::Result<String>> {
    let mut tareas = Vec::with_capacity(urls.len());
    for (host, port, path) in urls {
        tareas.push(tokio::spawn(async move {
            cheapo_request(&host, port, &path).await
        }));
    }
    let mut resultados = Vec::with_capacity(tareas.len());
    for tarea in tareas {
        resultados.push(tarea.await.expect("cheapo_request no entra en pánico"));
    }
    resultados
}
// ANCHOR_END: una_tarea_por_url

// ANCHOR: buffer_unordered
/// Como mucho `n` a la vez, en un stream: los resultados salen según
/// terminan, cada uno con el índice de su URL.
async fn con_buffer_unordered(urls: Vec<Url>, n: usize) -> Vec<(usize, std::io::Result<String>)> {
    stream::iter(urls.into_iter().enumerate())
        .map(|(i, (host, port, path))| async move { (i, cheapo_request(&host, port, &path).await) })
        .buffer_unordered(n)
        .collect()
        .await
}

/// Lo mismo con `buffered(n)`: los resultados salen en el orden de las URL.
async fn con_buffered(urls: Vec<Url>, n: usize) -> Vec<std::io::Result<String>> {
    stream::iter(urls)
        .map(|(host, port, path)| async move { cheapo_request(&host, port, &path).await })
        .buffered(n)
        .collect()
        .await
}
// ANCHOR_END: buffer_unordered

// ANCHOR: joinset_semaforo
/// Como mucho `n` a la vez, con una tarea por URL: cada tarea se lleva un
/// permiso del semáforo y lo devuelve al terminar (al soltarlo).
async fn con_joinset_y_semaforo(urls: Vec<Url>, n: usize) -> Vec<(usize, std::io::Result<String>)> {
    let semaforo = Arc::new(Semaphore::new(n));
    let mut tareas = JoinSet::new();
    for (i, (host, port, path)) in urls.into_iter().enumerate() {
        // Se espera el permiso *antes* de lanzar: nunca hay más de n tareas
        // vivas, ni más de n sockets abiertos.
        let permiso = Arc::clone(&semaforo)
            .acquire_owned()
            .await
            .expect("nadie cierra el semáforo");
        tareas.spawn(async move {
            let resultado = cheapo_request(&host, port, &path).await;
            drop(permiso);
            (i, resultado)
        });
    }
    tareas.join_all().await
}
// ANCHOR_END: joinset_semaforo

// ANCHOR: futures_unordered
/// Como mucho `n` a la vez, a mano: se llena un `FuturesUnordered` hasta n y
/// entra una URL nueva cada vez que sale un resultado.
async fn con_futures_unordered(urls: Vec<Url>, n: usize) -> Vec<(usize, std::io::Result<String>)> {
    let mut pendientes = urls.into_iter().enumerate();
    let mut en_vuelo = FuturesUnordered::new();
    let mut resultados = Vec::new();
    loop {
        while en_vuelo.len() < n {
            let Some((i, (host, port, path))) = pendientes.next() else {
                break;
            };
            en_vuelo.push(async move { (i, cheapo_request(&host, port, &path).await) });
        }
        match en_vuelo.next().await {
            Some(resultado) => resultados.push(resultado),
            None => return resultados,
        }
    }
}
// ANCHOR_END: futures_unordered

// ---------------------------------------------------------------------------
// Concurrencia estructurada.
// ---------------------------------------------------------------------------

/// Cuántas tareas de la demostración están vivas, y cómo terminaron.
static VIVAS: AtomicUsize = AtomicUsize::new(0);
static COMPLETADAS: AtomicUsize = AtomicUsize::new(0);
static CANCELADAS: AtomicUsize = AtomicUsize::new(0);

fn reiniciar_cuentas() {
    for cuenta in [&VIVAS, &COMPLETADAS, &CANCELADAS] {
        cuenta.store(0, Ordering::SeqCst);
    }
}

// ANCHOR: vigia
/// Vive dentro de cada tarea: la cuenta como viva al crearse y, al soltarse,
/// como completada si llegó a `terminar` o como cancelada si no (soltaron su
/// future a mitad).
struct Vigia {
    terminada: bool,
}

impl Vigia {
    fn new() -> Vigia {
        VIVAS.fetch_add(1, Ordering::SeqCst);
        Vigia { terminada: false }
    }
    fn terminar(mut self) {
        self.terminada = true;
    }
}

impl Drop for Vigia {
    fn drop(&mut self) {
        let cuenta = if self.terminada {
            &COMPLETADAS
        } else {
            &CANCELADAS
        };
        cuenta.fetch_add(1, Ordering::SeqCst);
        VIVAS.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Una petición vigilada. El vigía se crea al llamar, fuera del `async`, y
/// el future se lo lleva: cuenta la tarea desde que se lanza, aunque la
/// cancelen antes de que llegue a correr.
fn vigilada(
    (host, port, path): Url,
) -> impl Future<Output = std::io::Result<String>> + Send + 'static {
    let vigia = Vigia::new();
    async move {
        let resultado = cheapo_request(&host, port, &path).await;
        vigia.terminar();
        resultado
    }
}
// ANCHOR_END: vigia

// ANCHOR: sin_estructura
/// Falla en cuanto una falla... y deja las demás tareas sueltas: soltar un
/// `JoinHandle` de tokio no cancela su tarea.
async fn sin_estructura(urls: Vec<Url>) -> std::io::Result<Vec<String>> {
    let mut tareas = Vec::new();
    for url in urls {
        tareas.push(tokio::spawn(vigilada(url)));
    }
    let mut respuestas = Vec::new();
    for tarea in tareas {
        respuestas.push(tarea.await.expect("sin pánicos")?);
    }
    Ok(respuestas)
}
// ANCHOR_END: sin_estructura

// ANCHOR: con_joinset
/// Todas en un `JoinSet`; el primer error cancela las demás. El `?` vuelve
/// de la función y suelta `tareas`, y soltar un `JoinSet` aborta sus tareas.
async fn primer_error_cancela(urls: Vec<Url>) -> std::io::Result<Vec<String>> {
    let mut tareas = JoinSet::new();
    for url in urls {
        tareas.spawn(vigilada(url));
    }
    let mut respuestas = Vec::new();
    while let Some(terminada) = tareas.join_next().await {
        respuestas.push(terminada.expect("sin pánicos")?);
    }
    Ok(respuestas)
}

/// Igual, pero esperando a que las canceladas terminen de cancelarse antes
/// de volver: `shutdown` aborta todas y las espera.
async fn primer_error_cancela_y_espera(urls: Vec<Url>) -> std::io::Result<Vec<String>> {
    let mut tareas = JoinSet::new();
    for url in urls {
        tareas.spawn(vigilada(url));
    }
    let mut respuestas = Vec::new();
    while let Some(terminada) = tareas.join_next().await {
        match terminada.expect("sin pánicos") {
            Ok(respuesta) => respuestas.push(respuesta),
            Err(error) => {
                tareas.shutdown().await;
                return Err(error);
            }
        }
    }
    Ok(respuestas)
}

/// Sin cancelar nada: todos los resultados, errores incluidos.
async fn recoger_todos(urls: Vec<Url>) -> Vec<std::io::Result<String>> {
    let mut tareas = JoinSet::new();
    for url in urls {
        tareas.spawn(vigilada(url));
    }
    tareas.join_all().await
}
// ANCHOR_END: con_joinset

/// Espera (como mucho 5 s) a que no quede ninguna tarea viva.
async fn esperar_a_que_no_quede_ninguna() {
    let inicio = Instant::now();
    while VIVAS.load(Ordering::SeqCst) > 0 && inicio.elapsed() < Duration::from_secs(5) {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

// ---------------------------------------------------------------------------
// Medir: el tiempo y el pico de descriptores abiertos.
// ---------------------------------------------------------------------------

/// Cuenta las entradas de `/proc/self/fd`, los descriptores abiertos del
/// proceso (la lectura misma abre uno). `None` fuera de Linux, o si no se
/// pudo abrir la carpeta.
fn descriptores_abiertos() -> Option<usize> {
    Some(std::fs::read_dir("/proc/self/fd").ok()?.count())
}

// ANCHOR: muestreo
/// Un hilo que cuenta los descriptores abiertos cada milisegundo y se queda
/// con el mayor: un muestreo, que puede perderse un pico más corto que una
/// vuelta.
struct Muestreo {
    parar: Arc<AtomicBool>,
    hilo: thread::JoinHandle<usize>,
}

impl Muestreo {
    fn empezar() -> Muestreo {
        let parar = Arc::new(AtomicBool::new(false));
        let hilo = {
            let parar = Arc::clone(&parar);
            thread::spawn(move || {
                let mut pico = 0;
                while !parar.load(Ordering::SeqCst) {
                    pico = pico.max(descriptores_abiertos().unwrap_or(0));
                    thread::sleep(Duration::from_millis(1));
                }
                pico
            })
        };
        Muestreo { parar, hilo }
    }

    fn terminar(self) -> usize {
        self.parar.store(true, Ordering::SeqCst);
        self.hilo
            .join()
            .expect("el hilo de muestreo no entra en pánico")
    }
}
// ANCHOR_END: muestreo

/// Cuántas veces, en todo el sistema, la cola de conexiones de un socket que
/// escucha estaba llena y el núcleo descartó una conexión
/// (`TcpExt: ListenOverflows`, de `/proc/net/netstat`). El programa no se
/// entera: TCP recupera la conexión retransmitiendo cuando vence su
/// temporizador. `None` fuera de Linux.
fn desbordes_de_cola() -> Option<u64> {
    let texto = std::fs::read_to_string("/proc/net/netstat").ok()?;
    let mut lineas = texto.lines().filter(|l| l.starts_with("TcpExt:"));
    let (nombres, valores) = (lineas.next()?, lineas.next()?);
    let posicion = nombres
        .split_whitespace()
        .position(|n| n == "ListenOverflows")?;
    valores.split_whitespace().nth(posicion)?.parse().ok()
}

/// Una medida: n (o `None`, sin límite), el tiempo, los picos y los errores.
struct Medida {
    n: Option<usize>,
    tiempo: Duration,
    descriptores: usize,
    en_vuelo: usize,
    errores: usize,
    desbordes: u64,
}

/// `urls` URL con como mucho n a la vez (o todas a la vez, con `None`),
/// cada medida contra un servidor hijo nuevo: un puerto nuevo, con sus
/// propios puertos efímeros (ver `puertos_efimeros`).
fn medir_tandas(
    rt: &tokio::runtime::Runtime,
    urls: usize,
    tandas: &[Option<usize>],
    latencia: Duration,
) -> Result<Vec<Medida>, String> {
    let mut medidas = Vec::new();
    for &n in tandas {
        let mut hijo = ServidorHijo::arrancar(latencia)?;
        let lista = hijo.urls(urls);
        let desbordes_antes = desbordes_de_cola().unwrap_or(0);
        let muestreo = Muestreo::empezar();
        let inicio = Instant::now();
        // ANCHOR: medir
        let resultados: Vec<std::io::Result<String>> = match n {
            Some(n) => rt
                .block_on(con_joinset_y_semaforo(lista, n))
                .into_iter()
                .map(|(_, r)| r)
                .collect(),
            None => rt.block_on(una_tarea_por_url(lista)),
        };
        // ANCHOR_END: medir
        let tiempo = inicio.elapsed();
        let descriptores = muestreo.terminar();
        medidas.push(Medida {
            n,
            tiempo,
            descriptores,
            en_vuelo: hijo.pico()?,
            errores: resultados.iter().filter(|r| r.is_err()).count(),
            desbordes: desbordes_de_cola().unwrap_or(0) - desbordes_antes,
        });
    }
    Ok(medidas)
}

fn imprimir_tabla(medidas: &[Medida], urls: usize) {
    println!(
        "  {:>10}   {:>10}   {:>20}   {:>21}   {:>7}   {:>9}",
        "n", "tiempo", "pico de descriptores", "pico en vuelo (serv.)", "errores", "desbordes"
    );
    for m in medidas {
        let n = m.n.map_or("sin límite".to_string(), |n| n.to_string());
        println!(
            "  {n:>10}   {:>10}   {:>20}   {:>21}   {:>7}   {:>9}",
            medir::duracion(m.tiempo),
            m.descriptores,
            m.en_vuelo,
            m.errores,
            m.desbordes
        );
    }
    println!(
        "  (De {urls} URL. El pico de descriptores es un muestreo de /proc/self/fd cada \
         milisegundo,\n  en el cliente; el pico en vuelo lo cuenta el servidor, petición a \
         petición; los desbordes,\n  las conexiones que el núcleo descartó con la cola del \
         servidor llena\n  (ListenOverflows, de todo el sistema).)"
    );
}

/// Los puertos efímeros del sistema, de
/// `/proc/sys/net/ipv4/ip_local_port_range`: de ahí sale el puerto local de
/// cada conexión. Las conexiones cerradas se quedan un rato en TIME_WAIT, y
/// mientras tanto su cuádrupla (IP y puerto de cada lado) no se puede
/// repetir: hacia una misma dirección del servidor caben como mucho tantas
/// conexiones seguidas como puertos hay en este rango.
fn puertos_efimeros() -> Option<(u32, u32)> {
    let texto = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range").ok()?;
    let mut partes = texto.split_whitespace().map(|p| p.parse::<u32>().ok());
    Some((partes.next()??, partes.next()??))
}

fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Runtime::new().map_err(|e| format!("no se pudo crear el runtime: {e}"))
}

// ---------------------------------------------------------------------------
// Sin argumentos: cada idea, en pequeño.
// ---------------------------------------------------------------------------

fn demostracion() -> Result<(), String> {
    let rt = runtime()?;
    println!(
        "many_requests_acotado, en esta máquina: {}.",
        medir::maquina()
    );
    match puertos_efimeros() {
        Some((desde, hasta)) => println!(
            "Puertos efímeros (/proc/sys/net/ipv4/ip_local_port_range): {desde}-{hasta}, {} \
             puertos\npara las conexiones hacia cada dirección del servidor.",
            hasta - desde + 1
        ),
        None => println!("(No encuentro /proc/sys/net/ipv4/ip_local_port_range.)"),
    }

    demostrar_el_limite(&rt)?;
    demostrar_tres_formas(&rt)?;
    demostrar_estructura(&rt)?;

    println!(
        "\n== 4. Descriptores abiertos según n ==\n\
         {URLS_LIMITE} URL, 5 ms de latencia, un servidor hijo nuevo para cada n:"
    );
    let medidas = medir_tandas(
        &rt,
        URLS_LIMITE,
        &[Some(10), Some(100), None],
        Duration::from_millis(5),
    )?;
    imprimir_tabla(&medidas, URLS_LIMITE);
    Ok(())
}

/// Parte 1: una tarea por URL con el límite de archivos bajado, EMFILE.
fn demostrar_el_limite(rt: &tokio::runtime::Runtime) -> Result<(), String> {
    println!(
        "\n== 1. Una tarea por URL, con el límite de archivos bajado a {LIMITE_BAJO} ==\n\
         El servidor corre en otro proceso y tarda 100 ms en cada respuesta."
    );
    // El hijo se lanza antes de bajar el límite: hereda el de ahora.
    let mut hijo = ServidorHijo::arrancar(Duration::from_millis(100))?;
    let (blando, duro) = rlimit::getrlimit(Resource::NOFILE).map_err(|e| e.to_string())?;
    println!(
        "Límite de archivos abiertos de este proceso: {blando} (máximo {duro}).\n\
         Descriptores abiertos ahora: {}.",
        descriptores_abiertos().unwrap_or(0)
    );

    // ANCHOR: bajar_el_limite
    rlimit::setrlimit(Resource::NOFILE, LIMITE_BAJO, duro).map_err(|e| e.to_string())?;
    let resultados = rt.block_on(una_tarea_por_url(hijo.urls(URLS_LIMITE)));
    let pico_sin_limite = hijo.pico()?;
    let acotados = rt.block_on(con_buffer_unordered(hijo.urls(URLS_LIMITE), 100));
    let pico_acotado = hijo.pico()?;
    rlimit::setrlimit(Resource::NOFILE, blando, duro).map_err(|e| e.to_string())?;
    // ANCHOR_END: bajar_el_limite

    let errores: Vec<&std::io::Error> =
        resultados.iter().filter_map(|r| r.as_ref().err()).collect();
    println!(
        "{URLS_LIMITE} tareas a la vez: {} bien, {} con error.",
        resultados.len() - errores.len(),
        errores.len()
    );
    if let Some(primero) = errores.first() {
        let iguales = errores
            .iter()
            .filter(|e| e.raw_os_error() == primero.raw_os_error())
            .count();
        println!("  El primer error que llegó: {primero}");
        println!("  Con Debug: {primero:?}");
        println!(
            "  Errores con ese mismo código del sistema: {iguales} de {}",
            errores.len()
        );
    }
    println!("  Pico en vuelo que vio el servidor: {pico_sin_limite}");

    let errores_acotados = acotados.iter().filter(|(_, r)| r.is_err()).count();
    println!(
        "Las mismas {URLS_LIMITE} URL con buffer_unordered(100), con el mismo límite: {} bien, \
         {errores_acotados} con error.\n  Pico en vuelo que vio el servidor: {}",
        acotados.len() - errores_acotados,
        pico_acotado
    );
    Ok(())
}

/// Parte 2: las tres formas, contra el servidor local en este proceso.
fn demostrar_tres_formas(rt: &tokio::runtime::Runtime) -> Result<(), String> {
    const URLS: usize = 200;
    const N: usize = 10;
    let latencia = Duration::from_millis(20);
    let servidor =
        async_std::task::block_on(Servidor::con_latencia(latencia)).map_err(|e| e.to_string())?;
    let urls = || -> Vec<Url> {
        (0..URLS)
            .map(|i| (servidor.host(), servidor.puerto(), format!("/{i}")))
            .collect()
    };
    println!(
        "\n== 2. Como mucho n = {N} a la vez, de tres maneras ==\n\
         {URLS} URL, {} ms de latencia: una tras otra serían unos {} ms; de {N} en {N}, unos {} ms.",
        latencia.as_millis(),
        URLS as u128 * latencia.as_millis(),
        (URLS / N) as u128 * latencia.as_millis()
    );
    println!(
        "  {:<21} {:>9}   {:>13}   {:>4}   en el orden de las URL",
        "forma", "tiempo", "pico en vuelo", "bien"
    );
    let fila = |nombre: &str, correr: &dyn Fn() -> (usize, bool)| {
        servidor.reiniciar_pico();
        let inicio = Instant::now();
        let (bien, en_orden) = correr();
        println!(
            "  {nombre:<21} {:>9}   {:>13}   {bien:>4}   {}",
            medir::duracion(inicio.elapsed()),
            servidor.pico_en_vuelo(),
            if en_orden {
                "sí"
            } else {
                "no (llevan su índice)"
            }
        );
    };
    let con_indices = |resultados: Vec<(usize, std::io::Result<String>)>| {
        (resultados.iter().filter(|(_, r)| r.is_ok()).count(), false)
    };
    fila("buffer_unordered(n)", &|| {
        con_indices(rt.block_on(con_buffer_unordered(urls(), N)))
    });
    fila("buffered(n)", &|| {
        let resultados = rt.block_on(con_buffered(urls(), N));
        (resultados.iter().filter(|r| r.is_ok()).count(), true)
    });
    fila("JoinSet + Semaphore", &|| {
        con_indices(rt.block_on(con_joinset_y_semaforo(urls(), N)))
    });
    fila("FuturesUnordered", &|| {
        con_indices(rt.block_on(con_futures_unordered(urls(), N)))
    });

    // ANCHOR: cabeza_lenta
    // Una URL lenta delante de 99 rápidas: ¿cuántas atiende el servidor
    // mientras la lenta sigue en vuelo?
    let mut con_lenta = vec![(
        servidor.host(),
        servidor.puerto(),
        "/lenta?espera_ms=300".into(),
    )];
    con_lenta.extend(urls().into_iter().take(99));
    let atendidas_durante_la_lenta = |ordenado: bool| {
        let antes = servidor.atendidas();
        let lista = con_lenta.clone();
        let pedir = |(host, port, path): Url| {
            let servidor = &servidor;
            async move {
                let respuesta = cheapo_request(&host, port, &path).await;
                (path, respuesta, servidor.atendidas())
            }
        };
        let salidas: Vec<_> = rt.block_on(async {
            let peticiones = stream::iter(lista).map(pedir);
            if ordenado {
                peticiones.buffered(N).collect().await
            } else {
                peticiones.buffer_unordered(N).collect().await
            }
        });
        let (_, _, al_terminar) = salidas
            .iter()
            .find(|(path, _, _)| path.starts_with("/lenta"))
            .expect("la lenta está entre los resultados");
        // Menos la propia lenta, que ya cuenta como atendida.
        al_terminar - antes - 1
    };
    let sin_orden = atendidas_durante_la_lenta(false);
    let con_orden = atendidas_durante_la_lenta(true);
    // ANCHOR_END: cabeza_lenta
    println!(
        "Una URL de 300 ms delante de 99 de 20 ms, con n = {N}.\n\
         Atendidas mientras la lenta seguía en vuelo:\n  \
         buffer_unordered(n): {sin_orden}\n  \
         buffered(n):         {con_orden}"
    );
    Ok(())
}

/// Parte 3, la concurrencia estructurada: lo que pasa con las demás tareas
/// cuando una falla.
fn demostrar_estructura(rt: &tokio::runtime::Runtime) -> Result<(), String> {
    const LENTAS: usize = 20;
    let servidor = async_std::task::block_on(Servidor::con_latencia(Duration::from_millis(200)))
        .map_err(|e| e.to_string())?;
    let cerrado = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| e.to_string())?
        .port();
    // La primera va a un puerto en el que nadie escucha y falla enseguida;
    // las otras 20 tardan 200 ms.
    let urls = || -> Vec<Url> {
        let mut urls = vec![("127.0.0.1".to_string(), cerrado, "/nadie".to_string())];
        urls.extend((0..LENTAS).map(|i| (servidor.host(), servidor.puerto(), format!("/{i}"))));
        urls
    };
    println!(
        "\n== 3. Concurrencia estructurada ==\n\
         1 URL a un puerto cerrado y {LENTAS} que tardan 200 ms; cada tarea lleva un vigía."
    );
    let cuentas = || {
        format!(
            "completadas {}, canceladas {}",
            COMPLETADAS.load(Ordering::SeqCst),
            CANCELADAS.load(Ordering::SeqCst)
        )
    };

    reiniciar_cuentas();
    let resultados = rt.block_on(recoger_todos(urls()));
    println!(
        "Recoger todos los resultados (JoinSet, join_all): {} Err y {} Ok; tareas vivas al \
         volver: {}.",
        resultados.iter().filter(|r| r.is_err()).count(),
        resultados.iter().filter(|r| r.is_ok()).count(),
        VIVAS.load(Ordering::SeqCst)
    );

    reiniciar_cuentas();
    servidor.reiniciar_pico();
    let antes = servidor.atendidas();
    let error = rt.block_on(sin_estructura(urls())).err();
    let vivas = VIVAS.load(Ordering::SeqCst);
    rt.block_on(esperar_a_que_no_quede_ninguna());
    println!(
        "Sin estructura (tokio::spawn, `?` en el primer error): volvió con\n    {error:?}\n  \
         Tareas vivas al volver: {vivas}. Al final: {};\n  \
         el servidor atendió {} que nadie leyó.",
        cuentas(),
        servidor.atendidas() - antes
    );

    reiniciar_cuentas();
    let error = rt.block_on(primer_error_cancela(urls())).err();
    rt.block_on(esperar_a_que_no_quede_ninguna());
    println!(
        "Con JoinSet (`?` en el primer error, el JoinSet se suelta): volvió con\n    \
         {error:?}\n  Al final: {}.",
        cuentas()
    );

    reiniciar_cuentas();
    let error = rt.block_on(primer_error_cancela_y_espera(urls())).err();
    println!(
        "Con JoinSet y shutdown().await antes de volver: volvió con\n    {error:?}\n  \
         Tareas vivas al volver: {}; {}.",
        VIVAS.load(Ordering::SeqCst),
        cuentas()
    );
    Ok(())
}

// ---------------------------------------------------------------------------
// Con --medir: las cifras de la gráfica.
// ---------------------------------------------------------------------------

fn medir_grafica() -> Result<(), String> {
    const LATENCIA: Duration = Duration::from_millis(10);
    let tandas = [Some(10), Some(100), Some(1000), None];
    let rt = runtime()?;
    medir::cabecera("many_requests_acotado con 10 000 URL");
    // Sin límite hacen falta URLS_MEDIR descriptores, más un margen.
    let archivos = rlimit::increase_nofile_limit(u64::MAX).unwrap_or(1024);
    let necesarios = URLS_MEDIR as u64 + 256;
    if archivos < necesarios {
        return Err(format!(
            "este proceso solo puede abrir {archivos} archivos, y sin límite hacen falta unos \
             {necesarios}: súbelo con `ulimit -n {necesarios}`"
        ));
    }
    if let Some((desde, hasta)) = puertos_efimeros() {
        println!(
            "Puertos efímeros: {desde}-{hasta} ({} puertos); cada medida usa un servidor nuevo,\n\
             con su puerto, y abre {URLS_MEDIR} conexiones hacia él.",
            hasta - desde + 1
        );
    }
    println!(
        "Cada petición tarda {} ms en el servidor; límite de archivos abiertos: {archivos}.\n",
        LATENCIA.as_millis()
    );
    let medidas = medir_tandas(&rt, URLS_MEDIR, &tandas, LATENCIA)?;
    imprimir_tabla(&medidas, URLS_MEDIR);
    medir::escribir_grafica("many_requests_acotado", |ruta| dibujar(ruta, &medidas))
}

/// Dos gráficas, una al lado de la otra: el tiempo total y el pico de
/// descriptores, según n (sin límite se dibuja en n = número de URL).
fn dibujar(ruta: &Path, medidas: &[Medida]) -> medir::Resultado {
    use plotters::prelude::*;

    let x = |m: &Medida| m.n.unwrap_or(URLS_MEDIR) as f64;
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let (lienzo, arriba) = medir::lienzo(ruta, 1000)?;
    let (izquierda, derecha) = arriba.split_horizontally(500);

    let mayor_ms = medidas.iter().map(|m| ms(m.tiempo)).fold(1.0, f64::max);
    let mut tiempo = ChartBuilder::on(&izquierda)
        .caption(
            format!("Tiempo total de {URLS_MEDIR} URL"),
            ("sans-serif", 18),
        )
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(60)
        .build_cartesian_2d(
            (5f64..URLS_MEDIR as f64 * 2.0).log_scale(),
            (1f64..mayor_ms * 3.0).log_scale(),
        )?;
    medir::ejes(
        &mut tiempo,
        "n, como mucho a la vez (sin límite = 10000)",
        "tiempo total (ms)",
    )?;
    let puntos: Vec<(f64, f64)> = medidas.iter().map(|m| (x(m), ms(m.tiempo))).collect();
    medir::curvas_con_puntos(&mut tiempo, [("tiempo total", medir::AZUL, puntos)])?;
    medir::leyenda(&mut tiempo, SeriesLabelPosition::UpperRight)?;

    let mayor = medidas.iter().map(|m| m.descriptores).max().unwrap_or(10) as f64;
    let mut descriptores = ChartBuilder::on(&derecha)
        .caption("Pico de descriptores abiertos", ("sans-serif", 18))
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(60)
        .build_cartesian_2d(
            (5f64..URLS_MEDIR as f64 * 2.0).log_scale(),
            (5f64..mayor * 3.0).log_scale(),
        )?;
    medir::ejes(
        &mut descriptores,
        "n, como mucho a la vez (sin límite = 10000)",
        "descriptores (muestreo de /proc/self/fd)",
    )?;
    let puntos: Vec<(f64, f64)> = medidas
        .iter()
        .map(|m| (x(m), m.descriptores as f64))
        .collect();
    medir::curvas_con_puntos(
        &mut descriptores,
        [("pico de descriptores", medir::ROJO, puntos)],
    )?;
    medir::leyenda(&mut descriptores, SeriesLabelPosition::UpperLeft)?;
    lienzo.present()?;
    Ok(())
}
