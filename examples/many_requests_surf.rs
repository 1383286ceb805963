//! `many_requests` con un cliente HTTP de verdad: surf.
//!
//! Este ejemplo existe para ver qué cambia cuando dejamos de escribir HTTP a
//! mano. `cheapo_request` no sabe cifrar (nada de `https`), no entiende las
//! cabeceras y no se entera de un error 500 ni de una respuesta cortada si no
//! se lo comprobamos aparte. surf sí: parsea la respuesta, habla `https`
//! (aquí con rustls) y reutiliza conexiones, porque un solo `surf::Client`
//! hace todas las peticiones.
//!
//! Tampoco hace falta envolver nada en `async move`: `recv_string` devuelve
//! un future dueño de todo lo que necesita (`'static`) y `Send`, así que va
//! directo a `task::spawn`.
//!
//! Sin argumentos, pide 20 URL al servidor local, que tarda 300 ms en cada
//! una, e imprime el tiempo total y el pico de peticiones en vuelo:
//!
//! ```text
//! cargo run --example many_requests_surf
//! ```
//!
//! Con argumentos, pide esas URL de verdad (`http://` o `https://`):
//!
//! ```text
//! cargo run --example many_requests_surf -- https://example.com/ https://www.rust-lang.org/
//! ```

use std::io;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use async_std::{future, task};
use futures::future::BoxFuture;
use surf::middleware::Next;
use taller_async::ejemplos::{self, Lectura};
use taller_async::respuesta::{self, ErrorRespuesta};
use taller_async::Servidor;

const USO: &str = "uso: cargo run --example many_requests_surf -- [--limite-ms N] [URL ...]\n\
     ejemplo: cargo run --example many_requests_surf -- https://example.com/ https://www.rust-lang.org/";

/// Cuántas peticiones lanza la demostración.
const PETICIONES: usize = 20;
/// Cuánto tarda el servidor local en responder cada una.
const LATENCIA: Duration = Duration::from_millis(300);

/// Un middleware de surf: revisa cada respuesta antes de entregarla.
///
/// `recv_string` devuelve el cuerpo de cualquier respuesta, también el de un
/// 500, como si todo hubiera ido bien. Y async-h1, el cliente HTTP/1.1 que
/// surf usa aquí, da el cuerpo por terminado cuando el servidor cierra la
/// conexión aunque falten bytes de los que prometía `Content-Length`. Con este
/// middleware en el cliente, las dos cosas llegan como `Err`.
fn revisar_respuesta<'a>(
    request: surf::Request,
    client: surf::Client,
    next: Next<'a>,
) -> BoxFuture<'a, surf::Result<surf::Response>> {
    Box::pin(async move {
        let mut response = next.run(request, client).await?;
        let status = response.status();
        if status.is_client_error() || status.is_server_error() {
            return Err(surf::Error::new(
                status,
                ErrorRespuesta::Estado(status as u16),
            ));
        }
        let body = response.take_body();
        let prometidos = body.len();
        let bytes = body.into_bytes().await?;
        if let Some(prometidos) = prometidos {
            if bytes.len() < prometidos {
                let incompleta = ErrorRespuesta::Incompleta {
                    prometidos,
                    recibidos: bytes.len(),
                };
                return Err(surf::Error::new(status, incompleta));
            }
        }
        response.set_body(bytes);
        Ok(response)
    })
}

// ANCHOR: many_requests_surf
pub async fn many_requests(urls: &[String]) -> Vec<Result<String, surf::Error>> {
    // Un solo cliente para todas: puede reutilizar una conexión para varias
    // peticiones al mismo servidor. `with` le añade `revisar_respuesta`, que
    // convierte un estado de error o un cuerpo cortado en un `Err`.
    let client = surf::Client::new().with(revisar_respuesta);
    let mut handles = vec![];
    for url in urls {
        // El future de `recv_string` es `'static` y `Send`: va directo a
        // `spawn`, sin bloque `async move`.
        let request = client.get(url).recv_string();
        handles.push(task::spawn(request));
    }

    let mut results = vec![];
    for handle in handles {
        results.push(handle.await);
    }
    results
}
// ANCHOR_END: many_requests_surf

/// Explica en español un error de surf al pedir `url`.
fn explicar(error: &surf::Error, url: &str) -> String {
    // Los que puso `revisar_respuesta` ya vienen en español.
    if let Some(error_respuesta) = error.downcast_ref::<ErrorRespuesta>() {
        return format!("{url}: {error_respuesta}");
    }
    if let Some(error_io) = error.downcast_ref::<io::Error>() {
        return respuesta::explicar_io(error_io, url);
    }
    // El conjunto de conexiones de surf convierte algunos errores de red en
    // texto, y el tipo del `io::Error` original se pierde: se reconoce por el
    // mensaje del sistema.
    let texto = error.to_string();
    let tipo = if texto.contains("Connection refused") {
        Some(io::ErrorKind::ConnectionRefused)
    } else if texto.contains("Connection reset") {
        Some(io::ErrorKind::ConnectionReset)
    } else if texto.contains("timed out") {
        Some(io::ErrorKind::TimedOut)
    } else {
        None
    };
    match tipo {
        Some(tipo) => respuesta::explicar_io(&io::Error::new(tipo, texto), url),
        None => format!("{url}: la petición falló ({texto})"),
    }
}

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

    // `client.get` entra en pánico con una URL mal formada: se comprueban
    // antes, para poder explicar qué está mal.
    for url in &opciones.argumentos {
        match surf::Url::parse(url) {
            Ok(bien) if bien.scheme() == "http" || bien.scheme() == "https" => {}
            Ok(_) => {
                let problema = format!("«{url}»: solo sé pedir URL http:// o https://");
                return ejemplos::uso_incorrecto(USO, &problema);
            }
            Err(error) => {
                let problema = format!("«{url}» no es una URL válida ({error})");
                return ejemplos::uso_incorrecto(USO, &problema);
            }
        }
    }
    task::block_on(peticiones_reales(&opciones.argumentos, opciones.limite))
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
    let urls: Vec<String> = (0..PETICIONES)
        .map(|i| servidor.url(&format!("/peticion/{i}")))
        .collect();

    println!(
        "Servidor local en {}; tarda {} ms en responder cada petición.",
        servidor.direccion(),
        LATENCIA.as_millis()
    );
    println!("Pido {PETICIONES} URL con un solo surf::Client y task::spawn.");

    let inicio = Instant::now();
    // El límite cubre la tanda entera: si algo se cuelga, se deja de esperar.
    let Ok(resultados) = future::timeout(limite, many_requests(&urls)).await else {
        eprintln!(
            "error: se agotó el tiempo de espera: las {PETICIONES} peticiones al servidor local \
             no terminaron en {} ms",
            limite.as_millis()
        );
        return ExitCode::FAILURE;
    };
    let total = inicio.elapsed();

    let mut bytes = 0;
    for (url, resultado) in urls.iter().zip(&resultados) {
        match resultado {
            Ok(cuerpo) => bytes += cuerpo.len(),
            Err(error) => {
                eprintln!("error: {}", explicar(error, url));
                return ExitCode::FAILURE;
            }
        }
    }

    println!("\nLas {PETICIONES} respuestas llegaron bien: {bytes} bytes de cuerpo en total.");
    println!("Latencia de cada petición: {} ms.", LATENCIA.as_millis());
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
    ExitCode::SUCCESS
}

/// Con argumentos: las URL de verdad, todas a la vez.
async fn peticiones_reales(urls: &[String], limite: Duration) -> ExitCode {
    let inicio = Instant::now();
    let Ok(resultados) = future::timeout(limite, many_requests(urls)).await else {
        eprintln!(
            "error: se agotó el tiempo de espera: las peticiones no terminaron en {} ms \
             (cámbialo con --limite-ms)",
            limite.as_millis()
        );
        return ExitCode::FAILURE;
    };
    let mut fallos = 0;
    for (url, resultado) in urls.iter().zip(&resultados) {
        match resultado {
            Ok(cuerpo) => println!("{url}: {} bytes de cuerpo", cuerpo.len()),
            Err(error) => {
                fallos += 1;
                eprintln!("error: {}", explicar(error, url));
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
