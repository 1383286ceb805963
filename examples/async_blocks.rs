//! `async_blocks`: bloques asíncronos, `async move` y funciones que
//! devuelven `impl Future`.
//!
//! Este ejemplo existe para ver que un bloque `async { ... }` se comporta
//! como la llamada a una `async fn` (se evalúa a un future y su cuerpo espera
//! al primer sondeo), y para qué sirve tenerlo:
//!
//! 1. Un bloque asíncrono frente a una `async fn`: los dos son perezosos; el
//!    bloque toma prestado lo que usa, y con `async move` se lo queda.
//! 2. Una función corriente que devuelve `impl Future + Send + 'static`: hace
//!    una parte del trabajo en el momento de la llamada (copiar lo prestado)
//!    y deja el resto para cuando se sondee el future, que ya no toma nada
//!    prestado y se puede lanzar con `spawn_local` o con `spawn`.
//! 3. `?` dentro de un bloque asíncrono: sale del bloque, no de la función
//!    que lo contiene, y el tipo del error hay que anotarlo
//!    (`Ok::<(), std::io::Error>(())`). Se ve con el `serve_one` del libro,
//!    contra un cliente local.
//!
//! ```text
//! cargo run --example async_blocks
//! ```

use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use async_std::io::prelude::*;
use async_std::net;
use async_std::task;

/// Numera los eventos en el orden en que ocurren.
static EVENTOS: AtomicUsize = AtomicUsize::new(0);

fn evento(quien: &str, que: &str) {
    let n = EVENTOS.fetch_add(1, Ordering::SeqCst) + 1;
    println!("  {n:>2}. [{quien}] {que}");
}

fn main() -> io::Result<()> {
    println!("1. Un bloque async frente a una async fn\n");
    bloque_frente_a_funcion();

    println!("\n2. Una función que trabaja antes de crear su future\n");
    trabajo_antes_del_future();

    println!("\n3. `?` dentro de un bloque async\n");
    task::block_on(interrogacion_en_un_bloque())
}

// ANCHOR: async_fn
async fn longitud(texto: &str) -> usize {
    evento("async fn", "corre el cuerpo");
    texto.chars().count()
}
// ANCHOR_END: async_fn

fn bloque_frente_a_funcion() {
    // ANCHOR: bloque
    let nombre = String::from("Ferris, el cangrejo de Rust");

    let de_funcion = longitud(&nombre);
    let de_bloque = async {
        evento("bloque", "corre el cuerpo");
        nombre.chars().count() // toma `nombre` prestado
    };
    evento("main", "ya tengo los dos futures; ningún cuerpo ha corrido");

    let (a, b) = task::block_on(async { (de_funcion.await, de_bloque.await) });
    evento("main", &format!("los dos cuentan {a} y {b} caracteres"));
    evento("main", &format!("`nombre` sigue aquí: {nombre:?}"));
    // ANCHOR_END: bloque

    // ANCHOR: async_move
    let movido = async move {
        // `async move` se queda con `nombre`: después de esta línea, `main`
        // ya no puede usarlo, y el future no depende de ningún préstamo.
        evento("async move", &format!("el future es dueño de {nombre:?}"));
        nombre.split_whitespace().count()
    };
    let palabras = task::block_on(movido);
    evento(
        "main",
        &format!("el future movido contó {palabras} palabras"),
    );
    // ANCHOR_END: async_move

    // ANCHOR: return
    let f = async {
        // `return` dentro de un bloque async sale del bloque, no de la
        // función que lo contiene: es el valor del future.
        if palabras > 3 {
            return "largo";
        }
        "corto"
    };
    evento(
        "main",
        &format!("el bloque con return dio {:?}", task::block_on(f)),
    );
    // ANCHOR_END: return
}

// ANCHOR: impl_future
/// Prepara un saludo para `nombre`. No es una `async fn`: es una función
/// corriente que hace una parte del trabajo al llamarla y devuelve un
/// future con el resto.
fn preparar_saludo(nombre: &str) -> impl Future<Output = String> + Send + 'static {
    // Esto corre ya, mientras el préstamo `nombre` vale.
    let nombre = nombre.to_uppercase();
    evento(
        "preparar_saludo",
        &format!("al llamarla: copio {nombre:?} y devuelvo el future"),
    );
    // Y esto, cuando alguien sondee el future. `async move` se lleva la
    // copia, así que el future no toma nada prestado: es `'static`.
    async move {
        evento("future", &format!("al sondearlo: saludo a {nombre}"));
        task::sleep(Duration::from_millis(10)).await;
        format!("¡hola, {nombre}!")
    }
}
// ANCHOR_END: impl_future

fn trabajo_antes_del_future() {
    // ANCHOR: lanzar
    let (local, en_el_pool) = {
        let nombre = String::from("Ferris");
        let local = preparar_saludo(&nombre);
        // El `String` de `format!` es un temporal: se suelta al final de
        // esta misma línea.
        let en_el_pool = preparar_saludo(&format!("{nombre} en el pool"));
        (local, en_el_pool)
        // Aquí se suelta `nombre`: los futures no lo necesitan.
    };
    evento(
        "main",
        "`nombre` ya no existe y los futures siguen sin correr",
    );

    let saludos = task::block_on(async {
        // `spawn_local` exige un future `'static`; `spawn` además lo quiere
        // `Send`, porque lo sondeará otro hilo.
        let a = task::spawn_local(local);
        let b = task::spawn(en_el_pool);
        (a.await, b.await)
    });
    evento("main", &format!("las tareas devolvieron {saludos:?}"));
    // ANCHOR_END: lanzar
}

async fn interrogacion_en_un_bloque() -> io::Result<()> {
    let listener = net::TcpListener::bind("127.0.0.1:0").await?;
    let direccion = listener.local_addr()?;

    // ANCHOR: serve_one
    let serve_one = async {
        let (mut socket, cliente) = listener.accept().await?;
        evento("serve_one", &format!("aceptó una conexión de {cliente}"));
        socket.write_all(b"hola desde serve_one\n").await?;
        // El bloque no tiene tipo de retorno declarado: sin anotar el error,
        // el compilador no sabe a qué convertir el de cada `?`.
        Ok::<(), std::io::Error>(())
    };
    // ANCHOR_END: serve_one

    let cliente = async {
        let mut socket = net::TcpStream::connect(direccion).await?;
        let mut respuesta = String::new();
        socket.read_to_string(&mut respuesta).await?;
        Ok::<String, io::Error>(respuesta)
    };

    let (servidor, respuesta) = futures::join!(serve_one, cliente);
    evento("main", &format!("serve_one devolvió {servidor:?}"));
    evento("main", &format!("el cliente leyó {:?}", respuesta?));

    // ANCHOR: error_del_bloque
    // Un puerto en el que ya no escucha nadie.
    let cerrado = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?;
    let falla = async {
        let _socket = net::TcpStream::connect(cerrado).await?;
        evento("falla", "esta línea no llega a imprimirse");
        Ok::<(), io::Error>(())
    };
    match falla.await {
        Ok(_) => evento("main", "¿se conectó? no debería"),
        // El `?` sacó el error del bloque, no de esta función, que sigue.
        Err(error) => evento(
            "main",
            &format!("el bloque devolvió Err({:?})", error.kind()),
        ),
    }
    // ANCHOR_END: error_del_bloque
    Ok(())
}
