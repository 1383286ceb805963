//! Carga del chat: cuánto reparte el servidor, con qué latencia, y si un
//! cliente atascado lo empeora.
//!
//! ```text
//! cargo run --example chat_carga
//! cargo run --example chat_carga -- --suscriptores 200 --mensajes 2000
//! cargo run --release --example chat_carga     # las cifras de un ejecutable optimizado
//! ```
//!
//! Todo corre en este proceso, por 127.0.0.1: un servidor, un grupo con N
//! suscriptores que leen tan deprisa como pueden, y un cliente que publica.
//! Dos medidas, cada una dos veces, sin y con un cliente atascado (se une al
//! grupo y no lee nunca):
//!
//! - **rendimiento**: se publican M mensajes de seguido y se mide cuántas
//!   entregas (un mensaje que llega a un suscriptor) hace el servidor por
//!   segundo;
//! - **latencia**: se publica un mensaje cada pocos milisegundos, sin
//!   saturar, y se mide cuánto tarda cada uno en llegar a cada suscriptor
//!   (la mediana y el percentil 99).
//!
//! El objetivo del diseño es que el atascado no empeore a los demás: su
//! cola tiene capacidad fija y nadie le espera. El ejemplo imprime si el p99
//! con el atascado se queda por debajo del doble del p99 sin él. No es una
//! prueba: las cifras dependen de la máquina y de lo que esté haciendo, y
//! por eso se imprimen, no se comprueban.
//!
//! Con `--comparar`, mide además, en la misma ejecución, el servidor del
//! libro y el rápido (`taller_async::chat::servidor_rapido`: el JSON de cada
//! mensaje, una vez por grupo; las escrituras, juntas) lado a lado: el ritmo
//! más alto de publicación que cada uno sostiene sin que ningún suscriptor
//! pierda nada, las entregas por segundo a ese ritmo y el p99 a un mismo
//! ritmo moderado. Tarda más (un minuto o dos); el libro muestra esa salida:
//!
//! ```text
//! cargo run --release --example chat_carga -- --comparar
//! ```

use std::process::ExitCode;
use std::time::{Duration, Instant};

use async_std::task;
use futures::future::join_all;

use taller_async::chat::cliente_simple::ClienteSimple;
use taller_async::chat::interfaz::ServidorDeChat;
use taller_async::chat::servidor::{Config, ServidorChat};
use taller_async::chat::servidor_rapido::ServidorRapido;
use taller_async::chat::utils::ChatResult;
use taller_async::chat::{FromServer, LIMITE_MENSAJE};

const USO: &str = "Uso: cargo run --example chat_carga -- [opciones]\n\
    \n\
    Opciones (todas opcionales):\n  \
    --suscriptores N   miembros del grupo que leen (100)\n  \
    --mensajes N       mensajes publicados de seguido, para el rendimiento (500)\n  \
    --latencia N       mensajes publicados a ritmo, para la latencia (150)\n  \
    --intervalo-ms N   pausa entre dos mensajes a ritmo, en ms (5)\n  \
    --comparar         mide también los dos diseños lado a lado (el del libro y el rápido)\n  \
    --tanda N          con --comparar: mensajes de cada ensayo a ritmo (16384)\n  \
    --ritmo-inicial N  con --comparar: el primer ritmo que se ensaya, en mensajes/s (4000)";

/// Lo que se puede ajustar desde la línea de órdenes.
#[derive(Debug, Clone, Copy)]
struct Parametros {
    suscriptores: usize,
    mensajes: usize,
    latencia: usize,
    intervalo: Duration,
    comparar: bool,
    tanda: usize,
    ritmo_inicial: f64,
}

impl Default for Parametros {
    fn default() -> Parametros {
        Parametros {
            suscriptores: 100,
            mensajes: 500,
            latencia: 150,
            intervalo: Duration::from_millis(5),
            comparar: false,
            tanda: 16 * servidor_capacidad(),
            ritmo_inicial: 4000.0,
        }
    }
}

fn leer_parametros(argumentos: &[String]) -> Result<Parametros, String> {
    let mut p = Parametros::default();
    let mut resto = argumentos.iter();
    while let Some(opcion) = resto.next() {
        if opcion == "--comparar" {
            p.comparar = true;
            continue;
        }
        let valor = resto
            .next()
            .ok_or_else(|| format!("falta el número después de {opcion}"))?;
        let numero: usize = valor
            .parse()
            .map_err(|_| format!("«{valor}» no es un número entero (en {opcion})"))?;
        if numero == 0 {
            return Err(format!("{opcion} tiene que ser mayor que 0"));
        }
        match opcion.as_str() {
            "--suscriptores" => p.suscriptores = numero,
            "--mensajes" => p.mensajes = numero,
            "--latencia" => p.latencia = numero,
            "--intervalo-ms" => p.intervalo = Duration::from_millis(numero as u64),
            "--tanda" => p.tanda = numero,
            "--ritmo-inicial" => p.ritmo_inicial = numero as f64,
            otra => return Err(format!("opción desconocida: {otra}")),
        }
    }
    Ok(p)
}

fn main() -> ExitCode {
    let argumentos: Vec<String> = std::env::args().skip(1).collect();
    if argumentos
        .iter()
        .any(|a| ["-h", "--help", "--ayuda"].contains(&a.as_str()))
    {
        println!("{USO}");
        return ExitCode::SUCCESS;
    }
    let parametros = match leer_parametros(&argumentos) {
        Ok(p) => p,
        Err(error) => {
            eprintln!("error: {error}\n\n{USO}");
            return ExitCode::from(2);
        }
    };
    match task::block_on(medir(parametros)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Lo que midió un escenario.
struct Medida {
    entregas_por_segundo: f64,
    entregas: usize,
    perdidas: usize,
    segundos: f64,
    mediana: Duration,
    p99: Duration,
}

async fn medir(p: Parametros) -> ChatResult<()> {
    let optimizado = if cfg!(debug_assertions) {
        "sin optimizar (debug); con --release las cifras mejoran"
    } else {
        "optimizado (--release)"
    };
    println!(
        "Carga del chat: un grupo con {} suscriptores, todo en este proceso, por 127.0.0.1.",
        p.suscriptores
    );
    println!("Ejecutable {optimizado}.");

    println!("\nSin cliente atascado:");
    let sin = escenario(p, false).await?;
    imprimir(&p, &sin);

    println!("\nCon un cliente atascado (se unió al grupo y no lee nunca):");
    let con = escenario(p, true).await?;
    imprimir(&p, &con);

    // ANCHOR: objetivo
    let razon = con.p99.as_secs_f64() / sin.p99.as_secs_f64().max(1e-9);
    let aguanta = razon <= 2.0;
    println!(
        "\nObjetivo: que el atascado no suba el p99 de los demás a más del doble.\n\
         p99 con él / p99 sin él = {razon:.2} → {}",
        if aguanta {
            "se cumple."
        } else {
            "NO se cumple en esta ejecución (¿la máquina estaba ocupada? vuelve a probar)."
        }
    );
    // ANCHOR_END: objetivo

    if p.comparar {
        comparar(p).await?;
    } else {
        println!(
            "\nPara medir también los dos diseños lado a lado (el del libro y el rápido): \
             --comparar."
        );
    }
    Ok(())
}

fn imprimir(p: &Parametros, m: &Medida) {
    println!(
        "  rendimiento: {} mensajes de seguido → {} entregas en {:.2} s = {:.0} entregas/s\n    \
         ({} perdidas por ir atrasado)",
        p.mensajes, m.entregas, m.segundos, m.entregas_por_segundo, m.perdidas
    );
    println!(
        "  latencia ({} mensajes, uno cada {} ms): mediana {:.2} ms, p99 {:.2} ms",
        p.latencia,
        p.intervalo.as_millis(),
        m.mediana.as_secs_f64() * 1000.0,
        m.p99.as_secs_f64() * 1000.0
    );
}

// ANCHOR: escenario
/// Un servidor nuevo, sus suscriptores (y el atascado, si se pide), y las
/// dos medidas.
async fn escenario(p: Parametros, con_atascado: bool) -> ChatResult<Medida> {
    let config = Config {
        registrar_errores: false,
        ..Config::default()
    };
    let servidor = ServidorChat::con_config("127.0.0.1:0", config).await?;
    let direccion = servidor.direccion();
    let mut emisor = ClienteSimple::conectar(direccion).await?;

    // El atascado llega primero, solo, y se le llena todo: los búferes de su
    // conexión y la cola del grupo. A partir de ahí, cada mensaje nuevo
    // expulsa de la cola el más viejo, que él nunca leerá.
    let mut atascado = None;
    if con_atascado {
        let mut cliente = ClienteSimple::conectar(direccion).await?;
        cliente.join("carga").await?;
        servidor.esperar_hasta(|s| s.suscriptores() == 1).await;
        let relleno = "x".repeat(LIMITE_MENSAJE);
        let capacidad = servidor_capacidad();
        while servidor.retenidos_max() < capacidad {
            emisor.post("carga", &relleno).await?;
        }
        // Quizá el servidor aún no ha leído todo el relleno que mandó el
        // emisor, y lo repartiría a los lectores que se unen ahora. Un post a
        // un grupo que no existe hace de marcador: el servidor atiende las
        // líneas de cada conexión en orden, así que cuando llega su error,
        // ya ha publicado todo el relleno.
        emisor.post("marcador-inexistente", "?").await?;
        match emisor.recibir_paquete().await? {
            FromServer::Error(_) => {}
            otro => return Err(format!("se esperaba un error y llegó {otro:?}").into()),
        }
        println!(
            "  (la cola del grupo está llena: {} mensajes, su capacidad)",
            servidor.retenidos_max()
        );
        atascado = Some(cliente);
    }

    let mut lectores = Vec::new();
    for _ in 0..p.suscriptores {
        let mut cliente = ClienteSimple::conectar(direccion).await?;
        cliente.join("carga").await?;
        lectores.push(cliente);
    }
    let miembros = p.suscriptores + usize::from(con_atascado);
    servidor
        .esperar_hasta(|s| s.suscriptores() == miembros)
        .await;

    let origen = Instant::now();

    // Una ronda de calentamiento, que no se cuenta: la primera vez se crean
    // hilos del ejecutor, se reservan búferes...
    let (lectores, _) = ronda(lectores, origen, &mut emisor, 100, None).await?;

    // Rendimiento: todo de seguido.
    let inicio = Instant::now();
    let (lectores, rendimiento) = ronda(lectores, origen, &mut emisor, p.mensajes, None).await?;
    let segundos = inicio.elapsed().as_secs_f64();
    let entregas: usize = rendimiento.iter().map(|r| r.latencias.len()).sum();
    let perdidas: usize = rendimiento.iter().map(|r| r.perdidas).sum();

    // Latencia: a ritmo, sin saturar.
    let (_lectores, latencia) =
        ronda(lectores, origen, &mut emisor, p.latencia, Some(p.intervalo)).await?;
    let mut latencias: Vec<Duration> = latencia.into_iter().flat_map(|r| r.latencias).collect();
    latencias.sort();

    drop(atascado);
    servidor.detener().await;
    Ok(Medida {
        entregas_por_segundo: entregas as f64 / segundos,
        entregas,
        perdidas,
        segundos,
        mediana: percentil(&latencias, 50),
        p99: percentil(&latencias, 99),
    })
}
// ANCHOR_END: escenario

/// La capacidad de la cola tal como la deja tokio: la potencia de dos que
/// sigue a la configurada.
fn servidor_capacidad() -> usize {
    Config::default().capacidad.next_power_of_two()
}

fn percentil(ordenadas: &[Duration], p: usize) -> Duration {
    if ordenadas.is_empty() {
        return Duration::ZERO;
    }
    let i = (ordenadas.len() * p / 100).min(ordenadas.len() - 1);
    ordenadas[i]
}

/// Lo que vio un suscriptor en una ronda.
struct Lectura {
    latencias: Vec<Duration>,
    perdidas: usize,
}

// ANCHOR: ronda
/// Publica `n` mensajes (con `pausa` entre ellos, o de seguido) y un «fin»,
/// mientras cada suscriptor, en su propia tarea, lee hasta el «fin». Cada
/// mensaje lleva el instante en que se publicó, en microsegundos desde
/// `origen`.
async fn ronda(
    lectores: Vec<ClienteSimple>,
    origen: Instant,
    emisor: &mut ClienteSimple,
    n: usize,
    pausa: Option<Duration>,
) -> ChatResult<(Vec<ClienteSimple>, Vec<Lectura>)> {
    let tareas: Vec<_> = lectores
        .into_iter()
        .map(|lector| task::spawn(leer_hasta_fin(lector, origen)))
        .collect();

    for _ in 0..n {
        let ahora = origen.elapsed().as_micros();
        emisor.post("carga", &ahora.to_string()).await?;
        if let Some(pausa) = pausa {
            task::sleep(pausa).await;
        }
    }
    emisor.post("carga", "fin").await?;

    let mut lectores = Vec::new();
    let mut lecturas = Vec::new();
    for resultado in join_all(tareas).await {
        let (lector, lectura) = resultado?;
        lectores.push(lector);
        lecturas.push(lectura);
    }
    Ok((lectores, lecturas))
}

async fn leer_hasta_fin(
    mut lector: ClienteSimple,
    origen: Instant,
) -> ChatResult<(ClienteSimple, Lectura)> {
    let mut lectura = Lectura {
        latencias: Vec::new(),
        perdidas: 0,
    };
    loop {
        match lector.recibir_paquete().await? {
            FromServer::Message { message, .. } if message.as_str() == "fin" => break,
            FromServer::Message { message, .. } => {
                let enviado: u128 = message.parse()?;
                let micros = origen.elapsed().as_micros().saturating_sub(enviado);
                lectura.latencias.push(Duration::from_micros(micros as u64));
            }
            // «Se perdieron N mensajes...»: el suscriptor iba atrasado.
            FromServer::Error(aviso) => {
                let numero = aviso
                    .split(|c: char| !c.is_ascii_digit())
                    .find_map(|n| n.parse::<usize>().ok());
                lectura.perdidas += numero.unwrap_or(0);
            }
        }
    }
    Ok((lector, lectura))
}
// ANCHOR_END: ronda

// Los dos diseños, lado a lado (`--comparar`).
//
// Cada ensayo arranca un servidor nuevo (del libro o rápido), le une los
// suscriptores y publica una tanda de mensajes a un ritmo fijo. Cada mensaje
// lleva su número y el instante en que se publicó, y cada suscriptor
// comprueba que le llegan todos, en orden.

/// Lo que vio un ensayo.
struct Ensayo {
    /// Cuántos suscriptores perdieron algo: un aviso de `Lagged` o un
    /// número que falta.
    con_perdidas: usize,
    /// Mensajes perdidos, sumando todos los suscriptores.
    perdidos: usize,
    /// Al ritmo que de verdad publicó el emisor, en mensajes por segundo.
    ritmo_logrado: f64,
    /// Entregas por segundo: desde el primer mensaje publicado hasta que el
    /// último suscriptor recibió el último.
    entregas_por_segundo: f64,
    /// Desde que se publicó el último mensaje hasta que lo recibió el último
    /// suscriptor.
    retraso_final: Duration,
    /// Cuánto tardó cada entrega, ordenadas.
    latencias: Vec<Duration>,
}

impl Ensayo {
    // ANCHOR: sostiene
    /// Si el servidor sostuvo `ritmo`: nadie perdió nada, el emisor publicó
    /// a ese ritmo (un 95 % o más), y al terminar de publicar, lo que faltaba
    /// por entregar cabía en la cola del grupo: el último mensaje llegó a
    /// todos antes de lo que tardan en publicarse `capacidad` mensajes más.
    /// Si no, el retraso se estaría amontonando, además de en la cola, en
    /// los búferes de los sockets, y con una tanda más larga acabaría en
    /// pérdidas.
    fn sostiene(&self, ritmo: f64) -> bool {
        let cola = Duration::from_secs_f64(servidor_capacidad() as f64 / ritmo);
        self.con_perdidas == 0 && self.ritmo_logrado >= 0.95 * ritmo && self.retraso_final <= cola
    }
    // ANCHOR_END: sostiene

    fn describir(&self, ritmo: f64) -> String {
        if self.con_perdidas > 0 {
            format!(
                "{} suscriptores perdieron mensajes ({} en total)",
                self.con_perdidas, self.perdidos
            )
        } else if self.ritmo_logrado < 0.95 * ritmo {
            format!(
                "sin pérdidas, pero el emisor solo pudo publicar {:.0} msg/s",
                self.ritmo_logrado
            )
        } else if !self.sostiene(ritmo) {
            format!(
                "sin pérdidas, pero el último llegó {:.1} ms tarde: más de una cola",
                milisegundos(self.retraso_final)
            )
        } else {
            format!(
                "sin pérdidas, {:.0} entregas/s, p99 {:.2} ms",
                self.entregas_por_segundo,
                milisegundos(percentil(&self.latencias, 99))
            )
        }
    }
}

fn milisegundos(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Un servidor nuevo de tipo `S`, `suscriptores` que leen tan deprisa como
/// pueden, y `tanda` mensajes publicados a `ritmo` mensajes por segundo: el
/// mensaje `i` sale `i / ritmo` segundos después del primero (si el emisor
/// se retrasa, publica de seguido los que debía, hasta ponerse al día).
async fn ensayo<S: ServidorDeChat>(
    suscriptores: usize,
    tanda: usize,
    ritmo: f64,
) -> ChatResult<Ensayo> {
    let config = Config {
        registrar_errores: false,
        ..Config::default()
    };
    let servidor = S::iniciar(([127, 0, 0, 1], 0).into(), config).await?;
    let mut emisor = ClienteSimple::conectar(servidor.direccion()).await?;
    let mut lectores = Vec::new();
    for _ in 0..suscriptores {
        let mut cliente = ClienteSimple::conectar(servidor.direccion()).await?;
        cliente.join("carga").await?;
        lectores.push(cliente);
    }
    servidor
        .esperar_hasta(|s| s.suscriptores() == suscriptores)
        .await;

    let origen = Instant::now();
    let tareas: Vec<_> = lectores
        .into_iter()
        .map(|lector| task::spawn(comprobar_tanda(lector, origen, tanda)))
        .collect();
    for i in 0..tanda {
        let toca = origen + Duration::from_secs_f64(i as f64 / ritmo);
        let ahora = Instant::now();
        if toca > ahora {
            task::sleep(toca - ahora).await;
        }
        let micros = origen.elapsed().as_micros();
        emisor.post("carga", &format!("{i} {micros}")).await?;
    }
    let publicando = origen.elapsed();
    emisor.post("carga", "fin").await?;

    let mut ensayo = Ensayo {
        con_perdidas: 0,
        perdidos: 0,
        // El último mensaje salió en `publicando`; el primero, en 0.
        ritmo_logrado: (tanda - 1) as f64 / publicando.as_secs_f64().max(1e-9),
        entregas_por_segundo: 0.0,
        retraso_final: Duration::ZERO,
        latencias: Vec::new(),
    };
    let mut ultima = Duration::ZERO;
    for resultado in join_all(tareas).await {
        let tanda_vista = resultado?;
        if tanda_vista.perdidos > 0 || tanda_vista.avisos > 0 {
            ensayo.con_perdidas += 1;
            ensayo.perdidos += tanda_vista.perdidos;
        }
        ultima = ultima.max(tanda_vista.fin);
        ensayo.latencias.extend(tanda_vista.latencias);
    }
    ensayo.latencias.sort();
    ensayo.entregas_por_segundo = ensayo.latencias.len() as f64 / ultima.as_secs_f64();
    ensayo.retraso_final = ultima.saturating_sub(publicando);
    drop(emisor);
    servidor.detener().await;
    Ok(ensayo)
}

/// Lo que vio un suscriptor en un ensayo.
struct TandaVista {
    /// Números que no llegaron.
    perdidos: usize,
    /// Avisos de `Lagged` (o cualquier otro error) recibidos.
    avisos: usize,
    latencias: Vec<Duration>,
    /// Cuándo recibió el último mensaje, desde el origen.
    fin: Duration,
}

/// Lee hasta el «fin» y cuenta lo perdido: cada número que no llega en su
/// orden, y aparte cada aviso (`Lagged`).
async fn comprobar_tanda(
    mut lector: ClienteSimple,
    origen: Instant,
    tanda: usize,
) -> ChatResult<TandaVista> {
    let mut vista = TandaVista {
        perdidos: 0,
        avisos: 0,
        latencias: Vec::with_capacity(tanda),
        fin: Duration::ZERO,
    };
    let mut siguiente = 0;
    loop {
        match lector.recibir_paquete().await? {
            FromServer::Message { message, .. } if message.as_str() == "fin" => break,
            FromServer::Message { message, .. } => {
                let ahora = origen.elapsed();
                let (numero, enviado) = message
                    .split_once(' ')
                    .ok_or_else(|| format!("mensaje inesperado: {message}"))?;
                let numero: usize = numero.parse()?;
                let enviado: u64 = enviado.parse()?;
                vista.perdidos += numero.saturating_sub(siguiente);
                siguiente = numero + 1;
                vista.fin = ahora;
                let micros = (ahora.as_micros() as u64).saturating_sub(enviado);
                vista.latencias.push(Duration::from_micros(micros));
            }
            // «Se perdieron N mensajes...»: esos N son los números que
            // faltarán, y se cuentan ahí; el aviso se cuenta aparte.
            FromServer::Error(_) => vista.avisos += 1,
        }
    }
    vista.perdidos += tanda.saturating_sub(siguiente);
    Ok(vista)
}

/// Lo que encontró la búsqueda de un diseño.
struct Busqueda {
    /// El ritmo más alto que sostuvo, y su ensayo.
    ritmo: f64,
    ensayo: Ensayo,
}

// ANCHOR: buscar
/// El ritmo más alto que sostiene el servidor `S`: se dobla el ritmo hasta
/// el primero que no sostiene en dos ensayos seguidos (o se parte por la
/// mitad hasta el primero que sí), y después se prueba el punto medio del
/// intervalo (geométrico) hasta que el de arriba no pase del de abajo en más
/// de un 5 %.
/// Si no sostiene ni 10 mensajes por segundo, lo dice y da un ritmo de 0.
async fn buscar<S: ServidorDeChat>(p: &Parametros) -> ChatResult<Busqueda> {
    let mut bueno: Option<Busqueda> = None;
    let mut malo: Option<(f64, Ensayo)> = None;
    let mut ritmo = p.ritmo_inicial;
    loop {
        let mut e = ensayo::<S>(p.suscriptores, p.tanda, ritmo).await?;
        println!("  a {ritmo:>7.0} msg/s: {}", e.describir(ritmo));
        if !e.sostiene(ritmo) {
            // Un fallo suelto puede ser de la máquina (otro programa que se
            // llevó el procesador un momento): el ritmo se da por perdido
            // si falla dos veces seguidas.
            e = ensayo::<S>(p.suscriptores, p.tanda, ritmo).await?;
            println!("    otra vez: {}", e.describir(ritmo));
        }
        if e.sostiene(ritmo) {
            bueno = Some(Busqueda { ritmo, ensayo: e });
        } else {
            malo = Some((ritmo, e));
        }
        ritmo = match (&bueno, &malo) {
            (Some(b), Some((m, _))) if m / b.ritmo <= 1.05 => break,
            (Some(b), Some((m, _))) => (b.ritmo * m).sqrt(),
            (Some(b), None) => b.ritmo * 2.0,
            (None, Some((m, _))) if *m < 10.0 => break,
            (None, Some((m, _))) => m / 2.0,
            (None, None) => unreachable!("cada ensayo es bueno o malo"),
        };
    }
    Ok(match (bueno, malo) {
        (Some(bueno), _) => bueno,
        (None, Some((_, ensayo))) => {
            println!("  (no sostuvo ni 10 msg/s: ¿la máquina estaba muy ocupada?)");
            Busqueda { ritmo: 0.0, ensayo }
        }
        (None, None) => unreachable!("hubo al menos un ensayo"),
    })
}
// ANCHOR_END: buscar

/// Los dos diseños, con los mismos ensayos, en esta misma ejecución.
async fn comparar(p: Parametros) -> ChatResult<()> {
    println!(
        "\nLos dos diseños, lado a lado: {} suscriptores, cola de {} mensajes, ensayos de {} \
         mensajes.",
        p.suscriptores,
        servidor_capacidad(),
        p.tanda
    );
    println!("El ritmo más alto que cada uno sostiene sin que ningún suscriptor pierda nada:");
    println!("\nDiseño del libro (el JSON y una escritura por mensaje y suscriptor):");
    let libro = buscar::<ServidorChat>(&p).await?;
    println!("\nDiseño rápido (el JSON una vez por mensaje; escrituras juntas):");
    let rapido = buscar::<ServidorRapido>(&p).await?;

    // ANCHOR: latencia
    // La latencia, a un mismo ritmo para los dos: la mitad del que sostiene
    // el del libro. Tres ensayos de cada uno, alternados (así, si la máquina
    // se ocupa un momento, no le toca siempre al mismo), y la mediana de sus
    // tres p99.
    let moderado = (libro.ritmo / 2.0).round().max(10.0);
    let mut p99_libro = Vec::new();
    let mut p99_rapido = Vec::new();
    for _ in 0..3 {
        let e = ensayo::<ServidorChat>(p.suscriptores, p.tanda, moderado).await?;
        p99_libro.push(percentil(&e.latencias, 99));
        let e = ensayo::<ServidorRapido>(p.suscriptores, p.tanda, moderado).await?;
        p99_rapido.push(percentil(&e.latencias, 99));
    }
    p99_libro.sort();
    p99_rapido.sort();
    let (p99_libro, p99_rapido) = (p99_libro[1], p99_rapido[1]);
    // ANCHOR_END: latencia

    println!(
        "\n{:<44}{:>14}{:>14}{:>14}",
        "", "libro", "rápido", "rápido/libro"
    );
    let fila = |que: &str, a: f64, b: f64, decimales: usize| {
        println!(
            "{que:<44}{a:>14.decimales$}{b:>14.decimales$}{:>14.2}",
            b / a.max(1e-9)
        );
    };
    fila(
        "ritmo más alto sin pérdidas (msg/s)",
        libro.ritmo,
        rapido.ritmo,
        0,
    );
    fila(
        "entregas por segundo a ese ritmo",
        libro.ensayo.entregas_por_segundo,
        rapido.ensayo.entregas_por_segundo,
        0,
    );
    fila(
        &format!("p99 a {moderado:.0} msg/s (ms; mediana de 3 ensayos)"),
        milisegundos(p99_libro),
        milisegundos(p99_rapido),
        2,
    );
    let doble = rapido.ritmo >= 2.0 * libro.ritmo;
    let p99_igual_o_mejor = p99_rapido <= p99_libro;
    println!(
        "\nObjetivo: el rápido sostiene al menos el doble de ritmo, con un p99 no peor.\n→ {}",
        match (doble, p99_igual_o_mejor) {
            (true, true) => "se cumple.",
            (false, _) => "NO se cumple el doble en esta ejecución.",
            (true, false) => "el doble sí; el p99, NO en esta ejecución.",
        }
    );
    Ok(())
}
