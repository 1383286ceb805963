// Capítulo «Bloques asíncronos»: con `F: Fn(&str) -> Fut`, `Fut` es un solo
// tipo para todas las llamadas, y no puede guardar el préstamo `&str` de cada
// una. El future de `longitud` lo guarda, así que `medir` no la acepta.

async fn longitud(texto: &str) -> usize {
    texto.chars().count()
}

async fn medir<F, Fut>(nombres: &[&str], f: F) -> usize
where
    F: Fn(&str) -> Fut,
    Fut: Future<Output = usize>,
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
    let _ = medir(&nombres, longitud);
}
