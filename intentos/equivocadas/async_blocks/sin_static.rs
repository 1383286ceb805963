//! Error: quita `+ 'static` de la firma. En la edición 2024 el `impl Future`
//! captura entonces los tiempos de vida de `texto` y `palabra`, y quien llama
//! no puede lanzarlo después de soltar las cadenas.
//! Se espera: no compila
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
pub fn contar(texto: &str, palabra: &str) -> impl Future<Output = usize> + Send {
    // Esto corre en el momento de la llamada, mientras los préstamos valen.
    let texto = texto.to_string();
    let palabra = palabra.to_string();
    // Y esto, cuando alguien sondee el future. Dentro se presta de las
    // copias, que ahora son del propio future.
    async move { contar_prestado(&texto, &palabra).await }
}
