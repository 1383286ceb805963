//! `spawn_blocking_latido`: cuánto se retrasa un latido cuando otra tarea del
//! mismo hilo calcula, según lo largo que sea el cálculo, con el cálculo en
//! la propia tarea y con `spawn_blocking`.
//!
//! El capítulo de `spawn_blocking` lo mide con un solo cálculo: las
//! verificaciones de contraseñas. Este ejemplo existe para ver la tendencia:
//! en un solo hilo, una tarea quiere latir cada 10 ms y otra hace un cálculo
//! de L ms, con L de 5 a 200. Si el cálculo corre en la propia tarea, retiene
//! el hilo y el latido se retrasa todo lo que dura el cálculo; si va a otro
//! hilo con `task::spawn_blocking`, el latido sigue a su ritmo, dure lo que
//! dure.
//!
//! El cálculo es un bucle que da vueltas sin esperar nada hasta que pasan L
//! ms: ocupa el procesador como cualquier cálculo de verdad, y su duración no
//! depende de la máquina.
//!
//! Imprime una tabla y dibuja una gráfica SVG con los datos de la misma
//! ejecución:
//!
//! ```text
//! cargo run --example spawn_blocking_latido
//! ```

use std::cell::RefCell;
use std::path::Path;
use std::process::ExitCode;
use std::rc::Rc;
use std::time::{Duration, Instant};

use async_std::task;
use taller_async::medir;

/// Cada cuánto quiere latir el latido.
const PERIODO: Duration = Duration::from_millis(10);
/// Lo que dura el cálculo en cada medida, en milisegundos.
const CALCULOS_MS: [u64; 6] = [5, 10, 20, 50, 100, 200];

/// Un cálculo que ocupa el procesador durante `duracion`: da vueltas sin
/// esperar nada. Devuelve algo para que el compilador no lo quite.
fn calcular(duracion: Duration) -> u64 {
    let fin = Instant::now() + duracion;
    let mut x: u64 = 1;
    while Instant::now() < fin {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    }
    x
}

/// Dónde corre el cálculo.
#[derive(Clone, Copy)]
enum Donde {
    EnLaTarea,
    SpawnBlocking,
}

// ANCHOR: medir
/// En un solo hilo, un latido cada `PERIODO` y una tarea que calcula durante
/// `duracion`. Devuelve el mayor hueco entre dos latidos.
fn peor_hueco(duracion: Duration, donde: Donde) -> Duration {
    task::block_on(async move {
        let latidos = Rc::new(RefCell::new(Vec::new()));
        let terminado = Rc::new(RefCell::new(false));
        let latido = task::spawn_local({
            let (latidos, terminado) = (latidos.clone(), terminado.clone());
            async move {
                while !*terminado.borrow() {
                    latidos.borrow_mut().push(Instant::now());
                    task::sleep(PERIODO).await;
                }
            }
        });

        task::sleep(3 * PERIODO).await;
        let calculo = task::spawn_local(async move {
            match donde {
                // El cálculo retiene el hilo de las tareas hasta terminar.
                Donde::EnLaTarea => calcular(duracion),
                // El cálculo va a otro hilo; esta tarea suelta el suyo.
                Donde::SpawnBlocking => task::spawn_blocking(move || calcular(duracion)).await,
            }
        });
        calculo.await;
        task::sleep(3 * PERIODO).await;
        *terminado.borrow_mut() = true;
        latido.await;

        let latidos = latidos.borrow();
        latidos
            .windows(2)
            .map(|par| par[1] - par[0])
            .max()
            .unwrap_or_default()
    })
}
// ANCHOR_END: medir

fn main() -> ExitCode {
    if medir::mostrar_uso_si_hay_argumentos("spawn_blocking_latido") {
        return ExitCode::SUCCESS;
    }
    medir::cabecera("El latido y el cálculo");
    println!(
        "En un solo hilo, un latido que quiere sonar cada {} ms y un cálculo de L ms.\n",
        PERIODO.as_millis()
    );
    println!(
        "  {:>8}   {:>28}   {:>28}",
        "L", "mayor hueco: en la tarea", "mayor hueco: spawn_blocking"
    );
    let mut filas = Vec::new();
    for ms in CALCULOS_MS {
        let duracion = Duration::from_millis(ms);
        let en_la_tarea = peor_hueco(duracion, Donde::EnLaTarea);
        let spawn_blocking = peor_hueco(duracion, Donde::SpawnBlocking);
        println!(
            "  {:>8}   {:>28}   {:>28}",
            format!("{ms} ms"),
            medir::duracion(en_la_tarea),
            medir::duracion(spawn_blocking)
        );
        filas.push((ms, en_la_tarea, spawn_blocking));
    }
    println!(
        "\nSin nada que lo estorbe, el mayor hueco sería de {} ms, el periodo del latido.",
        PERIODO.as_millis()
    );

    match medir::escribir_grafica("spawn_blocking_latido", |ruta| dibujar(ruta, &filas)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(problema) => {
            eprintln!("error: {problema}");
            ExitCode::FAILURE
        }
    }
}

/// El mayor hueco del latido según lo que dura el cálculo, en la tarea y con
/// `spawn_blocking`.
fn dibujar(ruta: &Path, filas: &[(u64, Duration, Duration)]) -> medir::Resultado {
    use plotters::prelude::*;

    let ms = |d: &Duration| d.as_secs_f64() * 1000.0;
    let mayor_l = filas.iter().map(|f| f.0).max().unwrap_or(10) as f64;
    let mayor_hueco = filas
        .iter()
        .map(|f| ms(&f.1).max(ms(&f.2)))
        .fold(1.0, f64::max);

    let (lienzo, arriba) = medir::lienzo(ruta, 800)?;
    let mut grafica = ChartBuilder::on(&arriba)
        .caption(
            format!(
                "Un latido cada {} ms junto a un cálculo de L ms",
                PERIODO.as_millis()
            ),
            ("sans-serif", 18),
        )
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(60)
        .build_cartesian_2d(0f64..mayor_l * 1.05, 0f64..mayor_hueco * 1.15)?;
    medir::ejes(
        &mut grafica,
        "L, lo que dura el cálculo (ms)",
        "mayor hueco entre dos latidos (ms)",
    )?;
    let en_la_tarea: Vec<(f64, f64)> = filas.iter().map(|f| (f.0 as f64, ms(&f.1))).collect();
    let con_spawn_blocking: Vec<(f64, f64)> =
        filas.iter().map(|f| (f.0 as f64, ms(&f.2))).collect();
    let series = [
        ("el cálculo en la propia tarea", medir::ROJO, en_la_tarea),
        (
            "el cálculo con spawn_blocking",
            medir::AZUL,
            con_spawn_blocking,
        ),
    ];
    medir::curvas_con_puntos(&mut grafica, series)?;
    medir::leyenda(&mut grafica, SeriesLabelPosition::UpperLeft)?;
    lienzo.present()?;
    Ok(())
}
