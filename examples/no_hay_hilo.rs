//! `no_hay_hilo`: diez mil esperas a la vez, y casi ningún hilo.
//!
//! Mientras un future espera un temporizador o un socket, no hay ningún hilo
//! esperando por él: lo que espera es una entrada en una tabla del runtime
//! (los temporizadores) o del sistema operativo (los sockets, registrados en
//! epoll, kqueue o IOCP). Un solo hilo, el que duerme en esa espera del
//! sistema, basta para todas. Este ejemplo lo cuenta con los datos del propio
//! proceso (`/proc/self/status` y `/proc/self/task/*/comm`, en Linux):
//!
//! 1. 10 000 temporizadores a la vez desde `block_on`: cuántos hilos tiene
//!    el proceso durante la espera, y cómo se llaman;
//! 2. lo mismo con un hilo por espera (solo 1 000, para no abusar): los
//!    hilos y la memoria que cuestan;
//! 3. 2 000 conexiones TCP abiertas y esperando datos a la vez, en un solo
//!    hilo (menos, si el límite de archivos abiertos no da para tantas).
//!
//! Lo que cuesta crear un hilo o una tarea, y cuánta memoria ocupa cada uno,
//! lo mide con más detalle el ejemplo `tareas_vs_hilos`.
//!
//! ```text
//! cargo run --example no_hay_hilo
//! ```

use std::fs;
use std::io;
use std::thread;
use std::time::{Duration, Instant};

use async_std::io::{ReadExt, WriteExt};
use async_std::net::{TcpListener, TcpStream};
use async_std::task;
use futures::future::join_all;

/// Cuántas esperas a la vez en la primera parte.
const ESPERAS: usize = 10_000;
/// Cuántos hilos en la segunda (cada uno reserva su pila).
const HILOS: usize = 1_000;
/// Cuántas conexiones se intentan en la tercera, como mucho. Caben más
/// (el límite es el de archivos abiertos), pero abrir cada una cuesta unas
/// llamadas al sistema, y el ejemplo debe durar pocos segundos.
const CONEXIONES: usize = 2_000;
/// Cuánto dura cada espera.
const ESPERA: Duration = Duration::from_millis(500);
/// Cuándo se mira el proceso, con todas las esperas en marcha.
const MIRAR: Duration = Duration::from_millis(250);

// ANCHOR: proceso
/// Lo que el núcleo cuenta del proceso, leído de `/proc/self`.
#[derive(Debug, Default, Clone)]
struct Proceso {
    /// Hilos del proceso (`Threads:`).
    hilos: usize,
    /// Memoria física en uso, en KiB (`VmRSS:`).
    residente_kib: u64,
    /// Memoria virtual reservada, en KiB (`VmSize:`).
    virtual_kib: u64,
    /// El nombre de cada hilo, sin repetir, con cuántos hay de cada uno.
    nombres: Vec<(String, usize)>,
}

fn mirar_el_proceso() -> Option<Proceso> {
    let estado = fs::read_to_string("/proc/self/status").ok()?;
    let campo = |nombre: &str| -> Option<u64> {
        let linea = estado.lines().find(|l| l.starts_with(nombre))?;
        linea.split_whitespace().nth(1)?.parse().ok()
    };
    let mut nombres: Vec<(String, usize)> = Vec::new();
    for entrada in fs::read_dir("/proc/self/task").ok()?.flatten() {
        let nombre = fs::read_to_string(entrada.path().join("comm")).unwrap_or_default();
        let nombre = nombre.trim().to_string();
        match nombres.iter_mut().find(|(n, _)| *n == nombre) {
            Some((_, cuantos)) => *cuantos += 1,
            None => nombres.push((nombre, 1)),
        }
    }
    nombres.sort();
    Some(Proceso {
        hilos: campo("Threads:")? as usize,
        residente_kib: campo("VmRSS:")?,
        virtual_kib: campo("VmSize:")?,
        nombres,
    })
}
// ANCHOR_END: proceso

fn describir(proceso: &Proceso) -> String {
    let nombres: Vec<String> = proceso
        .nombres
        .iter()
        .map(|(nombre, cuantos)| {
            if *cuantos == 1 {
                nombre.clone()
            } else {
                format!("{cuantos} × {nombre}")
            }
        })
        .collect();
    format!("{} ({})", proceso.hilos, nombres.join(", "))
}

fn mib(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}

fn diferencia(antes: u64, despues: u64) -> String {
    if despues >= antes {
        format!("+{}", mib(despues - antes))
    } else {
        format!("-{}", mib(antes - despues))
    }
}

fn main() {
    let Some(al_empezar) = mirar_el_proceso() else {
        println!("Este ejemplo lee /proc/self, y aquí no existe (¿no es Linux?).");
        println!("La idea es la misma en cualquier sistema; las cifras, no se pueden leer así.");
        return;
    };
    println!(
        "Al empezar, hilos del proceso: {}\n",
        describir(&al_empezar)
    );

    println!("1. {ESPERAS} temporizadores a la vez, desde block_on\n");
    temporizadores();

    println!("\n2. {HILOS} hilos que duermen, uno por espera\n");
    hilos_que_duermen();

    println!("\n3. Conexiones TCP esperando datos a la vez, en un hilo\n");
    if let Err(e) = conexiones() {
        println!("   no se pudo completar esta parte: {e}");
    }
}

fn temporizadores() {
    let antes = mirar_el_proceso().unwrap_or_default();
    let inicio = Instant::now();
    // ANCHOR: temporizadores
    let durante = task::block_on(async {
        let esperas = join_all((0..ESPERAS).map(|_| task::sleep(ESPERA)));
        let mirar = async {
            task::sleep(MIRAR).await;
            mirar_el_proceso().unwrap_or_default()
        };
        // `join!` sondea las dos partes a la vez: `mirar` ve el proceso
        // mientras las diez mil esperas están pendientes.
        let (_, durante) = futures::join!(esperas, mirar);
        durante
    });
    // ANCHOR_END: temporizadores
    println!("   hilos durante la espera: {}", describir(&durante));
    println!(
        "   memoria residente: {}",
        diferencia(antes.residente_kib, durante.residente_kib)
    );
    println!(
        "   {ESPERAS} esperas de {ESPERA:?} terminaron en {:.0?}",
        inicio.elapsed()
    );
}

fn hilos_que_duermen() {
    let antes = mirar_el_proceso().unwrap_or_default();
    let inicio = Instant::now();
    // ANCHOR: hilos
    let hilos: Vec<_> = (0..HILOS)
        .map(|_| thread::spawn(|| thread::sleep(ESPERA)))
        .collect();
    thread::sleep(MIRAR);
    let durante = mirar_el_proceso().unwrap_or_default();
    for hilo in hilos {
        hilo.join().unwrap();
    }
    // ANCHOR_END: hilos
    println!("   hilos durante la espera: {}", describir(&durante));
    println!(
        "   memoria residente: {}",
        diferencia(antes.residente_kib, durante.residente_kib)
    );
    println!(
        "   memoria virtual reservada: {} (las pilas)",
        diferencia(antes.virtual_kib, durante.virtual_kib)
    );
    println!(
        "   {HILOS} esperas de {ESPERA:?} terminaron en {:.0?}",
        inicio.elapsed()
    );
}

/// Cuántas conexiones caben en el límite de archivos abiertos: cada una
/// necesita dos (el extremo cliente y el del servidor).
fn cuantas_conexiones() -> usize {
    // Se sube el límite blando hasta el duro, si se puede.
    let limite = rlimit::increase_nofile_limit(u64::MAX).unwrap_or(1024);
    let caben = (limite.saturating_sub(100) / 2) as usize;
    CONEXIONES.min(caben)
}

fn conexiones() -> io::Result<()> {
    let n = cuantas_conexiones();
    let inicio = Instant::now();
    // ANCHOR: conexiones
    let (recibidos, durante) = task::block_on(async {
        let escucha = TcpListener::bind("127.0.0.1:0").await?;
        let direccion = escucha.local_addr()?;

        // El servidor acepta las `n` conexiones, espera un poco con todas
        // abiertas y después escribe un byte en cada una.
        let servidor = async {
            let mut aceptadas = Vec::with_capacity(n);
            while aceptadas.len() < n {
                aceptadas.push(escucha.accept().await?.0);
            }
            task::sleep(MIRAR).await;
            let durante = mirar_el_proceso().unwrap_or_default();
            for conexion in &mut aceptadas {
                conexion.write_all(b"!").await?;
            }
            io::Result::Ok(durante)
        };

        // Los clientes se conectan de cien en cien (la cola de conexiones
        // pendientes del servidor es corta), y después cada uno espera su
        // byte: todas las lecturas están pendientes a la vez.
        let clientes = async {
            let mut conectados = Vec::with_capacity(n);
            while conectados.len() < n {
                let lote = (n - conectados.len()).min(100);
                let nuevos = join_all((0..lote).map(|_| TcpStream::connect(direccion))).await;
                for conexion in nuevos {
                    conectados.push(conexion?);
                }
            }
            let lecturas = conectados.into_iter().map(|mut conexion| async move {
                let mut byte = [0u8; 1];
                conexion.read_exact(&mut byte).await
            });
            let resultados = join_all(lecturas).await;
            io::Result::Ok(resultados.into_iter().filter(|r| r.is_ok()).count())
        };

        let (durante, recibidos) = futures::try_join!(servidor, clientes)?;
        io::Result::Ok((recibidos, durante))
    })?;
    // ANCHOR_END: conexiones
    println!("   conexiones abiertas a la vez: {n}");
    println!("   hilos durante la espera: {}", describir(&durante));
    println!(
        "   bytes recibidos: {recibidos} de {n}, en {:.0?}",
        inicio.elapsed()
    );
    Ok(())
}
