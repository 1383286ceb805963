//! `probar_y_depurar`: las herramientas para probar código asíncrono sin
//! depender de la suerte, y para ver qué hace mientras corre.
//!
//! Este ejemplo existe para ver, corriendo, lo que explica el capítulo
//! «Probar y depurar código asíncrono»:
//!
//! 1. por qué una cota inferior de tiempo aguanta en cualquier máquina y
//!    una superior no: otro trabajo que ocupa el hilo retrasa un `sleep`
//!    de 10 ms, que nunca dura menos de 10 ms pero puede durar mucho más;
//! 2. un límite de tiempo de 30 s probado con el reloj de tokio en pausa,
//!    en un runtime creado como lo crea `#[tokio::test(start_paused =
//!    true)]`, y con un «socket» en memoria (`tokio::io::duplex`): 30 s del
//!    reloj de tokio en unos milisegundos de verdad; y el mismo plazo
//!    adelantado a mano con `tokio::time::advance`;
//! 3. por qué el reloj en pausa no se mezcla con sockets de verdad: con el
//!    servidor local, que responde en 200 ms, un límite de 5 s vence antes
//!    de que llegue la respuesta;
//! 4. tramos (spans) de `tracing` que siguen a cada petición de un `.await`
//!    al siguiente y de una tarea a otra, impresos por el formateador de
//!    `tracing-subscriber`;
//! 5. lo que sale mal con `Span::enter` cuando su guardián cruza un
//!    `.await`: los eventos de una petición salen en el tramo de la otra.
//!
//! Las secciones 2, 4 y 5 corren con el reloj en pausa en un runtime de un
//! hilo, así que su orden y sus cifras del reloj de tokio son las mismas en
//! cada corrida; lo único que cambia son los milisegundos de verdad.
//!
//! ```text
//! cargo run --example probar_y_depurar
//! ```

use std::io::IsTerminal;
use std::time::Duration;

use taller_async::Servidor;
use taller_async::referencia::en_tokio::cheapo_request;
use tokio::io::{AsyncBufReadExt, AsyncRead, BufReader};
use tokio::runtime::{Builder, Runtime};
use tokio::time::{self, Instant, error::Elapsed};
use tracing::{Instrument, info, info_span};

/// `n` milisegundos.
fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// «sí» o «no».
fn si_o_no(valor: bool) -> &'static str {
    if valor { "sí" } else { "no" }
}

// ANCHOR: cotas
/// Un `sleep` de 10 ms mientras otro trabajo ocupa el mismo hilo 50 ms.
async fn cotas_de_tiempo() {
    let (tardo, ()) = futures::join!(
        async {
            let inicio = Instant::now();
            time::sleep(ms(10)).await;
            inicio.elapsed()
        },
        // Otro trabajo del mismo hilo, que no lo suelta en 50 ms: en una
        // máquina de CI con los dos núcleos ocupados, el efecto es el mismo.
        async { std::thread::sleep(ms(50)) },
    );
    println!("  ¿duró al menos 10 ms? {}", si_o_no(tardo >= ms(10)));
    println!("  ¿duró menos de 20 ms? {}", si_o_no(tardo < ms(20)));
}
// ANCHOR_END: cotas

// ANCHOR: leer_saludo
/// Lo que se prueba: leer la primera línea de un cliente, con un límite de
/// 30 s. Si el cliente no dice nada, da `Err(Elapsed)`.
async fn leer_saludo<R: AsyncRead + Unpin>(lector: R) -> Result<Option<String>, Elapsed> {
    let mut lineas = BufReader::new(lector).lines();
    time::timeout(Duration::from_secs(30), async {
        lineas.next_line().await.ok().flatten()
    })
    .await
}
// ANCHOR_END: leer_saludo

// ANCHOR: runtime_pausado
/// El runtime que crea `#[tokio::test(start_paused = true)]`: de un solo
/// hilo (el sabor por omisión de `#[tokio::test]`), con todo activado y el
/// reloj en pausa desde el principio.
fn runtime_pausado() -> Runtime {
    Builder::new_current_thread()
        .enable_all()
        .start_paused(true)
        .build()
        .expect("Failed building the Runtime")
}
// ANCHOR_END: runtime_pausado

// ANCHOR: plazo_en_pausa
/// El cliente no escribe nunca: el límite de 30 s tiene que vencer.
async fn plazo_de_30_s() {
    let real = std::time::Instant::now();
    let inicio = Instant::now(); // el reloj de tokio, en pausa
    let (_cliente, servidor) = tokio::io::duplex(64);
    let saludo = leer_saludo(servidor).await;
    println!("  resultado: {saludo:?}");
    println!("  reloj de tokio: {} s", inicio.elapsed().as_secs());
    println!("  tiempo de verdad: {} ms", real.elapsed().as_millis());
}
// ANCHOR_END: plazo_en_pausa

// ANCHOR: advance
/// El mismo plazo, con el reloj adelantado a mano.
async fn plazo_adelantado_a_mano() {
    let inicio = Instant::now();
    let (_cliente, servidor) = tokio::io::duplex(64);
    let tarea = tokio::spawn(leer_saludo(servidor));
    tokio::task::yield_now().await; // que la tarea empiece y arme su límite

    time::advance(Duration::from_secs(29)).await;
    println!(
        "  tras advance(29 s), ¿venció? {}",
        si_o_no(tarea.is_finished())
    );
    time::advance(Duration::from_secs(1)).await;
    let saludo = tarea.await.expect("la tarea entró en pánico");
    println!(
        "  tras advance(1 s) más: {saludo:?}, a los {} s",
        inicio.elapsed().as_secs()
    );
}
// ANCHOR_END: advance

// ANCHOR: socket_real
/// Un límite de 5 s a una petición de verdad que tarda 200 ms.
async fn limite_con_un_socket_real(servidor: &Servidor) -> Result<usize, Elapsed> {
    let (host, puerto) = (servidor.host(), servidor.puerto());
    let respuesta = time::timeout(
        Duration::from_secs(5),
        cheapo_request(&host, puerto, "/tarda"),
    )
    .await?;
    Ok(respuesta.map(|texto| texto.len()).unwrap_or(0))
}
// ANCHOR_END: socket_real

/// La sección 3: la misma petición con el reloj en pausa y con el de verdad.
fn reloj_en_pausa_con_un_socket_real() {
    let servidor = async_std::task::block_on(Servidor::con_latencia(ms(200)))
        .expect("no se pudo arrancar el servidor local");

    let real = std::time::Instant::now();
    let resultado = runtime_pausado().block_on(async {
        let inicio = Instant::now();
        let resultado = limite_con_un_socket_real(&servidor).await;
        (resultado, inicio.elapsed())
    });
    println!(
        "  con el reloj en pausa: ¿venció el límite de 5 s? {}",
        si_o_no(resultado.0.is_err())
    );
    println!(
        "    reloj de tokio: {} s; tiempo de verdad: {} ms; el servidor tarda 200 ms",
        resultado.1.as_secs(),
        real.elapsed().as_millis()
    );

    let con_reloj_de_verdad = Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("no se pudo crear el runtime de tokio")
        .block_on(limite_con_un_socket_real(&servidor));
    println!(
        "  con el reloj de verdad: ¿venció el límite de 5 s? {}",
        si_o_no(con_reloj_de_verdad.is_err())
    );
}

// ANCHOR: atender
/// Atiende una petición: consulta las filas en otra tarea y les da formato.
async fn atender(espera: Duration) -> String {
    info!("empieza");
    // La tarea lleva su propio tramo, hijo del de la petición: se crea aquí,
    // mientras el tramo de la petición es el actual.
    let consulta = consultar(espera).instrument(info_span!("consulta", tabla = "perros"));
    let filas = tokio::spawn(consulta)
        .await
        .expect("la consulta entró en pánico");
    // Sin `.instrument`, una tarea nueva no hereda ningún tramo.
    tokio::spawn(async { info!("una tarea sin .instrument") })
        .await
        .expect("la tarea entró en pánico");
    // Código síncrono dentro de un tramo: `in_scope`.
    let respuesta = info_span!("formato").in_scope(|| {
        info!(filas, "da formato a la respuesta");
        format!("{filas} filas")
    });
    info!(%respuesta, "termina");
    respuesta
}

async fn consultar(espera: Duration) -> u32 {
    info!("pide las filas");
    time::sleep(espera).await;
    info!("llegaron las filas");
    3
}
// ANCHOR_END: atender

// ANCHOR: dos_peticiones
async fn dos_peticiones() {
    let primera = atender(ms(20)).instrument(info_span!("peticion", id = 1));
    let segunda = atender(ms(10)).instrument(info_span!("peticion", id = 2));
    futures::join!(primera, segunda);
}
// ANCHOR_END: dos_peticiones

// ANCHOR: enter_mal
/// MAL: el guardián de `enter` cruza el `.await`.
async fn atender_con_enter(id: u32, espera: Duration) {
    let tramo = info_span!("peticion", id);
    let _dentro = tramo.enter();
    info!("la petición {id} empieza");
    time::sleep(espera).await;
    info!("la petición {id} termina");
}

async fn dos_peticiones_con_enter() {
    futures::join!(atender_con_enter(1, ms(10)), atender_con_enter(2, ms(20)));
}
// ANCHOR_END: enter_mal

// ANCHOR: formateador
/// El formateador de `tracing-subscriber`, con una salida que se puede
/// copiar al libro: sin la hora, sin el módulo de cada evento y sin colores
/// si la salida no es una terminal (los pone siempre, salvo con `NO_COLOR`).
fn instalar_el_formateador() {
    let formateador = tracing_subscriber::fmt()
        .without_time()
        .with_target(false)
        .with_ansi(std::io::stdout().is_terminal())
        .finish();
    tracing::subscriber::set_global_default(formateador)
        .expect("ya había un suscriptor de tracing");
}
// ANCHOR_END: formateador

fn main() {
    println!("1. Cotas de tiempo: un sleep de 10 ms con el hilo ocupado 50 ms");
    Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("no se pudo crear el runtime de tokio")
        .block_on(cotas_de_tiempo());

    println!("2. Un límite de 30 s con el reloj en pausa y un socket en memoria");
    runtime_pausado().block_on(plazo_de_30_s());
    runtime_pausado().block_on(plazo_adelantado_a_mano());

    println!("3. El reloj en pausa con un socket de verdad");
    reloj_en_pausa_con_un_socket_real();

    println!("4. Tramos de tracing: dos peticiones a la vez, con .instrument");
    instalar_el_formateador();
    runtime_pausado().block_on(dos_peticiones());
    println!("5. Lo mismo con Span::enter, cuyo guardián cruza el .await");
    runtime_pausado().block_on(dos_peticiones_con_enter());
}
