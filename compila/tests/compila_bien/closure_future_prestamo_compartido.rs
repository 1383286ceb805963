// Capítulo «Bloques asíncronos»: lo único que un closure que devuelve un
// bloque `async` sí puede prestarle al bloque. `nombre` se captura por
// referencia compartida, y esa referencia no es del closure sino de `main`,
// que declaró la variable: el bloque se la puede quedar después de que el
// closure vuelva.
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
    let total = task::block_on(dos_veces(|| async { nombre.len() }));
    assert_eq!(total, 12);
}
