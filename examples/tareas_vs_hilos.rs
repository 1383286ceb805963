//! `tareas_vs_hilos`: lo que cuesta un hilo y lo que cuesta una tarea, medido
//! en tu máquina.
//!
//! Sobre hilos y tareas circulan cuatro afirmaciones, con cifras: que un hilo
//! tarda unos 15 µs en crearse y una tarea unos 300 ns (o 30 ns, según quién
//! lo cuente); que un hilo ocupa de 20 KiB a 100 KiB de memoria, o más; que
//! pasar de una tarea a otra es más barato que pasar de un hilo a otro; y
//! que, por todo eso, caben muchas más tareas que hilos. Este ejemplo existe
//! para no creérselo sin más: crea N
//! hilos y N tareas y mide, para cada uno,
//!
//! 1. cuánto cuesta crearlo y esperar a que termine;
//! 2. cuánta memoria ocupa mientras vive (la residente, leída de
//!    `/proc/self/status`, y la virtual que reserva) y, de cada hilo, la que
//!    ocupa en el núcleo, que la residente no cuenta (su pila del núcleo y
//!    sus estructuras, de `/proc/meminfo`, y sus tablas de páginas);
//! 3. cuánto cuesta pasar el control de uno a otro: dos hilos, o dos tareas,
//!    que se pasan un testigo por canales, ida y vuelta;
//! 4. cuántos caben vivos a la vez en un presupuesto de memoria.
//!
//! Al final imprime una tabla con esas cifras que circulan junto a las
//! medidas, y dibuja una gráfica SVG con los datos de esta misma ejecución.
//!
//! ```text
//! cargo run --example tareas_vs_hilos                 # N = 1000, en pocos segundos
//! cargo run --example tareas_vs_hilos -- 5000         # otro N
//! cargo run --example tareas_vs_hilos -- --presupuesto-mib 128
//! cargo run --release --example tareas_vs_hilos       # optimizado: otras cifras
//! ```
//!
//! La memoria se lee de `/proc`, que solo existe en Linux; en otros sistemas
//! el ejemplo mide los tiempos y dice que la memoria no está disponible.

use std::cell::Cell;
use std::path::Path;
use std::process::ExitCode;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use async_std::{channel, task};
use taller_async::medir::{self, Memoria};

const USO: &str = "uso: cargo run --example tareas_vs_hilos -- [N] [--presupuesto-mib M]\n\
     N: cuántos hilos y cuántas tareas se crean en cada medida (por omisión, 1000)\n\
     M: la memoria residente, en MiB, en la que se cuentan cuántos caben vivos (por omisión, 64)";

/// Cuántos hilos y cuántas tareas se crean en cada medida, si no se pide otro N.
const N_POR_OMISION: usize = 1000;
/// La memoria en la que se cuenta cuántos caben vivos, si no se pide otra.
const PRESUPUESTO_POR_OMISION_MIB: u64 = 64;
/// Cuántas veces se repite cada medida de tiempo: se da la mediana.
const RONDAS: usize = 5;
/// Cuántas idas y vueltas hace el testigo entre dos hilos o dos tareas.
const IDAS_Y_VUELTAS: usize = 10_000;
/// Topes del recuento de vivos, por si la memoria no llega nunca al
/// presupuesto (o no se puede medir): el ejemplo no debe tardar minutos.
const TOPE_HILOS: usize = 20_000;
const TOPE_TAREAS: usize = 2_000_000;

/// Lo que se suele decir de cada medida, las cifras y las frases que
/// circulan, tal cual, para ponerlas en la tabla final junto a lo medido.
mod se_suele_decir {
    pub const CREAR_HILO: &str = "15 µs";
    pub const CREAR_TAREA: &str = "300 ns (o 30 ns)";
    pub const MEMORIA_HILO: &str = "20-100 KiB";
    pub const MEMORIA_TAREA: &str = "«mucho menos»";
    pub const CAMBIO_HILO: &str = "«más caro»";
    pub const CAMBIO_TAREA: &str = "«más barato»";
    pub const VIVOS_HILOS: &str = "«problemas pasado 100»";
    pub const VIVOS_TAREAS: &str = "«miles o decenas de miles»";
}

// ---------------------------------------------------------------------------
// 1. Crear y esperar.
// ---------------------------------------------------------------------------

// ANCHOR: crear
/// Crea `n` hilos que no hacen nada y espera a que terminen todos.
fn crear_hilos(n: usize) -> Result<Duration, String> {
    let inicio = Instant::now();
    let mut handles = Vec::with_capacity(n);
    for _ in 0..n {
        // `Builder::spawn`, en lugar de `thread::spawn`, devuelve un error si
        // el sistema no deja crear más hilos, en lugar de entrar en pánico.
        let handle = thread::Builder::new()
            .spawn(|| ())
            .map_err(|e| format!("el sistema no dejó crear más hilos: {e}"))?;
        handles.push(handle);
    }
    for handle in handles {
        handle
            .join()
            .expect("un hilo vacío no puede entrar en pánico");
    }
    Ok(inicio.elapsed())
}

/// Lanza `n` tareas que no hacen nada, en el hilo actual, y espera a que
/// terminen todas.
fn crear_tareas_locales(n: usize) -> Duration {
    task::block_on(async {
        let inicio = Instant::now();
        let handles: Vec<_> = (0..n).map(|_| task::spawn_local(async {})).collect();
        for handle in handles {
            handle.await;
        }
        inicio.elapsed()
    })
}

/// Lo mismo con `task::spawn`: las tareas van al pool de hilos de async-std.
fn crear_tareas_en_el_pool(n: usize) -> Duration {
    task::block_on(async {
        let inicio = Instant::now();
        let handles: Vec<_> = (0..n).map(|_| task::spawn(async {})).collect();
        for handle in handles {
            handle.await;
        }
        inicio.elapsed()
    })
}
// ANCHOR_END: crear

/// La mediana de `RONDAS` medidas de `medida`, tras una ronda de
/// calentamiento que no cuenta (la primera pone en marcha el ejecutor, reserva
/// memoria...).
fn por_unidad(
    n: usize,
    mut medida: impl FnMut() -> Result<Duration, String>,
) -> Result<f64, String> {
    medida()?;
    let mut rondas = Vec::with_capacity(RONDAS);
    for _ in 0..RONDAS {
        rondas.push(medida()?);
    }
    Ok(medir::mediana(rondas).as_nanos() as f64 / n as f64)
}

// ---------------------------------------------------------------------------
// 2. y 4. Muchos vivos a la vez: memoria, y cuántos caben.
// ---------------------------------------------------------------------------

/// Una muestra del recuento de vivos: cuántos había y cuánta memoria
/// residente de más ocupaba el proceso, en bytes.
type Muestra = (usize, f64);

/// Lo que se midió con muchos vivos a la vez.
struct Vivos {
    /// Cuántos llegaron a estar vivos a la vez.
    cuantos: usize,
    /// La memoria al empezar y con todos vivos, si el sistema la ofrece.
    antes: Option<Memoria>,
    durante: Option<Memoria>,
    /// La curva de memoria según iban naciendo, para la gráfica.
    curva: Vec<Muestra>,
    /// Por qué se dejó de crear (si no fue por llegar al número pedido).
    parada: Option<String>,
}

impl Vivos {
    /// Memoria residente de más, por unidad viva, en bytes.
    fn residente_por_unidad(&self) -> Option<f64> {
        let (antes, durante) = (self.antes?, self.durante?);
        Some((durante.residente as f64 - antes.residente as f64) / self.cuantos as f64)
    }

    /// Memoria virtual reservada de más, por unidad viva, en bytes.
    fn virtual_por_unidad(&self) -> Option<f64> {
        let (antes, durante) = (self.antes?, self.durante?);
        Some(
            (durante.virtual_reservada as f64 - antes.virtual_reservada as f64)
                / self.cuantos as f64,
        )
    }

    /// Memoria del núcleo de más, por unidad viva, en bytes: la pila del
    /// núcleo, las estructuras y las tablas de páginas (ver
    /// `medir::Nucleo`). La residente no la cuenta.
    fn nucleo_por_unidad(&self) -> Option<[f64; 3]> {
        let (antes, durante) = (self.antes?.nucleo?, self.durante?.nucleo?);
        let por_unidad =
            |antes: u64, durante: u64| (durante as f64 - antes as f64) / self.cuantos as f64;
        Some([
            por_unidad(antes.pilas, durante.pilas),
            por_unidad(antes.estructuras, durante.estructuras),
            por_unidad(antes.tablas_de_paginas, durante.tablas_de_paginas),
        ])
    }
}

/// ¿Hay que seguir creando? Sí mientras no se llegue a `tope` ni la memoria
/// residente de más pase de `presupuesto` bytes.
fn seguir(cuantos: usize, tope: usize, antes: Option<Memoria>, presupuesto: Option<u64>) -> bool {
    if cuantos >= tope {
        return false;
    }
    match (presupuesto, antes, medir::memoria()) {
        (Some(presupuesto), Some(antes), Some(ahora)) => {
            ahora.residente.saturating_sub(antes.residente) < presupuesto
        }
        _ => true,
    }
}

// ANCHOR: hilos_vivos
/// Crea hilos que se quedan esperando, de `lote` en `lote`, hasta tener
/// `tope` o hasta que la memoria residente crezca `presupuesto` bytes; mide
/// la memoria con todos vivos y luego los suelta a todos.
fn hilos_vivos(tope: usize, lote: usize, presupuesto: Option<u64>) -> Vivos {
    // Todos los hilos esperan a que `soltar` diga `true`. Esperar en una
    // variable de condición no gasta procesador: el sistema operativo aparta
    // al hilo hasta que alguien lo avise.
    let soltar = Arc::new((Mutex::new(false), Condvar::new()));
    let listos = Arc::new(AtomicUsize::new(0));
    let antes = medir::memoria();
    let mut handles = Vec::new();
    let mut curva = Vec::new();
    let mut parada = None;

    while seguir(handles.len(), tope, antes, presupuesto) {
        for _ in 0..lote.min(tope - handles.len()) {
            let (soltar, listos) = (Arc::clone(&soltar), Arc::clone(&listos));
            let creado = thread::Builder::new().spawn(move || {
                listos.fetch_add(1, Ordering::SeqCst);
                let (hay_que_salir, aviso) = &*soltar;
                let mut salir = hay_que_salir.lock().unwrap();
                while !*salir {
                    salir = aviso.wait(salir).unwrap();
                }
            });
            match creado {
                Ok(handle) => handles.push(handle),
                Err(error) => {
                    parada = Some(format!("el sistema no dejó crear más hilos ({error})"));
                    break;
                }
            }
        }
        // Se mide cuando todos han empezado a esperar.
        while listos.load(Ordering::SeqCst) < handles.len() {
            thread::sleep(Duration::from_millis(1));
        }
        if let (Some(antes), Some(ahora)) = (antes, medir::memoria()) {
            curva.push((
                handles.len(),
                ahora.residente as f64 - antes.residente as f64,
            ));
        }
        if parada.is_some() {
            break;
        }
    }
    let durante = medir::memoria();

    let (hay_que_salir, aviso) = &*soltar;
    *hay_que_salir.lock().unwrap() = true;
    aviso.notify_all();
    let cuantos = handles.len();
    for handle in handles {
        handle
            .join()
            .expect("un hilo que espera no puede entrar en pánico");
    }
    Vivos {
        cuantos,
        antes,
        durante,
        curva,
        parada,
    }
}
// ANCHOR_END: hilos_vivos

// ANCHOR: tareas_vivas
/// Lo mismo con tareas locales, en un solo hilo: cada una espera a que se
/// cierre un canal.
fn tareas_vivas(tope: usize, lote: usize, presupuesto: Option<u64>) -> Vivos {
    task::block_on(async {
        // Nadie envía nada por el canal: cuando se suelta `cerrar`, el canal
        // se cierra y el `recv` de todas las tareas termina con error.
        let (cerrar, cerrado) = channel::bounded::<()>(1);
        let listas = Rc::new(Cell::new(0));
        let antes = medir::memoria();
        let mut handles = Vec::new();
        let mut curva = Vec::new();

        while seguir(handles.len(), tope, antes, presupuesto) {
            for _ in 0..lote.min(tope - handles.len()) {
                let (cerrado, listas) = (cerrado.clone(), Rc::clone(&listas));
                handles.push(task::spawn_local(async move {
                    listas.set(listas.get() + 1);
                    let _ = cerrado.recv().await;
                }));
            }
            // Una tarea no empieza hasta su primer sondeo: se cede el hilo
            // hasta que todas se han sondeado una vez y esperan en `recv`.
            while listas.get() < handles.len() {
                task::yield_now().await;
            }
            if let (Some(antes), Some(ahora)) = (antes, medir::memoria()) {
                curva.push((
                    handles.len(),
                    ahora.residente as f64 - antes.residente as f64,
                ));
            }
        }
        let durante = medir::memoria();

        drop(cerrar);
        let cuantos = handles.len();
        for handle in handles {
            handle.await;
        }
        Vivos {
            cuantos,
            antes,
            durante,
            curva,
            parada: None,
        }
    })
}
// ANCHOR_END: tareas_vivas

// ---------------------------------------------------------------------------
// 3. Pasar el control: ping-pong.
// ---------------------------------------------------------------------------

// ANCHOR: ping_pong
/// Dos hilos se pasan un número por canales de `std`, `veces` idas y
/// vueltas. Cada ida y cada vuelta despierta al otro hilo: dos cambios.
fn ping_pong_hilos(veces: usize) -> Duration {
    let (al_eco, del_main) = mpsc::channel::<usize>();
    let (al_main, del_eco) = mpsc::channel::<usize>();
    let eco = thread::spawn(move || {
        for testigo in del_main {
            if al_main.send(testigo + 1).is_err() {
                break;
            }
        }
    });
    let inicio = Instant::now();
    let mut testigo = 0;
    for _ in 0..veces {
        al_eco.send(testigo).unwrap();
        testigo = del_eco.recv().unwrap();
    }
    let duracion = inicio.elapsed();
    drop(al_eco);
    eco.join().unwrap();
    assert_eq!(testigo, veces, "el testigo se perdió por el camino");
    duracion
}

/// Lo mismo con dos tareas en un solo hilo y los canales de async-std. Cada
/// `recv().await` que no está listo suspende la tarea, y el ejecutor pasa a
/// sondear la otra.
fn ping_pong_tareas(veces: usize) -> Duration {
    task::block_on(async {
        let (al_eco, del_main) = channel::bounded::<usize>(1);
        let (al_main, del_eco) = channel::bounded::<usize>(1);
        let eco = task::spawn_local(async move {
            while let Ok(testigo) = del_main.recv().await {
                if al_main.send(testigo + 1).await.is_err() {
                    break;
                }
            }
        });
        let inicio = Instant::now();
        let mut testigo = 0;
        for _ in 0..veces {
            al_eco.send(testigo).await.unwrap();
            testigo = del_eco.recv().await.unwrap();
        }
        let duracion = inicio.elapsed();
        drop(al_eco);
        eco.await;
        assert_eq!(testigo, veces, "el testigo se perdió por el camino");
        duracion
    })
}
// ANCHOR_END: ping_pong

// ---------------------------------------------------------------------------
// El programa.
// ---------------------------------------------------------------------------

struct Opciones {
    n: usize,
    presupuesto_mib: u64,
}

fn leer_opciones() -> Result<Option<Opciones>, String> {
    let mut opciones = Opciones {
        n: N_POR_OMISION,
        presupuesto_mib: PRESUPUESTO_POR_OMISION_MIB,
    };
    let mut argumentos = std::env::args().skip(1);
    while let Some(argumento) = argumentos.next() {
        match argumento.as_str() {
            "-h" | "--help" | "--ayuda" => return Ok(None),
            "--presupuesto-mib" => {
                let valor = argumentos
                    .next()
                    .ok_or("falta el número después de --presupuesto-mib")?;
                opciones.presupuesto_mib = match valor.parse() {
                    Ok(mib) if mib > 0 => mib,
                    _ => {
                        return Err(format!(
                            "--presupuesto-mib espera MiB mayores que cero, no «{valor}»"
                        ));
                    }
                };
            }
            otro => {
                opciones.n = match otro.parse() {
                    Ok(n) if n > 0 => n,
                    _ => {
                        return Err(format!(
                            "no entiendo «{otro}»: N es un número mayor que cero"
                        ));
                    }
                };
            }
        }
    }
    Ok(Some(opciones))
}

fn main() -> ExitCode {
    let opciones = match leer_opciones() {
        Ok(Some(opciones)) => opciones,
        Ok(None) => {
            println!("{USO}");
            return ExitCode::SUCCESS;
        }
        Err(problema) => {
            eprintln!("error: {problema}\n{USO}");
            return ExitCode::from(2);
        }
    };
    match medir_todo(&opciones) {
        Ok(()) => ExitCode::SUCCESS,
        Err(problema) => {
            eprintln!("error: {problema}");
            ExitCode::FAILURE
        }
    }
}

fn medir_todo(opciones: &Opciones) -> Result<(), String> {
    let n = opciones.n;
    let presupuesto = opciones.presupuesto_mib * 1024 * 1024;
    medir::cabecera("Tareas contra hilos");
    println!(
        "N = {n}; {IDAS_Y_VUELTAS} idas y vueltas; presupuesto de memoria: {} MiB.",
        opciones.presupuesto_mib
    );

    // La memoria se mide antes que nada: crear y soltar hilos deja pilas ya
    // tocadas en la caché de la biblioteca de C, y un hilo nuevo que
    // reutilizara una no haría crecer la memoria residente. Y se mide con
    // tantos como quepan en el presupuesto, no con N: lo que ocupan mil
    // tareas se pierde en el ruido de la medida.
    println!(
        "\n1. ¿Cuántos caben vivos a la vez, esperando, en {} MiB de memoria residente?",
        opciones.presupuesto_mib
    );
    if medir::memoria().is_none() {
        println!(
            "   (Este sistema no tiene /proc/self/status: la memoria no está disponible, y \
             el recuento se detiene en los topes del ejemplo.)"
        );
    }
    let inicio = Instant::now();
    let hilos = hilos_vivos(TOPE_HILOS, 100, Some(presupuesto));
    let tiempo_hilos = inicio.elapsed();
    let inicio = Instant::now();
    let tareas = tareas_vivas(TOPE_TAREAS, 10_000, Some(presupuesto));
    let tiempo_tareas = inicio.elapsed();
    for (quien, vivos, tope, tardo) in [
        ("hilos", &hilos, TOPE_HILOS, tiempo_hilos),
        ("tareas", &tareas, TOPE_TAREAS, tiempo_tareas),
    ] {
        let motivo = match &vivos.parada {
            Some(parada) => format!("se paró porque {parada}"),
            None if vivos.cuantos >= tope => format!("se paró en el tope del ejemplo, {tope}"),
            None => "se paró al llegar al presupuesto".to_string(),
        };
        println!(
            "   {quien:<7} {:>9}  ({motivo}; crearlos y soltarlos llevó {})",
            vivos.cuantos,
            medir::duracion(tardo)
        );
    }
    println!("   Memoria por unidad, con todos vivos:");
    for (quien, vivos) in [("hilos", &hilos), ("tareas", &tareas)] {
        match (vivos.residente_por_unidad(), vivos.virtual_por_unidad()) {
            (Some(residente), Some(virtual_reservada)) => println!(
                "   {quien:<7} residente {:>10} · virtual reservada {:>10}",
                medir::bytes(residente),
                medir::bytes(virtual_reservada)
            ),
            _ => println!("   {quien:<7} no disponible en este sistema"),
        }
    }
    // La residente no cuenta lo que el núcleo guarda de cada hilo. Una tarea
    // no tiene nada en el núcleo: es memoria del proceso, y ya está en su
    // residente.
    if let (Some([pila, estructuras, tablas]), Some(residente)) =
        (hilos.nucleo_por_unidad(), hilos.residente_por_unidad())
    {
        println!("   Lo que el núcleo ocupa por cada hilo, y la residente no cuenta:");
        for (que, cuanto) in [
            ("pila del núcleo", pila),
            ("estructuras (todo el sistema)", estructuras),
            ("tablas de páginas", tablas),
            (
                "en total, residente y núcleo",
                residente + pila + estructuras + tablas,
            ),
        ] {
            println!("   hilos   {que:<30} {:>10}", medir::bytes(cuanto));
        }
    }
    if let Some(memoria) = medir::memoria() {
        println!(
            "   Pico de memoria residente del proceso hasta aquí (VmHWM): {}",
            medir::bytes(memoria.pico_residente as f64)
        );
    }
    let memoria_hilo = hilos.residente_por_unidad();
    let memoria_tarea = tareas.residente_por_unidad();

    println!("\n2. Crear y esperar {n} (mediana de {RONDAS} rondas); por unidad:");
    let crear_hilo = por_unidad(n, || crear_hilos(n))?;
    let crear_tarea = por_unidad(n, || Ok(crear_tareas_locales(n)))?;
    let crear_tarea_pool = por_unidad(n, || Ok(crear_tareas_en_el_pool(n)))?;
    println!(
        "   hilos,  std::thread::spawn + join:             {:>10}",
        medir::tiempo(crear_hilo)
    );
    println!(
        "   tareas, task::spawn_local + .await:             {:>10}",
        medir::tiempo(crear_tarea)
    );
    println!(
        "   tareas, task::spawn (pool de hilos) + .await:   {:>10}",
        medir::tiempo(crear_tarea_pool)
    );

    println!("\n3. Pasar el control de uno a otro ({IDAS_Y_VUELTAS} idas y vueltas); por cambio:");
    let cambios = 2.0 * IDAS_Y_VUELTAS as f64;
    let cambio_hilo = ping_pong_hilos(IDAS_Y_VUELTAS).as_nanos() as f64 / cambios;
    let cambio_tarea = ping_pong_tareas(IDAS_Y_VUELTAS).as_nanos() as f64 / cambios;
    println!(
        "   hilos,  canales de std::sync::mpsc:             {:>10}",
        medir::tiempo(cambio_hilo)
    );
    println!(
        "   tareas, canales de async_std, un solo hilo:     {:>10}",
        medir::tiempo(cambio_tarea)
    );
    let (caben_hilos, caben_tareas) = (hilos, tareas);

    // ANCHOR: tabla
    println!("\nLo que se suele decir frente a lo medido (tarea = task::spawn_local):");
    let memoria = |valor: Option<f64>| valor.map_or("no disponible".to_string(), medir::bytes);
    let veces = |hilo: Option<f64>, tarea: Option<f64>| match (hilo, tarea) {
        (Some(hilo), Some(tarea)) if tarea > 0.0 => format!("× {:.0}", hilo / tarea),
        _ => "-".to_string(),
    };
    let filas = [
        (
            "crear y esperar, cada uno",
            se_suele_decir::CREAR_HILO,
            medir::tiempo(crear_hilo),
            se_suele_decir::CREAR_TAREA,
            medir::tiempo(crear_tarea),
            veces(Some(crear_hilo), Some(crear_tarea)),
        ),
        (
            "memoria residente, cada uno",
            se_suele_decir::MEMORIA_HILO,
            memoria(memoria_hilo),
            se_suele_decir::MEMORIA_TAREA,
            memoria(memoria_tarea),
            veces(memoria_hilo, memoria_tarea),
        ),
        (
            "pasar el control, cada vez",
            se_suele_decir::CAMBIO_HILO,
            medir::tiempo(cambio_hilo),
            se_suele_decir::CAMBIO_TAREA,
            medir::tiempo(cambio_tarea),
            veces(Some(cambio_hilo), Some(cambio_tarea)),
        ),
        (
            "vivos a la vez en el presupuesto",
            se_suele_decir::VIVOS_HILOS,
            caben_hilos.cuantos.to_string(),
            se_suele_decir::VIVOS_TAREAS,
            caben_tareas.cuantos.to_string(),
            format!(
                "× {:.0}",
                caben_tareas.cuantos as f64 / caben_hilos.cuantos.max(1) as f64
            ),
        ),
    ];
    // Cada medida, con una fila para el hilo y otra para la tarea.
    let columnas = |quien: &str, dicho: &str, medido: &str, ventaja: &str| {
        let fila = format!("    {quien:<7} {dicho:<26} {medido:>13}   {ventaja}");
        println!("{}", fila.trim_end());
    };
    println!();
    columnas("", "se suele decir", "medido", "ventaja de la tarea");
    for (medida, dicho_hilo, hilo, dicho_tarea, tarea, diferencia) in &filas {
        println!("  {medida}:");
        columnas("hilo", dicho_hilo, hilo, "");
        columnas("tarea", dicho_tarea, tarea, diferencia);
    }
    // ANCHOR_END: tabla

    medir::escribir_grafica("tareas_vs_hilos", |ruta| {
        dibujar(
            ruta,
            &caben_hilos,
            &caben_tareas,
            opciones.presupuesto_mib,
            [(crear_hilo, crear_tarea), (cambio_hilo, cambio_tarea)],
        )
    })
}

// ---------------------------------------------------------------------------
// La gráfica.
// ---------------------------------------------------------------------------

/// Dos paneles: la memoria residente según cuántos hay vivos (de la medida
/// 4) y, en escala logarítmica, lo que cuesta crear y pasar el control.
fn dibujar(
    ruta: &Path,
    hilos: &Vivos,
    tareas: &Vivos,
    presupuesto_mib: u64,
    costes: [(f64, f64); 2],
) -> medir::Resultado {
    use plotters::prelude::*;
    use plotters::style::text_anchor::{HPos, Pos, VPos};

    const HILOS: RGBColor = medir::ROJO;
    const TAREAS: RGBColor = medir::AZUL;
    let mib = |(n, bytes): &Muestra| (*n as f64, bytes / (1024.0 * 1024.0));

    let (lienzo, arriba) = medir::lienzo(ruta, 1000)?;
    let paneles = arriba.split_evenly((1, 2));

    // Panel izquierdo: la memoria según cuántos viven.
    let mas_vivos = hilos
        .curva
        .iter()
        .chain(&tareas.curva)
        .map(|(n, _)| *n)
        .max()
        .unwrap_or(10)
        .max(10) as f64;
    let mut grafica = ChartBuilder::on(&paneles[0])
        .caption("Memoria residente según cuántos viven", ("sans-serif", 18))
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(50)
        .build_cartesian_2d(
            (1f64..mas_vivos * 1.5).log_scale(),
            0f64..presupuesto_mib as f64 * 1.15,
        )?;
    medir::ejes(
        &mut grafica,
        "vivos a la vez (escala logarítmica)",
        "MiB residentes de más",
    )?;
    grafica
        .draw_series(LineSeries::new(
            [
                (1.0, presupuesto_mib as f64),
                (mas_vivos * 1.5, presupuesto_mib as f64),
            ],
            BLACK.mix(0.5).stroke_width(1),
        ))?
        .label(format!("el presupuesto: {presupuesto_mib} MiB"))
        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], BLACK.mix(0.5)));
    for (nombre, vivos, color) in [("hilos", hilos, HILOS), ("tareas", tareas, TAREAS)] {
        grafica
            .draw_series(LineSeries::new(
                vivos.curva.iter().map(mib),
                color.stroke_width(2),
            ))?
            .label(format!("{nombre}: {} vivos", vivos.cuantos))
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 20, y)], color.stroke_width(2))
            });
    }
    medir::leyenda(&mut grafica, SeriesLabelPosition::UpperLeft)?;

    // Panel derecho: los costes por unidad, en nanosegundos.
    let mayor = costes.iter().map(|(h, t)| h.max(*t)).fold(1.0, f64::max);
    let mut grafica = ChartBuilder::on(&paneles[1])
        .caption(
            "Lo que cuesta cada uno (escala logarítmica)",
            ("sans-serif", 18),
        )
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(60)
        .build_cartesian_2d(0f64..6f64, (10f64..mayor * 8.0).log_scale())?;
    let nombres = ["crear y esperar", "pasar el control"];
    grafica
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_desc("nanosegundos")
        .y_label_formatter(&|y| medir::tiempo(*y))
        .draw()?;
    let encima = ("sans-serif", 13)
        .into_font()
        .into_text_style(&paneles[1])
        .pos(Pos::new(HPos::Center, VPos::Bottom));
    let debajo = ("sans-serif", 14)
        .into_font()
        .into_text_style(&paneles[1])
        .pos(Pos::new(HPos::Center, VPos::Top));
    for (i, (hilo, tarea)) in costes.iter().enumerate() {
        let x = i as f64 * 3.0;
        // El nombre del grupo, bajo el eje: `backend_coord` da la posición
        // en el lienzo entero.
        let (px, py) = grafica.backend_coord(&(x + 1.5, 10.0));
        lienzo.draw(&Text::new(nombres[i], (px, py + 8), debajo.clone()))?;
        for (desde, valor, color) in [(x + 0.55, *hilo, HILOS), (x + 1.55, *tarea, TAREAS)] {
            grafica.draw_series([Rectangle::new(
                [(desde, 10.0), (desde + 0.9, valor)],
                color.filled(),
            )])?;
            grafica.draw_series([Text::new(
                medir::tiempo(valor),
                (desde + 0.45, valor * 1.1),
                encima.clone(),
            )])?;
        }
    }
    for (nombre, color) in [("hilos", HILOS), ("tareas", TAREAS)] {
        grafica
            .draw_series(std::iter::empty::<Rectangle<(f64, f64)>>())?
            .label(nombre)
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 14, y + 5)], color.filled()));
    }
    medir::leyenda(&mut grafica, SeriesLabelPosition::UpperRight)?;
    lienzo.present()?;
    Ok(())
}
