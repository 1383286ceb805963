//! `mutex`: el Mutex de `std` contra el Mutex asíncrono de async-std.
//!
//! Este ejemplo existe para ver cuándo sirve cada uno, con el caso del chat
//! del libro detrás:
//!
//! 1. Un `std::sync::Mutex` es lo adecuado para una sección crítica corta,
//!    sin ningún `.await` mientras está tomado: es la tabla de grupos del
//!    chat (`GroupTable`). Mil tareas del pool de hilos la actualizan a la
//!    vez, y se mide cuánto cuesta tomar y soltar cada Mutex.
//! 2. Que el guardián de un `std::sync::Mutex` cruce un `.await` es un
//!    peligro: la tarea se duerme con el lock tomado, y otra tarea del mismo
//!    hilo que lo pida con `lock()` bloquea el hilo entero para siempre. Se
//!    ve sin colgarse, con `try_lock`, y después con el Mutex asíncrono, que
//!    sí puede esperarse.
//! 3. Cuando el guardián del lock tiene que cruzar un `.await`, como al
//!    escribir una línea entera en una conexión compartida (el `Outbound` del
//!    chat), hace falta el Mutex asíncrono. Sin él, las líneas de varias
//!    tareas se mezclan.
//!
//! ```text
//! cargo run --example mutex
//! ```

use std::cell::Cell;
use std::collections::BTreeMap;
use std::io;
use std::pin::Pin;
use std::sync::{Arc, TryLockError};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use async_std::io::prelude::*;
use async_std::task;
use futures::io::AsyncWrite;

fn main() {
    println!("1. Un Mutex de std para una sección crítica corta\n");
    task::block_on(tabla_de_grupos());
    println!();
    cuanto_cuesta_cada_lock();

    println!("\n2. Un Mutex de std cuyo guardián cruza un .await\n");
    task::block_on(guardian_de_std_a_traves_de_await());
    println!();
    task::block_on(guardian_asincrono_a_traves_de_await());

    println!("\n3. Una línea entera por una conexión compartida\n");
    task::block_on(conexion_compartida());
}

// ANCHOR: group_table
/// La tabla de grupos del chat, reducida a lo esencial: cuántos mensajes
/// lleva cada grupo. Cada método toma el lock, toca el mapa y lo suelta,
/// sin esperar nada en medio.
struct GroupTable(std::sync::Mutex<BTreeMap<String, usize>>);

impl GroupTable {
    fn post(&self, group: &str) {
        let mut groups = self.0.lock().unwrap();
        *groups.entry(group.to_string()).or_insert(0) += 1;
        // El guardián se suelta aquí, antes de cualquier `.await`.
    }
}
// ANCHOR_END: group_table

async fn tabla_de_grupos() {
    const TAREAS: usize = 1000;
    let tabla = Arc::new(GroupTable(std::sync::Mutex::new(BTreeMap::new())));
    // ANCHOR: muchas_tareas
    let handles: Vec<_> = (0..TAREAS)
        .map(|i| {
            let tabla = Arc::clone(&tabla);
            task::spawn(async move {
                let group = if i % 2 == 0 { "perros" } else { "gatos" };
                task::yield_now().await;
                tabla.post(group);
                task::yield_now().await;
            })
        })
        .collect();
    for handle in handles {
        handle.await;
    }
    // ANCHOR_END: muchas_tareas
    let grupos = tabla.0.lock().unwrap();
    let total: usize = grupos.values().sum();
    println!(
        "{TAREAS} tareas del pool de hilos anotaron un mensaje cada una:\n  \
         {grupos:?} (total {total})"
    );
}

/// Toma y suelta cada Mutex muchas veces, sin competencia, y dice cuánto
/// tardó cada vez de media.
fn cuanto_cuesta_cada_lock() {
    const VECES: u32 = 1_000_000;

    let de_std = std::sync::Mutex::new(0_u64);
    let inicio = Instant::now();
    for _ in 0..VECES {
        *std::hint::black_box(&de_std).lock().unwrap() += 1;
    }
    let con_std = inicio.elapsed();

    let asincrono = async_std::sync::Mutex::new(0_u64);
    let con_async = task::block_on(async {
        let inicio = Instant::now();
        for _ in 0..VECES {
            *std::hint::black_box(&asincrono).lock().await += 1;
        }
        inicio.elapsed()
    });

    let por_lock = |total: Duration| total.as_nanos() as f64 / f64::from(VECES);
    println!("Tomar y soltar un Mutex sin competencia, de media ({VECES} veces):");
    println!("  std::sync::Mutex:        {:>6.1} ns", por_lock(con_std));
    println!("  async_std::sync::Mutex:  {:>6.1} ns", por_lock(con_async));
    println!(
        "  (compilado {}; las cifras cambian mucho con --release)",
        if cfg!(debug_assertions) {
            "en modo depuración"
        } else {
            "en modo release"
        }
    );
}

/// Numera los eventos de la sección 2 en el orden en que ocurren.
fn evento(n: &Cell<u32>, quien: &str, que: &str) {
    n.set(n.get() + 1);
    println!("  {}. [{quien}] {que}", n.get());
}

// ANCHOR: peligro
// A propósito: esta función es el peligro que enseña el ejemplo. Clippy lo
// detecta con el lint `await_holding_lock`; el `allow` lo calla aquí, y el
// capítulo muestra su aviso.
#[allow(clippy::await_holding_lock)]
async fn tarea_a(lock: &std::sync::Mutex<u32>, n: &Cell<u32>) {
    let mut guard = lock.lock().unwrap();
    evento(n, "A", "tomé el Mutex de std");
    // La tarea se suspende aquí con el guardián vivo: el lock sigue tomado
    // mientras A duerme, y solo se suelta cuando A vuelva a sondearse.
    task::yield_now().await;
    *guard += 1;
    evento(n, "A", "desperté, terminé y suelto el lock");
}
// ANCHOR_END: peligro

async fn guardian_de_std_a_traves_de_await() {
    println!("Con std::sync::Mutex (dos tareas en el mismo hilo):");
    let n = Cell::new(0);
    let lock = std::sync::Mutex::new(0_u32);
    // ANCHOR: try_lock
    let tarea_b = async {
        evento(&n, "B", "pido el mismo lock");
        match lock.try_lock() {
            Err(TryLockError::WouldBlock) => {
                evento(&n, "B", "ocupado: lo tiene A, que duerme en su .await");
                println!(
                    "     (con lock(), B bloquearía este hilo esperando a A, y A solo puede\n      \
                     despertar en este mismo hilo: las dos tareas se quedarían colgadas)"
                );
            }
            Ok(_) => evento(&n, "B", "lo conseguí"),
            Err(TryLockError::Poisoned(_)) => evento(&n, "B", "el lock está envenenado"),
        }
    };
    futures::join!(tarea_a(&lock, &n), tarea_b);
    // ANCHOR_END: try_lock
}

async fn guardian_asincrono_a_traves_de_await() {
    println!("Con async_std::sync::Mutex (las mismas dos tareas):");
    let n = Cell::new(0);
    // ANCHOR: asincrono
    let lock = async_std::sync::Mutex::new(0_u32);
    let tarea_a = async {
        let mut guard = lock.lock().await;
        evento(&n, "A", "tomé el Mutex asíncrono");
        task::yield_now().await;
        *guard += 1;
        evento(&n, "A", "desperté, terminé y suelto el lock");
    };
    let tarea_b = async {
        evento(&n, "B", "pido el mismo lock con .lock().await");
        let guard = lock.lock().await;
        evento(&n, "B", &format!("lo tengo; el contador vale {}", *guard));
    };
    futures::join!(tarea_a, tarea_b);
    // ANCHOR_END: asincrono
}

/// Una conexión lenta simulada, compartida como se comparte un `TcpStream`
/// de async-std: se escribe a través de `&ConexionLenta`. Como un socket con
/// el búfer de envío lleno, acepta pocos bytes cada vez y a veces responde
/// `Pending`, así que `write_all` necesita muchos sondeos para una línea.
///
/// Su estado va en un `std::sync::Mutex`, tomado un instante dentro de cada
/// `poll_write` y sin ningún `.await` en medio: el uso correcto de ese Mutex.
#[derive(Default)]
struct ConexionLenta(std::sync::Mutex<EstadoDeLaConexion>);

#[derive(Default)]
struct EstadoDeLaConexion {
    enviado: Vec<u8>,
    ceder: bool,
}

impl AsyncWrite for &ConexionLenta {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let mut estado = self.0.lock().unwrap();
        estado.ceder = !estado.ceder;
        if estado.ceder {
            // «Vuelve a intentarlo enseguida»: avisa al waker y cede el hilo.
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        let n = buf.len().min(6);
        estado.enviado.extend_from_slice(&buf[..n]);
        Poll::Ready(Ok(n))
    }

    fn poll_flush(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_close(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

impl ConexionLenta {
    /// Cuenta las líneas enviadas que son un JSON válido y devuelve también
    /// la primera línea rota, si hay alguna.
    fn revisar(&self) -> (usize, usize, Option<String>) {
        let estado = self.0.lock().unwrap();
        let texto = String::from_utf8_lossy(&estado.enviado);
        let lineas: Vec<&str> = texto.lines().collect();
        let validas = lineas
            .iter()
            .filter(|l| serde_json::from_str::<serde_json::Value>(l).is_ok())
            .count();
        let rota = lineas
            .iter()
            .find(|l| serde_json::from_str::<serde_json::Value>(l).is_err())
            .map(|l| l.to_string());
        (validas, lineas.len(), rota)
    }
}

fn lineas_de_chat() -> Vec<String> {
    ["perros", "gatos", "loros"]
        .iter()
        .map(|grupo| format!("{{\"grupo\":\"{grupo}\",\"texto\":\"hola desde {grupo}\"}}\n"))
        .collect()
}

/// El ancho de cada renglón en que se imprime una línea rota.
const TROZO: usize = 64;

async fn conexion_compartida() {
    println!("Tres tareas mandan una línea JSON cada una por la misma conexión lenta.\n");

    // ANCHOR: sin_lock
    let conexion = ConexionLenta::default();
    let envios = lineas_de_chat().into_iter().map(|linea| {
        let mut salida = &conexion;
        async move { salida.write_all(linea.as_bytes()).await }
    });
    futures::future::join_all(envios).await;
    // ANCHOR_END: sin_lock
    let (validas, total, rota) = conexion.revisar();
    println!("Sin Mutex, cada tarea escribe cuando puede: {validas} de {total} líneas válidas.");
    if let Some(rota) = rota {
        // Es una sola línea, más ancha que una terminal: se imprime en trozos
        // de igual ancho, uno por renglón, para que se pueda leer entera.
        println!("  una línea, tal como llegó, en trozos de {TROZO} caracteres:");
        let letras: Vec<char> = rota.chars().collect();
        for trozo in letras.chunks(TROZO) {
            println!("    {}", trozo.iter().collect::<String>());
        }
    }

    // ANCHOR: con_lock
    let conexion = ConexionLenta::default();
    let salida = async_std::sync::Mutex::new(&conexion);
    let envios = lineas_de_chat().into_iter().map(|linea| {
        let salida = &salida;
        async move {
            // El guardián cruza el `.await` de `write_all`: mientras
            // esta línea no termina, nadie más escribe.
            let mut guard = salida.lock().await;
            guard.write_all(linea.as_bytes()).await
        }
    });
    futures::future::join_all(envios).await;
    // ANCHOR_END: con_lock
    let (validas, total, _) = conexion.revisar();
    println!(
        "\nCon un Mutex asíncrono tomado durante toda la línea: {validas} de {total} líneas válidas."
    );
}
