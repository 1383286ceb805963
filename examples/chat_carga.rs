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

use std::process::ExitCode;
use std::time::{Duration, Instant};

use async_std::task;
use futures::future::join_all;

use taller_async::chat::cliente_simple::ClienteSimple;
use taller_async::chat::servidor::{Config, ServidorChat};
use taller_async::chat::utils::ChatResult;
use taller_async::chat::{FromServer, LIMITE_MENSAJE};

const USO: &str = "Uso: cargo run --example chat_carga -- [opciones]\n\
    \n\
    Opciones (todas opcionales):\n  \
    --suscriptores N   miembros del grupo que leen (100)\n  \
    --mensajes N       mensajes publicados de seguido, para el rendimiento (500)\n  \
    --latencia N       mensajes publicados a ritmo, para la latencia (150)\n  \
    --intervalo-ms N   pausa entre dos mensajes a ritmo, en ms (5)";

/// Lo que se puede ajustar desde la línea de órdenes.
#[derive(Debug, Clone, Copy)]
struct Parametros {
    suscriptores: usize,
    mensajes: usize,
    latencia: usize,
    intervalo: Duration,
}

impl Default for Parametros {
    fn default() -> Parametros {
        Parametros {
            suscriptores: 100,
            mensajes: 500,
            latencia: 150,
            intervalo: Duration::from_millis(5),
        }
    }
}

fn leer_parametros(argumentos: &[String]) -> Result<Parametros, String> {
    let mut p = Parametros::default();
    let mut resto = argumentos.iter();
    while let Some(opcion) = resto.next() {
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
