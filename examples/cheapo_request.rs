//! `cheapo_request`: la misma petición HTTP escrita dos veces, una síncrona
//! (`std::net`) y otra asíncrona (`async_std::net`).
//!
//! Este ejemplo existe para ver, lado a lado, que pasar de síncrono a
//! asíncrono cambia poco el código (`async fn`, otros tipos y un `.await`
//! detrás de cada operación que espera) y nada la velocidad de una petición:
//! una petición asíncrona tarda lo mismo que una síncrona. Lo que gana el
//! código asíncrono es que el hilo puede hacer otra cosa mientras espera, y
//! eso se ve en el ejemplo siguiente, `many_requests`.
//!
//! Sin argumentos, arranca un servidor local que tarda unos 200 ms en
//! responder y le hace unas cuantas peticiones una tras otra, primero con la
//! versión síncrona y después con la asíncrona, midiendo cada una:
//!
//! ```text
//! cargo run --example cheapo_request
//! ```
//!
//! Con argumentos hace la petición de verdad (las dos versiones) e imprime la
//! línea de estado y el tamaño de la respuesta:
//!
//! ```text
//! cargo run --example cheapo_request -- example.com 80 /
//! cargo run --example cheapo_request -- --limite-ms 2000 example.com 80 /
//! ```

use std::process::ExitCode;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use async_std::io;
use async_std::task;
use taller_async::Servidor;
use taller_async::ejemplos;

const USO: &str = "uso: cargo run --example cheapo_request -- [--limite-ms N] [HOST PUERTO RUTA]\n\
     ejemplo: cargo run --example cheapo_request -- example.com 80 /";

/// Cuántas peticiones hace la demostración con cada versión.
const PETICIONES: u32 = 5;
/// Cuánto tarda el servidor local en responder cada una.
const LATENCIA: Duration = Duration::from_millis(200);

// Las dos versiones se llaman `cheapo_request`, como en el libro; cada una
// vive en su módulo para que puedan convivir en el mismo archivo. Compáralas:
// solo cambian los `use`, la palabra `async` y los `.await`.

// ANCHOR: sincrona
mod sincrona {
    use std::io::prelude::*;
    use std::net;

    pub fn cheapo_request(host: &str, port: u16, path: &str) -> std::io::Result<String> {
        let mut socket = net::TcpStream::connect((host, port))?;
        // `Connection: close` no está en la versión del libro. En HTTP/1.1 la
        // conexión sigue abierta por omisión tras la respuesta, a la espera
        // de otra petición, y `read_to_string` lee hasta que la conexión se
        // cierra. Que cerremos nuestra mitad con `shutdown` no obliga al
        // servidor a cerrar la suya: sin esta cabecera podríamos quedarnos
        // esperando hasta que se canse. Con ella, cierra al terminar.
        let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        socket.write_all(request.as_bytes())?;
        socket.shutdown(net::Shutdown::Write)?;

        let mut response = String::new();
        socket.read_to_string(&mut response)?;

        Ok(response)
    }
}
// ANCHOR_END: sincrona

// ANCHOR: asincrona
mod asincrona {
    use async_std::io::prelude::*;
    use async_std::net;

    pub async fn cheapo_request(host: &str, port: u16, path: &str) -> std::io::Result<String> {
        let mut socket = net::TcpStream::connect((host, port)).await?;
        // `Connection: close`, por lo mismo que en la versión síncrona.
        let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        socket.write_all(request.as_bytes()).await?;
        // `shutdown` no espera a nadie: no devuelve un future y no lleva `.await`.
        socket.shutdown(net::Shutdown::Write)?;

        let mut response = String::new();
        socket.read_to_string(&mut response).await?;

        Ok(response)
    }
}
// ANCHOR_END: asincrona

/// Llama a la versión síncrona, pero sin esperarla más de `limite`.
///
/// Una función síncrona bloqueada no se puede interrumpir desde fuera, así
/// que corre en un hilo aparte y este hilo deja de esperarla al agotarse el
/// límite (el otro hilo muere con el proceso). Un future, en cambio, se
/// cancela con solo dejar de sondearlo: compáralo con `pedir_asincrona`.
fn pedir_sincrona(host: &str, port: u16, path: &str, limite: Duration) -> std::io::Result<String> {
    let (host, path) = (host.to_string(), path.to_string());
    let (enviar, recibir) = mpsc::channel();
    thread::Builder::new()
        .name("cheapo_request síncrona".into())
        .spawn(move || {
            // Si ya nadie escucha (se agotó el límite), da igual.
            let _ = enviar.send(sincrona::cheapo_request(&host, port, &path));
        })?;
    match recibir.recv_timeout(limite) {
        Ok(resultado) => resultado,
        Err(mpsc::RecvTimeoutError::Timeout) => Err(std::io::Error::new(
            std::io::ErrorKind::TimedOut,
            format!("sin respuesta en {} ms", limite.as_millis()),
        )),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(std::io::Error::other(
            "el hilo de la petición terminó sin dar un resultado",
        )),
    }
}

/// Llama a la versión asíncrona desde código síncrono, sin esperarla más de
/// `limite`.
fn pedir_asincrona(host: &str, port: u16, path: &str, limite: Duration) -> std::io::Result<String> {
    // ANCHOR: block_on
    // Llamar a una función async no ejecuta nada todavía: solo crea su future.
    let future = asincrona::cheapo_request(host, port, path);
    // `io::timeout` lo envuelve en otro future que falla si tarda más de
    // `limite`, y `block_on` sondea ese future, bloqueando este hilo, hasta
    // que da su valor.
    let response = task::block_on(io::timeout(limite, future))?;
    // ANCHOR_END: block_on
    Ok(response)
}

type Pedir = fn(&str, u16, &str, Duration) -> std::io::Result<String>;

fn main() -> ExitCode {
    let opciones = match ejemplos::leer_argumentos(USO) {
        Ok(opciones) => opciones,
        Err(codigo) => return codigo,
    };
    match opciones.argumentos.as_slice() {
        [] => demostracion(opciones.limite),
        [host, puerto, ruta] => {
            let Ok(puerto) = puerto.parse::<u16>() else {
                let problema = format!("«{puerto}» no es un puerto (un número de 1 a 65535)");
                return ejemplos::uso_incorrecto(USO, &problema);
            };
            if !ruta.starts_with('/') {
                let problema = format!("la ruta debe empezar por «/», y «{ruta}» no lo hace");
                return ejemplos::uso_incorrecto(USO, &problema);
            }
            peticion_real(host, puerto, ruta, opciones.limite)
        }
        _ => ejemplos::uso_incorrecto(
            USO,
            "hacen falta tres argumentos (HOST PUERTO RUTA) o ninguno",
        ),
    }
}

/// Sin argumentos: las dos versiones contra el servidor local, midiendo.
fn demostracion(limite: Duration) -> ExitCode {
    let servidor = match task::block_on(Servidor::con_latencia(LATENCIA)) {
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

    let versiones: [(&str, Pedir); 2] = [
        ("Versión síncrona (std::net)", pedir_sincrona),
        (
            "Versión asíncrona (async_std::net, con task::block_on)",
            pedir_asincrona,
        ),
    ];
    for (titulo, pedir) in versiones {
        println!("\n{titulo}: {PETICIONES} peticiones, una tras otra.");
        let inicio = Instant::now();
        for i in 1..=PETICIONES {
            let ruta = format!("/{i}");
            let antes = Instant::now();
            let resultado = pedir(&servidor.host(), servidor.puerto(), &ruta, limite);
            let destino = servidor.url(&ruta);
            match ejemplos::resumir(&resultado, &destino) {
                Ok(resumen) => println!(
                    "  petición {i}: {:>4} ms  ({resumen})",
                    antes.elapsed().as_millis()
                ),
                Err(explicacion) => {
                    eprintln!("error: {explicacion}");
                    return ExitCode::FAILURE;
                }
            }
        }
        let total = inicio.elapsed();
        println!(
            "  total: {} ms, {:.2} veces la latencia",
            total.as_millis(),
            total.as_secs_f64() / LATENCIA.as_secs_f64()
        );
    }

    println!(
        "\nPico de peticiones en vuelo en el servidor: {} (de {} peticiones: nunca dos a la vez).",
        servidor.pico_en_vuelo(),
        2 * PETICIONES
    );
    println!(
        "Una tras otra, {PETICIONES} peticiones tardan unas {PETICIONES} veces la latencia con las\n\
         dos versiones: async no hace más rápida una petición. Lo que cambia es que,\n\
         mientras la versión asíncrona espera, el hilo podría atender otras tareas:\n\
         eso es lo que aprovecha many_requests."
    );
    ExitCode::SUCCESS
}

/// Con argumentos: la petición de verdad, con las dos versiones.
fn peticion_real(host: &str, port: u16, path: &str, limite: Duration) -> ExitCode {
    let destino = format!("{host}:{port}{path}");
    let mut fallos = 0;
    for (version, pedir) in [
        ("síncrona", pedir_sincrona as Pedir),
        ("asíncrona", pedir_asincrona),
    ] {
        let antes = Instant::now();
        let resultado = pedir(host, port, path, limite);
        let milisegundos = antes.elapsed().as_millis();
        match ejemplos::resumir(&resultado, &destino) {
            Ok(resumen) => println!("{version}: {resumen} · {milisegundos} ms"),
            Err(explicacion) => {
                fallos += 1;
                eprintln!("error (versión {version}): {explicacion}");
            }
        }
    }
    if fallos == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
