//! Medir en la máquina de quien lee: la memoria del proceso, el nombre de la
//! máquina, y cómo presentar las cifras en una tabla y en una gráfica.
//!
//! Sobre hilos y tareas circulan cifras: un hilo tarda unos 15 µs en crearse
//! y una tarea unos 300 ns (o 30 ns); un hilo ocupa de 20 KiB a 100 KiB de
//! memoria. El taller no las copia: las mide, en la máquina de
//! quien corre el ejemplo. Los ejemplos que miden (`tareas_vs_hilos`,
//! `many_requests_escalado` y `spawn_blocking_latido`) comparten lo que no es
//! su lección, y vive aquí:
//!
//! - [`memoria`]: la memoria del proceso según Linux, leída de
//!   `/proc/self/status`: la residente (`VmRSS`), su pico (`VmHWM`) y la
//!   virtual (`VmSize`); y, de `/proc/meminfo`, la que el núcleo ocupa para
//!   sí y la residente no cuenta (las pilas del núcleo de los hilos, sus
//!   estructuras). En otros sistemas no hay tales archivos: devuelve `None`
//!   y el ejemplo dice que esa medida no está disponible, en lugar de fallar.
//! - [`maquina`]: una línea que nombra la máquina (el procesador y sus
//!   núcleos), para el pie de las gráficas.
//! - [`ruta_de_grafica`]: dónde escribir una gráfica SVG. Por omisión en
//!   `target/graficas/`; `book/regenerar-salidas.sh` pide `book/src/salidas/`
//!   con la variable de entorno `TALLER_GRAFICAS`, y así el libro muestra la
//!   gráfica de la misma ejecución que su tabla.
//! - [`mediana`], [`tiempo`], [`duracion`] y [`bytes`]: resumir y escribir
//!   las cifras.
//! - [`cabecera`] y [`mostrar_uso_si_hay_argumentos`]: el principio de cada
//!   ejemplo, igual en los tres.
//! - [`escribir_grafica`], [`lienzo`], [`ejes`], [`curvas_con_puntos`] y
//!   [`leyenda`]: las gráficas SVG (con plotters), todas con el mismo aspecto:
//!   la máquina y el modo al pie, los mismos colores ([`ROJO`] para lo que
//!   retiene un hilo, [`AZUL`] para las tareas que lo sueltan), la leyenda
//!   sobre fondo blanco. Cada ejemplo decide qué se dibuja; esto es solo cómo.

use std::error::Error;
use std::path::{Path, PathBuf};
use std::time::Duration;

use plotters::coord::Shift;
use plotters::coord::ranged1d::ValueFormatter;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

/// La memoria del proceso en un instante, en bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Memoria {
    /// La memoria residente (`VmRSS`): las páginas que ocupan memoria física
    /// ahora mismo.
    pub residente: u64,
    /// El mayor valor que ha tenido `residente` desde que empezó el proceso
    /// (`VmHWM`, *high water mark*).
    pub pico_residente: u64,
    /// La memoria virtual reservada (`VmSize`): incluye lo que el proceso ha
    /// pedido y todavía no ha tocado, como la mayor parte de la pila de un
    /// hilo.
    pub virtual_reservada: u64,
    /// Cuántos hilos tiene el proceso (`Threads`).
    pub hilos: u64,
    /// La memoria del núcleo que `residente` no cuenta, si se pudo leer.
    pub nucleo: Option<Nucleo>,
}

/// Memoria que el núcleo ocupa para sí, en bytes. La memoria residente de un
/// proceso no la cuenta, pero cada hilo tiene su parte: una pila propia en el
/// núcleo, su `task_struct` y otras estructuras, y las tablas de páginas que
/// traducen las direcciones de su pila.
///
/// Las dos primeras cifras son de **todo el sistema**, no del proceso: Linux
/// no las da por proceso. Otro programa que cree o termine hilos a la vez las
/// mueve también; con miles de hilos nuevos en el proceso, ese ruido queda
/// pequeño.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Nucleo {
    /// Las pilas del núcleo de todos los hilos del sistema (`KernelStack`, de
    /// `/proc/meminfo`). Cada hilo tiene una, de tamaño fijo.
    pub pilas: u64,
    /// Las estructuras del núcleo que no se pueden recuperar (`SUnreclaim`,
    /// de `/proc/meminfo`): entre ellas, la `task_struct` de cada hilo.
    pub estructuras: u64,
    /// Las tablas de páginas de este proceso (`VmPTE`, de
    /// `/proc/self/status`).
    pub tablas_de_paginas: u64,
}

/// La memoria del proceso, leída de `/proc/self/status`, y la del núcleo, de
/// `/proc/meminfo`. `None` si el sistema no la ofrece así (todo lo que no es
/// Linux).
pub fn memoria() -> Option<Memoria> {
    let estado = std::fs::read_to_string("/proc/self/status").ok()?;
    let mut memoria = leer_estado(&estado)?;
    if let Ok(meminfo) = std::fs::read_to_string("/proc/meminfo") {
        memoria.nucleo = leer_nucleo(&estado, &meminfo);
    }
    Some(memoria)
}

/// El número de la línea `nombre` de un archivo de `/proc`, en bytes si
/// viene en «kB».
fn campo(texto: &str, nombre: &str) -> Option<u64> {
    let linea = texto.lines().find(|l| l.starts_with(nombre))?;
    let mut partes = linea[nombre.len()..].split_whitespace();
    let valor: u64 = partes.next()?.parse().ok()?;
    // Linux escribe la memoria en «kB», que en realidad son KiB.
    Some(match partes.next() {
        Some("kB") => valor * 1024,
        _ => valor,
    })
}

/// Lee los campos de un `/proc/PID/status`. Aparte de [`memoria`] para poder
/// probarlo con un texto fijo.
fn leer_estado(estado: &str) -> Option<Memoria> {
    Some(Memoria {
        residente: campo(estado, "VmRSS:")?,
        pico_residente: campo(estado, "VmHWM:")?,
        virtual_reservada: campo(estado, "VmSize:")?,
        hilos: campo(estado, "Threads:")?,
        nucleo: None,
    })
}

/// Lee la memoria del núcleo de un `/proc/PID/status` y de `/proc/meminfo`.
fn leer_nucleo(estado: &str, meminfo: &str) -> Option<Nucleo> {
    Some(Nucleo {
        pilas: campo(meminfo, "KernelStack:")?,
        estructuras: campo(meminfo, "SUnreclaim:")?,
        tablas_de_paginas: campo(estado, "VmPTE:")?,
    })
}

/// La máquina en una línea: `AMD EPYC, 2 núcleos`. Es lo que dice la cabecera
/// de las salidas del libro, para que una gráfica diga también de dónde sale.
pub fn maquina() -> String {
    let procesador = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, nombre)| nombre.trim().to_string())
        })
        .filter(|nombre| !nombre.is_empty())
        .unwrap_or_else(|| "procesador desconocido".to_string());
    let nucleos = std::thread::available_parallelism()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_string());
    format!("{procesador}, {nucleos} núcleos")
}

/// Si el ejemplo se compiló sin optimizar (`cargo run`) o con `--release`.
/// Las cifras de las tareas cambian mucho de uno a otro.
pub fn perfil() -> &'static str {
    if cfg!(debug_assertions) {
        "depuración (cargo run, sin optimizar)"
    } else {
        "optimizado (cargo run --release)"
    }
}

/// La raíz del repositorio del taller.
fn raiz() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Dónde escribir la gráfica SVG de nombre `base`: `base.svg` si el ejemplo
/// se compiló sin optimizar y `base_release.svg` con `--release`, porque las
/// cifras de uno y otro modo no se parecen y el libro muestra las dos. Va en
/// la carpeta de `TALLER_GRAFICAS` si está definida, o si no en
/// `target/graficas/`. Crea la carpeta si hace falta.
pub fn ruta_de_grafica(base: &str) -> std::io::Result<PathBuf> {
    let carpeta = match std::env::var_os("TALLER_GRAFICAS") {
        Some(carpeta) => PathBuf::from(carpeta),
        None => raiz().join("target").join("graficas"),
    };
    std::fs::create_dir_all(&carpeta)?;
    let sufijo = if cfg!(debug_assertions) {
        ""
    } else {
        "_release"
    };
    Ok(carpeta.join(format!("{base}{sufijo}.svg")))
}

/// Una ruta para mostrarla: relativa a la raíz del taller si está dentro.
pub fn mostrar(ruta: &Path) -> String {
    ruta.strip_prefix(raiz())
        .unwrap_or(ruta)
        .display()
        .to_string()
}

/// La mediana de unas medidas: menos sensible que la media a una medida
/// rara (el sistema operativo se llevó el núcleo justo entonces).
pub fn mediana(mut medidas: Vec<Duration>) -> Duration {
    if medidas.is_empty() {
        return Duration::ZERO;
    }
    medidas.sort();
    medidas[medidas.len() / 2]
}

/// Un tiempo en nanosegundos, escrito con la unidad que le va: `310 ns`,
/// `15.2 µs`, `4.1 ms`, `1.25 s`.
pub fn tiempo(nanosegundos: f64) -> String {
    // Las potencias de diez, sin decimales: son las marcas de los ejes.
    let exponente = nanosegundos.log10();
    if nanosegundos >= 1.0 && (exponente - exponente.round()).abs() < 1e-9 {
        let unidades = ["ns", "ns", "ns", "µs", "µs", "µs", "ms", "ms", "ms", "s"];
        let e = exponente.round() as usize;
        if let Some(unidad) = unidades.get(e) {
            return format!("{} {unidad}", 10u64.pow((e % 3) as u32));
        }
    }
    if nanosegundos < 1e3 {
        format!("{nanosegundos:.0} ns")
    } else if nanosegundos < 1e6 {
        format!("{:.1} µs", nanosegundos / 1e3)
    } else if nanosegundos < 1e9 {
        format!("{:.1} ms", nanosegundos / 1e6)
    } else {
        format!("{:.2} s", nanosegundos / 1e9)
    }
}

/// Un tamaño en bytes, escrito con la unidad que le va: `312 B`, `9.8 KiB`,
/// `2.0 MiB`.
pub fn bytes(bytes: f64) -> String {
    const KIB: f64 = 1024.0;
    if bytes.abs() < KIB {
        format!("{bytes:.0} B")
    } else if bytes.abs() < KIB * KIB {
        format!("{:.1} KiB", bytes / KIB)
    } else if bytes.abs() < KIB * KIB * KIB {
        format!("{:.1} MiB", bytes / (KIB * KIB))
    } else {
        format!("{:.1} GiB", bytes / (KIB * KIB * KIB))
    }
}

/// Un tiempo medido, escrito como [`tiempo`]: `15.2 µs`, `4.1 ms`...
pub fn duracion(duracion: Duration) -> String {
    tiempo(duracion.as_nanos() as f64)
}

/// Las dos primeras líneas de un ejemplo que mide: qué mide y en qué máquina,
/// y en qué modo se compiló, porque las cifras cambian mucho de uno a otro.
pub fn cabecera(que: &str) {
    println!("{que}, en esta máquina: {}.", maquina());
    println!("Compilado en modo {}.", perfil());
}

/// Para los ejemplos que no reciben argumentos: si se les dio alguno,
/// imprime el uso de `ejemplo` y devuelve `true`, y el ejemplo termina ahí.
pub fn mostrar_uso_si_hay_argumentos(ejemplo: &str) -> bool {
    if std::env::args().len() <= 1 {
        return false;
    }
    println!("uso: cargo run --example {ejemplo}\n(el ejemplo no recibe argumentos)");
    true
}

// ---------------------------------------------------------------------------
// Las gráficas.
// ---------------------------------------------------------------------------

/// Rojo: lo que retiene un hilo (un hilo por petición, un cálculo en la
/// propia tarea).
pub const ROJO: RGBColor = RGBColor(200, 60, 40);
/// Azul: las tareas, que sueltan el hilo mientras esperan.
pub const AZUL: RGBColor = RGBColor(30, 110, 190);

/// Una zona del lienzo de una gráfica SVG.
pub type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;
/// Una gráfica con ejes de números: lineales (`RangedCoordf64`) o en escala
/// logarítmica (`LogCoord<f64>`).
pub type Grafica<'a, 'b, X = RangedCoordf64, Y = RangedCoordf64> =
    ChartContext<'a, SVGBackend<'b>, Cartesian2d<X, Y>>;
/// Una serie de una gráfica: su nombre en la leyenda, su color y sus puntos.
pub type Serie<'a> = (&'a str, RGBColor, Vec<(f64, f64)>);
/// Lo que devuelve quien dibuja: plotters tiene sus propios errores.
pub type Resultado = Result<(), Box<dyn Error>>;

/// Dibuja con `dibujar` la gráfica de nombre `base` en la ruta que da
/// [`ruta_de_grafica`], y dice dónde quedó. Los errores, ya explicados.
pub fn escribir_grafica(
    base: &str,
    dibujar: impl FnOnce(&Path) -> Resultado,
) -> Result<(), String> {
    let ruta = ruta_de_grafica(base)
        .map_err(|e| format!("no se pudo preparar la carpeta de la gráfica: {e}"))?;
    dibujar(&ruta).map_err(|e| format!("no se pudo dibujar {}: {e}", ruta.display()))?;
    println!("\nGráfica de esta ejecución: {}", mostrar(&ruta));
    Ok(())
}

/// Un lienzo SVG blanco de `ancho` × 460 píxeles con la máquina y el modo de
/// compilación al pie. Devuelve el lienzo entero (para terminar con
/// `present()`) y la zona de encima del pie, donde va la gráfica.
pub fn lienzo(ruta: &Path, ancho: u32) -> Result<(Area<'_>, Area<'_>), Box<dyn Error>> {
    let lienzo = SVGBackend::new(ruta, (ancho, 460)).into_drawing_area();
    lienzo.fill(&WHITE)?;
    let (arriba, pie) = lienzo.split_vertically(430);
    pie.draw(&Text::new(
        format!("Máquina: {} · modo {}", maquina(), perfil()),
        (10, 8),
        ("sans-serif", 14).into_font().color(&BLACK.mix(0.7)),
    ))?;
    Ok((lienzo, arriba))
}

/// La cuadrícula y los ejes, con su descripción y las marcas sin decimales.
pub fn ejes<X, Y>(grafica: &mut Grafica<'_, '_, X, Y>, x: &str, y: &str) -> Resultado
where
    X: Ranged<ValueType = f64> + ValueFormatter<f64>,
    Y: Ranged<ValueType = f64> + ValueFormatter<f64>,
{
    grafica
        .configure_mesh()
        .x_desc(x)
        .y_desc(y)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| format!("{y:.0}"))
        .draw()?;
    Ok(())
}

/// Cada serie, `(nombre, color, puntos)`, como una línea con un círculo en
/// cada punto medido, y su nombre en la leyenda.
pub fn curvas_con_puntos<'s, X, Y>(
    grafica: &mut Grafica<'_, '_, X, Y>,
    series: impl IntoIterator<Item = Serie<'s>>,
) -> Resultado
where
    X: Ranged<ValueType = f64>,
    Y: Ranged<ValueType = f64>,
{
    for (nombre, color, puntos) in series {
        grafica
            .draw_series(LineSeries::new(puntos.clone(), color.stroke_width(2)))?
            .label(nombre)
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 20, y)], color.stroke_width(2))
            });
        grafica.draw_series(
            puntos
                .into_iter()
                .map(|p| Circle::new(p, 3, color.filled())),
        )?;
    }
    Ok(())
}

/// La leyenda de la gráfica, en `posicion`, sobre fondo blanco.
pub fn leyenda<'a, 'b: 'a, X: Ranged, Y: Ranged>(
    grafica: &mut Grafica<'a, 'b, X, Y>,
    posicion: SeriesLabelPosition,
) -> Resultado {
    grafica
        .configure_series_labels()
        .position(posicion)
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK.mix(0.3))
        .draw()?;
    Ok(())
}

#[cfg(test)]
mod pruebas {
    use super::*;

    #[test]
    fn lee_el_estado_de_linux() {
        let estado = "Name:\tx\nVmHWM:\t    2048 kB\nVmRSS:\t    1024 kB\n\
                      VmSize:\t  10240 kB\nThreads:\t3\n";
        assert_eq!(
            leer_estado(estado),
            Some(Memoria {
                residente: 1024 * 1024,
                pico_residente: 2048 * 1024,
                virtual_reservada: 10240 * 1024,
                hilos: 3,
                nucleo: None,
            })
        );
        assert_eq!(leer_estado("Name:\tx\n"), None);
    }

    #[test]
    fn lee_la_memoria_del_nucleo() {
        let estado = "VmRSS:\t    1024 kB\nVmPTE:\t      96 kB\n";
        let meminfo = "MemTotal:  4000000 kB\nSUnreclaim:  51200 kB\n\
                       KernelStack:  1664 kB\n";
        assert_eq!(
            leer_nucleo(estado, meminfo),
            Some(Nucleo {
                pilas: 1664 * 1024,
                estructuras: 51200 * 1024,
                tablas_de_paginas: 96 * 1024,
            })
        );
        assert_eq!(leer_nucleo(estado, "MemTotal:  4000000 kB\n"), None);
    }

    #[test]
    fn en_linux_hay_memoria_y_al_menos_un_hilo() {
        if cfg!(target_os = "linux") {
            let memoria = memoria().expect("en Linux existe /proc/self/status");
            assert!(memoria.residente > 0 && memoria.hilos >= 1);
            assert!(memoria.pico_residente >= memoria.residente);
        }
    }

    #[test]
    fn escribe_tiempos_y_tamanos_con_su_unidad() {
        assert_eq!(tiempo(310.0), "310 ns");
        assert_eq!(tiempo(15_200.0), "15.2 µs");
        assert_eq!(tiempo(4_100_000.0), "4.1 ms");
        assert_eq!(tiempo(1_250_000_000.0), "1.25 s");
        assert_eq!(tiempo(100.0), "100 ns");
        assert_eq!(tiempo(10_000.0), "10 µs");
        assert_eq!(tiempo(1e6), "1 ms");
        assert_eq!(bytes(312.0), "312 B");
        assert_eq!(bytes(10_035.0), "9.8 KiB");
        assert_eq!(bytes(2.0 * 1024.0 * 1024.0), "2.0 MiB");
    }

    #[test]
    fn la_mediana_ignora_los_extremos() {
        let ms = Duration::from_millis;
        assert_eq!(mediana(vec![ms(9), ms(1), ms(2)]), ms(2));
        assert_eq!(mediana(vec![]), Duration::ZERO);
    }
}
