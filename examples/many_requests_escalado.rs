//! `many_requests_escalado`: `many_requests` con 1, 10, 100... hasta 1000
//! peticiones a la vez, con un hilo por petición y con una tarea por petición.
//!
//! El capítulo 2 lanzó 20 peticiones. Este ejemplo existe para ver qué pasa
//! cuando son muchas más, y para comprobar lo que más se olvida de la
//! programación asíncrona: no hace más rápida la E/S. El servidor
//! local tarda siempre lo mismo (100 ms) en responder; para cada N se mide el
//! tiempo total de N peticiones a la vez, de dos formas:
//!
//! - **hilos**: N hilos de `std::thread::spawn`, cada uno con la
//!   `cheapo_request` síncrona (`std::net`), que bloquea su hilo;
//! - **tareas**: N tareas de `task::spawn_local` en un solo hilo, cada una con
//!   la `cheapo_request` asíncrona (`async_std::net`), como en el capítulo 2.
//!
//! Y, aparte, 200 peticiones una tras otra a un servidor sin latencia, con la
//! versión síncrona y con la asíncrona: lo que tarda una sola petición.
//!
//! Imprime una tabla y dibuja una gráfica SVG con los datos de la misma
//! ejecución:
//!
//! ```text
//! cargo run --example many_requests_escalado
//! ```
//!
//! Mil peticiones a la vez abren dos mil sockets en el proceso (los del
//! cliente y los del servidor local). Muchos sistemas dejan abrir solo 1024
//! archivos por proceso: el ejemplo sube ese límite hasta donde el sistema lo
//! permite y, si no alcanza, se queda en el N que cabe y lo dice.

use std::path::Path;
use std::process::ExitCode;
use std::thread;
use std::time::{Duration, Instant};

use async_std::{future, task};
use taller_async::{Servidor, ejemplos, medir};

/// Cuántas peticiones a la vez se prueban.
const TANDAS: [usize; 7] = [1, 10, 50, 100, 250, 500, 1000];
/// Cuánto tarda el servidor local en responder cada una.
const LATENCIA: Duration = Duration::from_millis(100);
/// Cuántas peticiones seguidas se hacen para medir una sola.
const SEGUIDAS: usize = 200;
/// Si algo se cuelga, cuánto se espera antes de rendirse.
const LIMITE: Duration = Duration::from_secs(30);

// ANCHOR: dos_versiones
mod sincrona {
    use std::io::prelude::*;
    use std::net;

    /// La `cheapo_request` síncrona del capítulo 1: bloquea el hilo.
    pub fn cheapo_request(host: &str, port: u16, path: &str) -> std::io::Result<String> {
        let mut socket = net::TcpStream::connect((host, port))?;
        let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        socket.write_all(request.as_bytes())?;
        socket.shutdown(net::Shutdown::Write)?;
        let mut response = String::new();
        socket.read_to_string(&mut response)?;
        Ok(response)
    }
}

mod asincrona {
    use async_std::io::prelude::*;
    use async_std::net;

    /// La misma, asíncrona: suspende la tarea en cada `.await` que espera.
    pub async fn cheapo_request(host: &str, port: u16, path: &str) -> std::io::Result<String> {
        let mut socket = net::TcpStream::connect((host, port)).await?;
        let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        socket.write_all(request.as_bytes()).await?;
        socket.shutdown(net::Shutdown::Write)?;
        let mut response = String::new();
        socket.read_to_string(&mut response).await?;
        Ok(response)
    }
}

/// N peticiones a la vez, un hilo para cada una.
fn con_hilos(host: &str, port: u16, n: usize) -> Result<Vec<std::io::Result<String>>, String> {
    let mut handles = Vec::with_capacity(n);
    for i in 0..n {
        let (host, path) = (host.to_string(), format!("/hilo/{i}"));
        let handle = thread::Builder::new()
            .spawn(move || sincrona::cheapo_request(&host, port, &path))
            .map_err(|e| format!("el sistema no dejó crear el hilo {i}: {e}"))?;
        handles.push(handle);
    }
    Ok(handles
        .into_iter()
        .map(|handle| handle.join().expect("cheapo_request no entra en pánico"))
        .collect())
}

/// N peticiones a la vez, una tarea local para cada una: `many_requests`.
async fn con_tareas(host: &str, port: u16, n: usize) -> Vec<std::io::Result<String>> {
    let mut handles = Vec::with_capacity(n);
    for i in 0..n {
        let (host, path) = (host.to_string(), format!("/tarea/{i}"));
        handles.push(task::spawn_local(async move {
            asincrona::cheapo_request(&host, port, &path).await
        }));
    }
    let mut resultados = Vec::with_capacity(n);
    for handle in handles {
        resultados.push(handle.await);
    }
    resultados
}
// ANCHOR_END: dos_versiones

/// Una fila de la tabla.
struct Fila {
    n: usize,
    hilos: Duration,
    tareas: Duration,
    pico_hilos: usize,
    pico_tareas: usize,
}

/// Comprueba que todas las respuestas llegaron enteras y bien.
fn revisar(resultados: &[std::io::Result<String>], servidor: &Servidor) -> Result<(), String> {
    for resultado in resultados {
        ejemplos::resumir(resultado, &servidor.url("/"))?;
    }
    Ok(())
}

/// Sube el límite de archivos abiertos hasta el máximo que permite el
/// sistema, y devuelve cuántos quedan permitidos.
fn subir_limite_de_archivos() -> u64 {
    if !cfg!(unix) {
        return u64::MAX;
    }
    rlimit::increase_nofile_limit(u64::MAX).unwrap_or(1024)
}

fn main() -> ExitCode {
    if medir::mostrar_uso_si_hay_argumentos("many_requests_escalado") {
        return ExitCode::SUCCESS;
    }
    match task::block_on(future::timeout(LIMITE * 4, medir_todo())) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(problema)) => {
            eprintln!("error: {problema}");
            ExitCode::FAILURE
        }
        Err(_) => {
            eprintln!(
                "error: las medidas no terminaron en {} s: algo se quedó esperando",
                (LIMITE * 4).as_secs()
            );
            ExitCode::FAILURE
        }
    }
}

async fn medir_todo() -> Result<(), String> {
    // Cada petición a la vez usa dos descriptores (el socket del cliente y el
    // del servidor), más un margen para lo demás.
    let archivos = subir_limite_de_archivos();
    let cabe = |n: &&usize| (2 * **n as u64 + 64) <= archivos;
    let tandas: Vec<usize> = TANDAS.iter().filter(cabe).copied().collect();

    let servidor = Servidor::con_latencia(LATENCIA)
        .await
        .map_err(|e| format!("no se pudo arrancar el servidor local: {e}"))?;
    let (host, port) = (servidor.host(), servidor.puerto());
    medir::cabecera("many_requests con N peticiones a la vez");
    println!(
        "Servidor local en {}; tarda {} ms en responder cada petición.",
        servidor.direccion(),
        LATENCIA.as_millis()
    );
    if tandas.len() < TANDAS.len() {
        println!(
            "(Este proceso solo puede abrir {archivos} archivos: se prueba hasta N = {}.)",
            tandas.last().copied().unwrap_or(0)
        );
    }

    // ANCHOR: medir_tanda
    let mut filas = Vec::new();
    for &n in &tandas {
        servidor.reiniciar_pico();
        let inicio = Instant::now();
        let (h, p) = (host.clone(), port);
        // Los hilos bloquean: se esperan desde un hilo aparte para no
        // bloquear también la tarea que mide.
        let resultados = task::spawn_blocking(move || con_hilos(&h, p, n)).await?;
        let hilos = inicio.elapsed();
        revisar(&resultados, &servidor)?;
        let pico_hilos = servidor.pico_en_vuelo();

        servidor.reiniciar_pico();
        let inicio = Instant::now();
        let resultados = future::timeout(LIMITE, con_tareas(&host, port, n))
            .await
            .map_err(|_| format!("las {n} peticiones con tareas no terminaron a tiempo"))?;
        let tareas = inicio.elapsed();
        revisar(&resultados, &servidor)?;
        let pico_tareas = servidor.pico_en_vuelo();

        filas.push(Fila {
            n,
            hilos,
            tareas,
            pico_hilos,
            pico_tareas,
        });
    }
    // ANCHOR_END: medir_tanda

    println!(
        "\nTiempo total de N peticiones a la vez (cada una tarda {} ms en el servidor):\n",
        LATENCIA.as_millis()
    );
    println!(
        "  {:>5}   {:>10}   {:>10}   {:>11}   {:>11}",
        "N", "hilos", "tareas", "pico hilos", "pico tareas"
    );
    for fila in &filas {
        println!(
            "  {:>5}   {:>10}   {:>10}   {:>11}   {:>11}",
            fila.n,
            medir::duracion(fila.hilos),
            medir::duracion(fila.tareas),
            fila.pico_hilos,
            fila.pico_tareas
        );
    }

    // ANCHOR: una_sola
    // Una sola petición, sin latencia y sin nada más en marcha: lo que cuesta
    // la E/S en sí, con cada versión.
    let rapido = Servidor::iniciar()
        .await
        .map_err(|e| format!("no se pudo arrancar el servidor local: {e}"))?;
    let (host, port) = (rapido.host(), rapido.puerto());
    let h = host.clone();
    let sincrona = task::spawn_blocking(move || {
        let inicio = Instant::now();
        for _ in 0..SEGUIDAS {
            sincrona::cheapo_request(&h, port, "/").map_err(|e| e.to_string())?;
        }
        Ok::<_, String>(inicio.elapsed())
    })
    .await?;
    let inicio = Instant::now();
    for _ in 0..SEGUIDAS {
        asincrona::cheapo_request(&host, port, "/")
            .await
            .map_err(|e| e.to_string())?;
    }
    let asincrona = inicio.elapsed();
    // ANCHOR_END: una_sola
    println!("\n{SEGUIDAS} peticiones una tras otra, sin latencia; lo que tarda cada una:");
    println!(
        "  síncrona (std::net):         {:>10}",
        medir::tiempo(sincrona.as_nanos() as f64 / SEGUIDAS as f64)
    );
    println!(
        "  asíncrona (async_std::net):  {:>10}",
        medir::tiempo(asincrona.as_nanos() as f64 / SEGUIDAS as f64)
    );

    medir::escribir_grafica("many_requests_escalado", |ruta| dibujar(ruta, &filas))
}

/// El tiempo total según N, con hilos y con tareas, y la latencia del
/// servidor como referencia.
fn dibujar(ruta: &Path, filas: &[Fila]) -> medir::Resultado {
    use plotters::prelude::*;

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mayor_n = filas.iter().map(|f| f.n).max().unwrap_or(10).max(10) as f64;
    let mayor_ms = filas
        .iter()
        .map(|f| ms(f.hilos).max(ms(f.tareas)))
        .fold(ms(LATENCIA), f64::max);

    let (lienzo, arriba) = medir::lienzo(ruta, 800)?;
    let mut grafica = ChartBuilder::on(&arriba)
        .caption(
            format!(
                "N peticiones a la vez, cada una de {} ms",
                LATENCIA.as_millis()
            ),
            ("sans-serif", 18),
        )
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(60)
        .build_cartesian_2d((1f64..mayor_n * 1.2).log_scale(), 0f64..mayor_ms * 1.2)?;
    medir::ejes(
        &mut grafica,
        "N, peticiones a la vez (escala logarítmica)",
        "tiempo total (ms)",
    )?;
    grafica
        .draw_series(LineSeries::new(
            [(1.0, ms(LATENCIA)), (mayor_n * 1.2, ms(LATENCIA))],
            BLACK.mix(0.4),
        ))?
        .label("la latencia de una petición")
        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], BLACK.mix(0.4)));
    let curva = |tiempo: fn(&Fila) -> Duration| -> Vec<(f64, f64)> {
        filas.iter().map(|f| (f.n as f64, ms(tiempo(f)))).collect()
    };
    let series = [
        (
            "hilos (std::thread + std::net)",
            medir::ROJO,
            curva(|f| f.hilos),
        ),
        (
            "tareas (spawn_local + async_std::net)",
            medir::AZUL,
            curva(|f| f.tareas),
        ),
    ];
    medir::curvas_con_puntos(&mut grafica, series)?;
    medir::leyenda(&mut grafica, SeriesLabelPosition::UpperLeft)?;
    lienzo.present()?;
    Ok(())
}
