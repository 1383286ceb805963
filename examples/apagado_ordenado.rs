//! `apagado_ordenado`: apagar un servidor sin perder lo que ya aceptó, y sin
//! que un cliente que no lee lo retenga para siempre.
//!
//! Este ejemplo existe para ver, contado, lo que explica el capítulo «Apagar
//! en orden». El servidor es `taller_async::apagado::Servidor`, un chat de
//! tokio con una tarea lectora y una escritora por conexión; tres clientes
//! se unen a un grupo:
//!
//! - el que publica, que espera la copia de cada mensaje suyo: así sabe que
//!   el servidor lo aceptó;
//! - uno en pausa, que no lee hasta después de la orden de apagar: cuando
//!   llega, tiene mensajes aceptados esperando en su cola;
//! - uno mudo, que no lee nunca: su escritora se atasca en un `write_all`.
//!
//! Con ellos, tres apagados:
//!
//! 1. en orden: dejar de aceptar, avisar, vaciar las colas, esperar hasta un
//!    plazo y abortar lo que quede. Nadie pierde nada, salvo el mudo, al que
//!    se aborta al vencer el plazo;
//! 2. abortar enseguida: el cliente en pausa pierde lo que esperaba en su
//!    cola, y el aviso;
//! 3. esperar sin plazo: el mudo retiene el apagado (aquí, hasta que el
//!    ejemplo se cansa de esperar).
//!
//! La orden de apagar es Ctrl-C o una llamada del propio programa: las dos
//! cancelan el mismo `CancellationToken`. Sockets de verdad en 127.0.0.1 y el
//! reloj de verdad; tarda unos pocos segundos.
//!
//! ```text
//! cargo run --example apagado_ordenado
//! ```

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use taller_async::apagado::{AVISO, Cliente, Informe, Servidor};
use taller_async::chat::FromServer;
use tokio::time::{self, Instant};
use tokio_util::sync::CancellationToken;

const GRUPO: &str = "sala";

/// El plazo del apagado en orden.
const PLAZO: Duration = Duration::from_secs(1);

// ANCHOR: apagar
/// Apaga `servidor` en orden, sin pasar de `plazo`.
async fn apagar(servidor: &Servidor, plazo: Duration) -> Informe {
    // Un plazo es un instante: todas las esperas de abajo lo comparten.
    let limite = Instant::now() + plazo;

    // 1. Dejar de aceptar y de leer. La tarea que acepta y las lectoras
    //    terminan entre dos líneas; cuando todas terminaron, cada mensaje
    //    aceptado está ya en la cola de cada miembro del grupo.
    servidor.detener.cancel();
    servidor.lectoras.close();
    let _ = time::timeout_at(limite, servidor.lectoras.wait()).await;

    // 2. Avisar, al final de cada cola: detrás de todo lo aceptado. Con
    //    `try_send`, que no espera: una cola llena es de un cliente que no
    //    lee, y esperar sitio para su aviso retendría el apagado.
    let mut informe = Informe::default();
    for cola in servidor.tomar_colas() {
        if cola.try_send(FromServer::Error(AVISO.to_string())).is_ok() {
            informe.avisados += 1;
        }
        // 3. Aquí se suelta la cola: su escritora escribe lo que quedaba en
        //    ella, el aviso el último, cierra el socket y termina.
    }

    // 4. Esperar a las escritoras, como mucho hasta el plazo.
    servidor.escritoras.close();
    if time::timeout_at(limite, servidor.escritoras.wait())
        .await
        .is_err()
    {
        // 5. Abortar lo que queda, y esperar a que se suelte.
        for escritora in servidor.escritoras_vivas() {
            escritora.abort();
            informe.abortadas += 1;
        }
        servidor.escritoras.wait().await;
    }
    informe
}
// ANCHOR_END: apagar

// ANCHOR: abortar_enseguida
/// Mal: avisa y aborta enseguida, sin esperar a que las colas se vacíen.
async fn abortar_enseguida(servidor: &Servidor) -> Informe {
    servidor.detener.cancel();
    servidor.lectoras.close();
    servidor.lectoras.wait().await;
    let mut informe = Informe::default();
    for cola in servidor.tomar_colas() {
        if cola.try_send(FromServer::Error(AVISO.to_string())).is_ok() {
            informe.avisados += 1;
        }
    }
    for escritora in servidor.escritoras_vivas() {
        escritora.abort();
        informe.abortadas += 1;
    }
    servidor.escritoras.close();
    servidor.escritoras.wait().await;
    informe
}
// ANCHOR_END: abortar_enseguida

// ANCHOR: sin_plazo
/// Mal: avisa, suelta las colas y espera a todas las escritoras, sin plazo.
async fn sin_plazo(servidor: &Servidor) {
    servidor.detener.cancel();
    servidor.lectoras.close();
    servidor.lectoras.wait().await;
    for cola in servidor.tomar_colas() {
        let _ = cola.try_send(FromServer::Error(AVISO.to_string()));
    }
    servidor.escritoras.close();
    servidor.escritoras.wait().await;
}
// ANCHOR_END: sin_plazo

/// Conecta un cliente, lo une al grupo y publica «<nombre> listo». Vuelve
/// cuando le llega su propia copia: la misma lectora atiende el `Join` y el
/// `Post` en orden, así que entonces ya es miembro del grupo.
async fn unido(servidor: &Servidor, nombre: &str) -> Cliente {
    let mut cliente = Cliente::conectar(servidor.direccion()).await.unwrap();
    cliente.unirse(GRUPO).await.unwrap();
    let listo = format!("{nombre} listo");
    cliente.publicar(GRUPO, &listo).await.unwrap();
    loop {
        match cliente.recibir().await.unwrap() {
            Some(FromServer::Message { message, .. }) if *message == listo => return cliente,
            Some(_) => {}
            None => panic!("el servidor cerró la conexión de «{nombre}» antes de apagar"),
        }
    }
}

/// Los tres clientes y lo que se publicó.
struct Escena {
    publica: Cliente,
    en_pausa: Cliente,
    /// Se guarda sin leer nunca: al soltarlo se cerraría su conexión.
    _mudo: Cliente,
    publicados: Vec<String>,
}

// ANCHOR: publicar
/// Arranca el servidor, une a los tres clientes y publica mensajes de 4 KiB,
/// de uno en uno, cada uno aceptado (el que publica recibe su copia), hasta
/// que dos colas retienen al menos 8 paquetes cada una: las del cliente en
/// pausa y del mudo, que ya llenaron los búferes del sistema operativo.
async fn preparar() -> (Servidor, Escena) {
    let servidor = Servidor::iniciar().await.unwrap();
    let mut publica = unido(&servidor, "publica").await;
    let en_pausa = unido(&servidor, "en_pausa").await;
    let _mudo = unido(&servidor, "mudo").await;
    let mut publicados = Vec::new();
    loop {
        while servidor.colas_con_al_menos(8) < 2 {
            let texto = format!("#{} {}", publicados.len(), "x".repeat(4000));
            publica.publicar(GRUPO, &texto).await.unwrap();
            while !matches!(publica.recibir().await.unwrap(),
                            Some(FromServer::Message { message, .. }) if *message == texto)
            {
            }
            publicados.push(texto);
        }
        // Una escritora que solo iba atrasada vacía su cola enseguida; la de
        // un cliente que no lee sigue reteniendo 200 ms después.
        time::sleep(Duration::from_millis(200)).await;
        if servidor.colas_con_al_menos(8) == 2 {
            break;
        }
    }
    let escena = Escena {
        publica,
        en_pausa,
        _mudo,
        publicados,
    };
    (servidor, escena)
}
// ANCHOR_END: publicar

/// Si el último paquete que recibió un cliente fue el aviso.
fn con_aviso(recibido: &[FromServer]) -> &'static str {
    match recibido.last() {
        Some(FromServer::Error(texto)) if texto == AVISO => "y el aviso al final",
        _ => "sin aviso",
    }
}

/// Qué le llegó a un cliente: cuántos de los mensajes publicados, si en
/// orden, y si su último paquete fue el aviso.
fn resumen(nombre: &str, recibido: &[FromServer], publicados: &[String]) {
    let llegaron: Vec<&str> = recibido
        .iter()
        .filter_map(|p| match p {
            FromServer::Message { message, .. } if message.starts_with('#') => {
                Some(message.as_str())
            }
            _ => None,
        })
        .collect();
    let en_orden = llegaron.iter().zip(publicados).all(|(a, b)| *a == b);
    println!(
        "  {nombre}: {} de {} mensajes{}, {}",
        llegaron.len(),
        publicados.len(),
        if en_orden { "" } else { " (desordenados)" },
        con_aviso(recibido)
    );
}

/// Todo lo que recibe `cliente` hasta que se cierra su conexión. Tras un
/// aborto, la conexión se corta sin el cierre ordenado: lo recibido hasta
/// ahí es lo que cuenta.
async fn todo(cliente: &mut Cliente) -> Vec<FromServer> {
    let mut recibido = Vec::new();
    while let Ok(Some(paquete)) = cliente.recibir().await {
        recibido.push(paquete);
    }
    recibido
}

/// Lo que recibió cada uno de los dos clientes que leen.
struct Recibido([Vec<FromServer>; 2]);

/// Los dos clientes que leen leen hasta el final: el que publica enseguida,
/// y el que está en pausa 300 ms después de que el otro terminó.
async fn leer(escena: &mut Escena) -> Recibido {
    let publica = todo(&mut escena.publica).await;
    time::sleep(Duration::from_millis(300)).await;
    let en_pausa = todo(&mut escena.en_pausa).await;
    Recibido([publica, en_pausa])
}

/// Imprime qué le llegó a cada uno.
fn imprimir(escena: &Escena, recibido: &Recibido) {
    println!(
        "  {} mensajes aceptados; al menos 8 esperaban en la cola de cada uno que no lee",
        escena.publicados.len()
    );
    // El que publica ya recibió su copia de cada uno mientras publicaba.
    let [publica, en_pausa] = &recibido.0;
    println!(
        "  publica: su copia de cada uno al publicar, {}",
        con_aviso(publica)
    );
    resumen("en_pausa", en_pausa, &escena.publicados);
}

// ANCHOR: orden
/// Espera la orden de apagar: Ctrl-C o `parar.cancel()` desde el programa.
/// Devuelve quién la dio.
async fn esperar_la_orden(parar: &CancellationToken, pulsado: &AtomicBool) -> &'static str {
    parar.cancelled().await;
    if pulsado.load(Ordering::SeqCst) {
        "Ctrl-C"
    } else {
        "el programa"
    }
}
// ANCHOR_END: orden

async fn en_orden(parar: &CancellationToken, pulsado: &AtomicBool) {
    let (servidor, mut escena) = preparar().await;
    // La orden programada: en un servidor real, un mensaje de
    // administración o el final de una prueba.
    parar.cancel();
    let quien = esperar_la_orden(parar, pulsado).await;
    println!("  orden de apagar: {quien}");
    let inicio = Instant::now();
    let (informe, recibido) = tokio::join!(apagar(&servidor, PLAZO), leer(&mut escena));
    imprimir(&escena, &recibido);
    println!(
        "  informe: avisados {}, abortadas {}; ¿tardó al menos el plazo ({} ms)? {}",
        informe.avisados,
        informe.abortadas,
        PLAZO.as_millis(),
        inicio.elapsed() >= PLAZO
    );
    println!("  tareas vivas al terminar: {}", servidor.tareas_vivas());
}

async fn sin_orden() {
    let (servidor, mut escena) = preparar().await;
    let (informe, recibido) = tokio::join!(abortar_enseguida(&servidor), leer(&mut escena));
    imprimir(&escena, &recibido);
    println!(
        "  informe: avisados {}, abortadas {}",
        informe.avisados, informe.abortadas
    );
}

async fn esperar_para_siempre() {
    let (servidor, mut escena) = preparar().await;
    let paciencia = Duration::from_secs(1);
    // Los dos que leen leen, como antes; el mudo, no.
    let (esperado, _) = tokio::join!(
        time::timeout(paciencia, sin_plazo(&servidor)),
        leer(&mut escena)
    );
    match esperado {
        Ok(()) => println!("  el apagado terminó"),
        Err(_) => println!(
            "  tras {} ms el apagado sigue esperando: {} tarea viva (la escritora del mudo)",
            paciencia.as_millis(),
            servidor.tareas_vivas()
        ),
    }
    // Para no dejarla viva al salir del ejemplo.
    for escritora in servidor.escritoras_vivas() {
        escritora.abort();
    }
    servidor.escritoras.wait().await;
}

#[tokio::main]
async fn main() {
    // `tokio::signal::ctrl_c` necesita la feature `signal` de tokio, que el
    // taller no activa. El crate `ctrlc` llama a su cierre desde un hilo
    // suyo, y `cancel` no es asíncrono: se puede llamar desde cualquier hilo.
    let parar = CancellationToken::new();
    let pulsado = Arc::new(AtomicBool::new(false));
    {
        let (parar, pulsado) = (parar.clone(), pulsado.clone());
        ctrlc::set_handler(move || {
            pulsado.store(true, Ordering::SeqCst);
            parar.cancel();
        })
        .expect("no se pudo instalar el manejador de Ctrl-C");
    }
    println!("1. Apagar en orden (plazo de {} ms)", PLAZO.as_millis());
    en_orden(&parar, &pulsado).await;
    println!("2. Sin orden: avisar y abortar enseguida");
    sin_orden().await;
    println!("3. Sin plazo: esperar a que todas las escritoras terminen");
    esperar_para_siempre().await;
}
