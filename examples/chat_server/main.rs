//! El servidor de chat del libro.
//!
//! ```text
//! cargo run --example chat_server -- 127.0.0.1:8088   # un servidor de verdad
//! cargo run --example chat_server                     # una demostración sin red
//! ```
//!
//! Con una dirección, escucha en ella hasta que pulses Ctrl-C, y entonces se
//! detiene limpiamente: deja de aceptar, cierra las conexiones y espera a que
//! no quede ninguna tarea. Le puedes hablar con `chat_client`, con el cliente
//! del libro (el protocolo es el mismo) o a mano con `nc 127.0.0.1 8088`.
//!
//! Sin argumentos, arranca un servidor y varios clientes guionizados en este
//! mismo proceso, y cuenta lo que pasa (ver `demo.rs`).
//!
//! Los módulos del libro, `connection`, `group` y `group_table`, están en la
//! biblioteca del taller (`src/chat/servidor/`), para que las pruebas puedan
//! usarlos; este archivo es el `main.rs` del libro.

mod demo;

use std::process::ExitCode;

use taller_async::chat::servidor::ServidorChat;
use taller_async::chat::utils::ChatResult;

const USO: &str = "Uso: cargo run --example chat_server -- DIRECCIÓN:PUERTO\n\
    \n\
    Por ejemplo: cargo run --example chat_server -- 127.0.0.1:8088\n\
    Sin argumentos, corre una demostración sin red y termina.";

fn main() -> ExitCode {
    let argumentos: Vec<String> = std::env::args().skip(1).collect();
    match argumentos.as_slice() {
        [] => demo::correr(),
        [ayuda] if ["-h", "--help", "--ayuda"].contains(&ayuda.as_str()) => {
            println!("{USO}");
            ExitCode::SUCCESS
        }
        [address] => match serve_until_ctrl_c(address) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: {error}");
                ExitCode::FAILURE
            }
        },
        _ => {
            eprintln!("error: sobran argumentos.\n\n{USO}");
            ExitCode::from(2)
        }
    }
}

// ANCHOR: main
fn serve_until_ctrl_c(address: &str) -> ChatResult<()> {
    // `ctrlc` llama a este closure desde un hilo suyo cuando llega Ctrl-C.
    // Desde allí no se puede esperar nada: solo se avisa por un canal, y el
    // aviso lo espera una tarea, como cualquier otro suceso.
    let (ctrl_c, pulsado) = async_std::channel::bounded(1);
    ctrlc::set_handler(move || {
        let _ = ctrl_c.try_send(());
    })
    .map_err(|e| format!("no se pudo instalar el manejador de Ctrl-C: {e}"))?;

    async_std::task::block_on(async {
        let server = ServidorChat::iniciar(address)
            .await
            .map_err(|e| format!("no se pudo escuchar en {address}: {e}"))?;
        println!(
            "Servidor de chat escuchando en {}. Ctrl-C para detenerlo.",
            server.direccion()
        );

        // El servidor corre en sus propias tareas; aquí solo se espera.
        let _ = pulsado.recv().await;
        println!(
            "\nCtrl-C: deteniendo el servidor ({} conexiones, {} suscripciones).",
            server.conexiones(),
            server.suscriptores()
        );
        server.detener().await;
        println!("Servidor detenido: ninguna conexión ni suscripción sigue viva.");
        Ok(())
    })
}
// ANCHOR_END: main
