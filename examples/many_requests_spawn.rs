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
use std::time::{Duration, Instant};

use async_std::io::prelude::*;
use async_std::{future, net, task};
use taller_async::ejemplos::{self, Hilos, Lectura};
use taller_async::Servidor;

const USO: &str = "uso: cargo run --example many_requests_spawn -- [--limite-ms N] [URL ...]\n\
     ejemplo: cargo run --example many_requests_spawn -- http://example.com/ http://neverssl.com/";

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
        "Lanzo {PETICIONES} peticiones con task::spawn desde el hilo {}.",
        ejemplos::hilo_actual()
    );

    let inicio = Instant::now();
    // El límite cubre la tanda entera: si algo se cuelga, se deja de esperar.
    let Ok(resultados) = future::timeout(limite, many_requests_spawn(peticiones)).await else {
        eprintln!(
            "error: se agotó el tiempo de espera: las {PETICIONES} peticiones al servidor local \
             no terminaron en {} ms",
            limite.as_millis()
        );
        return ExitCode::FAILURE;
    };
    let total = inicio.elapsed();

    for (i, resultado) in resultados.iter().enumerate() {
        let url = servidor.url(&format!("/peticion/{i}"));
        if let Err(explicacion) = ejemplos::resumir(resultado, &url) {
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
    ExitCode::SUCCESS
}

/// Con argumentos: las URL de verdad, todas a la vez.
async fn peticiones_reales(
    urls: &[String],
    peticiones: Vec<(String, u16, String)>,
    limite: Duration,
) -> ExitCode {
    let inicio = Instant::now();
    let Ok(resultados) = future::timeout(limite, many_requests_spawn(peticiones)).await else {
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
