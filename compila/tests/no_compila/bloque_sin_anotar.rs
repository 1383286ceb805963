// Capítulo «Bloques asíncronos»: un `?` dentro de un bloque `async` que no
// dice de qué tipo es su error.
use async_std::net;

fn main() {
    let _serve_one = async {
        let listener = net::TcpListener::bind("127.0.0.1:0").await?;
        let (_socket, _cliente) = listener.accept().await?;
        Ok(())
    };
}
