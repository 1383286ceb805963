//! `tokio_runtime`: de async-std a tokio, mirando el runtime por dentro.
//!
//! Con async-std, el runtime estaba escondido: `task::block_on` y
//! `task::spawn` funcionaban en cualquier sitio, y la red y los relojes
//! tenían su propio hilo. Con tokio, el runtime es un valor que se crea, de
//! uno de dos sabores, y casi todo lo que ofrece tokio (la red, los relojes,
//! `spawn`) necesita correr dentro de él. Este ejemplo existe para ver, con
//! código que corre, lo que cambia:
//!
//! 1. `#[tokio::main]` y los dos sabores de runtime: cuántos hilos de trabajo
//!    tiene cada uno y en qué hilo corren las tareas;
//! 2. el `JoinHandle` de `tokio::spawn`, que da un `Result`: `Err` si la
//!    tarea entró en pánico o si se canceló con `abort()`;
//! 3. `spawn_blocking` y `block_in_place`, y el pánico de `block_in_place`
//!    en un runtime de un solo hilo;
//! 4. `LocalSet` y `spawn_local`, para futures que no son `Send`;
//! 5. qué pasa al usar un recurso de tokio fuera de su runtime: el ejemplo
//!    se vuelve a lanzar a sí mismo como proceso hijo, que entra en pánico, e
//!    imprime lo que el hijo escribió; después, los dos arreglos;
//! 6. el presupuesto cooperativo de tokio: una tarea que vacía un canal
//!    siempre listo, contada contra la misma tarea con async-std.
//!
//! ```text
//! cargo run --example tokio_runtime
//! ```

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::process::{Command, ExitCode};
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use taller_async::ejemplos::hilo_actual;
use tokio::runtime::{Builder, Handle, Runtime};

/// El argumento escondido con el que el ejemplo se lanza a sí mismo para
/// usar un temporizador de tokio fuera de un runtime de tokio.
const HIJO_SIN_RUNTIME: &str = "--hijo-sleep-sin-runtime";

/// Cuántos mensajes vacía la tarea de la demostración del presupuesto.
const MENSAJES: usize = 10_000;

// ANCHOR: tokio_main
/// `#[tokio::main]` no es solo para `main`: convierte cualquier `async fn`
/// sin argumentos en una función normal que crea un runtime de varios hilos
/// y espera el cuerpo dentro de él.
#[tokio::main]
async fn con_varios_hilos() -> (String, usize, String, String) {
    let handle = Handle::current();
    let sabor = format!("{:?}", handle.runtime_flavor());
    let hilos = handle.metrics().num_workers();
    let hilo_del_cuerpo = hilo_actual();
    // Una tarea lanzada con `tokio::spawn` corre en un hilo de trabajo.
    let hilo_de_la_tarea = tokio::spawn(async { hilo_actual() }).await.unwrap();
    (sabor, hilos, hilo_del_cuerpo, hilo_de_la_tarea)
}

/// El mismo cuerpo en el runtime de un solo hilo: todo corre en el hilo que
/// llamó a la función, como con `async_std::task::block_on` y `spawn_local`.
#[tokio::main(flavor = "current_thread")]
async fn con_un_hilo() -> (String, usize, String, String) {
    let handle = Handle::current();
    let sabor = format!("{:?}", handle.runtime_flavor());
    let hilos = handle.metrics().num_workers();
    let hilo_del_cuerpo = hilo_actual();
    let hilo_de_la_tarea = tokio::spawn(async { hilo_actual() }).await.unwrap();
    (sabor, hilos, hilo_del_cuerpo, hilo_de_la_tarea)
}
// ANCHOR_END: tokio_main

// ANCHOR: builder
/// Lo que escribe la macro, a mano: `Builder` elige el sabor, y
/// `enable_all` enciende la red y los relojes (sin él, un `sleep` dentro del
/// runtime también entraría en pánico).
fn runtime_de_dos_hilos() -> Runtime {
    Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("no se pudo crear el runtime")
}

fn runtime_de_un_hilo() -> Runtime {
    Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("no se pudo crear el runtime")
}
// ANCHOR_END: builder

/// El texto de un pánico, si es una cadena (lo son casi todos).
fn texto_del_panico(carga: &(dyn std::any::Any + Send)) -> String {
    if let Some(texto) = carga.downcast_ref::<&str>() {
        texto.to_string()
    } else if let Some(texto) = carga.downcast_ref::<String>() {
        texto.clone()
    } else {
        "(un pánico sin texto)".to_string()
    }
}

// ANCHOR: join_error
async fn panico_y_cancelacion() {
    // Una tarea que entra en pánico: el pánico no cruza a quien la espera,
    // ni hace caer el runtime. Llega como un `Err` al esperar su handle.
    let con_panico = tokio::spawn(async {
        let datos: Vec<u32> = Vec::new();
        datos[0]
    });
    match con_panico.await {
        Ok(valor) => println!("  la tarea devolvió {valor}"),
        Err(error) => {
            println!(
                "  tarea con pánico: is_panic() = {}, is_cancelled() = {}",
                error.is_panic(),
                error.is_cancelled()
            );
            // `into_panic` devuelve lo que llevaba el pánico, su mensaje.
            let carga = error.into_panic();
            println!("    su mensaje: {}", texto_del_panico(&*carga));
        }
    }

    // Una tarea cancelada con `abort()`: deja de sondearse, y se suelta en
    // el `.await` en que estaba parada. Nunca llega a devolver su 42.
    let larga = tokio::spawn(async {
        tokio::time::sleep(Duration::from_secs(3600)).await;
        42
    });
    larga.abort();
    match larga.await {
        Ok(valor) => println!("  la tarea larga devolvió {valor}"),
        Err(error) => println!(
            "  tarea abortada: is_panic() = {}, is_cancelled() = {}",
            error.is_panic(),
            error.is_cancelled()
        ),
    }
}
// ANCHOR_END: join_error

/// Un contador de latidos: suma uno y cede el hilo, una y otra vez, hasta
/// que le dicen que pare. No usa ningún reloj ni ningún recurso de un
/// runtime: `async_std::task::yield_now` solo despierta a su propio waker y
/// devuelve `Pending`, y eso funciona en cualquier ejecutor.
async fn latir(latidos: Arc<AtomicUsize>, parar: Arc<AtomicBool>) {
    while !parar.load(Ordering::SeqCst) {
        latidos.fetch_add(1, Ordering::SeqCst);
        async_std::task::yield_now().await;
    }
}

// ANCHOR: spawn_blocking
/// En el runtime de un solo hilo, un trabajo que bloquea 100 ms, con un
/// contador de latidos en otra tarea: primero en la propia tarea, después en
/// `spawn_blocking`. Devuelve los latidos que dio el contador en cada caso.
async fn bloquear_o_no() -> (usize, usize, String) {
    let mut resultado = Vec::new();
    let mut hilo_del_trabajo = String::new();
    for en_el_pool in [false, true] {
        let latidos = Arc::new(AtomicUsize::new(0));
        let parar = Arc::new(AtomicBool::new(false));
        let reloj = tokio::spawn(latir(latidos.clone(), parar.clone()));
        tokio::task::yield_now().await; // el contador da su primer latido
        let antes = latidos.load(Ordering::SeqCst);

        let trabajo = || {
            std::thread::sleep(Duration::from_millis(100));
            hilo_actual()
        };
        if en_el_pool {
            // El cierre va a un hilo del pool de bloqueo: el hilo del
            // runtime queda libre para el contador.
            hilo_del_trabajo = tokio::task::spawn_blocking(trabajo).await.unwrap();
        } else {
            // El cierre corre aquí mismo, y retiene el único hilo.
            trabajo();
        }

        resultado.push(latidos.load(Ordering::SeqCst) - antes);
        parar.store(true, Ordering::SeqCst);
        reloj.await.unwrap();
    }
    (resultado[0], resultado[1], hilo_del_trabajo)
}
// ANCHOR_END: spawn_blocking

// ANCHOR: block_in_place
/// `block_in_place` bloquea el hilo en el que está, pero antes le pasa a
/// otro hilo las demás tareas de este hilo de trabajo. A diferencia de
/// `spawn_blocking`, su cierre no tiene que ser `'static`: puede tomar
/// prestadas las variables de la tarea.
async fn ordenar_en_el_sitio(datos: &mut [u32]) -> (bool, u32) {
    let hilo_antes = std::thread::current().id();
    let (hilo_del_cierre, suma) = tokio::task::block_in_place(|| {
        datos.sort(); // un préstamo de `datos`: spawn_blocking no lo aceptaría
        (std::thread::current().id(), datos.iter().sum())
    });
    (hilo_antes == hilo_del_cierre, suma)
}
// ANCHOR_END: block_in_place

// ANCHOR: local_set
/// Un future que no es `Send` (un `Rc` cruza un `.await`) no se puede lanzar
/// con `tokio::spawn`. En un `LocalSet`, `spawn_local` lo acepta: sus
/// tareas corren en el hilo que espera el `LocalSet`, como las de
/// `async_std::task::spawn_local`.
async fn tareas_locales() -> (usize, bool) {
    let local = tokio::task::LocalSet::new();
    local
        .run_until(async {
            let hilo = hilo_actual();
            let contador = Rc::new(Cell::new(0));
            let mut handles = Vec::new();
            for _ in 0..3 {
                let contador = contador.clone();
                handles.push(tokio::task::spawn_local(async move {
                    tokio::task::yield_now().await; // el `Rc` cruza un `.await`
                    contador.set(contador.get() + 1);
                    hilo_actual()
                }));
            }
            let mut mismo_hilo = true;
            for handle in handles {
                mismo_hilo &= handle.await.unwrap() == hilo;
            }
            (contador.get(), mismo_hilo)
        })
        .await
}
// ANCHOR_END: local_set

// ANCHOR: hijo
/// Lo que hace el proceso hijo: esperar un temporizador de tokio dentro del
/// `block_on` de async-std, sin ningún runtime de tokio alrededor.
fn hijo_sin_runtime() {
    async_std::task::block_on(async {
        tokio::time::sleep(Duration::from_millis(10)).await;
    });
}

/// Vuelve a lanzar este mismo programa con el argumento escondido, y
/// devuelve su estado de salida y lo que escribió en su salida de errores.
fn lanzar_hijo() -> std::io::Result<(std::process::ExitStatus, String)> {
    let salida = Command::new(std::env::current_exe()?)
        .arg(HIJO_SIN_RUNTIME)
        // Sin traza: solo el mensaje del pánico.
        .env("RUST_BACKTRACE", "0")
        .output()?;
    Ok((
        salida.status,
        String::from_utf8_lossy(&salida.stderr).into_owned(),
    ))
}
// ANCHOR_END: hijo

// ANCHOR: arreglos
/// Los dos arreglos, y el otro sentido de la mezcla.
fn arreglos() {
    // 1. Entrar en un runtime de tokio: `block_on`...
    let runtime = runtime_de_dos_hilos();
    // El `sleep` se crea dentro del bloque, ya dentro del runtime:
    // `runtime.block_on(tokio::time::sleep(..))` lo crearía antes de entrar,
    // al evaluar el argumento, y entraría en pánico igual que el hijo.
    runtime.block_on(async { tokio::time::sleep(Duration::from_millis(10)).await });
    println!("  Runtime::block_on(async {{ tokio::time::sleep(..).await }}): terminó");

    // ...o `Handle::enter`, que deja este hilo «dentro» del runtime sin
    // sondear nada: el `sleep` se crea aquí, y lo espera el `block_on` de
    // async-std. El temporizador lo mueven los hilos de trabajo del runtime.
    {
        let _dentro = runtime.enter();
        let dormir = tokio::time::sleep(Duration::from_millis(10));
        async_std::task::block_on(dormir);
    }
    println!("  runtime.enter() y async_std::task::block_on(tokio::time::sleep(..)): terminó");

    // 2. Usar el temporizador del runtime en que se está: con async-std, el
    //    suyo.
    async_std::task::block_on(async_std::task::sleep(Duration::from_millis(10)));
    println!("  async_std::task::block_on(async_std::task::sleep(..)): terminó");

    // Y al revés: un temporizador de async-std dentro de tokio, incluso en el
    // runtime de un solo hilo. Funciona porque su reactor tiene un hilo
    // propio, que lo mueve aunque nadie más lo haga.
    runtime_de_un_hilo().block_on(async_std::task::sleep(Duration::from_millis(10)));
    println!(
        "  runtime de un hilo, block_on(async_std::task::sleep(..)): terminó \
         (hay un hilo «async-io»: {})",
        hay_hilo_async_io()
    );
}
// ANCHOR_END: arreglos

/// ¿Tiene este proceso un hilo llamado `async-io`? Se mira en /proc, que
/// solo existe en Linux; en otro sistema, la respuesta es «no se sabe».
fn hay_hilo_async_io() -> String {
    let Ok(hilos) = std::fs::read_dir("/proc/self/task") else {
        return "no se puede mirar en este sistema".to_string();
    };
    let si = hilos.flatten().any(|hilo| {
        std::fs::read_to_string(hilo.path().join("comm")).is_ok_and(|n| n.trim() == "async-io")
    });
    if si { "sí" } else { "no" }.to_string()
}

// ANCHOR: receptor
/// El mismo canal siempre listo, de dos crates: el `mpsc` de tokio y el
/// canal de async-std (el crate `async-channel`).
enum Receptor {
    Tokio(tokio::sync::mpsc::UnboundedReceiver<usize>),
    AsyncStd(async_std::channel::Receiver<usize>),
}

impl Receptor {
    /// Un canal con `n` mensajes ya dentro: recibir nunca tiene que esperar.
    fn lleno(de_tokio: bool, n: usize) -> Receptor {
        if de_tokio {
            let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
            (0..n).for_each(|i| tx.send(i).unwrap());
            Receptor::Tokio(rx)
        } else {
            let (tx, rx) = async_std::channel::unbounded();
            (0..n).for_each(|i| tx.try_send(i).unwrap());
            Receptor::AsyncStd(rx)
        }
    }

    async fn recibir(&mut self) -> Option<usize> {
        match self {
            Receptor::Tokio(rx) => rx.recv().await,
            Receptor::AsyncStd(rx) => rx.recv().await.ok(),
        }
    }
}
// ANCHOR_END: receptor

/// Envuelve un future y cuenta cuántas veces lo sondean, y cuántos mensajes
/// recibió como mucho en un solo sondeo.
struct ContarSondeos<F> {
    futuro: Pin<Box<F>>,
    recibidos: Arc<AtomicUsize>,
    sondeos: usize,
    maximo_por_sondeo: usize,
}

impl<F: Future> Future for ContarSondeos<F> {
    type Output = (F::Output, usize, usize);

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = &mut *self;
        this.sondeos += 1;
        let antes = this.recibidos.load(Ordering::SeqCst);
        let resultado = this.futuro.as_mut().poll(cx);
        let en_este = this.recibidos.load(Ordering::SeqCst) - antes;
        this.maximo_por_sondeo = this.maximo_por_sondeo.max(en_este);
        resultado.map(|salida| (salida, this.sondeos, this.maximo_por_sondeo))
    }
}

// ANCHOR: vaciar
/// Vacía el canal y devuelve cuántos latidos dio el contador de la otra
/// tarea mientras tanto.
async fn vaciar(
    mut receptor: Receptor,
    latidos: Arc<AtomicUsize>,
    recibidos: Arc<AtomicUsize>,
) -> usize {
    let antes = latidos.load(Ordering::SeqCst);
    while receptor.recibir().await.is_some() {
        recibidos.fetch_add(1, Ordering::SeqCst);
    }
    latidos.load(Ordering::SeqCst) - antes
}
// ANCHOR_END: vaciar

/// Lo que se contó en una pasada de la demostración del presupuesto.
struct Cuenta {
    latidos_durante: usize,
    sondeos: usize,
    maximo_por_sondeo: usize,
}

// ANCHOR: presupuesto
/// En un solo hilo, dos tareas: el contador de latidos y la que vacía el
/// canal. Con tokio (`en_tokio`) las dos son tareas de un runtime de un hilo;
/// si no, son tareas locales del `block_on` de async-std.
fn contar(en_tokio: bool, canal_de_tokio: bool) -> Cuenta {
    let latidos = Arc::new(AtomicUsize::new(0));
    let parar = Arc::new(AtomicBool::new(false));
    let recibidos = Arc::new(AtomicUsize::new(0));
    let vaciado = ContarSondeos {
        futuro: Box::pin(vaciar(
            Receptor::lleno(canal_de_tokio, MENSAJES),
            latidos.clone(),
            recibidos.clone(),
        )),
        recibidos,
        sondeos: 0,
        maximo_por_sondeo: 0,
    };
    let reloj = latir(latidos, parar.clone());

    let (latidos_durante, sondeos, maximo_por_sondeo) = if en_tokio {
        runtime_de_un_hilo().block_on(async {
            let reloj = tokio::spawn(reloj);
            let cuenta = tokio::spawn(vaciado).await.unwrap();
            parar.store(true, Ordering::SeqCst);
            reloj.await.unwrap();
            cuenta
        })
    } else {
        async_std::task::block_on(async {
            let reloj = async_std::task::spawn_local(reloj);
            let cuenta = async_std::task::spawn_local(vaciado).await;
            parar.store(true, Ordering::SeqCst);
            reloj.await;
            cuenta
        })
    };
    Cuenta {
        latidos_durante,
        sondeos,
        maximo_por_sondeo,
    }
}
// ANCHOR_END: presupuesto

fn main() -> ExitCode {
    if std::env::args().nth(1).as_deref() == Some(HIJO_SIN_RUNTIME) {
        hijo_sin_runtime();
        return ExitCode::SUCCESS;
    }

    // En las secciones 2 y 3, dos tareas entran en pánico a propósito, y el
    // ejemplo imprime cada mensaje desde el `JoinError` que lo recoge. Sin
    // este gancho mudo, el gancho de pánico por omisión escribiría además
    // cada uno en la salida de errores, aunque el runtime lo recoja y el
    // programa siga. Después de la sección 3 vuelve el de siempre.
    let gancho = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));

    println!("1. #[tokio::main] y los dos sabores de runtime");
    println!(
        "  este equipo tiene {} núcleos disponibles (std::thread::available_parallelism)",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let (sabor, hilos, cuerpo, tarea) = con_varios_hilos();
    println!("  #[tokio::main]: sabor {sabor}, {hilos} hilos de trabajo");
    println!("    el cuerpo corrió en {cuerpo}");
    println!("    la tarea de tokio::spawn corrió en {tarea}");
    let (sabor, hilos, cuerpo, tarea) = con_un_hilo();
    println!(
        "  #[tokio::main(flavor = \"current_thread\")]: sabor {sabor}, {hilos} hilo de trabajo"
    );
    println!("    el cuerpo corrió en {cuerpo}");
    println!("    la tarea de tokio::spawn corrió en {tarea}");

    println!("\n2. El JoinHandle de tokio::spawn da un Result<T, JoinError>");
    runtime_de_dos_hilos().block_on(panico_y_cancelacion());

    println!("\n3. spawn_blocking y block_in_place");
    let (en_la_tarea, en_el_pool, hilo) = runtime_de_un_hilo().block_on(bloquear_o_no());
    println!("  runtime de un hilo, 100 ms de std::thread::sleep en la propia tarea:");
    println!("    el contador de la otra tarea latió {en_la_tarea} veces");
    println!("  lo mismo con spawn_blocking:");
    println!("    el contador de la otra tarea latió {en_el_pool} veces");
    println!("    el trabajo corrió en {hilo}");
    let (mismo_hilo, suma, datos) = runtime_de_dos_hilos().block_on(async {
        // En una tarea, en un hilo de trabajo.
        tokio::spawn(async {
            let mut datos = vec![5, 3, 8, 1];
            let (mismo_hilo, suma) = ordenar_en_el_sitio(&mut datos).await;
            (mismo_hilo, suma, datos)
        })
        .await
        .unwrap()
    });
    println!("  block_in_place en un runtime de varios hilos:");
    println!("    datos ordenados {datos:?}, suma {suma}");
    println!("    el cierre corrió en el hilo de la tarea: {mismo_hilo}");
    let error = runtime_de_un_hilo()
        .block_on(async {
            tokio::spawn(async {
                tokio::task::block_in_place(|| ());
            })
            .await
        })
        .expect_err("block_in_place debía entrar en pánico en un runtime de un hilo");
    println!(
        "  block_in_place en un runtime de un hilo: is_panic() = {}",
        error.is_panic()
    );
    println!("    su mensaje: {}", texto_del_panico(&*error.into_panic()));

    std::panic::set_hook(gancho);

    println!("\n4. LocalSet y spawn_local");
    let (contador, mismo_hilo) = runtime_de_un_hilo().block_on(tareas_locales());
    println!(
        "  tres tareas de spawn_local sumaron uno a un Rc<Cell<usize>> compartido: {contador}"
    );
    println!("  las tres corrieron en el hilo que esperaba el LocalSet: {mismo_hilo}");

    println!("\n5. Un recurso de tokio fuera de un runtime de tokio");
    println!("  un proceso hijo espera tokio::time::sleep dentro de async_std::task::block_on");
    match lanzar_hijo() {
        Ok((estado, errores)) => {
            println!("  el hijo terminó con {estado}; esto escribió en su salida de errores:");
            for linea in errores.lines().filter(|l| !l.trim().is_empty()) {
                println!("    | {linea}");
            }
            if estado.success() {
                eprintln!("error: el hijo debía entrar en pánico y terminó bien");
                return ExitCode::FAILURE;
            }
        }
        Err(error) => {
            eprintln!("error: no se pudo lanzar el proceso hijo: {error}");
            return ExitCode::FAILURE;
        }
    }
    println!("  los arreglos:");
    arreglos();

    println!(
        "\n6. El presupuesto cooperativo: vaciar un canal con {MENSAJES} mensajes ya dentro,\n   \
         con un contador de latidos en otra tarea del mismo hilo"
    );
    // Una tabla: una fila por runtime y canal, con lo que se contó.
    println!(
        "  {:<10} {:<19} {:>16} {:>12} {:>19}",
        "runtime", "canal", "latidos durante", "sondeos de", "mensajes en un"
    );
    println!(
        "  {:<10} {:<19} {:>16} {:>12} {:>19}",
        "", "", "el vaciado", "la tarea", "sondeo, como mucho"
    );
    for (runtime, en_tokio) in [("tokio", true), ("async-std", false)] {
        for (canal, de_tokio) in [("tokio::sync::mpsc", true), ("async_std::channel", false)] {
            let cuenta = contar(en_tokio, de_tokio);
            println!(
                "  {runtime:<10} {canal:<19} {:>16} {:>12} {:>19}",
                cuenta.latidos_durante, cuenta.sondeos, cuenta.maximo_por_sondeo
            );
        }
    }
    ExitCode::SUCCESS
}
