//! La demostración sin red de `chat_server`: un servidor y varios clientes
//! guionizados en el mismo proceso.
//!
//! Cada paso cuenta lo que mandan los clientes, lo que reciben y lo que el
//! servidor dice tener vivo (conexiones, suscripciones, mensajes en la cola
//! de un grupo). No hay pausas ni tiempos: cada paso espera exactamente lo que
//! necesita, así que la salida es la misma en cualquier máquina, salvo las
//! cifras que dependen de los búferes del sistema operativo (cuántos mensajes
//! le caben a un cliente lento antes de quedarse atrás).

use std::process::ExitCode;

use taller_async::chat::cliente_simple::ClienteSimple;
use taller_async::chat::servidor::{Config, ServidorChat};
use taller_async::chat::utils::ChatResult;
use taller_async::chat::{FromServer, LIMITE_LINEA, LIMITE_MENSAJE};

/// La cola de cada grupo en la demostración: pequeña, para que el cliente
/// lento se quede atrás enseguida.
const CAPACIDAD: usize = 16;

pub fn correr() -> ExitCode {
    match async_std::task::block_on(demostracion()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error en la demostración: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Cómo se ve un paquete del servidor en la salida.
fn describir(paquete: &FromServer) -> String {
    match paquete {
        FromServer::Message {
            group_name,
            message,
        } => format!("mensaje en {group_name}: {message}"),
        FromServer::Error(texto) => format!("error: {texto}"),
    }
}

/// Recibe un paquete y lo imprime a nombre de `quien`.
async fn recibe(quien: &str, cliente: &mut ClienteSimple) -> ChatResult<FromServer> {
    let paquete = cliente.recibir_paquete().await?;
    println!("   {quien} recibe → {}", describir(&paquete));
    Ok(paquete)
}

fn cuentas(servidor: &ServidorChat) -> String {
    format!(
        "{} conexiones, {} suscripciones, {} grupos",
        servidor.conexiones(),
        servidor.suscriptores(),
        servidor.grupos()
    )
}

async fn demostracion() -> ChatResult<()> {
    let config = Config {
        capacidad: CAPACIDAD,
        // Los errores de las conexiones (los provocamos a propósito) se
        // cuentan abajo, paso a paso.
        registrar_errores: false,
        ..Config::default()
    };
    let servidor = ServidorChat::con_config("127.0.0.1:0", config).await?;
    let direccion = servidor.direccion();
    println!("Demostración sin red: un servidor de chat y varios clientes en este proceso.");
    println!("(Con una dirección, `cargo run --example chat_server -- 127.0.0.1:8088`, es un");
    println!("servidor de verdad.) Cola de cada grupo: {CAPACIDAD} mensajes.");

    println!("\n1. Unirse y publicar");
    let mut ana = ClienteSimple::conectar(direccion).await?;
    let mut beto = ClienteSimple::conectar(direccion).await?;
    let mut carla = ClienteSimple::conectar(direccion).await?;
    ana.join("perros").await?;
    beto.join("perros").await?;
    carla.join("gatos").await?;
    servidor.esperar_hasta(|s| s.suscriptores() == 3).await;
    println!("   ana y beto se unen a «perros»; carla, a «gatos».");
    println!("   Servidor: {}.", cuentas(&servidor));
    println!("   ana publica en «perros»:");
    ana.post("perros", "¡Los samoyedos molan!").await?;
    recibe("ana", &mut ana).await?;
    recibe("beto", &mut beto).await?;
    carla.post("gatos", "miau").await?;
    println!("   carla publica en «gatos», y lo primero que recibe es su propio mensaje:");
    recibe("carla", &mut carla).await?;

    println!("\n2. Unirse dos veces al mismo grupo");
    beto.join("perros").await?;
    println!("   beto vuelve a unirse a «perros», y publica:");
    beto.post("perros", "¿me llega dos veces?").await?;
    recibe("beto", &mut beto).await?;
    recibe("ana", &mut ana).await?;
    println!(
        "   Servidor: {} suscripciones, como antes: la segunda vez no crea otra.",
        servidor.suscriptores()
    );

    println!("\n3. Errores que no cierran la conexión");
    println!("   carla publica en «loros», que no existe:");
    carla.post("loros", "¿hay alguien?").await?;
    recibe("carla", &mut carla).await?;
    println!("   carla manda una línea que no es JSON:");
    carla.enviar_bytes(b"esto no es JSON\n").await?;
    recibe("carla", &mut carla).await?;
    println!("   carla publica un mensaje de un byte más del máximo:");
    carla.post("gatos", &"m".repeat(LIMITE_MENSAJE + 1)).await?;
    recibe("carla", &mut carla).await?;
    println!("   Y su conexión sigue sirviendo:");
    carla.post("gatos", "sigo aquí").await?;
    recibe("carla", &mut carla).await?;

    println!("\n4. Una línea desmesurada");
    let mut dani = ClienteSimple::conectar(direccion).await?;
    let mut escritor = dani.clonar_escritor();
    // Un mebibyte sin salto de línea, escrito desde otra tarea: el servidor
    // deja de leer tras el límite, y esta escritura puede quedarse a medias.
    let escritura = async_std::task::spawn(async move {
        use async_std::io::WriteExt;
        let _ = escritor.write_all(&vec![b'a'; 1 << 20]).await;
    });
    println!("   dani manda 1 MiB sin ningún salto de línea (el límite es {LIMITE_LINEA} bytes).");
    recibe("dani", &mut dani).await?;
    match dani.recibir().await {
        None | Some(Err(_)) => println!("   Y el servidor le cierra la conexión."),
        Some(Ok(paquete)) => println!("   ¿? Llegó además: {}", describir(&paquete)),
    }
    escritura.await;
    servidor.esperar_hasta(|s| s.conexiones() == 3).await;
    println!("   Servidor: {}.", cuentas(&servidor));

    println!("\n5. Un miembro lento");
    let mut lento = ClienteSimple::conectar(direccion).await?;
    lento.join("perros").await?;
    servidor.esperar_hasta(|s| s.suscriptores() == 4).await;
    println!("   «lento» se une a «perros» y no lee nada. ana publica mensajes de 8 KiB,");
    println!("   y ana y beto leen cada uno antes de que se publique el siguiente.");
    let relleno = "x".repeat(LIMITE_MENSAJE - 16);
    let mut enviados = 0;
    let mut tras_llenarse = 0;
    while tras_llenarse <= CAPACIDAD {
        ana.post("perros", &format!("{enviados} {relleno}")).await?;
        for cliente in [&mut ana, &mut beto] {
            cliente.recibir_paquete().await?;
        }
        enviados += 1;
        if servidor.retenidos_max() >= CAPACIDAD {
            tras_llenarse += 1;
        }
    }
    ana.post("perros", "último").await?;
    for cliente in [&mut ana, &mut beto] {
        cliente.recibir_paquete().await?;
    }
    println!(
        "   Se publicaron {} mensajes; ana y beto los recibieron todos.",
        enviados + 1
    );
    println!(
        "   La cola de «perros» llegó a guardar {} mensajes (su capacidad), y no más.",
        servidor.retenidos_max()
    );
    let mut recibidos = 0;
    loop {
        match lento.recibir_paquete().await? {
            FromServer::Message { message, .. } => {
                recibidos += 1;
                if message.as_str() == "último" {
                    break;
                }
            }
            FromServer::Error(aviso) => {
                println!("   lento lee por fin; tras {recibidos} mensajes, recibe → error:");
                println!("     {aviso}");
            }
        }
    }
    println!("   En total, lento recibió {recibidos} mensajes, el último incluido.");

    println!("\n6. Desconexiones bruscas");
    let mut fugaces = Vec::new();
    for _ in 0..10 {
        let mut cliente = ClienteSimple::conectar(direccion).await?;
        for grupo in ["perros", "gatos", "loros"] {
            cliente.join(grupo).await?;
        }
        fugaces.push(cliente);
    }
    servidor.esperar_hasta(|s| s.suscriptores() == 34).await;
    println!("   10 clientes se unen a «perros», «gatos» y «loros».");
    println!("   Servidor: {}.", cuentas(&servidor));
    drop(fugaces);
    servidor
        .esperar_hasta(|s| s.conexiones() == 4 && s.suscriptores() == 4)
        .await;
    println!("   Se van sin despedirse, y nadie publica nada más en esos grupos.");
    println!("   Servidor: {}.", cuentas(&servidor));

    println!("\n7. Detener el servidor");
    servidor.detener().await;
    for (nombre, cliente) in [
        ("ana", &mut ana),
        ("beto", &mut beto),
        ("carla", &mut carla),
    ] {
        if cliente.recibir().await.is_none() {
            println!("   {nombre}: el servidor cerró la conexión.");
        }
    }
    println!("   `detener` volvió: ninguna conexión ni suscripción sigue viva.");
    Ok(())
}
