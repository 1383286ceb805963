//! `async_closures`: closures asíncronos (`async || { ... }`) y los traits
//! `AsyncFn`, `AsyncFnMut` y `AsyncFnOnce`, estables desde Rust 1.85.
//!
//! Este ejemplo existe para ver, compilado, lo que un closure asíncrono
//! resuelve y que un closure que devuelve un future (`|x| async { ... }`) no
//! podía:
//!
//! 1. Una función que recibe `impl AsyncFn(&str) -> usize` puede llamarla con
//!    préstamos de sus propias variables, y el future de cada llamada guarda
//!    ese préstamo. Con `F: Fn(&str) -> Fut` no se puede: `Fut` es un solo
//!    tipo y no puede depender del préstamo de cada llamada (el caso de
//!    `compila/tests/no_compila/fn_devuelve_future_prestado.rs`).
//! 2. Un closure asíncrono puede tomar prestado lo que captura, también de
//!    forma mutable, y ese préstamo puede cruzar un `.await`: `AsyncFnMut`
//!    con un contador. Con `|| async { ... }` no compila (el caso de
//!    `compila/tests/no_compila/closure_fnmut_future_prestado.rs`).
//! 3. `async move |x| { ... }` se queda con lo que captura, y si lo consume
//!    solo puede llamarse una vez: `AsyncFnOnce`.
//!
//! ```text
//! cargo run --example async_closures
//! ```

use async_std::task;

fn main() {
    println!("1. AsyncFn(&str): el future de cada llamada guarda un préstamo\n");
    task::block_on(prestar_el_argumento());

    println!("\n2. AsyncFnMut: el future toma prestado lo que captura el closure\n");
    task::block_on(prestar_lo_capturado());

    println!("\n3. AsyncFnOnce: async move, y se consume al llamarlo\n");
    task::block_on(consumir_lo_capturado());
}

// ANCHOR: async_fn
async fn longitud(texto: &str) -> usize {
    texto.chars().count()
}
// ANCHOR_END: async_fn

// ANCHOR: medir
/// Aplica `f` a una copia en mayúsculas de cada nombre y suma lo que da.
///
/// Cada copia es una variable de `medir`, que se suelta al final de su vuelta
/// del bucle: `f` recibe un préstamo que no vale fuera de esta función, y el
/// future de cada llamada lo guarda hasta terminar.
async fn medir(nombres: &[&str], f: impl AsyncFn(&str) -> usize) -> usize {
    let mut total = 0;
    for nombre in nombres {
        let copia = nombre.to_uppercase();
        total += f(&copia).await;
    }
    total
}
// ANCHOR_END: medir

async fn prestar_el_argumento() {
    let nombres = ["Ferris", "el cangrejo araña"];

    // ANCHOR: llamar_medir
    // Una `async fn` cumple `AsyncFn(&str) -> usize`.
    let letras = medir(&nombres, longitud).await;
    println!("   con la async fn `longitud`: {letras} caracteres");

    // Un closure asíncrono también, y además toma prestado `separador`, una
    // variable de aquí.
    let separador = String::from(" ");
    let palabras = medir(&nombres, async |texto: &str| {
        task::yield_now().await;
        texto.split(separador.as_str()).count()
    })
    .await;
    println!("   con un closure asíncrono: {palabras} palabras");

    // Y un closure corriente que devuelve un future, si el future no toma
    // nada prestado: aquí copia lo que necesita antes del bloque `async move`.
    let bytes = medir(&nombres, |texto: &str| {
        let n = texto.len();
        async move { n }
    })
    .await;
    println!("   con un closure que devuelve un future: {bytes} bytes");
    // ANCHOR_END: llamar_medir

    // ANCHOR: a_la_vez
    // `AsyncFn` se llama a través de `&f`: dos llamadas pueden estar en
    // marcha a la vez, y cada future presta su propio argumento.
    let contar = async |texto: &str| {
        task::yield_now().await;
        longitud(texto).await
    };
    let (a, b) = futures::join!(contar("uno"), contar("cuatro"));
    println!("   dos llamadas a la vez con join!: {a} y {b}");
    // ANCHOR_END: a_la_vez
}

// ANCHOR: tres_veces
/// Llama a `f` tres veces, una después de otra. `AsyncFnMut` deja que el
/// future de cada llamada tome prestado `f` de forma mutable, así que hay que
/// esperar un future antes de crear el siguiente.
async fn tres_veces(mut f: impl AsyncFnMut(u32)) {
    for i in 1..=3 {
        f(i).await;
    }
}
// ANCHOR_END: tres_veces

async fn prestar_lo_capturado() {
    // ANCHOR: contador
    let mut llamadas = 0;
    let mut vistos = Vec::new();
    tres_veces(async |i| {
        // El future toma prestados `llamadas` y `vistos` del closure, con
        // `&mut`, y el préstamo cruza el `.await`.
        llamadas += 1;
        task::yield_now().await;
        vistos.push(i * 10);
        println!("   llamada {llamadas}: vistos = {vistos:?}");
    })
    .await;
    // El closure ya se soltó: los préstamos terminaron y las variables son
    // otra vez de aquí.
    println!("   después: llamadas = {llamadas}, vistos = {vistos:?}");
    // ANCHOR_END: contador
}

// ANCHOR: una_vez
/// Llama a `f` una sola vez: `AsyncFnOnce` deja que la llamada consuma lo que
/// el closure capturó.
async fn una_vez(f: impl AsyncFnOnce(&str) -> String) -> String {
    f("Ferris").await
}
// ANCHOR_END: una_vez

async fn consumir_lo_capturado() {
    // ANCHOR: async_move
    let mut saludo = String::from("Hola");
    // `async move` se lleva `saludo` al closure, y el cuerpo lo mueve al
    // valor que devuelve: después de una llamada ya no queda `saludo` que
    // mover, así que el closure solo cumple `AsyncFnOnce`.
    let completar = async move |nombre: &str| {
        task::yield_now().await;
        saludo.push_str(", ");
        saludo.push_str(nombre);
        saludo
    };
    println!("   {}", una_vez(completar).await);
    // ANCHOR_END: async_move
}
