// Capítulo «Bloques asíncronos»: el future de cada llamada a un `AsyncFnMut`
// toma prestado el closure con `&mut`, así que no puede haber dos en marcha a
// la vez: hay que esperar uno antes de crear el siguiente.
use async_std::task;

async fn dos_a_la_vez(mut f: impl AsyncFnMut(u32)) {
    let primero = f(1);
    let segundo = f(2);
    futures::join!(primero, segundo);
}

fn main() {
    let mut llamadas = 0;
    task::block_on(dos_a_la_vez(async |_i| {
        llamadas += 1;
    }));
    println!("{llamadas}");
}
