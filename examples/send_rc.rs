//! `send_rc`: por qué `task::spawn` exige futures `Send`, y cómo se arregla
//! un future que no lo es.
//!
//! Este ejemplo existe para ver lo que el compilador protege:
//!
//! 1. Una tarea lanzada con `spawn` puede empezar en un hilo del pool y
//!    seguir, después de un `.await`, en otro. El ejemplo lanza unas cuantas
//!    y cuenta cuántas cambiaron de hilo en tu máquina.
//! 2. `reluctant`, la función del libro: un `Rc` que cruza un `.await`
//!    hace que su future no sea `Send`. Corre con `spawn_local`, que no saca
//!    la tarea de su hilo; para `spawn` hay dos arreglos: acotar el ámbito
//!    del `Rc` para que muera antes del `.await`, o usar `Arc`.
//! 3. Un error genérico `Box<dyn Error>` no es `Send`; con
//!    `Box<dyn Error + Send + Sync + 'static>` sí.
//!
//! Las versiones que no compilan están en `compila/tests/no_compila/`, con el error
//! exacto del compilador al lado (`cargo test --test compila`).
//!
//! ```text
//! cargo run --example send_rc
//! ```

use std::rc::Rc;
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use async_std::task;
use taller_async::cronologia::{self, Cronologia, Panel, Que};
use taller_async::ejemplos::hilo_actual;
use taller_async::medir;

/// Cuántas tareas lanza la primera parte.
const TAREAS: usize = 8;

/// Comprobación en tiempo de compilación: si el future no fuera `Send`,
/// esta llamada no compilaría.
fn es_send<T: Send>(_: &T) {}

fn main() {
    println!("1. Una tarea de spawn puede cambiar de hilo en cada .await\n");
    task::block_on(cambios_de_hilo());
    if let Err(problema) = task::block_on(dibujar_cambios_de_hilo()) {
        eprintln!("error: {problema}");
        std::process::exit(1);
    }

    println!("\n2. Un Rc que cruza un .await\n");
    task::block_on(rc_y_await());

    println!("\n3. Un error genérico que se puede mandar a otro hilo\n");
    task::block_on(error_generico());
}

// ANCHOR: cambios_de_hilo
async fn cambios_de_hilo() {
    let handles: Vec<_> = (0..TAREAS)
        .map(|i| {
            task::spawn(async move {
                let antes = thread::current().id();
                // Mientras esta tarea duerme, su hilo atiende a otras. Al
                // despertar, la sondea el primer hilo del pool que quede
                // libre, que no tiene por qué ser el mismo.
                task::sleep(Duration::from_millis(10 + i as u64)).await;
                let despues = thread::current().id();
                antes != despues
            })
        })
        .collect();

    let mut cambiaron = 0;
    for handle in handles {
        if handle.await {
            cambiaron += 1;
        }
    }
    println!(
        "  De {TAREAS} tareas lanzadas con spawn, {cambiaron} siguieron en otro hilo \
         después de su .await."
    );
    println!("  (Cambia de una ejecución a otra; basta con que pueda pasar.)");
}
// ANCHOR_END: cambios_de_hilo

/// Cada sondeo de las tareas de la figura del capítulo.
static CRONOLOGIA: Cronologia = Cronologia::new();
/// Cuántas tareas y cuántos `.await` tiene cada una en la figura.
const TAREAS_DE_LA_FIGURA: usize = 4;
const ESPERAS_DE_LA_FIGURA: usize = 6;

/// La figura del capítulo: unas tareas de `spawn` con varios `.await` cada
/// una, y en qué hilo corrió cada uno de sus sondeos, anotado con
/// `taller_async::cronologia`. Cada tarea duerme unos milisegundos en cada
/// `.await`; entre tanto, su hilo atiende a otras. Imprime cuántos sondeos
/// corrieron en un hilo distinto del anterior de su misma tarea.
async fn dibujar_cambios_de_hilo() -> Result<(), String> {
    CRONOLOGIA.empezar();
    let handles: Vec<_> = (0..TAREAS_DE_LA_FIGURA)
        .map(|i| {
            let fila = format!("tarea {i}");
            CRONOLOGIA.anotar_lanzada(&fila);
            task::spawn(CRONOLOGIA.registrar(&fila, async move {
                for vuelta in 0..ESPERAS_DE_LA_FIGURA {
                    task::sleep(Duration::from_millis(3 + ((i + vuelta) % 3) as u64)).await;
                }
            }))
        })
        .collect();
    for handle in handles {
        handle.await;
    }
    let eventos = CRONOLOGIA.eventos();

    // Los cambios de hilo: sondeos de una tarea que corrieron en otro hilo
    // que el sondeo anterior de la misma tarea.
    let mut anterior = std::collections::BTreeMap::new();
    let (mut sondeos, mut cambios) = (0, 0);
    for evento in &eventos {
        if let Que::Sondeo { .. } = evento.que {
            sondeos += 1;
            if let Some(hilo) = anterior.insert(&evento.fila, &evento.hilo)
                && hilo != &evento.hilo
            {
                cambios += 1;
            }
        }
    }
    println!(
        "\n  Para la figura, {TAREAS_DE_LA_FIGURA} tareas con {ESPERAS_DE_LA_FIGURA} .await \
         cada una: de sus {sondeos} sondeos,\n  {cambios} corrieron en otro hilo que el sondeo \
         anterior de la misma tarea."
    );
    let paneles = [Panel::de(
        format!(
            "{TAREAS_DE_LA_FIGURA} tareas de task::spawn, cada una con \
             {ESPERAS_DE_LA_FIGURA} task::sleep(...).await"
        ),
        &eventos,
    )];
    medir::escribir_grafica("send_rc", |ruta| {
        cronologia::dibujar(ruta, "En qué hilo corre cada sondeo de una tarea", &paneles)
    })
}

// ANCHOR: reluctant_rc
/// La versión del libro: el `Rc` cruza el `.await`, así que el future lo
/// guarda, y el future no es `Send`.
async fn reluctant_rc() -> String {
    let string = Rc::new("cadena con recuento de referencias".to_string());
    task::yield_now().await;
    format!("Tu espléndida cadena: {string}")
}
// ANCHOR_END: reluctant_rc

// ANCHOR: reluctant_acotado
/// Arreglo 1: el `Rc` vive en un bloque que termina antes del `.await`.
/// Lo que cruza el `.await` es un `String`, que sí es `Send`.
async fn reluctant_acotado() -> String {
    let return_value = {
        let string = Rc::new("cadena con recuento de referencias".to_string());
        format!("Tu espléndida cadena: {string}")
    };
    task::yield_now().await;
    return_value
}
// ANCHOR_END: reluctant_acotado

// ANCHOR: reluctant_arc
/// Arreglo 2: `Arc` es el `Rc` que se puede compartir entre hilos (cuenta
/// las referencias con operaciones atómicas), y es `Send`.
async fn reluctant_arc() -> String {
    let string = Arc::new("cadena con recuento de referencias".to_string());
    task::yield_now().await;
    format!("Tu espléndida cadena: {string}")
}
// ANCHOR_END: reluctant_arc

async fn rc_y_await() {
    // ANCHOR: lanzar
    // `spawn_local` no saca la tarea de este hilo: no le pide `Send`.
    let local = task::spawn_local(anotando_hilos(reluctant_rc()));
    // `task::spawn(reluctant_rc())` no compilaría (compila/tests/no_compila/).
    let acotado = reluctant_acotado();
    let con_arc = reluctant_arc();
    es_send(&acotado);
    es_send(&con_arc);
    let acotado = task::spawn(anotando_hilos(acotado));
    let con_arc = task::spawn(anotando_hilos(con_arc));
    // ANCHOR_END: lanzar

    println!("  block_on corre en el hilo {}\n", hilo_actual());
    for (como, handle) in [
        ("spawn_local(reluctant_rc())", local),
        ("spawn(reluctant_acotado())", acotado),
        ("spawn(reluctant_arc())", con_arc),
    ] {
        let (antes, despues, texto) = handle.await;
        println!("  {como}\n    hilos: {antes} → {despues}\n    devolvió {texto:?}");
    }
}

/// Espera `future` y anota en qué hilo empezó y en cuál terminó.
async fn anotando_hilos<F: std::future::Future>(future: F) -> (String, String, F::Output) {
    let antes = hilo_actual();
    let valor = future.await;
    (antes, hilo_actual(), valor)
}

// ANCHOR: generic_error
/// Un error de cualquier tipo, que además se puede mandar a otro hilo
/// (`Send`) y compartir entre hilos (`Sync`). Sin esas dos marcas,
/// `Box<dyn Error>` no es `Send`, ni lo es ningún future en el que cruce
/// un `.await`.
type GenericError = Box<dyn std::error::Error + Send + Sync + 'static>;
type GenericResult<T> = Result<T, GenericError>;

fn some_fallible_thing(texto: &str) -> GenericResult<i32> {
    // `?` convierte el `ParseIntError` en un `GenericError`.
    Ok(texto.parse::<i32>()?)
}

async fn unfortunate(texto: &'static str) -> String {
    // El `Result` es un temporal del `match`: vive hasta que el `match`
    // termina, así que también cruza el `.await` del segundo brazo.
    match some_fallible_thing(texto) {
        Err(error) => format!("{texto:?} → error: {error}"),
        Ok(output) => {
            task::yield_now().await;
            format!("{texto:?} → salida: {output}")
        }
    }
}
// ANCHOR_END: generic_error

async fn error_generico() {
    // ANCHOR: lanzar_unfortunate
    for texto in ["42", "cuarenta y dos"] {
        let future = unfortunate(texto);
        es_send(&future);
        println!("  {}", task::spawn(future).await);
    }
    // ANCHOR_END: lanzar_unfortunate
}
