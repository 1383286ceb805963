//! `many_requests_spawn`: las mismas peticiones a la vez que en
//! `many_requests`, pero lanzadas con `async_std::task::spawn` al grupo de
//! hilos de async-std.
//!
//! Este ejemplo existe para comparar con `many_requests`. Con `spawn_local`
//! todas las tareas corrían en el hilo que llamó a `block_on`; con `spawn` las
//! sondean los hilos del grupo, el que esté libre en cada momento. Por eso el
//! future que se lanza tiene que ser `'static` (la tarea puede vivir más que
//! quien la lanzó) y `Send` (puede cambiar de hilo): el bloque `async move` se
//! queda con `host` y `path`, y todo lo que guarda se puede enviar a otro hilo.
//!
//! Sin argumentos, habla con un servidor local que tarda 300 ms en cada
//! respuesta e imprime el tiempo, el pico de peticiones en vuelo y los hilos
//! distintos que corrieron las peticiones:
//!
//! ```text
//! cargo run --example many_requests_spawn
//! ```
//!
//! Con argumentos, pide esas URL (solo `http://`: `cheapo_request` no cifra):
//!
//! ```text
//! cargo run --example many_requests_spawn -- http://example.com/ http://neverssl.com/
//! ```

use std::collections::BTreeSet;
use std::process::ExitCode;
use std::time::Duration;

use async_std::io::prelude::*;
use async_std::{net, task};
use taller_async::cronologia::Cronologia;
use taller_async::ejemplos::{self, Demostracion, Hilos, PETICIONES};

const USO: &str = "uso: cargo run --example many_requests_spawn -- [--limite-ms N] [URL ...]\n\
     ejemplo: cargo run --example many_requests_spawn -- http://example.com/ http://neverssl.com/";

/// Qué hilo corrió cada petición: se anota al empezar y al terminar.
static HILOS: Hilos = Hilos::new();

/// Cada sondeo de cada petición y de la tarea que las lanza, para la figura
/// del capítulo (`taller_async::cronologia`).
static CRONOLOGIA: Cronologia = Cronologia::new();

/// `cheapo_request`, mirada: cada sondeo de su future, con su hilo y lo que
/// devolvió, queda en `CRONOLOGIA`, en la fila de su ruta.
async fn cheapo_request(host: &str, port: u16, path: &str) -> std::io::Result<String> {
    CRONOLOGIA
        .registrar(path, cheapo_request_anotando_hilos(host, port, path))
        .await
}

/// La `cheapo_request` asíncrona de `cheapo_request.rs`, con dos líneas más
/// que anotan en qué hilo empieza y en qué hilo termina cada petición.
async fn cheapo_request_anotando_hilos(
    host: &str,
    port: u16,
    path: &str,
) -> std::io::Result<String> {
    HILOS.anotar(path);
    let mut socket = net::TcpStream::connect((host, port)).await?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    socket.write_all(request.as_bytes()).await?;
    socket.shutdown(net::Shutdown::Write)?;

    let mut response = String::new();
    socket.read_to_string(&mut response).await?;
    HILOS.anotar(path);

    Ok(response)
}

// ANCHOR: many_requests_spawn
pub async fn many_requests_spawn(
    requests: Vec<(String, u16, String)>,
) -> Vec<std::io::Result<String>> {
    let mut handles = vec![];
    for (host, port, path) in requests {
        // `async move` se lleva `host` y `path`: el future no toma nada
        // prestado, así que es `'static` y puede irse a otro hilo.
        handles.push(task::spawn(async move {
            cheapo_request(&host, port, &path).await
        }));
    }

    let mut results = vec![];
    for handle in handles {
        results.push(handle.await);
    }
    results
}
// ANCHOR_END: many_requests_spawn

fn main() -> ExitCode {
    match correr() {
        Ok(()) => ExitCode::SUCCESS,
        Err(codigo) => codigo,
    }
}

/// Sin argumentos, la demostración; con URL, esas URL de verdad, a la vez.
fn correr() -> Result<(), ExitCode> {
    let opciones = ejemplos::leer_argumentos(USO)?;
    let urls = &opciones.argumentos;
    if urls.is_empty() {
        return task::block_on(demostracion(opciones.limite));
    }
    let tanda = many_requests_spawn(ejemplos::peticiones_de(urls, USO)?);
    task::block_on(ejemplos::pedir_de_verdad(
        urls,
        tanda,
        opciones.limite,
        ejemplos::resumir,
    ))
}

/// Sin argumentos: la tanda contra el servidor local, midiendo.
async fn demostracion(limite: Duration) -> Result<(), ExitCode> {
    let demo = Demostracion::arrancar().await?;
    println!(
        "Lanzo {PETICIONES} peticiones con task::spawn desde el hilo {}.",
        ejemplos::hilo_actual()
    );
    CRONOLOGIA.empezar();
    let tanda = CRONOLOGIA.registrar(
        "many_requests_spawn",
        many_requests_spawn(demo.peticiones()),
    );
    let (_, total) = demo.medir(limite, tanda, ejemplos::resumir).await?;
    println!();
    demo.resumen(total);

    println!("\nHilos que corrieron las peticiones (una que cambió de hilo cuenta en los dos):");
    let por_hilo = HILOS.por_hilo();
    for (hilo, peticiones) in &por_hilo {
        println!("  {hilo}: {} peticiones", peticiones.len());
    }
    let distintos: BTreeSet<&String> = por_hilo.keys().collect();
    println!(
        "{} hilos distintos (spawn_local habría usado uno solo, el de block_on).",
        distintos.len()
    );
    let mudanzas = HILOS
        .por_peticion()
        .values()
        .filter(|hilos| hilos.len() > 1)
        .count();
    println!(
        "{mudanzas} de las {PETICIONES} peticiones empezaron en un hilo y terminaron en otro: \
         entre un .await\ny el siguiente, una tarea puede cambiar de hilo. Por eso spawn exige \
         futures Send."
    );
    ejemplos::dibujar_tanda("many_requests_spawn", "task::spawn", &CRONOLOGIA.eventos())
}
