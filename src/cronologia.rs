//! La cronología de una ejecución: qué futures sondeó el ejecutor, cuándo, en
//! qué hilo, qué devolvió cada sondeo y quién los despertó; y su dibujo en SVG.
//!
//! Este módulo existe para los dibujos del libro. Un capítulo explica que una
//! tarea se sondea, devuelve `Pending`, espera sin ocupar el hilo y vuelve a
//! sondearse cuando alguien llama a su waker; con una cronología de una
//! ejecución real, eso se ve. No es lo que enseñan los capítulos, y por eso
//! no está en sus ejemplos: el ejemplo envuelve un future en
//! [`Cronologia::registrar`] en una línea que el capítulo no muestra, y al
//! final llama a [`dibujar`].
//!
//! - [`Registrado`] es un future que envuelve a otro: en cada `poll` anota
//!   cuándo empezó y terminó el sondeo, si dio `Pending` o `Ready` y en qué
//!   hilo corrió; y le pasa al future de dentro un waker propio que, cuando
//!   alguien lo llama, anota el instante y el hilo desde el que se llamó, y
//!   despierta luego al waker de verdad. No cambia lo que pasa: solo lo mira.
//! - [`Cronologia`] guarda lo anotado. Se declara como `static`, igual que
//!   `ejemplos::Hilos`, para que cualquier tarea de cualquier hilo anote en
//!   ella sin recibirla como argumento.
//! - [`dibujar`] pinta uno o varios [`Panel`]es, una fila por future y el
//!   tiempo de izquierda a derecha, con el aspecto de las demás gráficas del
//!   taller (`medir`): fondo blanco, la máquina y el modo de compilación al
//!   pie.
//!
//! Mirar tiene un coste pequeño (un candado y un `Instant::now()` por sondeo
//! y por despertar), del orden de un microsegundo: no cambia la forma de lo
//! que se dibuja, que son milisegundos.

use std::collections::BTreeMap;
use std::future::Future;
use std::path::Path;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll, Wake, Waker};
use std::thread;
use std::time::{Duration, Instant};

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::medir;

/// Un hilo, tal como se ve desde dentro: su nombre y su número.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hilo {
    /// `main`, `async-std/runtime`, `async-io`... o `sin nombre`.
    pub nombre: String,
    /// El número de su `ThreadId`: distingue hilos con el mismo nombre, como
    /// los del pool de async-std, que se llaman todos igual.
    pub numero: u64,
}

impl Hilo {
    /// El hilo que está corriendo ahora.
    pub fn actual() -> Hilo {
        let hilo = thread::current();
        // `ThreadId::as_u64` no es estable: el número se saca de su `Debug`,
        // `ThreadId(3)`.
        let numero = format!("{:?}", hilo.id())
            .chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .unwrap_or(0);
        Hilo {
            nombre: hilo.name().unwrap_or("sin nombre").to_string(),
            numero,
        }
    }

    /// `main (hilo 1)`, `async-std/runtime (hilo 3)`.
    pub fn etiqueta(&self) -> String {
        format!("{} (hilo {})", self.nombre, self.numero)
    }
}

/// Qué pasó, y cuándo, contado desde [`Cronologia::empezar`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Que {
    /// Se lanzó la tarea (o se creó el future).
    Lanzada(Duration),
    /// Un sondeo, de `desde` a `hasta`; `listo` si devolvió `Ready`.
    Sondeo {
        desde: Duration,
        hasta: Duration,
        listo: bool,
    },
    /// Alguien llamó al waker del future.
    Despertar(Duration),
    /// Un tramo de trabajo que no es un sondeo, como el closure de
    /// `spawn_blocking`.
    Tramo { desde: Duration, hasta: Duration },
}

/// Una anotación: en qué fila va, qué pasó y en qué hilo. En un
/// [`Que::Despertar`], el hilo es el que llamó al waker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evento {
    pub fila: String,
    pub que: Que,
    pub hilo: Hilo,
}

impl Evento {
    /// El primer y el último instante del evento.
    pub fn extremos(&self) -> (Duration, Duration) {
        match self.que {
            Que::Lanzada(t) | Que::Despertar(t) => (t, t),
            Que::Sondeo { desde, hasta, .. } | Que::Tramo { desde, hasta } => (desde, hasta),
        }
    }
}

/// Lo anotado en una ejecución. Se declara como `static` con
/// [`Cronologia::new`].
#[derive(Debug, Default)]
pub struct Cronologia {
    estado: Mutex<Estado>,
}

#[derive(Debug, Default)]
struct Estado {
    inicio: Option<Instant>,
    eventos: Vec<Evento>,
}

impl Cronologia {
    /// Una cronología vacía (sirve para un `static`).
    pub const fn new() -> Cronologia {
        Cronologia {
            estado: Mutex::new(Estado {
                inicio: None,
                eventos: Vec::new(),
            }),
        }
    }

    fn estado(&self) -> MutexGuard<'_, Estado> {
        // Si un hilo entró en pánico con el candado tomado, la lista sigue
        // siendo válida: solo se le añaden elementos.
        self.estado.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Borra lo anotado y pone el reloj a cero. Sin llamarla, el cero es la
    /// primera anotación.
    pub fn empezar(&self) {
        let mut estado = self.estado();
        estado.inicio = Some(Instant::now());
        estado.eventos.clear();
    }

    /// El instante `t`, contado desde el cero de la cronología.
    fn desde_el_inicio(estado: &mut Estado, t: Instant) -> Duration {
        let inicio = *estado.inicio.get_or_insert(t);
        t.saturating_duration_since(inicio)
    }

    fn anotar(&self, fila: &str, hilo: Hilo, que: impl FnOnce(&mut Estado) -> Que) {
        let mut estado = self.estado();
        let que = que(&mut estado);
        estado.eventos.push(Evento {
            fila: fila.to_string(),
            que,
            hilo,
        });
    }

    /// Anota que la tarea `fila` se lanza ahora, desde este hilo.
    pub fn anotar_lanzada(&self, fila: &str) {
        let ahora = Instant::now();
        self.anotar(fila, Hilo::actual(), |e| {
            Que::Lanzada(Self::desde_el_inicio(e, ahora))
        });
    }

    /// Anota un tramo de trabajo de `fila` en este hilo, de `desde` a `hasta`.
    pub fn anotar_tramo(&self, fila: &str, desde: Instant, hasta: Instant) {
        self.anotar(fila, Hilo::actual(), |e| Que::Tramo {
            desde: Self::desde_el_inicio(e, desde),
            hasta: Self::desde_el_inicio(e, hasta),
        });
    }

    /// Envuelve `future` en un [`Registrado`] que anota en la fila `fila`
    /// cada sondeo y cada despertar.
    pub fn registrar<F: Future>(&'static self, fila: &str, future: F) -> Registrado<F> {
        Registrado {
            cronologia: self,
            fila: Arc::from(fila),
            future: Box::pin(future),
        }
    }

    /// El instante `t`, contado desde el cero de la cronología (cero si la
    /// cronología no ha empezado o `t` es anterior).
    pub fn relativo(&self, t: Instant) -> Duration {
        Self::desde_el_inicio(&mut self.estado(), t)
    }

    /// Una copia de lo anotado hasta ahora, en el orden en que pasó.
    pub fn eventos(&self) -> Vec<Evento> {
        self.estado().eventos.clone()
    }
}

/// Un future que anota en una [`Cronologia`] lo que le pasa al que envuelve.
/// Se crea con [`Cronologia::registrar`].
///
/// El future de dentro va en una caja (`Pin<Box<F>>`): así `Registrado` se
/// puede mover aunque `F` no, sin `unsafe` ni macros de proyección.
pub struct Registrado<F> {
    cronologia: &'static Cronologia,
    fila: Arc<str>,
    future: Pin<Box<F>>,
}

/// El waker que `Registrado` pasa al future de dentro: anota y despierta al
/// de verdad.
struct WakerQueAnota {
    cronologia: &'static Cronologia,
    fila: Arc<str>,
    de_verdad: Waker,
}

impl Wake for WakerQueAnota {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        let ahora = Instant::now();
        self.cronologia.anotar(&self.fila, Hilo::actual(), |e| {
            Que::Despertar(Cronologia::desde_el_inicio(e, ahora))
        });
        self.de_verdad.wake_by_ref();
    }
}

impl<F: Future> Future for Registrado<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let waker = Waker::from(Arc::new(WakerQueAnota {
            cronologia: self.cronologia,
            fila: Arc::clone(&self.fila),
            de_verdad: cx.waker().clone(),
        }));
        let mut cx_que_anota = Context::from_waker(&waker);
        let desde = Instant::now();
        let resultado = self.future.as_mut().poll(&mut cx_que_anota);
        let hasta = Instant::now();
        let listo = resultado.is_ready();
        let fila = Arc::clone(&self.fila);
        self.cronologia
            .anotar(&fila, Hilo::actual(), |e| Que::Sondeo {
                desde: Cronologia::desde_el_inicio(e, desde),
                hasta: Cronologia::desde_el_inicio(e, hasta),
                listo,
            });
        resultado
    }
}

// ---------------------------------------------------------------------------
// El dibujo.
// ---------------------------------------------------------------------------

/// Un panel del dibujo: un título, las filas que muestra (en orden) y el
/// intervalo de tiempo.
#[derive(Debug, Clone)]
pub struct Panel {
    pub titulo: String,
    /// Cada fila: el nombre que se escribe a su izquierda y sus eventos.
    pub filas: Vec<(String, Vec<Evento>)>,
    pub desde: Duration,
    pub hasta: Duration,
}

impl Panel {
    /// Un panel con una fila por cada `fila` distinta de `eventos`, en el
    /// orden en que aparecen, y todo el tiempo anotado, de cero al último
    /// evento.
    pub fn de(titulo: impl Into<String>, eventos: &[Evento]) -> Panel {
        let mut filas: Vec<(String, Vec<Evento>)> = Vec::new();
        for evento in eventos {
            match filas.iter_mut().find(|(nombre, _)| *nombre == evento.fila) {
                Some((_, suyos)) => suyos.push(evento.clone()),
                None => filas.push((evento.fila.clone(), vec![evento.clone()])),
            }
        }
        let hasta = eventos
            .iter()
            .map(|e| e.extremos().1)
            .max()
            .unwrap_or(Duration::from_millis(1));
        Panel {
            titulo: titulo.into(),
            filas,
            desde: Duration::ZERO,
            hasta,
        }
    }

    /// El mismo panel, con otro intervalo de tiempo (para ampliar un trozo).
    pub fn entre(mut self, desde: Duration, hasta: Duration) -> Panel {
        self.desde = desde;
        self.hasta = hasta.max(desde + Duration::from_nanos(1));
        self
    }

    /// El mismo panel, con las filas que nombra `orden` primero, en ese
    /// orden, y las demás después.
    pub fn en_orden(mut self, orden: &[&str]) -> Panel {
        self.filas
            .sort_by_key(|(fila, _)| orden.iter().position(|o| o == fila).unwrap_or(orden.len()));
        self
    }

    /// El mismo panel, con otro título.
    pub fn titulado(mut self, titulo: impl Into<String>) -> Panel {
        self.titulo = titulo.into();
        self
    }

    /// El mismo panel, con las filas renombradas por `nombre` (que recibe el
    /// nombre de la fila).
    pub fn renombrar(mut self, nombre: impl Fn(&str) -> String) -> Panel {
        for (fila, _) in &mut self.filas {
            *fila = nombre(fila);
        }
        self
    }
}

/// Los colores de los hilos, en el orden en que se crearon: se distinguen entre
/// sí sobre fondo blanco. El primero es el azul de las tareas de `medir`.
const COLORES: [RGBColor; 8] = [
    medir::AZUL,
    RGBColor(230, 130, 20),
    RGBColor(40, 150, 70),
    RGBColor(150, 70, 170),
    RGBColor(200, 60, 40),
    RGBColor(20, 150, 160),
    RGBColor(140, 95, 50),
    RGBColor(215, 80, 150),
];

/// Ancho del dibujo: cabe en la columna del libro (unos 750 px).
const ANCHO: u32 = 750;
/// Alto de cada fila de un panel de `filas` filas: más bajas si son muchas.
fn alto_fila(filas: usize) -> u32 {
    match filas {
        0..=3 => 32,
        4..=12 => 22,
        _ => 14,
    }
}
/// Ancho de la columna de los nombres de las filas.
const ANCHO_NOMBRES: u32 = 150;

/// Cómo escribir las marcas del eje de tiempo de un panel: en ms, o en µs si
/// el panel dura menos de 5 ms.
fn unidad(panel: &Panel) -> (&'static str, f64) {
    if panel.hasta - panel.desde < Duration::from_millis(5) {
        ("µs", 1e6)
    } else {
        ("ms", 1e3)
    }
}

/// Un elemento de la leyenda.
enum Marca {
    Hilo(RGBColor),
    Pending,
    Ready,
    Despertar,
    Espera,
    Lanzada,
    Tramo,
}

/// Dibuja los `paneles` en `ruta`, uno debajo de otro, con `titulo` arriba,
/// la leyenda de los hilos y de las marcas debajo, y la máquina al pie.
pub fn dibujar(ruta: &Path, titulo: &str, paneles: &[Panel]) -> medir::Resultado {
    // Un color por hilo.
    let mut hilos: Vec<Hilo> = Vec::new();
    for panel in paneles {
        for (_, eventos) in &panel.filas {
            // Lo que se dibuja en negro (el lanzamiento) no lleva color.
            for evento in eventos.iter().filter(|e| !matches!(e.que, Que::Lanzada(_))) {
                if !hilos.contains(&evento.hilo) {
                    hilos.push(evento.hilo.clone());
                }
            }
        }
    }
    // En el orden en que se crearon: `main`, el primero, siempre es azul.
    hilos.sort_by_key(|h| h.numero);
    let colores: BTreeMap<Hilo, RGBColor> = hilos
        .iter()
        .enumerate()
        .map(|(i, h)| (h.clone(), COLORES[i % COLORES.len()]))
        .collect();

    let alto_panel = |p: &Panel| {
        let filas = p.filas.len().max(1);
        28 + alto_fila(filas) * filas as u32 + 34
    };
    // La leyenda: un elemento por hilo y uno por cada clase de marca que
    // aparece en el dibujo, seguidos, en tantas líneas como hagan falta.
    let todos = || {
        paneles
            .iter()
            .flat_map(|p| p.filas.iter().flat_map(|f| f.1.iter()))
    };
    let hay = |es: fn(&Que) -> bool| todos().any(|e| es(&e.que));
    let mut elementos: Vec<(Marca, String)> = hilos
        .iter()
        .map(|h| (Marca::Hilo(colores[h]), h.etiqueta()))
        .collect();
    elementos.push((Marca::Pending, "sondeo que dio Pending".into()));
    if hay(|q| matches!(q, Que::Sondeo { listo: true, .. })) {
        elementos.push((Marca::Ready, "sondeo que dio Ready".into()));
    }
    if hay(|q| matches!(q, Que::Despertar(_))) {
        elementos.push((
            Marca::Despertar,
            "alguien llama al waker (color: desde qué hilo)".into(),
        ));
    }
    elementos.push((Marca::Espera, "esperando, sin ocupar ningún hilo".into()));
    if hay(|q| matches!(q, Que::Lanzada(_))) {
        elementos.push((Marca::Lanzada, "se lanza".into()));
    }
    if hay(|q| matches!(q, Que::Tramo { .. })) {
        elementos.push((
            Marca::Tramo,
            "un tramo de trabajo (color: en qué hilo)".into(),
        ));
    }
    // Dónde va cada elemento: unos 7 px por letra, más la marca.
    let mut posiciones = Vec::new();
    let (mut x, mut linea) = (10i32, 0i32);
    for (_, texto) in &elementos {
        let ancho = 30 + 13 * texto.chars().count() as i32 / 2;
        if x + ancho > ANCHO as i32 - 10 && x > 10 {
            x = 10;
            linea += 1;
        }
        posiciones.push((x, linea));
        x += ancho + 14;
    }
    let alto_leyenda = 20 * (linea as u32 + 1) + 12;
    let alto = 36 + paneles.iter().map(alto_panel).sum::<u32>() + alto_leyenda + 28;

    let lienzo = SVGBackend::new(ruta, (ANCHO, alto)).into_drawing_area();
    lienzo.fill(&WHITE)?;
    let negro = |tamano| ("sans-serif", tamano).into_font().color(&BLACK);
    lienzo.draw(&Text::new(titulo.to_string(), (10, 10), negro(17)))?;

    let mut y = 36;
    for panel in paneles {
        let alto = alto_panel(panel);
        let zona = lienzo.clone().shrink((0, y), (ANCHO, alto));
        dibujar_panel(&zona, panel, &colores)?;
        y += alto;
    }

    let gris = ("sans-serif", 13).into_font().color(&BLACK.mix(0.8));
    let marca = BLACK.mix(0.6);
    for ((que, texto), (x, linea)) in elementos.iter().zip(posiciones) {
        let yy = (y + 8) as i32 + 20 * linea;
        match que {
            Marca::Hilo(color) => {
                lienzo.draw(&Rectangle::new(
                    [(x, yy + 1), (x + 12, yy + 13)],
                    color.filled(),
                ))?;
            }
            Marca::Pending => {
                lienzo.draw(&Rectangle::new(
                    [(x + 3, yy + 1), (x + 9, yy + 13)],
                    marca.filled(),
                ))?;
            }
            Marca::Ready => {
                lienzo.draw(&Rectangle::new(
                    [(x + 3, yy + 1), (x + 9, yy + 13)],
                    marca.filled(),
                ))?;
                lienzo.draw(&Rectangle::new(
                    [(x + 1, yy - 1), (x + 11, yy + 15)],
                    BLACK.stroke_width(2),
                ))?;
            }
            Marca::Despertar => {
                lienzo.draw(&TriangleMarker::new((x + 6, yy + 8), 5, marca.filled()))?;
            }
            Marca::Espera => {
                lienzo.draw(&PathElement::new(
                    vec![(x, yy + 7), (x + 22, yy + 7)],
                    BLACK.mix(0.35),
                ))?;
            }
            Marca::Lanzada => {
                lienzo.draw(&PathElement::new(
                    vec![(x + 6, yy), (x + 6, yy + 14)],
                    BLACK.stroke_width(2),
                ))?;
            }
            Marca::Tramo => {
                lienzo.draw(&Rectangle::new(
                    [(x, yy + 3), (x + 22, yy + 11)],
                    BLACK.mix(0.25).filled(),
                ))?;
            }
        }
        lienzo.draw(&Text::new(texto.clone(), (x + 28, yy), gris.clone()))?;
    }

    lienzo.draw(&Text::new(
        format!("Máquina: {} · modo {}", medir::maquina(), medir::perfil()),
        (10, alto as i32 - 22),
        ("sans-serif", 13).into_font().color(&BLACK.mix(0.7)),
    ))?;
    lienzo.present()?;
    Ok(())
}

/// Un panel: su título, una fila por future y el eje del tiempo.
fn dibujar_panel(
    zona: &medir::Area<'_>,
    panel: &Panel,
    colores: &BTreeMap<Hilo, RGBColor>,
) -> medir::Resultado {
    let (nombre_unidad, por_segundo) = unidad(panel);
    let x = |t: Duration| t.as_secs_f64() * por_segundo;
    let n = panel.filas.len().max(1) as f64;
    // Un poco de aire a cada lado: lo que pasa justo al principio o al final
    // no queda pegado al borde.
    let margen = (x(panel.hasta) - x(panel.desde)) * 0.015;
    let mut grafica = ChartBuilder::on(zona)
        .caption(&panel.titulo, ("sans-serif", 14))
        .margin_left(8)
        .margin_right(16)
        .x_label_area_size(30)
        .y_label_area_size(ANCHO_NOMBRES)
        .build_cartesian_2d(x(panel.desde) - margen..x(panel.hasta) + margen, 0f64..n)?;
    grafica
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(8)
        .x_label_formatter(&|v| format!("{v:.0}"))
        .x_desc(format!("tiempo ({nombre_unidad})"))
        .label_style(("sans-serif", 12))
        .axis_desc_style(("sans-serif", 12))
        .light_line_style(BLACK.mix(0.06))
        .bold_line_style(BLACK.mix(0.12))
        .draw()?;

    // Un píxel, en unidades del eje: ningún sondeo es más estrecho que dos.
    let ancho_px = f64::from(grafica.plotting_area().dim_in_pixel().0.max(1));
    let pixel = (x(panel.hasta) - x(panel.desde) + 2.0 * margen) / ancho_px;
    let (izquierda, derecha) = (x(panel.desde), x(panel.hasta));
    let recortar = |v: f64| v.clamp(izquierda, derecha);
    let dentro = |a: f64, b: f64| b >= izquierda && a <= derecha;

    for (i, (nombre, eventos)) in panel.filas.iter().enumerate() {
        // La fila 0 arriba.
        let centro = n - i as f64 - 0.5;
        // `backend_coord` da coordenadas del lienzo entero; `zona` cuenta
        // desde su propia esquina.
        let (px, py) = grafica.backend_coord(&(izquierda - margen, centro));
        let (bx, by) = zona.get_base_pixel();
        let (px, py) = (px - bx, py - by);
        zona.draw(&Text::new(
            nombre.clone(),
            (px - 6, py),
            ("sans-serif", 12)
                .into_font()
                .color(&BLACK)
                .pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;

        // La espera: del primer al último evento de la fila, sin contar los
        // tramos de trabajo, que no son de la tarea.
        let de_la_tarea = || {
            eventos
                .iter()
                .filter(|e| !matches!(e.que, Que::Tramo { .. }))
        };
        let primero = de_la_tarea()
            .map(|e| x(e.extremos().0))
            .fold(f64::MAX, f64::min);
        let ultimo = de_la_tarea()
            .map(|e| x(e.extremos().1))
            .fold(f64::MIN, f64::max);
        if primero < ultimo && dentro(primero, ultimo) {
            grafica.draw_series(std::iter::once(PathElement::new(
                vec![(recortar(primero), centro), (recortar(ultimo), centro)],
                BLACK.mix(0.35),
            )))?;
        }

        for evento in eventos {
            let color = colores.get(&evento.hilo).copied().unwrap_or(BLACK);
            match evento.que {
                Que::Tramo { desde, hasta } if dentro(x(desde), x(hasta)) => {
                    let (a, b) = (recortar(x(desde)), recortar(x(hasta).max(x(desde) + pixel)));
                    grafica.draw_series(std::iter::once(Rectangle::new(
                        [(a, centro - 0.25), (b, centro + 0.25)],
                        color.mix(0.35).filled(),
                    )))?;
                    grafica.draw_series(std::iter::once(Rectangle::new(
                        [(a, centro - 0.25), (b, centro + 0.25)],
                        color.stroke_width(1),
                    )))?;
                }
                Que::Lanzada(t) if dentro(x(t), x(t)) => {
                    grafica.draw_series(std::iter::once(PathElement::new(
                        vec![(x(t), centro - 0.42), (x(t), centro + 0.42)],
                        BLACK.stroke_width(2),
                    )))?;
                }
                _ => {}
            }
        }
        for evento in eventos {
            let color = colores.get(&evento.hilo).copied().unwrap_or(BLACK);
            match evento.que {
                Que::Sondeo {
                    desde,
                    hasta,
                    listo,
                } if dentro(x(desde), x(hasta)) => {
                    let a = recortar(x(desde));
                    let b = recortar(x(hasta).max(x(desde) + 2.0 * pixel));
                    grafica.draw_series(std::iter::once(Rectangle::new(
                        [(a, centro - 0.32), (b, centro + 0.32)],
                        color.filled(),
                    )))?;
                    if listo {
                        grafica.draw_series(std::iter::once(Rectangle::new(
                            [(a - pixel, centro - 0.4), (b + pixel, centro + 0.4)],
                            BLACK.stroke_width(2),
                        )))?;
                    }
                }
                Que::Despertar(t) if dentro(x(t), x(t)) => {
                    grafica.draw_series(std::iter::once(TriangleMarker::new(
                        (x(t), centro - 0.42),
                        4,
                        color.filled(),
                    )))?;
                }
                _ => {}
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod pruebas {
    use super::*;

    /// Un future que da `Pending` la primera vez (llamando antes a su
    /// waker) y `Ready(7)` la segunda.
    struct DosVeces(bool);

    impl Future for DosVeces {
        type Output = i32;
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<i32> {
            if self.0 {
                Poll::Ready(7)
            } else {
                self.0 = true;
                cx.waker().wake_by_ref();
                Poll::Pending
            }
        }
    }

    static CRONOLOGIA: Cronologia = Cronologia::new();

    #[test]
    fn anota_cada_sondeo_y_cada_despertar() {
        CRONOLOGIA.empezar();
        CRONOLOGIA.anotar_lanzada("f");
        let mut future = pin::pin!(CRONOLOGIA.registrar("f", DosVeces(false)));
        let mut cx = Context::from_waker(Waker::noop());
        assert_eq!(future.as_mut().poll(&mut cx), Poll::Pending);
        assert_eq!(future.as_mut().poll(&mut cx), Poll::Ready(7));

        let eventos = CRONOLOGIA.eventos();
        let que: Vec<&str> = eventos
            .iter()
            .map(|e| match e.que {
                Que::Lanzada(_) => "lanzada",
                Que::Despertar(_) => "despertar",
                Que::Sondeo { listo: false, .. } => "Pending",
                Que::Sondeo { listo: true, .. } => "Ready",
                Que::Tramo { .. } => "tramo",
            })
            .collect();
        assert_eq!(que, ["lanzada", "despertar", "Pending", "Ready"]);
        assert!(
            eventos
                .iter()
                .all(|e| e.fila == "f" && e.hilo == Hilo::actual())
        );

        let panel = Panel::de("prueba", &eventos);
        assert_eq!(panel.filas.len(), 1);
        let ruta = std::env::temp_dir().join(format!("cronologia-{}.svg", std::process::id()));
        dibujar(&ruta, "Una prueba", &[panel]).unwrap();
        let svg = std::fs::read_to_string(&ruta).unwrap();
        let _ = std::fs::remove_file(&ruta);
        assert!(svg.starts_with("<svg") && svg.contains("Máquina:"));
    }

    use std::pin;
}
