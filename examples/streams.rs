//! `streams`: el iterador asíncrono, y las formas de esperar varios futures a
//! la vez dentro de una sola tarea.
//!
//! Este ejemplo existe para ver dos cosas del capítulo sobre streams:
//!
//! 1. Por qué `lines()` de un lector asíncrono no puede devolver un
//!    `Iterator`: el `next()` de un iterador es síncrono, y sobre una
//!    conexión de red bloquea el hilo hasta que llega la línea. Un `Stream`
//!    es el mismo concepto con un `next()` que devuelve un future. Se lee la
//!    misma conversación JSON de las dos formas mientras, en el mismo hilo,
//!    un reloj intenta dar un tic cada 10 ms, y se cuentan sus tics.
//! 2. Qué hacen `join`, `join_all`, `race` y `select`: en qué orden terminan
//!    los trabajos, en qué orden salen los resultados, cuántos estuvieron en
//!    vuelo a la vez y qué pasa con el que pierde una carrera.
//!
//! Sin argumentos y sin red: la conversación la manda un emisor local, en
//! `127.0.0.1` y un puerto libre.
//!
//! ```text
//! cargo run --example streams
//! ```

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::time::Duration;

use async_std::io::{BufRead, BufReader, prelude::*};
use async_std::net::{SocketAddr, TcpListener, TcpStream};
use async_std::prelude::*;
use async_std::stream::{self, Stream};
use async_std::task;
use futures::future::{self, Either};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// El tipo de error del chat del libro: cualquier error que pueda cruzar
/// hilos. `?` convierte en él los de E/S y los de serde_json.
type ChatError = Box<dyn std::error::Error + Send + Sync + 'static>;
type ChatResult<T> = Result<T, ChatError>;

/// Lo que manda el emisor: un mensaje de chat por línea.
#[derive(Debug, Serialize, Deserialize)]
struct Mensaje {
    de: String,
    texto: String,
}

/// La conversación que manda el emisor, una línea cada `PAUSA`. La tercera
/// está rota a propósito.
const CONVERSACION: [&str; 4] = [
    r#"{"de":"ana","texto":"hola"}"#,
    r#"{"de":"luis","texto":"¿llegan mis mensajes?"}"#,
    r#"{"de":"eva","texto": esto no es JSON"#,
    r#"{"de":"ana","texto":"adiós"}"#,
];
const PAUSA: Duration = Duration::from_millis(100);
/// Cada cuánto intenta dar un tic el reloj.
const TIC: Duration = Duration::from_millis(10);

fn main() -> std::io::Result<()> {
    task::block_on(async {
        println!("1. Un Iterator bloquea el hilo; un Stream lo cede\n");
        println!(
            "Un emisor local manda {} líneas JSON, una cada {} ms. En el mismo hilo\n\
             que lee, un reloj intenta dar un tic cada {} ms.\n",
            CONVERSACION.len(),
            PAUSA.as_millis(),
            TIC.as_millis()
        );
        iterador_contra_stream().await?;

        println!("\n2. La misma cadena de adaptadores, sobre un Iterator y sobre un Stream\n");
        adaptadores().await;

        println!("\n3. Esperar varios futures en una sola tarea\n");
        combinar().await;
        Ok(())
    })
}

// ANCHOR: receive_as_json
/// Convierte un lector de líneas JSON en un stream de paquetes de tipo `P`.
/// No es una `async fn`: es una función corriente que devuelve un stream.
fn receive_as_json<S, P>(inbound: S) -> impl Stream<Item = ChatResult<P>>
where
    S: BufRead + Unpin,
    P: DeserializeOwned,
{
    inbound.lines().map(|line_result| -> ChatResult<P> {
        let line = line_result?;
        let parsed = serde_json::from_str::<P>(&line)?;
        Ok(parsed)
    })
}
// ANCHOR_END: receive_as_json

// ANCHOR: iterador
/// Lee la conversación con la E/S de `std`: `lines()` devuelve un
/// `Iterator`, y cada vuelta del `for` bloquea el hilo hasta que llega una
/// línea.
fn leer_con_iterador(emisor: SocketAddr) -> std::io::Result<usize> {
    use std::io::BufRead;

    let socket = std::net::TcpStream::connect(emisor)?;
    let mut leidas = 0;
    for line in std::io::BufReader::new(socket).lines() {
        println!("  línea: {}", line?);
        leidas += 1;
    }
    Ok(leidas)
}
// ANCHOR_END: iterador

// ANCHOR: stream
/// Lee la conversación con la E/S de `async_std`: `lines()` devuelve un
/// `Stream`, y cada `next().await` suspende la tarea hasta que llega una
/// línea, dejando el hilo libre.
async fn leer_con_stream(emisor: SocketAddr) -> std::io::Result<usize> {
    let socket = TcpStream::connect(emisor).await?;
    let mut mensajes = receive_as_json::<_, Mensaje>(BufReader::new(socket));
    let mut leidas = 0;
    while let Some(resultado) = mensajes.next().await {
        match resultado {
            Ok(mensaje) => println!("  {} dice: {}", mensaje.de, mensaje.texto),
            Err(error) => println!("  línea descartada: {}", describir(&error)),
        }
        leidas += 1;
    }
    Ok(leidas)
}
// ANCHOR_END: stream

async fn iterador_contra_stream() -> std::io::Result<()> {
    // El emisor va al pool de hilos con `task::spawn`: así sigue mandando
    // aunque el hilo que lee se quede bloqueado.
    let emisor = emisor_local().await?;
    println!("Con std::io::BufReader::lines(), un Iterator:");
    let (leidas, tics) = con_reloj(async { leer_con_iterador(emisor) }).await;
    println!(
        "  → {} líneas; tics del reloj mientras tanto: {tics}\n",
        leidas?
    );

    let emisor = emisor_local().await?;
    println!("Con receive_as_json sobre async_std::io::BufReader, un Stream:");
    let (leidas, tics) = con_reloj(leer_con_stream(emisor)).await;
    println!(
        "  → {} líneas; tics del reloj mientras tanto: {tics}",
        leidas?
    );
    Ok(())
}

/// Arranca un emisor que acepta una conexión y le manda `CONVERSACION`.
async fn emisor_local() -> std::io::Result<SocketAddr> {
    let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
    let direccion = listener.local_addr()?;
    task::spawn(async move {
        let (mut socket, _) = listener.accept().await?;
        for linea in CONVERSACION {
            task::sleep(PAUSA).await;
            socket.write_all(format!("{linea}\n").as_bytes()).await?;
        }
        std::io::Result::Ok(())
    });
    Ok(direccion)
}

/// Corre `trabajo` y, en la misma tarea, un reloj que da un tic cada `TIC`.
/// Devuelve el resultado del trabajo y cuántos tics dio el reloj mientras.
///
/// El reloj solo avanza cuando `trabajo` devuelve `Pending`, es decir,
/// cuando cede el hilo en un `.await`.
async fn con_reloj<T>(trabajo: impl Future<Output = T>) -> (T, u32) {
    let tics = Cell::new(0);
    let reloj = async {
        loop {
            task::sleep(TIC).await;
            tics.set(tics.get() + 1);
        }
    };
    // `select` devuelve el primero que termina. El reloj no termina nunca, así
    // que gana el trabajo, y el reloj se suelta a medias (sección 3).
    let resultado = match future::select(Box::pin(trabajo), Box::pin(reloj)).await {
        Either::Left((resultado, _reloj)) => resultado,
        Either::Right((nunca, _)) => nunca,
    };
    (resultado, tics.get())
}

/// Explica en español por qué se descartó una línea.
fn describir(error: &ChatError) -> String {
    use serde_json::error::Category;
    match error.downcast_ref::<serde_json::Error>() {
        Some(e) => {
            let que = match e.classify() {
                Category::Syntax => "JSON mal escrito",
                Category::Eof => "JSON cortado",
                Category::Data => "JSON válido, pero no es un Mensaje",
                Category::Io => "error al leer",
            };
            format!("{que} (columna {})", e.column())
        }
        None => format!("error de E/S: {error}"),
    }
}

async fn adaptadores() {
    // ANCHOR: adaptadores
    let con_iterador: Vec<u32> = (1..=10).filter(|n| n % 3 == 0).map(|n| n * n).collect();

    let con_stream: Vec<u32> = stream::from_iter(1..=10)
        .filter(|n| n % 3 == 0)
        .map(|n| n * n)
        .collect()
        .await;
    // ANCHOR_END: adaptadores
    println!("  con un Iterator: {con_iterador:?}");
    println!("  con un Stream:   {con_stream:?} (el mismo resultado, tras un .await)");
}

/// Lleva la cuenta de los trabajos simulados: cuántos hay en vuelo, el
/// máximo, en qué orden terminaron y cuáles se soltaron sin terminar.
///
/// Todo ocurre en una sola tarea, en un solo hilo: basta con `Cell` y
/// `RefCell`, sin Mutex ni atómicos.
#[derive(Default)]
struct Registro {
    en_vuelo: Cell<usize>,
    pico: Cell<usize>,
    terminados: RefCell<Vec<&'static str>>,
    cancelados: RefCell<Vec<&'static str>>,
}

/// Cuenta un trabajo en vuelo mientras vive. Si se suelta antes de que el
/// trabajo termine, lo anota como cancelado.
struct EnVuelo<'a> {
    registro: &'a Registro,
    nombre: &'static str,
    terminado: bool,
}

impl Drop for EnVuelo<'_> {
    fn drop(&mut self) {
        let r = self.registro;
        r.en_vuelo.set(r.en_vuelo.get() - 1);
        if self.terminado {
            r.terminados.borrow_mut().push(self.nombre);
        } else {
            r.cancelados.borrow_mut().push(self.nombre);
        }
    }
}

/// Un trabajo simulado que tarda `ms` milisegundos en terminar.
async fn trabajo(nombre: &'static str, ms: u64, registro: &Registro) -> &'static str {
    registro.en_vuelo.set(registro.en_vuelo.get() + 1);
    registro
        .pico
        .set(registro.pico.get().max(registro.en_vuelo.get()));
    let mut en_vuelo = EnVuelo {
        registro,
        nombre,
        terminado: false,
    };
    task::sleep(Duration::from_millis(ms)).await;
    en_vuelo.terminado = true;
    nombre
}

impl Registro {
    fn resumen(&self) -> String {
        let mut texto = format!(
            "terminaron en el orden {:?} · pico en vuelo: {}",
            self.terminados.borrow(),
            self.pico.get()
        );
        if !self.cancelados.borrow().is_empty() {
            texto += &format!(" · soltados sin terminar: {:?}", self.cancelados.borrow());
        }
        texto
    }
}

async fn combinar() {
    // ANCHOR: join
    let registro = Registro::default();
    let (a, b) = trabajo("a", 200, &registro)
        .join(trabajo("b", 100, &registro))
        .await;
    // ANCHOR_END: join
    println!("join(a, b) devolvió ({a:?}, {b:?})");
    println!("  {}\n", registro.resumen());

    // ANCHOR: join_all
    let registro = Registro::default();
    let nombres = ["t1", "t2", "t3", "t4", "t5"];
    // El primero tarda más y el último menos: terminan al revés.
    let trabajos = nombres
        .iter()
        .enumerate()
        .map(|(i, nombre)| trabajo(nombre, 250 - 50 * i as u64, &registro));
    let resultados: Vec<&str> = future::join_all(trabajos).await;
    // ANCHOR_END: join_all
    println!("join_all([t1, ..., t5]) devolvió {resultados:?}");
    println!("  {}\n", registro.resumen());

    // ANCHOR: race
    let registro = Registro::default();
    let ganador = trabajo("lento", 300, &registro)
        .race(trabajo("rápido", 50, &registro))
        .await;
    // ANCHOR_END: race
    println!("lento.race(rápido) devolvió {ganador:?}");
    println!("  {}\n", registro.resumen());

    // ANCHOR: select
    let registro = Registro::default();
    let lento = Box::pin(trabajo("lento", 300, &registro));
    let rapido = Box::pin(trabajo("rápido", 50, &registro));
    match future::select(lento, rapido).await {
        Either::Left((primero, _)) => println!("select: ganó {primero:?}"),
        Either::Right((primero, lento)) => {
            println!("select(lento, rápido): ganó {primero:?}, y devuelve al otro sin soltarlo");
            let segundo = lento.await;
            println!("  al esperarlo después, terminó también: {segundo:?}");
        }
    }
    // ANCHOR_END: select
    println!("  {}", registro.resumen());
}
