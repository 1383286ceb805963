//! Error: cuenta al llamar a `contar`, y el future solo entrega el número: no
//! espera a que lo sondeen ni cede el hilo en cada línea.
//! Se espera: falla contar_espera_a_que_lo_sondeen_y_cede_el_hilo_en_cada_linea
//!
//! Solución del ejercicio `async_blocks`: de un future que toma prestado a uno `'static`.
//!
//! El trabajo se parte en dos momentos. Al llamar a `contar` (una función
//! corriente) se hacen las copias propias de lo prestado; el bloque
//! `async move` se las lleva, y el trabajo de verdad espera a que alguien
//! sondee el future. Como dentro ya no queda ningún préstamo, el future es
//! `'static`, y como todo lo que guarda (`String`, `usize`) es `Send`,
//! también es `Send`.

use async_std::task;

/// La versión de partida: cuenta cuántas veces aparece `palabra` (como
/// palabra entera) en `texto`, y cede el hilo después de cada línea.
pub async fn contar_prestado(texto: &str, palabra: &str) -> usize {
    let mut total = 0;
    for linea in texto.lines() {
        total += linea.split_whitespace().filter(|p| *p == palabra).count();
        task::yield_now().await;
    }
    total
}

/// Lo mismo que [`contar_prestado`], con un future `Send + 'static`.
pub fn contar(texto: &str, palabra: &str) -> impl Future<Output = usize> + Send + 'static {
    // Se cuenta ya, mientras los préstamos valen, y el future solo guarda
    // el número.
    let total = texto
        .lines()
        .map(|linea| linea.split_whitespace().filter(|p| *p == palabra).count())
        .sum::<usize>();
    async move { total }
}
