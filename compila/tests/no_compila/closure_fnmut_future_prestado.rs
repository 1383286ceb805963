// Capítulo «Bloques asíncronos»: un closure corriente que devuelve un bloque
// `async` no puede prestarle al future lo que captura. El préstamo de
// `llamadas` viviría en el future después de que el closure vuelva, y un
// `FnMut` solo presta lo suyo mientras corre.
use async_std::task;

async fn tres_veces<F, Fut>(mut f: F)
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = ()>,
{
    for i in 1..=3 {
        f(i).await;
    }
}

fn main() {
    let mut llamadas = 0;
    task::block_on(tres_veces(|_i| async {
        llamadas += 1;
        task::yield_now().await;
    }));
    println!("{llamadas}");
}
