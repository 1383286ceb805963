// Capítulo «Futures que cambian de hilo: Send»: `Box<dyn Error>` no es
// `Send`, y un future en el que cruza un `.await` tampoco.
use async_std::task;

type GenericError = Box<dyn std::error::Error>;
type GenericResult<T> = Result<T, GenericError>;

fn some_fallible_thing() -> GenericResult<i32> {
    Ok("42".parse::<i32>()?)
}

async fn unfortunate() {
    // El `Result` es un temporal del `match`: vive hasta el final del
    // `match`, así que también cruza el `.await`.
    match some_fallible_thing() {
        Err(error) => println!("error: {error}"),
        Ok(output) => {
            task::yield_now().await;
            println!("salida: {output}");
        }
    }
}

fn main() {
    task::spawn(unfortunate());
}
