//! `many_requests`: muchas peticiones a la vez en un solo hilo, con
//! `async_std::task::spawn_local`.
//!
//! Este ejemplo existe para medir lo que `cheapo_request` solo prometía: que
//! un hilo que no se queda bloqueado esperando puede tener muchas peticiones
//! en vuelo a la vez. Se lanzan todas las tareas antes de esperar ninguna, y
//! luego se espera cada una. Si las peticiones corren a la vez, la tanda
//! entera tarda poco más que una sola, y el servidor ve a todas juntas.
//!
//! También enseña el error de préstamos que el libro comenta (`spawn_local`
//! exige un future `'static`) y su arreglo, `cheapo_owning_request`.
//!
//! Sin argumentos, habla con un servidor local que tarda 300 ms en cada
//! respuesta e imprime la latencia, el tiempo total, el pico de peticiones en
//! vuelo que vio el servidor y qué hilo corrió cada petición:
//!
//! ```text
//! cargo run --example many_requests
//! ```
//!
//! Con argumentos, pide esas URL (solo `http://`: `cheapo_request` no cifra):
//!
//! ```text
//! cargo run --example many_requests -- http://example.com/ http://neverssl.com/
//! ```

use std::process::ExitCode;
use std::time::Duration;

use async_std::io::prelude::*;
use async_std::{net, task};
use taller_async::cronologia::Cronologia;
use taller_async::ejemplos::{self, Demostracion, Hilos, PETICIONES};

const USO: &str = "uso: cargo run --example many_requests -- [--limite-ms N] [URL ...]\n\
     ejemplo: cargo run --example many_requests -- http://example.com/ http://neverssl.com/";

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

// ANCHOR: cheapo_owning_request
/// Como `cheapo_request`, pero dueña de sus argumentos: su future no toma
/// nada prestado de quien la llama, así que es `'static`.
async fn cheapo_owning_request(host: String, port: u16, path: String) -> std::io::Result<String> {
    cheapo_request(&host, port, &path).await
}
// ANCHOR_END: cheapo_owning_request

// ANCHOR: many_requests
pub async fn many_requests(requests: Vec<(String, u16, String)>) -> Vec<std::io::Result<String>> {
    let mut handles = vec![];
    for (host, port, path) in requests {
        // `spawn_local(cheapo_request(&host, port, &path))` no compila: ese
        // future toma prestados `host` y `path`, que se sueltan al final de
        // esta vuelta del bucle, y `spawn_local` exige un future `'static`.
        // `cheapo_owning_request` se queda con ellos.
        handles.push(task::spawn_local(cheapo_owning_request(host, port, path)));
    }

    let mut results = vec![];
    for handle in handles {
        results.push(handle.await);
    }
    results
}
// ANCHOR_END: many_requests

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
    let tanda = many_requests(ejemplos::peticiones_de(urls, USO)?);
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
        "Lanzo {PETICIONES} peticiones con task::spawn_local desde el hilo {}.",
        ejemplos::hilo_actual()
    );
    CRONOLOGIA.empezar();
    let tanda = CRONOLOGIA.registrar("many_requests", many_requests(demo.peticiones()));
    let (_, total) = demo.medir(limite, tanda, ejemplos::resumir).await?;
    println!();
    demo.resumen(total);

    println!("\nHilos que corrieron las peticiones:");
    let por_hilo = HILOS.por_hilo();
    for (hilo, peticiones) in &por_hilo {
        println!("  {hilo}: {} peticiones", peticiones.len());
    }
    if por_hilo.len() == 1 {
        println!(
            "Todas en un solo hilo, el que llamó a block_on: spawn_local deja cada tarea en el\n\
             hilo que la lanzó, y ese hilo alterna entre ellas en cada .await que no está listo."
        );
    }
    ejemplos::dibujar_tanda("many_requests", "task::spawn_local", &CRONOLOGIA.eventos())
}
