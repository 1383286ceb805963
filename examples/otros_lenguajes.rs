//! `otros_lenguajes`: el mismo programa que `book/js/otros_lenguajes.js`,
//! escrito en Rust, para comparar el orden en que pasan las cosas.
//!
//! Este ejemplo existe porque la diferencia entre los futures de Rust y las
//! promesas de JavaScript (o las `Task` de C#) se ve mejor en el orden de los
//! mensajes que en una explicación:
//!
//! 1. En JavaScript, llamar a una función `async` ejecuta su cuerpo en el
//!    acto, hasta el primer `await`, y la promesa avanza sola, la espere
//!    alguien o no. En Rust, llamar a una `async fn` no ejecuta nada: el
//!    cuerpo corre cuando un ejecutor sondea el future, y un future que nadie
//!    sondea no corre nunca.
//! 2. Si en Rust quieres que empiece ya, se lo das a un ejecutor que lo
//!    sondee por su cuenta: `task::spawn`.
//! 3. JavaScript trae un bucle de eventos global e implícito. Rust no: el
//!    ejecutor lo eliges tú, y puede haber varios en el mismo programa.
//!
//! ```text
//! cargo run --example otros_lenguajes
//! ```

use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use async_std::task;

/// Numera los eventos en el orden en que ocurren, como el programa de
/// JavaScript.
static EVENTOS: AtomicUsize = AtomicUsize::new(0);

fn evento(quien: &str, que: &str) {
    let n = EVENTOS.fetch_add(1, Ordering::SeqCst) + 1;
    println!("  {n:>2}. [{quien}] {que}");
}

// ANCHOR: saludar
async fn saludar(nombre: String) -> String {
    let hilo = thread::current().name().unwrap_or("sin nombre").to_string();
    evento(&nombre, &format!("empieza el cuerpo, en el hilo {hilo}"));
    // Cede el hilo una vez, como `await null` en JavaScript.
    task::yield_now().await;
    evento(&nombre, "sigue después del .await");
    format!("hola, {nombre}")
}
// ANCHOR_END: saludar

fn main() {
    println!("1. El programa de JavaScript, en Rust: nada corre hasta que se sondea\n");
    perezoso();

    println!("\n2. Para que empiece ya, se lanza como tarea\n");
    ansioso();

    println!("\n3. El ejecutor lo eliges tú, y puede haber más de uno\n");
    dos_ejecutores();
}

fn perezoso() {
    // ANCHOR: perezoso
    evento("main", "llamo a saludar(\"A\")");
    let a = saludar("A".to_string());
    evento("main", "saludar(\"A\") devolvió un future");
    let c = saludar("C".to_string());
    drop(c);
    evento(
        "main",
        "llamé a saludar(\"C\") y solté su future sin sondearlo",
    );
    evento(
        "main",
        "le doy el future de A a un ejecutor: task::block_on(a)",
    );
    let respuesta = task::block_on(a);
    evento("main", &format!("block_on devolvió {respuesta:?}"));
    // ANCHOR_END: perezoso
}

fn ansioso() {
    // ANCHOR: ansioso
    evento(
        "main",
        "lanzo saludar(\"E\") con task::spawn y no espero el handle",
    );
    let handle = task::spawn(saludar("E".to_string()));
    // El hilo principal no sondea nada: se limita a mirar, sin async, hasta
    // que la tarea haya anotado sus dos eventos.
    esperar_eventos(EVENTOS.load(Ordering::SeqCst) + 2);
    evento(
        "main",
        "sin que nadie la esperara, la tarea ya corrió en el pool",
    );
    let respuesta = task::block_on(handle);
    evento("main", &format!("al esperar el handle, dio {respuesta:?}"));
    // ANCHOR_END: ansioso
}

/// Bloquea el hilo (con `thread::sleep`, fuera de todo código asíncrono)
/// hasta que se hayan anotado `n` eventos, o como mucho unos segundos.
fn esperar_eventos(n: usize) {
    let limite = Instant::now() + Duration::from_secs(5);
    while EVENTOS.load(Ordering::SeqCst) < n && Instant::now() < limite {
        thread::sleep(Duration::from_millis(1));
    }
}

fn dos_ejecutores() {
    // ANCHOR: dos_ejecutores
    // El ejecutor del crate futures, en este mismo hilo.
    let b = futures::executor::block_on(saludar("B".to_string()));
    evento(
        "main",
        &format!("futures::executor::block_on devolvió {b:?}"),
    );

    // Una tarea del pool de async-std, esperada desde el ejecutor de futures.
    let handle = task::spawn(saludar("D".to_string()));
    let d = futures::executor::block_on(handle);
    evento(
        "main",
        &format!("el handle de async-std, esperado con futures, dio {d:?}"),
    );
    // ANCHOR_END: dos_ejecutores
}
