//! `many_requests_tokio`: `many_requests` con tokio, de dos maneras: la
//! `cheapo_request` escrita a mano, y reqwest en el lugar de surf.
//!
//! Este ejemplo existe para ver qué cambia al pasar de async-std a tokio, el
//! runtime más usado. Cambian más cosas que con smol:
//!
//! - los traits de E/S son los de tokio (`tokio::io::AsyncReadExt`), no los
//!   de `futures`, y cerrar la mitad de escritura es `shutdown().await`;
//! - esperar el `JoinHandle` de `tokio::spawn` da un `Result`: `Err` si la
//!   tarea entró en pánico o se canceló;
//! - el runtime se crea con `#[tokio::main]` (o con un `Runtime` a mano), y
//!   sus tareas solo pueden usar la red y los relojes de tokio dentro de él;
//! - el cliente HTTP es reqwest, hecho sobre hyper, que ocupa el lugar de
//!   surf.
//!
//! Sin argumentos, lanza 20 peticiones al servidor local, que tarda 300 ms en
//! cada una, con cada versión:
//!
//! ```text
//! cargo run -p migracion --example many_requests_tokio
//! ```
//!
//! Con argumentos, pide esas URL con reqwest. El taller lo compila sin TLS,
//! así que solo `http://`; para `https://`, activa la feature `rustls` de
//! reqwest en `migracion/Cargo.toml`:
//!
//! ```text
//! cargo run -p migracion --example many_requests_tokio -- http://example.com/
//! ```

use std::process::ExitCode;
use std::time::Instant;

use migracion::{LATENCIA, LIMITE, PETICIONES};
use taller_async::{Servidor, ejemplos};

// ANCHOR: cheapo_request
// Con async-std: `use async_std::io::prelude::*;` y `use async_std::net;`.
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net;

async fn cheapo_request(host: &str, port: u16, path: &str) -> std::io::Result<String> {
    migracion::anotar_hilo();
    let mut socket = net::TcpStream::connect((host, port)).await?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    socket.write_all(request.as_bytes()).await?;
    // Con async-std: `socket.shutdown(net::Shutdown::Write)?`, sin `.await`.
    socket.shutdown().await?;

    let mut response = String::new();
    socket.read_to_string(&mut response).await?;
    Ok(response)
}
// ANCHOR_END: cheapo_request

// ANCHOR: many_requests
/// `many_requests` con `tokio::spawn`: las tareas van al pool de hilos del
/// runtime, como con `task::spawn` de async-std.
async fn many_requests(requests: Vec<(String, u16, String)>) -> Vec<std::io::Result<String>> {
    let mut handles = vec![];
    for (host, port, path) in requests {
        handles.push(tokio::spawn(async move {
            cheapo_request(&host, port, &path).await
        }));
    }

    let mut results = vec![];
    for handle in handles {
        // Con async-std, `handle.await` da el valor de la tarea. Con tokio da
        // un `Result`, por si la tarea entró en pánico o se canceló.
        results.push(handle.await.expect("la tarea entró en pánico"));
    }
    results
}
// ANCHOR_END: many_requests

// ANCHOR: many_requests_reqwest
/// `many_requests` con reqwest: el `many_requests_surf` del capítulo 2.
pub async fn many_requests_reqwest(urls: &[String]) -> Vec<Result<String, reqwest::Error>> {
    // Un solo cliente para todas, como con surf: reutiliza las conexiones.
    let client = reqwest::Client::new();
    let mut handles = vec![];
    for url in urls {
        // `send()` devuelve un future `'static` y `Send`; leer el cuerpo es
        // otro paso, y convertir un 404 o un 500 en `Err`, otro más (surf
        // necesitaba un middleware para eso).
        let request = client.get(url).send();
        handles.push(tokio::spawn(async move {
            request.await?.error_for_status()?.text().await
        }));
    }

    let mut results = vec![];
    for handle in handles {
        results.push(handle.await.expect("la tarea entró en pánico"));
    }
    results
}
// ANCHOR_END: many_requests_reqwest

// ANCHOR: main
// Con async-std: `fn main() { task::block_on(async { ... }) }`. Esta macro
// crea un runtime de tokio con un hilo por núcleo y corre `main` dentro.
#[tokio::main]
async fn main() -> ExitCode {
    let urls: Vec<String> = std::env::args().skip(1).collect();
    if urls.is_empty() {
        demostracion().await
    } else {
        peticiones_reales(&urls).await
    }
}
// ANCHOR_END: main

/// Comprueba que todas las respuestas llegaron enteras y bien.
fn revisar(resultados: &[std::io::Result<String>], servidor: &Servidor) -> Result<(), String> {
    for resultado in resultados {
        ejemplos::resumir(resultado, &servidor.url("/"))?;
    }
    Ok(())
}

/// Sin argumentos: las dos tandas contra el servidor local, midiendo.
async fn demostracion() -> ExitCode {
    // El servidor del taller es de async-std: corre en los hilos de su propio
    // ejecutor, y arranca igual desde dentro de tokio.
    let servidor = match Servidor::con_latencia(LATENCIA).await {
        Ok(servidor) => servidor,
        Err(error) => {
            eprintln!("error: no se pudo arrancar el servidor local: {error}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "Servidor local en {}; tarda {} ms en responder cada petición.",
        servidor.direccion(),
        LATENCIA.as_millis()
    );

    println!("\n{PETICIONES} peticiones con cheapo_request y tokio::spawn:");
    let peticiones: Vec<(String, u16, String)> = (0..PETICIONES)
        .map(|i| (servidor.host(), servidor.puerto(), format!("/peticion/{i}")))
        .collect();
    let inicio = Instant::now();
    let Ok(resultados) = tokio::time::timeout(LIMITE, many_requests(peticiones)).await else {
        eprintln!(
            "error: las peticiones no terminaron en {} s",
            LIMITE.as_secs()
        );
        return ExitCode::FAILURE;
    };
    if let Err(problema) = revisar(&resultados, &servidor) {
        eprintln!("error: {problema}");
        return ExitCode::FAILURE;
    }
    migracion::imprimir_tanda(inicio.elapsed(), servidor.pico_en_vuelo());
    migracion::imprimir_hilos();

    println!("\n{PETICIONES} peticiones con un reqwest::Client y tokio::spawn:");
    servidor.reiniciar_pico();
    let urls: Vec<String> = (0..PETICIONES)
        .map(|i| servidor.url(&format!("/peticion/{i}")))
        .collect();
    let inicio = Instant::now();
    let Ok(resultados) = tokio::time::timeout(LIMITE, many_requests_reqwest(&urls)).await else {
        eprintln!(
            "error: las peticiones no terminaron en {} s",
            LIMITE.as_secs()
        );
        return ExitCode::FAILURE;
    };
    let total = inicio.elapsed();
    let mut bytes = 0;
    for (url, resultado) in urls.iter().zip(&resultados) {
        match resultado {
            Ok(cuerpo) => bytes += cuerpo.len(),
            Err(error) => {
                eprintln!("error: {url}: {error}");
                return ExitCode::FAILURE;
            }
        }
    }
    println!("  las {PETICIONES} respuestas llegaron bien: {bytes} bytes de cuerpo en total");
    migracion::imprimir_tanda(total, servidor.pico_en_vuelo());
    ExitCode::SUCCESS
}

/// Con argumentos: las URL de verdad, todas a la vez, con reqwest.
async fn peticiones_reales(urls: &[String]) -> ExitCode {
    for url in urls {
        if !url.starts_with("http://") {
            eprintln!(
                "error: «{url}»: el taller compila reqwest sin TLS y solo pide URL http://; \
                 para https, activa la feature `rustls` de reqwest en migracion/Cargo.toml"
            );
            return ExitCode::from(2);
        }
    }
    let Ok(resultados) = tokio::time::timeout(LIMITE, many_requests_reqwest(urls)).await else {
        eprintln!(
            "error: las peticiones no terminaron en {} s",
            LIMITE.as_secs()
        );
        return ExitCode::FAILURE;
    };
    let mut fallos = 0;
    for (url, resultado) in urls.iter().zip(&resultados) {
        match resultado {
            Ok(cuerpo) => println!("{url}: {} bytes de cuerpo", cuerpo.len()),
            Err(error) => {
                fallos += 1;
                eprintln!("error: {url}: {error}");
            }
        }
    }
    if fallos == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
