//! `cancelacion`: cancelar un future es soltarlo, y lo que eso le hace a un
//! future que no es seguro ante la cancelación.
//!
//! Este ejemplo existe para ver, contado, lo que explica el capítulo
//! «Cancelar es soltar»:
//!
//! 1. un `timeout` que vence suelta el future a medias, y el trabajo que le
//!    faltaba no se hace nunca; una tarea, en cambio, no se cancela al
//!    soltar su `JoinHandle`, sino con `abort`;
//! 2. el `Outbound::send` del chat (un `write_all` bajo un Mutex, como en el
//!    libro), llevado a tokio y puesto bajo un límite de tiempo, deja medias
//!    líneas JSON en el socket, y el mensaje siguiente llega pegado a una;
//!    el lector cuenta las líneas rotas, con los tipos del protocolo del
//!    chat;
//! 3. el arreglo: una tarea escritora, dueña del socket, que recibe líneas
//!    enteras por un canal. Con él, el lector no cuenta ninguna rota;
//! 4. `read_line` en un `select!` contra un latido pierde el principio de una
//!    línea que llega en dos trozos.
//!
//! Corre con el reloj de tokio en pausa, como las pruebas del capítulo: así
//! el límite de tiempo vence exactamente cuando dice, y las cuentas son las
//! mismas en cada corrida. El «socket» es un `tokio::io::duplex`, en memoria.
//!
//! ```text
//! cargo run --example cancelacion
//! ```

use std::io;
use std::sync::Arc;
use std::time::Duration;

use taller_async::chat::FromServer;
use taller_async::chat::utils::ChatResult;
use tokio::io::{
    AsyncBufReadExt, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader, DuplexStream,
};
use tokio::sync::{Mutex, mpsc};
use tokio::task::JoinHandle;
use tokio::time::{self, Instant};

/// `n` milisegundos.
fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

// ANCHOR: soltar
/// Anota, al soltarse, en qué paso iba el future que lo lleva dentro.
struct Testigo {
    paso: u32,
}

impl Drop for Testigo {
    fn drop(&mut self) {
        println!("  el future se soltó en el paso {}", self.paso);
    }
}

/// Tres pasos de 100 ms.
async fn tres_pasos() -> &'static str {
    let mut testigo = Testigo { paso: 1 };
    for paso in 1..=3 {
        testigo.paso = paso;
        time::sleep(ms(100)).await;
        println!("  paso {paso} hecho");
    }
    std::mem::forget(testigo); // terminó: no hay nada que anotar
    "terminado"
}

async fn cancelar_es_soltar() {
    let resultado = time::timeout(ms(150), tres_pasos()).await;
    println!(
        "  timeout de 150 ms: {:?}",
        resultado.map_err(|_| "vencido")
    );

    // Una tarea no se cancela al soltar su JoinHandle: sigue por su cuenta.
    // Se cancela con `abort`, y su JoinHandle lo dice.
    let tarea = tokio::spawn(time::sleep(Duration::from_secs(3600)));
    tarea.abort();
    match tarea.await {
        Err(error) if error.is_cancelled() => println!("  la tarea abortada: cancelada"),
        otro => println!("  la tarea abortada terminó de otra forma: {otro:?}"),
    }
}
// ANCHOR_END: soltar

// ANCHOR: outbound_de_tokio
/// El `Outbound` del chat (src/chat/servidor/connection.rs), tal cual, sobre
/// tokio: el Mutex hace que dos tareas no mezclen sus bytes, y `send`
/// escribe la línea entera con `write_all`.
struct Outbound<W>(Mutex<W>);

impl<W: AsyncWrite + Unpin> Outbound<W> {
    fn new(to_client: W) -> Outbound<W> {
        Outbound(Mutex::new(to_client))
    }

    async fn send(&self, packet: FromServer) -> ChatResult<()> {
        let mut guard = self.0.lock().await;
        let mut json = serde_json::to_string(&packet)?;
        json.push('\n');
        guard.write_all(json.as_bytes()).await?;
        guard.flush().await?;
        Ok(())
    }
}
// ANCHOR_END: outbound_de_tokio

// ANCHOR: outbound_con_tarea
/// El arreglo: una tarea escritora es la dueña del socket, y `send` solo le
/// pasa líneas enteras por un canal.
///
/// `send` tiene un solo `.await`, el de `mpsc::Sender::send`, que la
/// documentación de tokio declara seguro ante la cancelación en este
/// sentido: si se cancela, el mensaje no se envió (y se suelta entero). Así
/// que al canal llegan líneas enteras o nada. Y el `write_all` de la tarea
/// escritora no lo cancela nadie: ningún `timeout` ni `select!` lo envuelve,
/// y corre hasta el final aunque quien llamó a `send` ya se haya ido.
struct OutboundConTarea {
    lineas: mpsc::Sender<String>,
}

impl OutboundConTarea {
    fn new<W>(mut to_client: W) -> (OutboundConTarea, JoinHandle<io::Result<()>>)
    where
        W: AsyncWrite + Unpin + Send + 'static,
    {
        let (lineas, mut por_escribir) = mpsc::channel::<String>(4);
        let escritora = tokio::spawn(async move {
            while let Some(linea) = por_escribir.recv().await {
                to_client.write_all(linea.as_bytes()).await?;
                to_client.flush().await?;
            }
            // Todos los `OutboundConTarea` se soltaron: se cierra el socket.
            to_client.shutdown().await
        });
        (OutboundConTarea { lineas }, escritora)
    }

    async fn send(&self, packet: FromServer) -> ChatResult<()> {
        let mut json = serde_json::to_string(&packet)?;
        json.push('\n');
        self.lineas
            .send(json)
            .await
            .map_err(|_| "la tarea escritora terminó")?;
        Ok(())
    }
}
// ANCHOR_END: outbound_con_tarea

// ANCHOR: reparto
/// Lo que espera el servidor a un cliente lento antes de saltarse un
/// mensaje.
const LIMITE: Duration = Duration::from_millis(50);

/// Los mensajes que se reparten: uno largo y uno corto, ocho veces.
fn mensajes() -> Vec<FromServer> {
    let grupo = Arc::new("perros".to_string());
    (1..=8)
        .flat_map(|i| {
            let largo = format!("largo {i}: {}", "x".repeat(600));
            let corto = format!("corto {i}");
            [largo, corto].map(|message| FromServer::Message {
                group_name: grupo.clone(),
                message: Arc::new(message),
            })
        })
        .collect()
}

/// Una política que parece razonable: si el cliente no acepta el mensaje en
/// `LIMITE`, se lo salta y sigue con el siguiente. Devuelve cuántos envíos
/// cortó el límite de tiempo.
macro_rules! repartir {
    ($outbound:expr) => {{
        let mut cortados = 0;
        for mensaje in mensajes() {
            if time::timeout(LIMITE, $outbound.send(mensaje))
                .await
                .is_err()
            {
                cortados += 1;
            }
        }
        cortados
    }};
}
// ANCHOR_END: reparto

// ANCHOR: lector_lento
/// El cliente lento, al otro lado del «socket»: cada 5 ms lee como mucho 16
/// bytes, hasta que la conexión se cierra. Devuelve todo lo que leyó.
async fn lector_lento(mut from_server: DuplexStream) -> Vec<u8> {
    let mut todo = Vec::new();
    let mut trozo = [0u8; 16];
    loop {
        time::sleep(ms(5)).await;
        match from_server.read(&mut trozo).await {
            Ok(0) | Err(_) => return todo,
            Ok(n) => todo.extend_from_slice(&trozo[..n]),
        }
    }
}

/// Las líneas que recibió el cliente: cuántas son paquetes del chat y
/// cuántas no (las rotas). Un resto sin `\n` al final también es una línea
/// rota.
fn contar(recibido: &[u8]) -> (usize, usize, Option<String>) {
    let (mut enteras, mut rotas, mut una_rota) = (0, 0, None);
    for linea in recibido.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        match serde_json::from_slice::<FromServer>(linea) {
            Ok(_) => enteras += 1,
            Err(_) => {
                rotas += 1;
                una_rota.get_or_insert_with(|| String::from_utf8_lossy(linea).into_owned());
            }
        }
    }
    (enteras, rotas, una_rota)
}
// ANCHOR_END: lector_lento

/// Imprime lo que contó el lector.
fn informe(cortados: usize, recibido: &[u8]) {
    let (enteras, rotas, una_rota) = contar(recibido);
    println!(
        "  {} mensajes; {cortados} envíos cortados por el límite de tiempo",
        mensajes().len()
    );
    println!("  el lector recibió {enteras} líneas enteras y {rotas} rotas");
    if let Some(rota) = una_rota {
        // Lo que rodea al segundo `{"Message"`: donde se pegó el mensaje
        // siguiente a la media línea.
        match rota.match_indices(r#"{"Message""#).nth(1) {
            Some((pegado, _)) => {
                let desde = (0..=pegado.saturating_sub(12))
                    .rev()
                    .find(|&i| rota.is_char_boundary(i))
                    .unwrap_or(0);
                println!(
                    "  una línea rota, donde se pegan dos:\n    …{}",
                    &rota[desde..]
                );
            }
            None => println!("  una línea rota:\n    {rota}"),
        }
    }
}

// ANCHOR: antes
/// Sin arreglo. Cada mensaje largo ocupa más de 600 bytes; el «socket» tiene
/// 64 de capacidad, y en los 50 ms de `LIMITE` el lector lee como mucho 11
/// veces 16 bytes. Así que un `write_all` de un mensaje largo puede escribir
/// como mucho 64 + 176 = 240 bytes antes de que venza el límite: se corta
/// siempre a media línea, por construcción, en cada corrida. El `\n` no
/// llega a escribirse, y el mensaje siguiente que sí sale entero queda
/// pegado a esa media línea: la línea que recibe el cliente no es JSON.
async fn antes_del_arreglo() {
    let (to_client, from_server) = tokio::io::duplex(64);
    let cliente = tokio::spawn(lector_lento(from_server));
    let outbound = Outbound::new(to_client);
    let cortados = repartir!(outbound);
    drop(outbound); // se cierra la conexión: el lector termina
    informe(cortados, &cliente.await.unwrap());
}
// ANCHOR_END: antes

// ANCHOR: despues
/// Con arreglo: el mismo límite de tiempo, el mismo cliente lento. Ahora el
/// límite solo puede cortar la espera de sitio en el canal, y un mensaje que
/// no cupo se salta entero.
async fn despues_del_arreglo() {
    let (to_client, from_server) = tokio::io::duplex(64);
    let cliente = tokio::spawn(lector_lento(from_server));
    let (outbound, escritora) = OutboundConTarea::new(to_client);
    let cortados = repartir!(outbound);
    drop(outbound); // se cierra el canal: la tarea escritora termina
    escritora.await.unwrap().unwrap();
    informe(cortados, &cliente.await.unwrap());
}
// ANCHOR_END: despues

// ANCHOR: read_line
/// Una línea que llega en dos trozos, con un latido entre los dos: a los
/// 50 ms llega «hola, », y a los 150 ms, «mundo\n». Cada vuelta del bucle
/// crea un `read_line` nuevo.
async fn read_line_en_un_select() {
    let (mut escribir, leer) = tokio::io::duplex(64);
    tokio::spawn(async move {
        time::sleep(ms(50)).await;
        escribir.write_all(b"hola, ").await.unwrap();
        time::sleep(ms(100)).await;
        escribir.write_all(b"mundo\n").await.unwrap();
    });
    let inicio = Instant::now();
    let mut lector = BufReader::new(leer);
    let mut latido = time::interval(ms(100));
    loop {
        let mut linea = String::new();
        tokio::select! {
            _ = lector.read_line(&mut linea) => {
                println!("  a los {} ms, read_line dio {linea:?}", inicio.elapsed().as_millis());
                break;
            }
            _ = latido.tick() => {
                println!("  a los {} ms, latido", inicio.elapsed().as_millis());
            }
        }
    }
}
// ANCHOR_END: read_line

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .expect("no se pudo crear el runtime de tokio");
    runtime.block_on(async {
        println!("1. Cancelar es soltar");
        cancelar_es_soltar().await;
        println!("2. Sin arreglo: el Outbound del chat, con write_all bajo un Mutex");
        antes_del_arreglo().await;
        println!("3. Con arreglo: una tarea escritora y un canal de líneas enteras");
        despues_del_arreglo().await;
        println!("4. read_line en un select! contra un latido");
        read_line_en_un_select().await;
    });
}
