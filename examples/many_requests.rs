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
use std::time::{Duration, Instant};

use async_std::io::prelude::*;
use async_std::{future, net, task};
use taller_async::ejemplos::{self, Hilos, Lectura};
use taller_async::Servidor;

const USO: &str = "uso: cargo run --example many_requests -- [--limite-ms N] [URL ...]\n\
     ejemplo: cargo run --example many_requests -- http://example.com/ http://neverssl.com/";

/// Cuántas peticiones lanza la demostración.
const PETICIONES: usize = 20;
/// Cuánto tarda el servidor local en responder cada una.
const LATENCIA: Duration = Duration::from_millis(300);

/// Qué hilo corrió cada petición: se anota al empezar y al terminar.
static HILOS: Hilos = Hilos::new();

/// La `cheapo_request` asíncrona de `cheapo_request.rs`, con dos líneas más
/// que anotan en qué hilo empieza y en qué hilo termina cada petición.
async fn cheapo_request(host: &str, port: u16, path: &str) -> std::io::Result<String> {
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
    let opciones = match ejemplos::leer_opciones(std::env::args().skip(1)) {
        Lectura::Seguir(opciones) => opciones,
        Lectura::Ayuda => {
            println!("{USO}");
            return ExitCode::SUCCESS;
        }
        Lectura::Error(problema) => return ejemplos::uso_incorrecto(USO, &problema),
    };
    if opciones.argumentos.is_empty() {
        return task::block_on(demostracion(opciones.limite));
    }

    let mut peticiones = vec![];
    for url in &opciones.argumentos {
        match ejemplos::host_puerto_ruta(url) {
            Ok(peticion) => peticiones.push(peticion),
            Err(problema) => return ejemplos::uso_incorrecto(USO, &problema),
        }
    }
    task::block_on(peticiones_reales(
        &opciones.argumentos,
        peticiones,
        opciones.limite,
    ))
}

/// Sin argumentos: la tanda contra el servidor local, midiendo.
async fn demostracion(limite: Duration) -> ExitCode {
    let servidor = match Servidor::con_latencia(LATENCIA).await {
        Ok(servidor) => servidor,
        Err(error) => {
            eprintln!("error: no se pudo arrancar el servidor local: {error}");
            return ExitCode::FAILURE;
        }
    };
    let peticiones: Vec<(String, u16, String)> = (0..PETICIONES)
        .map(|i| (servidor.host(), servidor.puerto(), format!("/peticion/{i}")))
        .collect();

    println!(
        "Servidor local en {}; tarda {} ms en responder cada petición.",
        servidor.direccion(),
        LATENCIA.as_millis()
    );
    println!(
        "Lanzo {PETICIONES} peticiones con task::spawn_local desde el hilo {}.",
        ejemplos::hilo_actual()
    );

    let inicio = Instant::now();
    // El límite cubre la tanda entera: si algo se cuelga, se deja de esperar.
    let Ok(resultados) = future::timeout(limite, many_requests(peticiones)).await else {
        eprintln!(
            "error: se agotó el tiempo de espera: las {PETICIONES} peticiones al servidor local \
             no terminaron en {} ms",
            limite.as_millis()
        );
        return ExitCode::FAILURE;
    };
    let total = inicio.elapsed();

    for (i, resultado) in resultados.iter().enumerate() {
        if let Err(explicacion) =
            ejemplos::resumir(resultado, &servidor.url(&format!("/peticion/{i}")))
        {
            eprintln!("error: {explicacion}");
            return ExitCode::FAILURE;
        }
    }

    println!("\nLatencia de cada petición: {} ms.", LATENCIA.as_millis());
    println!(
        "Tiempo total de las {PETICIONES}: {} ms.",
        total.as_millis()
    );
    println!(
        "Total / latencia: {:.2} (una tras otra habría sido unas {PETICIONES} veces).",
        total.as_secs_f64() / LATENCIA.as_secs_f64()
    );
    println!(
        "Pico de peticiones en vuelo en el servidor: {} de {PETICIONES}.",
        servidor.pico_en_vuelo()
    );

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
    ExitCode::SUCCESS
}

/// Con argumentos: las URL de verdad, todas a la vez.
async fn peticiones_reales(
    urls: &[String],
    peticiones: Vec<(String, u16, String)>,
    limite: Duration,
) -> ExitCode {
    let inicio = Instant::now();
    let Ok(resultados) = future::timeout(limite, many_requests(peticiones)).await else {
        eprintln!(
            "error: se agotó el tiempo de espera: las peticiones no terminaron en {} ms \
             (cámbialo con --limite-ms)",
            limite.as_millis()
        );
        return ExitCode::FAILURE;
    };
    let mut fallos = 0;
    for (url, resultado) in urls.iter().zip(&resultados) {
        match ejemplos::resumir(resultado, url) {
            Ok(resumen) => println!("{url}: {resumen}"),
            Err(explicacion) => {
                fallos += 1;
                eprintln!("error: {explicacion}");
            }
        }
    }
    println!("Tiempo total: {} ms.", inicio.elapsed().as_millis());
    if fallos == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
