//! El apéndice «De async-std a smol y tokio»: `many_requests` con los dos
//! runtimes que quedan cuando async-std se retira.
//!
//! async-std, el runtime del libro, se dio por terminado en 2025, y sus
//! autores recomiendan smol. surf, el cliente HTTP del libro, tampoco se
//! mantiene. Este paquete existe para ver, con código que compila y corre,
//! qué cambia al pasar `many_requests` a smol y a tokio (con reqwest en lugar
//! de surf). Va aparte del paquete principal para que smol, tokio y reqwest
//! no entren en sus dependencias.
//!
//! Los ejemplos hablan, como todos los del taller, con el servidor local de
//! [`taller_async::Servidor`]. Ese servidor corre en el ejecutor global de
//! async-std, que tiene sus propios hilos: arranca igual desde un programa de
//! smol o de tokio, y los dos runtimes conviven en el mismo proceso sin
//! estorbarse.
//!
//! ```text
//! cargo run -p migracion --example many_requests_smol
//! cargo run -p migracion --example many_requests_tokio
//! ```
//!
//! Esta biblioteca solo guarda lo que los dos ejemplos comparten y no es la
//! lección.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Duration;

/// Cuántas peticiones lanza cada demostración, como en el capítulo 2.
pub const PETICIONES: usize = 20;

/// Cuánto tarda el servidor local en responder cada una, como en el
/// capítulo 2.
pub const LATENCIA: Duration = Duration::from_millis(300);

/// Cuánto se espera la tanda entera antes de rendirse.
pub const LIMITE: Duration = Duration::from_secs(10);

/// Los hilos que corrieron alguna petición, con cuántas corrió cada uno.
static HILOS: Mutex<BTreeMap<String, usize>> = Mutex::new(BTreeMap::new());

/// Anota que el hilo actual corre una petición.
pub fn anotar_hilo() {
    let hilo = taller_async::ejemplos::hilo_actual();
    let mut hilos = HILOS.lock().unwrap_or_else(|e| e.into_inner());
    *hilos.entry(hilo).or_default() += 1;
}

/// Imprime los hilos anotados desde la última llamada, y los olvida.
pub fn imprimir_hilos() {
    let mut hilos = HILOS.lock().unwrap_or_else(|e| e.into_inner());
    println!("  hilos que corrieron las peticiones:");
    for (hilo, cuantas) in hilos.iter() {
        println!("    {hilo}: {cuantas}");
    }
    hilos.clear();
}

/// Imprime el tiempo total de una tanda y el pico de peticiones en vuelo que
/// vio el servidor.
pub fn imprimir_tanda(total: Duration, pico: usize) {
    println!(
        "  tiempo total: {} ms ({:.2} veces la latencia); pico en vuelo en el servidor: \
         {pico} de {PETICIONES}",
        total.as_millis(),
        total.as_secs_f64() / LATENCIA.as_secs_f64()
    );
}
