//! Pruebas de los ejemplos de `examples/`: que hagan lo que el libro dice.
//!
//! El libro enseña el código de los ejemplos y lo que imprimen. Estas pruebas
//! corren los binarios de verdad y comprueban:
//!
//! - que sin argumentos terminan bien (sin red) e imprimen el pico de
//!   peticiones en vuelo que vio el servidor local, y que ese pico es el que
//!   el capítulo promete (1 para las peticiones en serie, todas para
//!   `many_requests`);
//! - que con argumentos, ante un 500, una respuesta cortada, un puerto
//!   cerrado o un servidor demasiado lento, explican el problema en español
//!   por la salida de errores y terminan con un código distinto de cero, sin
//!   pánico; y que surf, que no acepta respuestas HTTP/1.0, lo dice y dice
//!   qué hacer;
//! - que ante argumentos que no entienden muestran el uso y salen con 2.
//!
//! Los ejemplos se compilan una vez con `cargo build --example ...` (así
//! están al día aunque se corra solo `cargo test --test ejemplos`, que no los
//! compila por su cuenta), y cada ejecución tiene un límite de tiempo: un
//! ejemplo colgado se mata y la prueba falla diciendo cuál fue (ver
//! `tests/comun/ejemplos.rs`).

mod comun;

use std::time::Duration;

use comun::ejemplos::{Ejemplos, Salida};
use taller_async::Servidor;

/// Los ejemplos que toman URL (`http://...`) como argumentos.
const CON_URL: [&str; 3] = ["many_requests", "many_requests_spawn", "many_requests_surf"];
/// Todos los ejemplos de estas pruebas.
const TODOS: [&str; 4] = [
    "cheapo_request",
    "many_requests",
    "many_requests_spawn",
    "many_requests_surf",
];

static EJEMPLOS: Ejemplos = Ejemplos::nuevos(
    env!("CARGO_PKG_NAME"),
    &TODOS,
    "una petición sin límite de tiempo, o un future que nadie despierta.",
);

/// Corre el ejemplo con esos argumentos, con un límite de 20 s.
fn correr(ejemplo: &str, argumentos: &[&str]) -> Salida {
    EJEMPLOS.correr(ejemplo, argumentos, Duration::from_secs(20))
}

/// El pico que imprimió el ejemplo: `(pico, total)` de la línea
/// «Pico de peticiones en vuelo en el servidor: 20 de 20.»
fn pico_impreso(ejemplo: &str, salida: &Salida) -> (usize, usize) {
    let linea = salida
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("Pico de peticiones en vuelo en el servidor: "))
        .unwrap_or_else(|| {
            panic!(
                "{ejemplo} no imprimió el pico de peticiones en vuelo.\n{}",
                salida.describir()
            )
        });
    let numeros: Vec<usize> = linea
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    match numeros[..] {
        [pico, total, ..] => (pico, total),
        _ => panic!("{ejemplo}: no entiendo la línea del pico: «{linea}»"),
    }
}

fn sin_argumentos_termina_bien(ejemplo: &str) -> Salida {
    let salida = correr(ejemplo, &[]);
    assert!(
        salida.estado.success(),
        "{ejemplo} sin argumentos debería terminar bien, sin red.\n{}",
        salida.describir()
    );
    salida
}

#[test]
fn cheapo_request_hace_las_peticiones_de_una_en_una() {
    let salida = sin_argumentos_termina_bien("cheapo_request");
    for version in ["Versión síncrona", "Versión asíncrona"] {
        assert!(
            salida.stdout.contains(version),
            "cheapo_request debería medir la «{version}».\n{}",
            salida.describir()
        );
    }
    let (pico, _) = pico_impreso("cheapo_request", &salida);
    assert_eq!(
        pico,
        1,
        "cheapo_request hace las peticiones una tras otra: el servidor no debería ver \
         dos a la vez.\n{}",
        salida.describir()
    );
}

#[test]
fn many_requests_tiene_todas_las_peticiones_en_vuelo_en_un_hilo() {
    let salida = sin_argumentos_termina_bien("many_requests");
    let (pico, total) = pico_impreso("many_requests", &salida);
    assert!(
        total >= 10,
        "La demostración debería lanzar al menos 10 peticiones, no {total}."
    );
    assert_eq!(
        pico,
        total,
        "Con spawn_local, todas las peticiones deberían estar en vuelo a la vez.\n{}",
        salida.describir()
    );
    assert!(
        salida.stdout.contains("Todas en un solo hilo"),
        "Con spawn_local, todas las peticiones deberían correr en el hilo de block_on.\n{}",
        salida.describir()
    );
}

#[test]
fn many_requests_spawn_tiene_todas_las_peticiones_en_vuelo() {
    let salida = sin_argumentos_termina_bien("many_requests_spawn");
    let (pico, total) = pico_impreso("many_requests_spawn", &salida);
    assert_eq!(
        pico,
        total,
        "Con spawn, todas las peticiones deberían estar en vuelo a la vez.\n{}",
        salida.describir()
    );
    assert!(
        salida.stdout.contains("hilos distintos"),
        "many_requests_spawn debería decir cuántos hilos distintos corrieron peticiones.\n{}",
        salida.describir()
    );
}

#[test]
fn many_requests_surf_tiene_todas_las_peticiones_en_vuelo() {
    let salida = sin_argumentos_termina_bien("many_requests_surf");
    let (pico, total) = pico_impreso("many_requests_surf", &salida);
    assert_eq!(
        pico,
        total,
        "Con surf y spawn, todas las peticiones deberían estar en vuelo a la vez.\n{}",
        salida.describir()
    );
}

/// Corre cada ejemplo contra `ruta` del servidor local (con `extra` delante)
/// y comprueba que falla con un mensaje en español que contiene `mensaje`.
fn falla_con_mensaje(puerto: u16, ruta: &str, extra: &[&str], mensaje: &str) {
    let puerto_texto = puerto.to_string();
    let url = format!("http://127.0.0.1:{puerto}{ruta}");
    for ejemplo in TODOS {
        let mut argumentos: Vec<&str> = extra.to_vec();
        if CON_URL.contains(&ejemplo) {
            argumentos.push(&url);
        } else {
            argumentos.extend(["127.0.0.1", &puerto_texto, ruta]);
        }
        let salida = correr(ejemplo, &argumentos);
        let como = format!("{ejemplo} {}", argumentos.join(" "));
        assert!(
            !salida.stderr.contains("panicked"),
            "{como} entró en pánico: los errores de la red deben explicarse, no \
             hacer `unwrap`.\n{}",
            salida.describir()
        );
        assert_eq!(
            salida.estado.code(),
            Some(1),
            "{como} debería fallar con el código 1.\n{}",
            salida.describir()
        );
        assert!(
            salida.stderr.contains(mensaje),
            "{como} debería explicar por la salida de errores «{mensaje}».\n{}",
            salida.describir()
        );
    }
}

fn servidor_local() -> Servidor {
    async_std::task::block_on(Servidor::iniciar())
        .expect("no se pudo arrancar el servidor local de la prueba")
}

#[test]
fn un_error_500_se_explica() {
    let servidor = servidor_local();
    falla_con_mensaje(
        servidor.puerto(),
        "/error500",
        &[],
        "el servidor respondió con el estado HTTP 500",
    );
}

#[test]
fn una_respuesta_cortada_se_explica() {
    let servidor = servidor_local();
    falla_con_mensaje(
        servidor.puerto(),
        "/cortar",
        &[],
        "la respuesta llegó incompleta",
    );
}

#[test]
fn un_puerto_cerrado_se_explica() {
    // Un puerto que estuvo libre hace un momento: nadie escucha en él.
    let puerto = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|escucha| escucha.local_addr())
        .expect("no se pudo reservar un puerto")
        .port();
    falla_con_mensaje(puerto, "/", &[], "conexión rechazada");
}

#[test]
fn un_servidor_lento_agota_el_limite() {
    let servidor = servidor_local();
    falla_con_mensaje(
        servidor.puerto(),
        "/lento?espera_ms=5000",
        &["--limite-ms", "300"],
        "se agotó el tiempo de espera",
    );
}

/// Un servidor mínimo que responde a todo con HTTP/1.0, como
/// `python3 -m http.server` por omisión. Devuelve su puerto; el hilo vive lo
/// que dure la prueba.
fn servidor_http_1_0() -> u16 {
    use std::io::{Read, Write};
    let escucha = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("no se pudo abrir el servidor HTTP/1.0 de la prueba");
    let puerto = escucha
        .local_addr()
        .expect("el servidor no tiene dirección")
        .port();
    std::thread::spawn(move || {
        for conexion in escucha.incoming() {
            let Ok(mut conexion) = conexion else { continue };
            // Lee la petición hasta la línea en blanco que cierra las cabeceras.
            let mut leido = Vec::new();
            let mut trozo = [0; 1024];
            while !leido.windows(4).any(|w| w == b"\r\n\r\n") {
                match conexion.read(&mut trozo) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => leido.extend_from_slice(&trozo[..n]),
                }
            }
            let _ = conexion.write_all(
                b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhola\n",
            );
            // Como un servidor HTTP/1.0: cierra la conexión al terminar.
        }
    });
    puerto
}

#[test]
fn una_respuesta_http_1_0_se_explica_con_surf() {
    let puerto = servidor_http_1_0();
    let url = format!("http://127.0.0.1:{puerto}/");

    let salida = correr("many_requests_surf", &[&url]);
    assert!(
        !salida.stderr.contains("panicked"),
        "many_requests_surf {url} entró en pánico ante una respuesta HTTP/1.0.\n{}",
        salida.describir()
    );
    assert_eq!(
        salida.estado.code(),
        Some(1),
        "many_requests_surf {url} debería fallar con el código 1: surf no acepta \
         respuestas HTTP/1.0.\n{}",
        salida.describir()
    );
    for parte in [
        "respondió con HTTP/1.0",
        "solo acepta respuestas HTTP/1.1",
        "many_requests --",
    ] {
        assert!(
            salida.stderr.contains(parte),
            "many_requests_surf {url} debería explicar en español que el servidor habla \
             HTTP/1.0 y qué hacer; falta «{parte}».\n{}",
            salida.describir()
        );
    }

    // El consejo del mensaje funciona: cheapo_request lee HTTP/1.0.
    let salida = correr("many_requests", &[&url]);
    assert!(
        salida.estado.success() && salida.stdout.contains("HTTP/1.0 200 OK"),
        "many_requests {url} debería leer la respuesta HTTP/1.0, como dice el mensaje de \
         many_requests_surf.\n{}",
        salida.describir()
    );
}

#[test]
fn los_argumentos_que_no_se_entienden_muestran_el_uso() {
    for ejemplo in TODOS {
        for argumentos in [
            &["--limite-ms", "nada"][..],
            &["--no-existe"],
            &["no es una url"],
        ] {
            let salida = correr(ejemplo, argumentos);
            let como = format!("{ejemplo} {}", argumentos.join(" "));
            assert_eq!(
                salida.estado.code(),
                Some(2),
                "{como} debería salir con el código 2 (argumentos incorrectos).\n{}",
                salida.describir()
            );
            assert!(
                salida.stderr.contains("uso: cargo run --example"),
                "{como} debería mostrar el uso por la salida de errores.\n{}",
                salida.describir()
            );
        }
    }
}
