//! Ejercicio `async_blocks`: de un future que toma prestado a uno `'static`.
//!
//! Capítulo: book/src/04-async-blocks.md.
//! Pruebas: `cargo test -p exercises --test async_blocks`.
//! Pista: `cargo run -- pista async_blocks`.
//!
//! `contar_prestado` funciona, pero su future guarda los préstamos `texto` y
//! `palabra`: no puede vivir más que ellos, así que ni `spawn_local` ni
//! `spawn` lo aceptan. Escribe `contar`, que hace lo mismo y cede el hilo
//! igual (una vez por línea), pero devuelve un future `Send + 'static`: una
//! función corriente que hace algo de trabajo en el momento de la llamada y
//! después devuelve un bloque `async move`.

use async_std::task;

/// La versión de partida: cuenta cuántas veces aparece `palabra` (como
/// palabra entera) en `texto`, y cede el hilo después de cada línea para no
/// acaparar el ejecutor con un texto largo.
///
/// Ya está hecha: no la cambies, las pruebas comparan `contar` con ella.
pub async fn contar_prestado(texto: &str, palabra: &str) -> usize {
    let mut total = 0;
    for linea in texto.lines() {
        total += linea.split_whitespace().filter(|p| *p == palabra).count();
        task::yield_now().await;
    }
    total
}

/// Lo mismo que [`contar_prestado`], con el mismo resultado y cediendo el
/// hilo las mismas veces, pero con un future que no toma nada prestado: se
/// puede lanzar con `task::spawn` aunque `texto` y `palabra` ya no existan.
pub fn contar(texto: &str, palabra: &str) -> impl Future<Output = usize> + Send + 'static {
    // Este bloque compila porque no usa `texto` ni `palabra`. Cámbialo.
    async move {
        todo!(
            "Ejercicio `async_blocks`: escribe `contar` en exercises/src/async_blocks.rs \
             (capítulo book/src/04-async-blocks.md; pista: cargo run -- pista async_blocks)"
        )
    }
}
