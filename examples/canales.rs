//! `canales`: los canales de tokio como herramienta de diseño, y un actor.
//!
//! Este ejemplo existe para ver, contado, lo que explica el capítulo
//! «Canales como herramienta de diseño»:
//!
//! 1. un `mpsc` acotado: con el consumidor en pausa, exactamente tantos
//!    `send` terminan como la capacidad del canal, y el siguiente espera
//!    (contrapresión);
//! 2. `try_send`: el emisor no espera, y decide qué hacer con un consumidor
//!    lento (descartar o desconectarlo) y con uno que se fue;
//! 3. un `mpsc` sin límite con un productor rápido y un consumidor lento:
//!    cuántos bytes guarda por mensaje en cola y a cuánto llega su pico,
//!    medidos con un asignador que cuenta, frente al mismo reparto acotado;
//! 4. `oneshot` para una respuesta, `watch` para un valor que cambia (una
//!    configuración, una señal de apagado) y `broadcast`, como en el chat;
//! 5. la tabla de grupos del chat como un actor: una tarea dueña del mapa
//!    que contesta peticiones por un buzón acotado, frente al Mutex del
//!    libro; lo que cuesta la ida y vuelta, que el actor atiende de una en
//!    una, y qué pasa cuando entra en pánico.
//!
//! Casi todo corre con el reloj de tokio en pausa: los `sleep` terminan en
//! el instante exacto, y las cuentas son las mismas en cada corrida. Lo que
//! mide tiempo de verdad (la ida y vuelta del actor) usa el reloj de `std`.
//!
//! ```text
//! cargo run --example canales
//! ```

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use taller_async::chat::servidor::group::Group;
use taller_async::chat::servidor::group_table::GroupTable;
use taller_async::medir;
use taller_async::prueba::memoria::{self, AsignadorQueCuenta};
use tokio::sync::mpsc::error::TrySendError;
use tokio::sync::{broadcast, mpsc, oneshot, watch};
use tokio::task::JoinHandle;
use tokio::time::{self, Instant};

// El asignador del sistema, con cuentas: así se ve cuántos bytes guarda una
// cola (src/prueba/memoria.rs).
#[global_allocator]
static ASIGNADOR: AsignadorQueCuenta = AsignadorQueCuenta;

/// `n` milisegundos.
fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

// ANCHOR: acotado
/// Un canal de capacidad 4 y un consumidor en pausa: el productor intenta
/// mandar 10 mensajes. ¿Cuántos `send` terminan?
async fn acotado() {
    let (emisor, mut receptor) = mpsc::channel::<u32>(4);
    let enviados = Arc::new(AtomicUsize::new(0));
    let cuenta = enviados.clone();
    let productor = tokio::spawn(async move {
        for i in 1..=10 {
            emisor.send(i).await.expect("el consumidor sigue vivo");
            cuenta.fetch_add(1, Ordering::SeqCst);
        }
    });
    // El consumidor no lee nada en 100 ms. Con el reloj en pausa, el reloj
    // solo avanza cuando todas las tareas esperan: el productor ya llegó
    // hasta donde pudo.
    time::sleep(ms(100)).await;
    println!(
        "  con el consumidor en pausa terminaron {} send; la capacidad es {}",
        enviados.load(Ordering::SeqCst),
        receptor.max_capacity()
    );
    let mut recibidos = Vec::new();
    while let Some(i) = receptor.recv().await {
        recibidos.push(i);
    }
    // `recv` da `None` cuando se soltaron todos los emisores y la cola está
    // vacía: el productor terminó.
    productor.await.unwrap();
    println!("  el consumidor, al volver, recibió {recibidos:?}");
}
// ANCHOR_END: acotado

// ANCHOR: try_send
/// Qué hace el repartidor cuando la cola de un consumidor está llena.
#[derive(Clone, Copy, Debug)]
enum Politica {
    /// Se salta el mensaje para ese consumidor.
    Descartar,
    /// Suelta su emisor: el consumidor lee lo que tenía en cola y se entera.
    Desconectar,
}

/// Un consumidor que tarda `pausa` con cada mensaje. Devuelve cuántos leyó.
fn consumidor(mut receptor: mpsc::Receiver<u32>, pausa: Duration) -> JoinHandle<usize> {
    tokio::spawn(async move {
        let mut leidos = 0;
        while receptor.recv().await.is_some() {
            leidos += 1;
            time::sleep(pausa).await;
        }
        leidos
    })
}

/// 20 mensajes, uno por milisegundo, a tres consumidores con colas de 4: uno
/// rápido, uno que tarda 5 ms con cada mensaje y uno que se va enseguida.
async fn repartir(politica: Politica) {
    let nombres = ["rápido", "lento", "ido"];
    let mut emisores = Vec::new();
    let mut tareas = Vec::new();
    for (nombre, pausa) in nombres.into_iter().zip([ms(0), ms(5), ms(0)]) {
        let (emisor, receptor) = mpsc::channel(4);
        if nombre == "ido" {
            drop(receptor); // se fue antes de empezar
        } else {
            tareas.push((nombre, consumidor(receptor, pausa)));
        }
        emisores.push((nombre, Some(emisor), 0));
    }
    for i in 1..=20 {
        for (nombre, emisor, descartados) in &mut emisores {
            let Some(cola) = emisor else { continue };
            match cola.try_send(i) {
                Ok(()) => {}
                Err(TrySendError::Full(_)) => match politica {
                    Politica::Descartar => *descartados += 1,
                    Politica::Desconectar => {
                        println!(
                            "    mensaje {i}: la cola de «{nombre}» está llena: se desconecta"
                        );
                        *emisor = None;
                    }
                },
                Err(TrySendError::Closed(_)) => {
                    println!("    mensaje {i}: «{nombre}» ya no escucha (Closed): se le quita");
                    *emisor = None;
                }
            }
        }
        time::sleep(ms(1)).await;
    }
    let descartados: HashMap<_, _> = emisores.iter().map(|(n, _, d)| (*n, *d)).collect();
    drop(emisores); // fin del reparto: cada consumidor ve `None` al vaciar su cola
    for (nombre, tarea) in tareas {
        let leidos = tarea.await.unwrap();
        println!(
            "    «{nombre}» leyó {leidos} de 20; descartados para él: {}",
            descartados[nombre]
        );
    }
}
// ANCHOR_END: try_send

// ANCHOR: sin_limite
/// Cuántos mensajes manda el productor rápido.
const MENSAJES: usize = 20_000;

/// Un mensaje de unos 100 bytes, como una línea del chat.
fn mensaje(i: usize) -> String {
    format!("{i:>8}: {}", "x".repeat(90))
}

/// El productor manda `MENSAJES` sin pausa; el consumidor tarda 1 ms con
/// cada uno. Con `capacidad` `None`, la cola no tiene límite. Devuelve el
/// pico de bytes vivos por encima de los de antes de empezar.
async fn reparto_rapido_a_lento(capacidad: Option<usize>) -> usize {
    let antes = memoria::bytes_vivos();
    memoria::reiniciar_pico_de_bytes();
    match capacidad {
        None => {
            let (emisor, mut receptor) = mpsc::unbounded_channel();
            let consumidor = tokio::spawn(async move {
                while receptor.recv().await.is_some() {
                    time::sleep(ms(1)).await;
                }
            });
            for i in 0..MENSAJES {
                // `UnboundedSender::send` no es async: nunca espera.
                emisor.send(mensaje(i)).unwrap();
            }
            drop(emisor);
            consumidor.await.unwrap();
        }
        Some(capacidad) => {
            let (emisor, mut receptor) = mpsc::channel(capacidad);
            let consumidor = tokio::spawn(async move {
                while receptor.recv().await.is_some() {
                    time::sleep(ms(1)).await;
                }
            });
            for i in 0..MENSAJES {
                emisor.send(mensaje(i)).await.unwrap(); // espera si está llena
            }
            drop(emisor);
            consumidor.await.unwrap();
        }
    }
    memoria::pico_de_bytes().saturating_sub(antes)
}
// ANCHOR_END: sin_limite

/// Las dos versiones del reparto, y lo que cuesta cada una.
async fn sin_limite() {
    let residente_antes = medir::memoria();
    let pico = reparto_rapido_a_lento(None).await;
    let residente_despues = medir::memoria();
    println!(
        "  sin límite: {MENSAJES} mensajes en cola a la vez; pico de {} ({} por mensaje)",
        medir::bytes(pico as f64),
        pico / MENSAJES
    );
    if let (Some(antes), Some(despues)) = (residente_antes, residente_despues) {
        println!(
            "  la memoria residente del proceso llegó a {} (pico, VmHWM), {} antes",
            medir::bytes(despues.pico_residente as f64),
            medir::bytes(antes.pico_residente as f64)
        );
    }
    let pico_acotado = reparto_rapido_a_lento(Some(64)).await;
    println!(
        "  acotado a 64: pico de {}, {} veces menos; el productor esperó al consumidor",
        medir::bytes(pico_acotado as f64),
        pico / pico_acotado.max(1)
    );
}

// ANCHOR: oneshot
/// `oneshot`: un solo valor, de una tarea a otra. `send` no es async, y
/// devuelve el valor si el receptor ya no está.
async fn una_respuesta() {
    let (responder, respuesta) = oneshot::channel::<u64>();
    tokio::spawn(async move {
        let _ = responder.send(42);
    });
    println!("  la respuesta: {:?}", respuesta.await);

    let (responder, respuesta) = oneshot::channel::<u64>();
    drop(respuesta); // quien preguntó se fue
    println!("  send sin nadie que espere: {:?}", responder.send(7));

    let (responder, respuesta) = oneshot::channel::<u64>();
    drop(responder); // quien tenía que responder se fue sin hacerlo
    println!("  esperar a un emisor que se soltó: {:?}", respuesta.await);
}
// ANCHOR_END: oneshot

// ANCHOR: watch
/// `watch`: guarda solo el último valor. Quien mira con retraso no ve los
/// intermedios, ve el último.
async fn un_valor_que_cambia() {
    let (config, mut mirar) = watch::channel(String::from("nivel=info"));
    config.send("nivel=debug".into()).unwrap();
    config.send("nivel=trace".into()).unwrap();
    config.send("nivel=warn".into()).unwrap();
    mirar.changed().await.unwrap(); // hay uno sin ver: vuelve enseguida
    println!(
        "  tres cambios, y quien mira ve: {:?}",
        *mirar.borrow_and_update()
    );
    let otra_vez = time::timeout(ms(10), mirar.changed()).await;
    println!("  changed() otra vez, sin cambios nuevos: {otra_vez:?}");

    // Una señal de apagado: tres trabajadores la miran mientras trabajan.
    let (apagar, senal) = watch::channel(false);
    let mut trabajadores = Vec::new();
    for _ in 0..3 {
        let mut senal = senal.clone();
        trabajadores.push(tokio::spawn(async move {
            let mut vueltas = 0;
            loop {
                tokio::select! {
                    _ = senal.changed() => if *senal.borrow() { return vueltas },
                    _ = time::sleep(ms(10)) => vueltas += 1,
                }
            }
        }));
    }
    time::sleep(ms(35)).await;
    apagar.send(true).unwrap();
    let mut vueltas = Vec::new();
    for trabajador in trabajadores {
        vueltas.push(trabajador.await.unwrap());
    }
    println!("  apagar a los 35 ms: los trabajadores pararon tras {vueltas:?} vueltas de 10 ms");
    drop(apagar);
    // `senal`, el primer receptor, aún no vio el `true`: su `changed()` vuelve
    // con `Ok` enseguida; el siguiente ya sabe que no hay emisor.
    let mut senal = senal;
    let primero = senal.changed().await;
    let segundo = senal.changed().await;
    println!("  changed() con el emisor suelto: {primero:?}, y después {segundo:?}");
}
// ANCHOR_END: watch

// ANCHOR: broadcast
/// `broadcast`: cada receptor recibe su copia de cada valor enviado después
/// de suscribirse. `send` falla si no queda ningún receptor.
async fn difusion() {
    let (grupo, mut ana) = broadcast::channel::<&str>(16);
    grupo.send("hola").unwrap();
    let mut beto = grupo.subscribe(); // llega tarde: no verá «hola»
    let receptores = grupo.send("¿qué tal?").unwrap();
    println!("  «¿qué tal?» se mandó a {receptores} receptores");
    let (a1, a2, b1) = (ana.recv().await, ana.recv().await, beto.recv().await);
    println!("  ana recibió {a1:?} y {a2:?}; beto, {b1:?}");
    drop((ana, beto));
    println!("  send sin receptores: {:?}", grupo.send("¿hay alguien?"));
}
// ANCHOR_END: broadcast

// ANCHOR: actor
/// Lo que se le puede pedir a la tabla. Cada petición lleva el `oneshot`
/// por el que el actor contesta.
enum Peticion {
    Get {
        name: Arc<String>,
        responder: oneshot::Sender<Option<Arc<Group>>>,
    },
    GetOrCreate {
        name: Arc<String>,
        responder: oneshot::Sender<Arc<Group>>,
    },
}

/// El actor: una tarea dueña del mapa. Nadie más lo toca, así que no hay
/// lock; atiende las peticiones de una en una, en el orden en que llegan.
async fn tabla_de_grupos(mut buzon: mpsc::Receiver<Peticion>, capacity: usize) {
    let mut groups: HashMap<Arc<String>, Arc<Group>> = HashMap::new();
    // `recv` da `None` cuando se soltaron todos los `TablaDeGrupos`.
    while let Some(peticion) = buzon.recv().await {
        match peticion {
            Peticion::Get { name, responder } => {
                // Si quien preguntó se fue, `send` falla: no es asunto del actor.
                let _ = responder.send(groups.get(&name).cloned());
            }
            Peticion::GetOrCreate { name, responder } => {
                assert!(!name.is_empty(), "un grupo sin nombre"); // un error de programación
                let group = groups
                    .entry(name.clone())
                    .or_insert_with(|| Arc::new(Group::new(name, capacity)))
                    .clone();
                let _ = responder.send(group);
            }
        }
    }
}

/// El handle: se clona, y cada método manda su petición y espera la
/// respuesta.
#[derive(Clone)]
struct TablaDeGrupos {
    buzon: mpsc::Sender<Peticion>,
}

/// El actor ya no está (terminó o entró en pánico).
#[derive(Debug)]
struct ActorTerminado;

impl TablaDeGrupos {
    fn new(capacity: usize) -> (TablaDeGrupos, JoinHandle<()>) {
        let (buzon, recibir) = mpsc::channel(32); // un buzón acotado
        let actor = tokio::spawn(tabla_de_grupos(recibir, capacity));
        (TablaDeGrupos { buzon }, actor)
    }

    async fn get(&self, name: &Arc<String>) -> Result<Option<Arc<Group>>, ActorTerminado> {
        let (responder, respuesta) = oneshot::channel();
        let name = name.clone();
        let peticion = Peticion::Get { name, responder };
        self.buzon
            .send(peticion)
            .await
            .map_err(|_| ActorTerminado)?;
        respuesta.await.map_err(|_| ActorTerminado)
    }

    async fn get_or_create(&self, name: Arc<String>) -> Result<Arc<Group>, ActorTerminado> {
        let (responder, respuesta) = oneshot::channel();
        let peticion = Peticion::GetOrCreate { name, responder };
        self.buzon
            .send(peticion)
            .await
            .map_err(|_| ActorTerminado)?;
        respuesta.await.map_err(|_| ActorTerminado)
    }
}
// ANCHOR_END: actor

// ANCHOR: actor_en_marcha
/// Cien tareas se unen a la vez a «perros» por el actor: ¿cuántos grupos?
async fn actor_en_marcha() {
    let (tabla, actor) = TablaDeGrupos::new(16);
    let perros = Arc::new("perros".to_string());
    let tareas: Vec<_> = (0..100)
        .map(|_| {
            let (tabla, perros) = (tabla.clone(), perros.clone());
            tokio::spawn(async move { tabla.get_or_create(perros).await.unwrap() })
        })
        .collect();
    let mut grupos = Vec::new();
    for tarea in tareas {
        grupos.push(tarea.await.unwrap());
    }
    let todos_el_mismo = grupos.iter().all(|g| Arc::ptr_eq(g, &grupos[0]));
    println!("  100 get_or_create a la vez: todos el mismo grupo: {todos_el_mismo}");
    let gatos = tabla.get(&Arc::new("gatos".to_string())).await.unwrap();
    println!(
        "  get(\"gatos\"), que nadie creó: {:?}",
        gatos.map(|g| g.name().clone())
    );
    drop(tabla); // el último handle: el actor ve `None` y termina
    println!(
        "  soltado el último handle, el actor terminó: {:?}",
        actor.await
    );
}
// ANCHOR_END: actor_en_marcha

/// Lo que tarda de media cada una de `n` llamadas de `llamada`, con el reloj
/// de verdad.
async fn por_llamada<F: Future>(n: u32, mut llamada: impl FnMut() -> F) -> Duration {
    let inicio = std::time::Instant::now();
    for _ in 0..n {
        llamada().await;
    }
    inicio.elapsed() / n
}

// ANCHOR: ida_y_vuelta
/// Un `get_or_create` con el Mutex del libro, y el mismo con el actor.
async fn ida_y_vuelta() {
    const N: u32 = 20_000;
    let perros = Arc::new("perros".to_string());
    let con_mutex = GroupTable::new(16);
    let mutex = por_llamada(N, || async { con_mutex.get_or_create(perros.clone()) }).await;
    let (actor, _tarea) = TablaDeGrupos::new(16);
    let con_actor = por_llamada(N, || actor.get_or_create(perros.clone())).await;
    println!(
        "  get_or_create: {} con el Mutex, {} con el actor ({:.0} veces más)",
        medir::duracion(mutex),
        medir::duracion(con_actor),
        con_actor.as_secs_f64() / mutex.as_secs_f64()
    );
}
// ANCHOR_END: ida_y_vuelta

// ANCHOR: de_una_en_una
/// El actor atiende de una en una: si una petición tarda, todas esperan.
/// Aquí, un actor que tarda 100 ms con la petición lenta.
async fn de_una_en_una() {
    let (buzon, mut recibir) = mpsc::channel::<(u64, oneshot::Sender<()>)>(8);
    tokio::spawn(async move {
        while let Some((tarda, responder)) = recibir.recv().await {
            time::sleep(ms(tarda)).await; // el estado del actor puede cruzar un `.await`
            let _ = responder.send(());
        }
    });
    let inicio = Instant::now();
    let pedir = |tarda| {
        let buzon = buzon.clone();
        async move {
            let (responder, respuesta) = oneshot::channel();
            buzon.send((tarda, responder)).await.unwrap();
            respuesta.await.unwrap();
            inicio.elapsed().as_millis()
        }
    };
    let (lenta, rapida) = tokio::join!(pedir(100), pedir(0));
    println!("  la lenta terminó a los {lenta} ms; la rápida, que llegó detrás, a los {rapida} ms");
}
// ANCHOR_END: de_una_en_una

// ANCHOR: panico
/// Un error de programación dentro del actor, y el mismo dentro del lock.
async fn panico() {
    let (tabla, actor) = TablaDeGrupos::new(16);
    let vacio = tabla
        .get_or_create(Arc::new(String::new()))
        .await
        .map(|_| ());
    println!("  quien pidió el grupo sin nombre recibió: {vacio:?}");
    let despues = tabla.get(&Arc::new("perros".to_string())).await.map(|_| ());
    println!("  y la petición siguiente: {despues:?}");
    let fin = actor
        .await
        .map_err(|e| if e.is_panic() { "pánico" } else { "otro" });
    println!("  el JoinHandle del actor: {fin:?}");

    // Con un Mutex de `std`, el pánico con el lock tomado lo envenena.
    let mapa = Arc::new(Mutex::new(HashMap::<String, u32>::new()));
    let otro = mapa.clone();
    let _ = std::thread::spawn(move || {
        let _guardian = otro.lock().unwrap();
        panic!("un grupo sin nombre");
    })
    .join();
    let envenenado = mapa.lock().is_err();
    println!("  el Mutex, tras el pánico con el lock tomado: envenenado: {envenenado}");
}
// ANCHOR_END: panico

fn main() {
    // Los pánicos de la sección 5 son a propósito: una línea corta en
    // lugar del mensaje entero, que incluye la ruta y la línea del código.
    std::panic::set_hook(Box::new(|info| {
        let mensaje = info
            .payload()
            .downcast_ref::<&str>()
            .copied()
            .unwrap_or("(sin mensaje)");
        eprintln!("  [pánico: {mensaje}]");
    }));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .expect("no se pudo crear el runtime de tokio");
    runtime.block_on(async {
        println!("1. mpsc acotado: send espera si la cola está llena");
        acotado().await;
        println!("2. try_send: el emisor decide");
        println!("  política Descartar:");
        repartir(Politica::Descartar).await;
        println!("  política Desconectar:");
        repartir(Politica::Desconectar).await;
        println!("3. Sin límite: la memoria que cuesta ({MENSAJES} mensajes de unos 100 bytes)");
        sin_limite().await;
        println!("4. oneshot, watch y broadcast");
        una_respuesta().await;
        un_valor_que_cambia().await;
        difusion().await;
        println!("5. La tabla de grupos como actor");
        actor_en_marcha().await;
        de_una_en_una().await;
        panico().await;
    });
    // La ida y vuelta se mide con el reloj de verdad, en un runtime sin
    // pausa (el de arriba no avanza el reloj de `std`, pero así no hay dudas).
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("no se pudo crear el runtime de tokio");
    runtime.block_on(ida_y_vuelta());
}
