//! Lo que comparten los ejemplos de `examples/` y que no es la lección.
//!
//! Cada ejemplo enseña una idea del capítulo (`cheapo_request`,
//! `many_requests`, ...) y esa idea debe leerse sin ruido. Lo demás, que se
//! repetiría igual en todos, vive aquí:
//!
//! - [`leer_opciones`] y [`leer_argumentos`]: separar la opción
//!   `--limite-ms N` (cuánto se espera como mucho a una respuesta) de los
//!   argumentos del ejemplo, y decir en español qué está mal si algo no se
//!   entiende;
//! - [`host_puerto_ruta`] y [`resumir`]: convertir una URL en los argumentos
//!   de `cheapo_request` y resumir su respuesta (o su error) en una línea;
//! - [`Hilos`]: anotar en qué hilo corre cada petición, para que el ejemplo
//!   pueda enseñar la diferencia entre `spawn_local` y `spawn`;
//! - [`Demostracion`] y [`pedir_de_verdad`]: el armazón de los tres
//!   `many_requests` (con `spawn_local`, con `spawn` y con surf). Sin
//!   argumentos, una tanda de [`PETICIONES`] contra el servidor local, que
//!   tarda [`LATENCIA`] en cada una, cronometrada; con URL, esas URL de verdad.
//!   Cada ejemplo pone su `many_requests` y cómo resumir cada resultado; el
//!   arranque del servidor, el límite de tiempo, la revisión de las respuestas
//!   y el resumen son iguales en los tres, y están aquí.

use std::collections::BTreeMap;
use std::future::Future;
use std::io;
use std::process::ExitCode;
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

use async_std::future;

use crate::Servidor;
use crate::cronologia::{Evento, Panel, dibujar};

/// Cuánto se espera una respuesta si no se pide otra cosa con `--limite-ms`.
pub const LIMITE_POR_DEFECTO: Duration = Duration::from_secs(10);

/// Lo que entendió [`leer_opciones`] de la línea de órdenes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opciones {
    /// Cuánto se espera como mucho (`--limite-ms N`).
    pub limite: Duration,
    /// Los argumentos que no son opciones, en orden.
    pub argumentos: Vec<String>,
}

/// Lo que un ejemplo debe hacer tras leer la línea de órdenes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lectura {
    /// Seguir con estas opciones.
    Seguir(Opciones),
    /// Se pidió la ayuda (`-h`, `--help` o `--ayuda`): mostrar el uso y salir
    /// con éxito.
    Ayuda,
    /// Algo no se entendió: la explicación, para mostrarla junto al uso.
    Error(String),
}

/// Separa `--limite-ms N` (o `--limite-ms=N`) de los demás argumentos.
///
/// `argumentos` es lo que viene después del nombre del programa, por ejemplo
/// `std::env::args().skip(1)`.
pub fn leer_opciones(argumentos: impl IntoIterator<Item = String>) -> Lectura {
    let mut limite = LIMITE_POR_DEFECTO;
    let mut resto = Vec::new();
    let mut argumentos = argumentos.into_iter();
    while let Some(argumento) = argumentos.next() {
        let valor = match argumento.as_str() {
            "-h" | "--help" | "--ayuda" => return Lectura::Ayuda,
            "--limite-ms" => match argumentos.next() {
                Some(valor) => valor,
                None => return Lectura::Error("falta el número después de --limite-ms".into()),
            },
            otro => match otro.strip_prefix("--limite-ms=") {
                Some(valor) => valor.to_string(),
                None if otro.starts_with("--") => {
                    return Lectura::Error(format!("no conozco la opción {otro}"));
                }
                None => {
                    resto.push(argumento);
                    continue;
                }
            },
        };
        match valor.parse::<u64>() {
            Ok(ms) if ms > 0 => limite = Duration::from_millis(ms),
            _ => {
                return Lectura::Error(format!(
                    "--limite-ms espera un número de milisegundos mayor que cero, no «{valor}»"
                ));
            }
        }
    }
    Lectura::Seguir(Opciones {
        limite,
        argumentos: resto,
    })
}

/// Muestra el problema y el uso por la salida de errores, y devuelve el
/// código de salida 2, el habitual para «no entendí los argumentos».
pub fn uso_incorrecto(uso: &str, problema: &str) -> ExitCode {
    eprintln!("error: {problema}");
    eprintln!("{uso}");
    ExitCode::from(2)
}

/// Lee la línea de órdenes del ejemplo con [`leer_opciones`].
///
/// Si se pidió la ayuda, muestra `uso`; si algo no se entiende, lo explica
/// junto al uso ([`uso_incorrecto`]). En los dos casos devuelve `Err` con el
/// código con el que el ejemplo debe terminar.
pub fn leer_argumentos(uso: &str) -> Result<Opciones, ExitCode> {
    match leer_opciones(std::env::args().skip(1)) {
        Lectura::Seguir(opciones) => Ok(opciones),
        Lectura::Ayuda => {
            println!("{uso}");
            Err(ExitCode::SUCCESS)
        }
        Lectura::Error(problema) => Err(uso_incorrecto(uso, &problema)),
    }
}

/// Convierte una URL `http://host[:puerto]/ruta?consulta` en los tres
/// argumentos de `cheapo_request`: `(host, puerto, ruta)`.
///
/// Solo vale `http`: `cheapo_request` escribe HTTP a mano sobre TCP y no sabe
/// cifrar, así que una URL `https` se rechaza con una explicación.
pub fn host_puerto_ruta(url: &str) -> Result<(String, u16, String), String> {
    let url = surf::Url::parse(url).map_err(|e| format!("«{url}» no es una URL válida ({e})"))?;
    if url.scheme() != "http" {
        return Err(format!(
            "«{url}»: cheapo_request solo habla HTTP sin cifrar (http://...); \
             para https usa el ejemplo many_requests_surf"
        ));
    }
    let host = url
        .host_str()
        .ok_or_else(|| format!("«{url}» no tiene host"))?
        .to_string();
    let puerto = url.port_or_known_default().unwrap_or(80);
    let ruta = match url.query() {
        Some(consulta) => format!("{}?{consulta}", url.path()),
        None => url.path().to_string(),
    };
    Ok((host, puerto, ruta))
}

/// Convierte cada URL con [`host_puerto_ruta`]. La primera que no vale se
/// explica junto al uso, y devuelve `Err` con el código de salida.
pub fn peticiones_de(urls: &[String], uso: &str) -> Result<Vec<(String, u16, String)>, ExitCode> {
    urls.iter()
        .map(|url| host_puerto_ruta(url).map_err(|problema| uso_incorrecto(uso, &problema)))
        .collect()
}

/// Resume en una línea lo que devolvió `cheapo_request` al pedir `destino`:
/// `Ok("HTTP/1.1 200 OK · 154 bytes")` si llegó una respuesta 2xx entera, o
/// `Err` con la explicación en español de lo que falló.
pub fn resumir(resultado: &io::Result<String>, destino: &str) -> Result<String, String> {
    let respuesta = match resultado {
        Ok(respuesta) => respuesta,
        Err(error) => return Err(crate::respuesta::explicar_io(error, destino)),
    };
    crate::respuesta::revisar(respuesta).map_err(|error| format!("{destino}: {error}"))?;
    let linea_de_estado = respuesta.lines().next().unwrap_or_default();
    Ok(format!("{linea_de_estado} · {} bytes", respuesta.len()))
}

/// El hilo actual, con su nombre y su identificador: `main (ThreadId(1))`.
///
/// Los hilos de async-std se llaman todos `async-std/runtime`; el
/// identificador es lo que los distingue.
pub fn hilo_actual() -> String {
    let hilo = thread::current();
    format!("{} ({:?})", hilo.name().unwrap_or("sin nombre"), hilo.id())
}

/// Un registro de qué hilos han corrido qué peticiones.
///
/// Un ejemplo declara uno como `static` y llama a [`Hilos::anotar`] desde
/// dentro de la petición: así no hace falta pasarlo como argumento y la
/// función conserva la firma del libro.
#[derive(Debug, Default)]
pub struct Hilos {
    anotaciones: Mutex<Vec<(String, String)>>,
}

impl Hilos {
    /// Un registro vacío (sirve para un `static`).
    pub const fn new() -> Hilos {
        Hilos {
            anotaciones: Mutex::new(Vec::new()),
        }
    }

    /// Anota que el hilo actual está corriendo `peticion`.
    pub fn anotar(&self, peticion: &str) {
        let hilo = hilo_actual();
        // Si otro hilo entró en pánico con el candado tomado, la lista sigue
        // siendo válida: solo se le añaden elementos.
        let mut anotaciones = self.anotaciones.lock().unwrap_or_else(|e| e.into_inner());
        anotaciones.push((peticion.to_string(), hilo));
    }

    /// Cada hilo, con las peticiones que corrió (sin repetir, en el orden en
    /// que las anotó).
    pub fn por_hilo(&self) -> BTreeMap<String, Vec<String>> {
        let anotaciones = self.anotaciones.lock().unwrap_or_else(|e| e.into_inner());
        let mut por_hilo: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (peticion, hilo) in anotaciones.iter() {
            let peticiones = por_hilo.entry(hilo.clone()).or_default();
            if !peticiones.contains(peticion) {
                peticiones.push(peticion.clone());
            }
        }
        por_hilo
    }

    /// Cada petición, con los hilos que la corrieron (sin repetir).
    pub fn por_peticion(&self) -> BTreeMap<String, Vec<String>> {
        let anotaciones = self.anotaciones.lock().unwrap_or_else(|e| e.into_inner());
        let mut por_peticion: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (peticion, hilo) in anotaciones.iter() {
            let hilos = por_peticion.entry(peticion.clone()).or_default();
            if !hilos.contains(hilo) {
                hilos.push(hilo.clone());
            }
        }
        por_peticion
    }
}

// ---------------------------------------------------------------------------
// El armazón de los ejemplos `many_requests`.
// ---------------------------------------------------------------------------

/// Cuántas peticiones lanza la demostración de los ejemplos `many_requests`.
pub const PETICIONES: usize = 20;
/// Cuánto tarda el servidor local de la demostración en responder cada una.
pub const LATENCIA: Duration = Duration::from_millis(300);

/// La demostración de un ejemplo `many_requests`, sin argumentos: una tanda
/// de [`PETICIONES`] contra el servidor local, que tarda [`LATENCIA`] en
/// responder cada una y cuenta cuántas tiene en vuelo a la vez.
pub struct Demostracion {
    servidor: Servidor,
}

impl Demostracion {
    /// Arranca el servidor local y dice dónde escucha. Si no arranca, lo
    /// explica y devuelve `Err` con el código de salida.
    pub async fn arrancar() -> Result<Demostracion, ExitCode> {
        let servidor = Servidor::con_latencia(LATENCIA).await.map_err(|error| {
            eprintln!("error: no se pudo arrancar el servidor local: {error}");
            ExitCode::FAILURE
        })?;
        println!(
            "Servidor local en {}; tarda {} ms en responder cada petición.",
            servidor.direccion(),
            LATENCIA.as_millis()
        );
        Ok(Demostracion { servidor })
    }

    /// La ruta de la petición `i` de la tanda: `/peticion/i`.
    fn ruta(i: usize) -> String {
        format!("/peticion/{i}")
    }

    /// Las peticiones de la tanda, como argumentos de `cheapo_request`:
    /// `(host, puerto, ruta)`.
    pub fn peticiones(&self) -> Vec<(String, u16, String)> {
        (0..PETICIONES)
            .map(|i| (self.servidor.host(), self.servidor.puerto(), Self::ruta(i)))
            .collect()
    }

    /// Las peticiones de la tanda, como URL.
    pub fn urls(&self) -> Vec<String> {
        (0..PETICIONES)
            .map(|i| self.servidor.url(&Self::ruta(i)))
            .collect()
    }

    /// Corre la `tanda` (el future de un `many_requests` con estas
    /// peticiones) sin esperarla más de `limite`, y cronometra cuánto tarda.
    /// El future no hace nada hasta que se sondea, así que el reloj empieza
    /// aquí, no cuando se creó.
    ///
    /// Luego revisa cada resultado con `resumir` (que da `Err` con la
    /// explicación si la petición falló) y devuelve los resultados y el
    /// tiempo. Si se agota el límite o falla una petición, lo explica y
    /// devuelve `Err` con el código de salida.
    pub async fn medir<R>(
        &self,
        limite: Duration,
        tanda: impl Future<Output = Vec<R>>,
        resumir: impl Fn(&R, &str) -> Result<String, String>,
    ) -> Result<(Vec<R>, Duration), ExitCode> {
        let inicio = Instant::now();
        // El límite cubre la tanda entera: si algo se cuelga, se deja de esperar.
        let Ok(resultados) = future::timeout(limite, tanda).await else {
            eprintln!(
                "error: se agotó el tiempo de espera: las {PETICIONES} peticiones al servidor \
                 local no terminaron en {} ms",
                limite.as_millis()
            );
            return Err(ExitCode::FAILURE);
        };
        let total = inicio.elapsed();
        for (i, resultado) in resultados.iter().enumerate() {
            if let Err(explicacion) = resumir(resultado, &self.servidor.url(&Self::ruta(i))) {
                eprintln!("error: {explicacion}");
                return Err(ExitCode::FAILURE);
            }
        }
        Ok((resultados, total))
    }

    /// Lo que el capítulo comenta de la tanda: la latencia, el tiempo total,
    /// cuántas veces la latencia es, y el pico de peticiones en vuelo que vio
    /// el servidor.
    pub fn resumen(&self, total: Duration) {
        println!("Latencia de cada petición: {} ms.", LATENCIA.as_millis());
        println!(
            "Tiempo total de las {PETICIONES}: {} ms.",
            total.as_millis()
        );
        println!(
            "Total / latencia: {:.2} (una tras otra habría sido unas {PETICIONES} veces).",
            total.as_secs_f64() / LATENCIA.as_secs_f64()
        );
        println!(
            "Pico de peticiones en vuelo en el servidor: {} de {PETICIONES}.",
            self.servidor.pico_en_vuelo()
        );
    }
}

/// La cronología de una tanda de la demostración, dibujada en
/// `base.svg` (con [`medir::escribir_grafica`](crate::medir::escribir_grafica)):
/// una fila por petición, y arriba la de la tarea que las lanza y recoge sus
/// resultados (la fila `many_requests`). Dos paneles: la tanda entera y sus
/// primeros milisegundos, ampliados, donde se ve el orden de los primeros
/// sondeos. `como` dice cómo se lanzaron las tareas, para el título.
///
/// Las filas de las peticiones se llaman como su ruta (`/peticion/3`); en
/// el dibujo, «petición 3».
pub fn dibujar_tanda(base: &str, como: &str, eventos: &[Evento]) -> Result<(), ExitCode> {
    let mut panel = Panel::de("", eventos);
    // Arriba la tarea que lanza; debajo, las peticiones en orden.
    panel.filas.sort_by_key(|(fila, _)| {
        fila.strip_prefix("/peticion/")
            .and_then(|i| i.parse::<usize>().ok())
            .map_or(0, |i| i + 1)
    });
    let panel = panel.renombrar(|fila| match fila.strip_prefix("/peticion/") {
        Some(i) => format!("petición {i}"),
        None => fila.to_string(),
    });
    // El arranque: lo que pasa antes de la mitad de la latencia, cuando
    // todas las peticiones ya esperan su respuesta.
    let arranque = eventos
        .iter()
        .map(|e| e.extremos().1)
        .filter(|&t| t < LATENCIA / 2)
        .max()
        .unwrap_or(LATENCIA / 10);
    let ampliado = arranque + arranque / 10;
    let paneles = [
        panel.clone().titulado(format!(
            "La tanda entera: {PETICIONES} peticiones, y el servidor tarda {} ms en cada una",
            LATENCIA.as_millis()
        )),
        panel.entre(Duration::ZERO, ampliado).titulado(format!(
            "Los primeros {}, ampliados",
            crate::medir::duracion(ampliado)
        )),
    ];
    let titulo = format!("Cada sondeo de cada tarea, con {como}");
    crate::medir::escribir_grafica(base, |ruta| dibujar(ruta, &titulo, &paneles)).map_err(
        |problema| {
            eprintln!("error: {problema}");
            ExitCode::FAILURE
        },
    )
}

/// Con argumentos: corre la `tanda` (el future de un `many_requests` con las
/// `urls` de la línea de órdenes) sin esperarla más de `limite`, y escribe una
/// línea por URL, con lo que da `resumir`: el resumen de la respuesta o la
/// explicación de su error. Luego, el tiempo total. Devuelve `Err` con el
/// código de salida si se agotó el límite o falló alguna.
pub async fn pedir_de_verdad<R>(
    urls: &[String],
    tanda: impl Future<Output = Vec<R>>,
    limite: Duration,
    resumir: impl Fn(&R, &str) -> Result<String, String>,
) -> Result<(), ExitCode> {
    let inicio = Instant::now();
    let Ok(resultados) = future::timeout(limite, tanda).await else {
        eprintln!(
            "error: se agotó el tiempo de espera: las peticiones no terminaron en {} ms \
             (cámbialo con --limite-ms)",
            limite.as_millis()
        );
        return Err(ExitCode::FAILURE);
    };
    let mut fallos = 0;
    for (url, resultado) in urls.iter().zip(&resultados) {
        match resumir(resultado, url) {
            Ok(resumen) => println!("{url}: {resumen}"),
            Err(explicacion) => {
                fallos += 1;
                eprintln!("error: {explicacion}");
            }
        }
    }
    println!("Tiempo total: {} ms.", inicio.elapsed().as_millis());
    if fallos == 0 {
        Ok(())
    } else {
        Err(ExitCode::FAILURE)
    }
}

#[cfg(test)]
mod pruebas {
    use super::*;

    fn leer(argumentos: &[&str]) -> Lectura {
        leer_opciones(argumentos.iter().map(|a| a.to_string()))
    }

    #[test]
    fn sin_opciones_usa_el_limite_por_defecto() {
        assert_eq!(
            leer(&["a", "b"]),
            Lectura::Seguir(Opciones {
                limite: LIMITE_POR_DEFECTO,
                argumentos: vec!["a".into(), "b".into()],
            })
        );
    }

    #[test]
    fn entiende_las_dos_formas_del_limite() {
        let esperado = Lectura::Seguir(Opciones {
            limite: Duration::from_millis(250),
            argumentos: vec!["x".into()],
        });
        assert_eq!(leer(&["--limite-ms", "250", "x"]), esperado);
        assert_eq!(leer(&["x", "--limite-ms=250"]), esperado);
    }

    #[test]
    fn rechaza_lo_que_no_entiende() {
        assert!(matches!(leer(&["--limite-ms"]), Lectura::Error(_)));
        assert!(matches!(leer(&["--limite-ms", "0"]), Lectura::Error(_)));
        assert!(matches!(leer(&["--limite-ms", "mucho"]), Lectura::Error(_)));
        assert!(matches!(leer(&["--rapido"]), Lectura::Error(_)));
        assert_eq!(leer(&["x", "--ayuda"]), Lectura::Ayuda);
    }

    #[test]
    fn separa_una_url_en_host_puerto_y_ruta() {
        assert_eq!(
            host_puerto_ruta("http://127.0.0.1:8080/a/b?espera_ms=5"),
            Ok(("127.0.0.1".into(), 8080, "/a/b?espera_ms=5".into()))
        );
        assert_eq!(
            host_puerto_ruta("http://example.com"),
            Ok(("example.com".into(), 80, "/".into()))
        );
        assert!(host_puerto_ruta("https://example.com/").is_err());
        assert!(host_puerto_ruta("example.com").is_err());
    }

    #[test]
    fn resume_respuestas_y_errores() {
        let bien = Ok("HTTP/1.1 200 OK\r\ncontent-length: 4\r\n\r\nhola".to_string());
        assert_eq!(resumir(&bien, "x"), Ok("HTTP/1.1 200 OK · 42 bytes".into()));
        let mal = Ok("HTTP/1.1 500 Internal Server Error\r\n\r\n".to_string());
        assert!(resumir(&mal, "x").unwrap_err().contains("500"));
        let rechazada = Err(io::Error::from(io::ErrorKind::ConnectionRefused));
        assert!(resumir(&rechazada, "x").unwrap_err().contains("rechazada"));
    }

    #[test]
    fn agrupa_las_anotaciones() {
        let hilos = Hilos::new();
        hilos.anotar("/a");
        hilos.anotar("/b");
        hilos.anotar("/a");
        let por_hilo = hilos.por_hilo();
        assert_eq!(por_hilo.len(), 1);
        assert_eq!(por_hilo.values().next().unwrap(), &["/a", "/b"]);
        assert_eq!(hilos.por_peticion()["/a"].len(), 1);
    }
}
