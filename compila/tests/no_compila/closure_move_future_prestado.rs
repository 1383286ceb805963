// Capítulo «Bloques asíncronos»: con `move`, `nombre` es del closure, y el
// bloque `async` que devuelve no puede tomarlo prestado: el préstamo se
// escaparía del closure.
use async_std::task;

async fn dos_veces<F, Fut>(f: F) -> usize
where
    F: Fn() -> Fut,
    Fut: Future<Output = usize>,
{
    f().await + f().await
}

fn main() {
    let nombre = String::from("Ferris");
    let total = task::block_on(dos_veces(move || async { nombre.len() }));
    println!("{total}");
}
