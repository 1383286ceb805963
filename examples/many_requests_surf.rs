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
use std::time::Duration;

use async_std::task;
use futures::future::BoxFuture;
use surf::middleware::Next;
use taller_async::ejemplos::{self, Demostracion, PETICIONES};
use taller_async::respuesta::{self, ErrorRespuesta};

const USO: &str = "uso: cargo run --example many_requests_surf -- [--limite-ms N] [URL ...]\n\
     ejemplo: cargo run --example many_requests_surf -- https://example.com/ https://www.rust-lang.org/";

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
        if let Some(prometidos) = prometidos
            && bytes.len() < prometidos
        {
            let incompleta = ErrorRespuesta::Incompleta {
                prometidos,
                recibidos: bytes.len(),
            };
            return Err(surf::Error::new(status, incompleta));
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
    // async-h1, el cliente HTTP/1 de surf, solo acepta respuestas HTTP/1.1:
    // una respuesta «HTTP/1.0 200 OK», como la de `python3 -m http.server`,
    // le parece de una versión que no conoce.
    if texto.contains("Unsupported HTTP version") {
        return format!(
            "{url}: el servidor respondió con HTTP/1.0, y el cliente HTTP/1 de surf \
             (async-h1) solo acepta respuestas HTTP/1.1. Pide la URL con \
             `cargo run --example many_requests -- {url}`, cuya cheapo_request lee \
             también HTTP/1.0, o haz que el servidor responda con HTTP/1.1 (con \
             `python3 -m http.server`, añade `--protocol HTTP/1.1`)"
        );
    }
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

/// Resume en una línea lo que devolvió surf al pedir `url`: los bytes del
/// cuerpo, o la explicación del error.
fn resumir(resultado: &Result<String, surf::Error>, url: &str) -> Result<String, String> {
    match resultado {
        Ok(cuerpo) => Ok(format!("{} bytes de cuerpo", cuerpo.len())),
        Err(error) => Err(explicar(error, url)),
    }
}

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
    // `client.get` entra en pánico con una URL mal formada: se comprueban
    // antes, para poder explicar qué está mal.
    for url in urls {
        let problema = match surf::Url::parse(url) {
            Ok(bien) if bien.scheme() == "http" || bien.scheme() == "https" => continue,
            Ok(_) => format!("«{url}»: solo sé pedir URL http:// o https://"),
            Err(error) => format!("«{url}» no es una URL válida ({error})"),
        };
        return Err(ejemplos::uso_incorrecto(USO, &problema));
    }
    task::block_on(ejemplos::pedir_de_verdad(
        urls,
        many_requests(urls),
        opciones.limite,
        resumir,
    ))
}

/// Sin argumentos: la tanda contra el servidor local, midiendo.
async fn demostracion(limite: Duration) -> Result<(), ExitCode> {
    let demo = Demostracion::arrancar().await?;
    let urls = demo.urls();
    println!("Pido {PETICIONES} URL con un solo surf::Client y task::spawn.");
    let (resultados, total) = demo.medir(limite, many_requests(&urls), resumir).await?;
    let bytes: usize = resultados.iter().flatten().map(String::len).sum();
    println!("\nLas {PETICIONES} respuestas llegaron bien: {bytes} bytes de cuerpo en total.");
    demo.resumen(total);
    Ok(())
}
