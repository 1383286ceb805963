// Capítulo «Bloques asíncronos»: desde la edición 2024, un `impl Trait` de
// retorno captura todos los tiempos de vida de la firma. Este future no
// guarda el préstamo `nombre` (el bloque se lleva una copia), pero la firma
// no lo promete: sin `+ 'static` (o `+ use<>`), quien llama tiene que
// suponer que sí lo guarda, y `task::spawn` lo rechaza.
use async_std::task;

fn preparar_saludo(nombre: &str) -> impl Future<Output = String> + Send {
    let nombre = nombre.to_uppercase();
    async move { format!("¡hola, {nombre}!") }
}

fn main() {
    let future = {
        let nombre = String::from("Ferris");
        preparar_saludo(&nombre)
    };
    task::block_on(task::spawn(future));
}
