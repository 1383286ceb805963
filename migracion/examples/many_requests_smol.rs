//! `many_requests_smol`: el `many_requests` del capítulo 2 con smol, el
//! sucesor de async-std.
//!
//! Este ejemplo existe para ver qué cambia al pasar de async-std a smol. La
//! `cheapo_request` escrita a mano cambia poco: los `use`. Lo que cambia de
//! verdad es cómo se lanzan las tareas. smol no tiene un `spawn_local`
//! global: el ejecutor de un solo hilo es un valor, `LocalExecutor`, que se
//! crea, se le lanzan tareas y se pone a correr con `block_on(ex.run(...))`.
//! Y un `smol::Task` que se suelta sin esperarlo **cancela** la tarea, al
//! revés que el `JoinHandle` de async-std.
//!
//! Sin argumentos, lanza 20 peticiones al servidor local, que tarda 300 ms en
//! cada una, dos veces: en un `LocalExecutor` (como `spawn_local`) y con
//! `smol::spawn` (como `task::spawn`, en el ejecutor global de smol):
//!
//! ```text
//! cargo run -p migracion --example many_requests_smol
//! ```
//!
//! Con argumentos, pide esas URL (solo `http://`: `cheapo_request` no cifra):
//!
//! ```text
//! cargo run -p migracion --example many_requests_smol -- http://example.com/
//! ```

use std::process::ExitCode;
use std::time::Instant;

use migracion::{LATENCIA, LIMITE, PETICIONES};
use smol::{LocalExecutor, Timer, future};
use taller_async::Servidor;
use taller_async::ejemplos;

// ANCHOR: cheapo_request
// Con async-std: `use async_std::io::prelude::*;` y `use async_std::net;`.
use smol::io::{AsyncReadExt, AsyncWriteExt};
use smol::net;

async fn cheapo_request(host: &str, port: u16, path: &str) -> std::io::Result<String> {
    migracion::anotar_hilo();
    let mut socket = net::TcpStream::connect((host, port)).await?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    socket.write_all(request.as_bytes()).await?;
    socket.shutdown(net::Shutdown::Write)?;

    let mut response = String::new();
    socket.read_to_string(&mut response).await?;
    Ok(response)
}
// ANCHOR_END: cheapo_request

// ANCHOR: many_requests
/// `many_requests` con las tareas en un `LocalExecutor`: todas en el hilo que
/// lo hace correr, como con `spawn_local`.
async fn many_requests(
    ex: &LocalExecutor<'_>,
    requests: Vec<(String, u16, String)>,
) -> Vec<std::io::Result<String>> {
    let mut handles = vec![];
    for (host, port, path) in requests {
        // Con async-std: `task::spawn_local(async move { ... })`.
        handles.push(ex.spawn(async move { cheapo_request(&host, port, &path).await }));
    }

    let mut results = vec![];
    for handle in handles {
        // Un `smol::Task` es un future de lo que devuelve la tarea, como el
        // `JoinHandle` de async-std. Pero soltarlo sin esperarlo la cancela:
        // para dejarla correr por su cuenta hay que llamar a `detach()`.
        results.push(handle.await);
    }
    results
}
// ANCHOR_END: many_requests

// ANCHOR: many_requests_spawn
/// Lo mismo con `smol::spawn`: las tareas van al ejecutor global de smol,
/// que las reparte entre sus hilos. Como con `task::spawn`, el future tiene
/// que ser `Send + 'static`.
async fn many_requests_spawn(requests: Vec<(String, u16, String)>) -> Vec<std::io::Result<String>> {
    let mut handles = vec![];
    for (host, port, path) in requests {
        handles.push(smol::spawn(async move {
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

// ANCHOR: main
fn main() -> ExitCode {
    let urls: Vec<String> = std::env::args().skip(1).collect();
    // Con async-std: `task::block_on(...)`. En smol, el ejecutor local hay
    // que crearlo y hacerlo correr: `ex.run(f)` sondea `f` y, mientras
    // tanto, las tareas lanzadas con `ex.spawn`.
    let ex = LocalExecutor::new();
    smol::block_on(ex.run(async {
        if urls.is_empty() {
            demostracion(&ex).await
        } else {
            peticiones_reales(&ex, &urls).await
        }
    }))
}
// ANCHOR_END: main

/// Espera `f`, pero como mucho `LIMITE`.
async fn con_limite<T>(f: impl std::future::Future<Output = T>) -> Option<T> {
    // Con async-std: `async_std::future::timeout(LIMITE, f)`.
    future::or(async { Some(f.await) }, async {
        Timer::after(LIMITE).await;
        None
    })
    .await
}

/// Comprueba que todas las respuestas llegaron enteras y bien.
fn revisar(resultados: &[std::io::Result<String>], servidor: &Servidor) -> Result<(), String> {
    for resultado in resultados {
        ejemplos::resumir(resultado, &servidor.url("/"))?;
    }
    Ok(())
}

/// Sin argumentos: las dos tandas contra el servidor local, midiendo.
async fn demostracion(ex: &LocalExecutor<'_>) -> ExitCode {
    // El servidor del taller es de async-std, y arranca igual desde smol.
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
    let peticiones = || -> Vec<(String, u16, String)> {
        (0..PETICIONES)
            .map(|i| (servidor.host(), servidor.puerto(), format!("/peticion/{i}")))
            .collect()
    };

    println!(
        "\n{PETICIONES} peticiones en un LocalExecutor de smol, desde el hilo {}:",
        ejemplos::hilo_actual()
    );
    let inicio = Instant::now();
    let Some(resultados) = con_limite(many_requests(ex, peticiones())).await else {
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

    println!("\n{PETICIONES} peticiones con smol::spawn, en el ejecutor global de smol:");
    servidor.reiniciar_pico();
    let inicio = Instant::now();
    let Some(resultados) = con_limite(many_requests_spawn(peticiones())).await else {
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
    ExitCode::SUCCESS
}

/// Con argumentos: las URL de verdad, todas a la vez.
async fn peticiones_reales(ex: &LocalExecutor<'_>, urls: &[String]) -> ExitCode {
    let mut peticiones = vec![];
    for url in urls {
        match ejemplos::host_puerto_ruta(url) {
            Ok(peticion) => peticiones.push(peticion),
            Err(problema) => {
                eprintln!("error: {problema}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(resultados) = con_limite(many_requests(ex, peticiones)).await else {
        eprintln!(
            "error: las peticiones no terminaron en {} s",
            LIMITE.as_secs()
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
    if fallos == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
