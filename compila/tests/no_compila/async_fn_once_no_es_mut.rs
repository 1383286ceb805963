// Capítulo «Bloques asíncronos»: un closure `async move` que consume lo que
// capturó solo se puede llamar una vez. Cumple `AsyncFnOnce`, no
// `AsyncFnMut`.
use async_std::task;

async fn dos_veces(mut f: impl AsyncFnMut(&str) -> String) {
    println!("{}", f("Ferris").await);
    println!("{}", f("Corro").await);
}

fn main() {
    let mut saludo = String::from("Hola");
    let completar = async move |nombre: &str| {
        saludo.push_str(", ");
        saludo.push_str(nombre);
        saludo
    };
    task::block_on(dos_veces(completar));
}
