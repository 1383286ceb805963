// Capítulo «Bloques asíncronos»: la salida de antes de los closures
// asíncronos. Si `f` devuelve el future en una caja, `Pin<Box<dyn Future +
// 'a>>`, el tipo de retorno sí puede nombrar el préstamo `'a` de cada
// llamada, y `medir` acepta `longitud`. El precio: una caja en el montón por
// llamada, y envolver cada función a mano.
use std::pin::Pin;

use async_std::task;

async fn longitud(texto: &str) -> usize {
    texto.chars().count()
}

async fn medir<F>(nombres: &[&str], f: F) -> usize
where
    F: for<'a> Fn(&'a str) -> Pin<Box<dyn Future<Output = usize> + 'a>>,
{
    let mut total = 0;
    for nombre in nombres {
        let copia = nombre.to_uppercase();
        total += f(&copia).await;
    }
    total
}

fn main() {
    let nombres = ["Ferris", "el cangrejo araña"];
    let letras = task::block_on(medir(&nombres, |texto| Box::pin(longitud(texto))));
    assert_eq!(letras, 23);
}
