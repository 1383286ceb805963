//! Un servidor HTTP/1.1 local, para que los ejemplos y las pruebas no
//! necesiten internet.
//!
//! Todos los capítulos hablan con algún servidor: `cheapo_request` le pide una
//! página, `many_requests` le pide muchas a la vez. Si ese servidor estuviera
//! en internet, los ejemplos fallarían sin red y sus tiempos dependerían del
//! día. Así que cada ejemplo arranca este servidor en su propio proceso, en
//! `127.0.0.1` y en un puerto libre que elige el sistema (el puerto 0), y le
//! pregunta la dirección.
//!
//! El servidor sabe hacer, a voluntad, varias cosas que un servidor de
//! verdad hace sin querer:
//!
//! - **tardar**: una latencia fija para todo el servidor
//!   ([`Config::latencia`]) o elegida por petición con `?espera_ms=300`;
//! - **fallar**: la ruta `/error500` responde con un estado 500 y la ruta
//!   `/cortar` promete un cuerpo largo y cierra la conexión a la mitad;
//! - **entregar a trozos**: con `?trozos=N&pausa_ms=M`, el cuerpo de una
//!   respuesta 200 sale en `N` trozos (menos si es muy corto), con `M` ms de
//!   pausa entre uno y el siguiente; `Content-Length` dice el total desde el
//!   principio. Así llegan las respuestas por una red de verdad, y un cliente
//!   que lee una sola vez con `read` se queda con el primer trozo: las
//!   pruebas de `cheapo_request` lo usan. Sin `trozos`, el cuerpo sale de
//!   una vez;
//! - **fallar unas veces y luego no**: la ruta
//!   `/falla_veces?clave=NOMBRE&veces=K` responde 500 a las K primeras
//!   peticiones con esa clave y 200, con un cuerpo, a las siguientes. Cada
//!   clave lleva su propia cuenta, así que dos pruebas con claves distintas no
//!   se pisan; [`Servidor::peticiones_con_clave`] dice cuántas vio cada una.
//!   Es el servidor que necesita quien aprende a reintentar;
//! - **esperar a que empiecen otras**: la ruta
//!   `/hasta_empezadas?total=K&max_ms=M` sigue en vuelo hasta que el
//!   servidor ha visto empezar K peticiones desde que arrancó (ella incluida),
//!   o hasta que pasan M ms, y su cuerpo dice cuál de las dos cosas pasó. Así
//!   una prueba ve, contando, si un cliente empieza peticiones nuevas
//!   mientras una sigue en vuelo (`many_requests_acotado`); el límite de
//!   tiempo solo evita que un cliente que no lo hace cuelgue la prueba;
//! - **contar**: cuántas peticiones está atendiendo ahora mismo
//!   ([`Servidor::en_vuelo`]) y cuál fue el máximo ([`Servidor::pico_en_vuelo`]).
//!   Con ese pico las pruebas demuestran que unas peticiones corrieron a la
//!   vez, sin medir tiempos.
//!
//! La parte HTTP la hace `async-h1`, el mismo crate que usa `surf` como
//! cliente: el cliente escrito a mano de `cheapo_request` es la lección, el
//! servidor no.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_std::net::{SocketAddr, TcpListener, TcpStream};
use async_std::task;
use futures::StreamExt;
use futures::channel::oneshot;
use futures::future::{self, Either};
use http_types::{Body, Request, Response, StatusCode};

/// Cómo se comporta el servidor con todas las peticiones.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Cuánto espera antes de responder cada petición. Una petición puede
    /// pedir otra espera con `?espera_ms=N`.
    pub latencia: Duration,
}

/// Un servidor en marcha. Se detiene (deja de aceptar conexiones) cuando se
/// suelta este valor.
#[derive(Debug)]
pub struct Servidor {
    direccion: SocketAddr,
    contadores: Arc<Contadores>,
    // Cuando `Servidor` se suelta, este extremo se cierra y la tarea que
    // acepta conexiones termina.
    _detener: oneshot::Sender<()>,
}

#[derive(Debug, Default)]
struct Contadores {
    en_vuelo: AtomicUsize,
    pico: AtomicUsize,
    atendidas: AtomicUsize,
    /// Cuántas peticiones han empezado desde que arrancó el servidor: las
    /// atendidas más las que están en vuelo. La usa `/hasta_empezadas`.
    empezadas: AtomicUsize,
    /// Cuántas peticiones a `/falla_veces` llegaron con cada `clave`. Un
    /// `Mutex` de la biblioteca estándar basta: se toma, se suma y se suelta
    /// sin ningún `.await` en medio.
    por_clave: Mutex<HashMap<String, usize>>,
}

/// Cuenta una petición en vuelo mientras vive; al soltarse la descuenta.
///
/// Un guardián (en vez de restar a mano al final) también descuenta la
/// petición cuando el cliente se va a mitad y la tarea se cancela.
struct EnVuelo(Arc<Contadores>);

impl EnVuelo {
    fn empezar(contadores: &Arc<Contadores>) -> EnVuelo {
        contadores.empezadas.fetch_add(1, Ordering::SeqCst);
        let ahora = contadores.en_vuelo.fetch_add(1, Ordering::SeqCst) + 1;
        contadores.pico.fetch_max(ahora, Ordering::SeqCst);
        EnVuelo(Arc::clone(contadores))
    }
}

impl Drop for EnVuelo {
    fn drop(&mut self) {
        self.0.en_vuelo.fetch_sub(1, Ordering::SeqCst);
        self.0.atendidas.fetch_add(1, Ordering::SeqCst);
    }
}

impl Servidor {
    /// Arranca un servidor sin latencia.
    pub async fn iniciar() -> std::io::Result<Servidor> {
        Servidor::con_config(Config::default()).await
    }

    /// Arranca un servidor que tarda `latencia` en responder cada petición.
    pub async fn con_latencia(latencia: Duration) -> std::io::Result<Servidor> {
        Servidor::con_config(Config { latencia }).await
    }

    /// Arranca un servidor con la configuración dada, en `127.0.0.1` y en un
    /// puerto libre.
    pub async fn con_config(config: Config) -> std::io::Result<Servidor> {
        let listener = escuchar()?;
        let direccion = listener.local_addr()?;
        let contadores = Arc::new(Contadores::default());
        let (detener, detenido) = oneshot::channel();

        // La tarea que acepta va al pool de hilos de async-std con
        // `task::spawn`: así el servidor atiende aunque el hilo que lo creó
        // esté bloqueado, por ejemplo en un `std::net::TcpStream` síncrono.
        task::spawn(aceptar(listener, config, Arc::clone(&contadores), detenido));

        Ok(Servidor {
            direccion,
            contadores,
            _detener: detener,
        })
    }

    /// La dirección en la que escucha, por ejemplo `127.0.0.1:41234`.
    pub fn direccion(&self) -> SocketAddr {
        self.direccion
    }

    /// El host, siempre `"127.0.0.1"`, para las funciones que piden
    /// `(host, port, path)` como `cheapo_request`.
    pub fn host(&self) -> String {
        self.direccion.ip().to_string()
    }

    /// El puerto que eligió el sistema.
    pub fn puerto(&self) -> u16 {
        self.direccion.port()
    }

    /// Una URL completa para `ruta`, por ejemplo `http://127.0.0.1:41234/hola`.
    pub fn url(&self, ruta: &str) -> String {
        format!("http://{}{}", self.direccion, ruta)
    }

    /// Cuántas peticiones se están atendiendo ahora mismo.
    pub fn en_vuelo(&self) -> usize {
        self.contadores.en_vuelo.load(Ordering::SeqCst)
    }

    /// El mayor número de peticiones atendidas a la vez desde que arrancó
    /// (o desde el último [`Servidor::reiniciar_pico`]).
    pub fn pico_en_vuelo(&self) -> usize {
        self.contadores.pico.load(Ordering::SeqCst)
    }

    /// Cuántas peticiones ha terminado de atender, bien o mal.
    pub fn atendidas(&self) -> usize {
        self.contadores.atendidas.load(Ordering::SeqCst)
    }

    /// Pone el pico a las peticiones que hay en vuelo ahora, para medir otra
    /// ronda con el mismo servidor.
    pub fn reiniciar_pico(&self) {
        let ahora = self.en_vuelo();
        self.contadores.pico.store(ahora, Ordering::SeqCst);
    }

    /// Cuántas peticiones a `/falla_veces` llegaron con `clave`, hayan
    /// recibido un 500 o un 200; 0 si ninguna. Se cuentan antes de
    /// responder: cuando el cliente tiene la respuesta, la cuenta ya la
    /// incluye.
    pub fn peticiones_con_clave(&self, clave: &str) -> usize {
        let por_clave = self
            .contadores
            .por_clave
            .lock()
            .unwrap_or_else(|envenenado| envenenado.into_inner());
        por_clave.get(clave).copied().unwrap_or(0)
    }
}

/// Cuántas conexiones pueden esperar en la cola del sistema operativo a que
/// la tarea que acepta las recoja.
const COLA_DE_CONEXIONES: i32 = 1024;

/// El socket que escucha, en `127.0.0.1` y en un puerto libre, con una cola
/// de [`COLA_DE_CONEXIONES`].
///
/// `TcpListener::bind` deja esa cola en 128. Si llegan más conexiones a la
/// vez de las que caben (`many_requests_escalado` abre mil), el sistema
/// descarta las que sobran y cada cliente descartado reintenta al cabo de un
/// segundo: ese segundo de espera se mezclaría con lo que se quiere medir.
fn escuchar() -> std::io::Result<TcpListener> {
    use socket2::{Domain, Socket, Type};
    let socket = Socket::new(Domain::IPV4, Type::STREAM, None)?;
    socket.bind(&SocketAddr::from(([127, 0, 0, 1], 0)).into())?;
    socket.listen(COLA_DE_CONEXIONES)?;
    // `From` pone el socket en modo no bloqueante y lo registra en el
    // reactor de async-std.
    Ok(TcpListener::from(std::net::TcpListener::from(socket)))
}

async fn aceptar(
    listener: TcpListener,
    config: Config,
    contadores: Arc<Contadores>,
    mut detenido: oneshot::Receiver<()>,
) {
    let mut entrantes = listener.incoming();
    loop {
        let siguiente = entrantes.next();
        futures::pin_mut!(siguiente);
        let conexion = match future::select(siguiente, &mut detenido).await {
            Either::Left((Some(Ok(conexion)), _)) => conexion,
            // Un error al aceptar (por ejemplo, demasiados descriptores
            // abiertos) afecta a esa conexión, no al servidor.
            // Se espera un poco para no girar en vacío si el error se repite.
            Either::Left((Some(Err(_)), _)) => {
                task::sleep(Duration::from_millis(10)).await;
                continue;
            }
            Either::Left((None, _)) | Either::Right(_) => break,
        };
        let config = config.clone();
        let contadores = Arc::clone(&contadores);
        task::spawn(atender(conexion, config, contadores));
    }
}

async fn atender(conexion: TcpStream, config: Config, contadores: Arc<Contadores>) {
    let respuesta = |peticion: Request| {
        let config = config.clone();
        let contadores = Arc::clone(&contadores);
        async move { Ok(responder(peticion, &config, &contadores).await) }
    };
    // Si el cliente cierra a mitad o la ruta `/cortar` corta la respuesta,
    // `accept` devuelve un error: no hay nada más que hacer con esa conexión.
    let _ = async_h1::accept(conexion, respuesta).await;
}

/// El valor numérico del parámetro `nombre` de la consulta (`?nombre=N`), si
/// está y es un número.
fn parametro_numerico(peticion: &Request, nombre: &str) -> Option<u64> {
    peticion
        .url()
        .query_pairs()
        .find(|(clave, _)| clave == nombre)
        .and_then(|(_, valor)| valor.parse::<u64>().ok())
}

async fn responder(peticion: Request, config: &Config, contadores: &Arc<Contadores>) -> Response {
    let en_vuelo = EnVuelo::empezar(contadores);

    let espera = parametro_numerico(&peticion, "espera_ms")
        .map(Duration::from_millis)
        .unwrap_or(config.latencia);
    if !espera.is_zero() {
        task::sleep(espera).await;
    }

    let ruta = peticion.url().path().to_string();
    match ruta.as_str() {
        "/falla_veces" => falla_veces(&peticion, contadores),
        "/hasta_empezadas" => hasta_empezadas(&peticion, contadores).await,
        "/error500" => {
            let mut respuesta = Response::new(StatusCode::InternalServerError);
            respuesta.set_body("Error 500 provocado a propósito por el servidor local.\n");
            respuesta
        }
        "/cortar" => {
            // Promete 1000 bytes y entrega 20: el lector falla a mitad, async-h1
            // deja de escribir y la conexión se cierra.
            let mut respuesta = Response::new(StatusCode::Ok);
            let lector =
                futures::io::AsyncReadExt::chain(&b"Esta respuesta se c"[..], LectorQueFalla);
            respuesta.set_body(Body::from_reader(
                async_std::io::BufReader::new(lector),
                Some(1000),
            ));
            respuesta
        }
        _ => {
            let cuerpo = format!(
                "Hola desde el servidor local: GET {} respondido tras {} ms.\n",
                ruta,
                espera.as_millis()
            );
            let mut respuesta = Response::new(StatusCode::Ok);
            match parametro_numerico(&peticion, "trozos") {
                Some(trozos) if trozos > 1 => {
                    let pausa = Duration::from_millis(
                        parametro_numerico(&peticion, "pausa_ms").unwrap_or(0),
                    );
                    respuesta.set_body(a_trozos(cuerpo, trozos as usize, pausa, en_vuelo));
                }
                _ => respuesta.set_body(cuerpo),
            }
            respuesta
        }
    }
}

/// Un cuerpo que sale en `trozos` partes de igual tamaño (menos partes si
/// el cuerpo es tan corto que no da para tantas), con `pausa` entre una y
/// la siguiente.
///
/// Una tarea aparte manda los trozos por un canal, y el cuerpo lee del canal:
/// async-h1 escribe cada trozo en cuanto lo recibe, así que llegan al cliente
/// separados por la pausa. La tarea se lleva el contador `en_vuelo`: la
/// petición cuenta como atendida cuando sale el último trozo, no cuando
/// salen las cabeceras. Si el cliente se va antes, el canal se cierra y la
/// tarea termina sin mandar el resto.
fn a_trozos(cuerpo: String, trozos: usize, pausa: Duration, en_vuelo: EnVuelo) -> Body {
    let bytes = cuerpo.into_bytes();
    let largo = bytes.len();
    let por_trozo = largo.div_ceil(trozos.clamp(1, largo.max(1))).max(1);
    let partes: Vec<Vec<u8>> = bytes.chunks(por_trozo).map(<[u8]>::to_vec).collect();
    let (enviar, recibir) = async_std::channel::unbounded::<std::io::Result<Vec<u8>>>();
    task::spawn(async move {
        for (i, parte) in partes.into_iter().enumerate() {
            if i > 0 {
                task::sleep(pausa).await;
            }
            if enviar.send(Ok(parte)).await.is_err() {
                break;
            }
        }
        // Primero se descuenta la petición y después se cierra el canal, que
        // es el final del cuerpo: cuando el cliente ve el final, la cuenta de
        // atendidas ya la incluye.
        drop(en_vuelo);
        drop(enviar);
    });
    let mut cuerpo =
        Body::from_reader(futures::TryStreamExt::into_async_read(recibir), Some(largo));
    // El mismo tipo que el cuerpo de una vez, que es texto.
    cuerpo.set_mime(http_types::mime::PLAIN);
    cuerpo
}

/// La ruta `/falla_veces?clave=NOMBRE&veces=K`: cuenta la petición en la
/// cuenta de `NOMBRE` y responde 500 si es una de las `K` primeras, o 200 si
/// no. Sin `clave` o sin un `veces` numérico, 400.
fn falla_veces(peticion: &Request, contadores: &Contadores) -> Response {
    let parametro = |nombre: &str| {
        peticion
            .url()
            .query_pairs()
            .find(|(k, _)| k == nombre)
            .map(|(_, valor)| valor.into_owned())
    };
    let veces = parametro("veces").and_then(|valor| valor.parse::<usize>().ok());
    let (Some(clave), Some(veces)) = (parametro("clave"), veces) else {
        let mut respuesta = Response::new(StatusCode::BadRequest);
        respuesta.set_body(
            "La ruta /falla_veces necesita una clave y un número de fallos: \
             /falla_veces?clave=NOMBRE&veces=K.\n",
        );
        return respuesta;
    };
    let n = {
        let mut por_clave = contadores
            .por_clave
            .lock()
            .unwrap_or_else(|envenenado| envenenado.into_inner());
        let cuenta = por_clave.entry(clave.clone()).or_insert(0);
        *cuenta += 1;
        *cuenta
    };
    if n <= veces {
        let mut respuesta = Response::new(StatusCode::InternalServerError);
        respuesta.set_body(format!(
            "Fallo {n} de {veces} de la clave «{clave}», provocado a propósito por el \
             servidor local.\n"
        ));
        respuesta
    } else {
        let mut respuesta = Response::new(StatusCode::Ok);
        respuesta.set_body(format!(
            "Bien a la petición {n} de la clave «{clave}», después de {veces} fallos.\n"
        ));
        respuesta
    }
}

/// La ruta `/hasta_empezadas?total=K&max_ms=M`: no responde hasta que el
/// servidor ha visto empezar `K` peticiones desde que arrancó (esta
/// incluida) o hasta que pasan `M` ms (2000 si no se dice). Responde 200 en
/// los dos casos, y el cuerpo dice cuál fue: «liberada» si llegó a `K`,
/// «límite de tiempo» si no. Sin un `total` numérico, 400.
///
/// Mira la cuenta cada milisegundo: es un servidor de pruebas, y así no
/// hace falta avisar a nadie cuando empieza una petición.
async fn hasta_empezadas(peticion: &Request, contadores: &Contadores) -> Response {
    let Some(total) = parametro_numerico(peticion, "total") else {
        let mut respuesta = Response::new(StatusCode::BadRequest);
        respuesta.set_body(
            "La ruta /hasta_empezadas necesita un total: /hasta_empezadas?total=K&max_ms=M.\n",
        );
        return respuesta;
    };
    let maximo = Duration::from_millis(parametro_numerico(peticion, "max_ms").unwrap_or(2000));
    let inicio = std::time::Instant::now();
    let empezadas = || contadores.empezadas.load(Ordering::SeqCst) as u64;
    while empezadas() < total && inicio.elapsed() < maximo {
        task::sleep(Duration::from_millis(1)).await;
    }
    let vistas = empezadas();
    let mut respuesta = Response::new(StatusCode::Ok);
    respuesta.set_body(if vistas >= total {
        format!("Liberada: el servidor vio empezar {vistas} de {total} peticiones.\n")
    } else {
        format!(
            "Límite de tiempo de {} ms: el servidor solo vio empezar {vistas} de {total} \
             peticiones.\n",
            maximo.as_millis()
        )
    });
    respuesta
}

/// Un lector que siempre falla: la mitad rota de la respuesta de `/cortar`.
struct LectorQueFalla;

impl futures::io::AsyncRead for LectorQueFalla {
    fn poll_read(
        self: std::pin::Pin<&mut Self>,
        _cx: &mut std::task::Context<'_>,
        _buf: &mut [u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        std::task::Poll::Ready(Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionAborted,
            "corte a propósito",
        )))
    }
}

#[cfg(test)]
mod pruebas {
    use super::*;
    use crate::prueba::con_limite;

    /// Pide `url` con surf y devuelve el estado y el cuerpo.
    async fn pedir(url: &str) -> (u16, String) {
        let mut respuesta = surf::get(url)
            .await
            .expect("surf no pudo hablar con el servidor local");
        let cuerpo = respuesta
            .body_string()
            .await
            .expect("surf no pudo leer el cuerpo");
        (respuesta.status().into(), cuerpo)
    }

    #[test]
    fn falla_veces_responde_500_k_veces_y_luego_200_con_cada_clave_por_separado() {
        con_limite(
            10,
            "el servidor local no respondió a /falla_veces",
            || async {
                let servidor = Servidor::iniciar().await.unwrap();
                let a = servidor.url("/falla_veces?clave=a&veces=2");
                let b = servidor.url("/falla_veces?veces=1&clave=b");
                assert_eq!(servidor.peticiones_con_clave("a"), 0);

                assert_eq!(pedir(&a).await.0, 500);
                // La cuenta de `b` no depende de la de `a`.
                assert_eq!(pedir(&b).await.0, 500);
                assert_eq!(pedir(&a).await.0, 500);
                let (estado, cuerpo) = pedir(&a).await;
                assert_eq!(estado, 200, "{cuerpo}");
                assert!(cuerpo.contains("petición 3"), "{cuerpo}");
                assert_eq!(pedir(&a).await.0, 200);
                assert_eq!(pedir(&b).await.0, 200);

                assert_eq!(servidor.peticiones_con_clave("a"), 4);
                assert_eq!(servidor.peticiones_con_clave("b"), 2);
                assert_eq!(servidor.peticiones_con_clave("c"), 0);

                // Con `veces=0` no falla nunca.
                assert_eq!(
                    pedir(&servidor.url("/falla_veces?clave=c&veces=0")).await.0,
                    200
                );
                assert_eq!(servidor.peticiones_con_clave("c"), 1);
            },
        )
    }

    #[test]
    fn a_trozos_el_cuerpo_llega_entero_pero_no_de_una_vez() {
        use async_std::io::prelude::*;
        con_limite(10, "el servidor local no respondió a trozos", || async {
            let servidor = Servidor::iniciar().await.unwrap();
            let pausa = Duration::from_millis(100);
            let inicio = std::time::Instant::now();
            let mut socket = TcpStream::connect(servidor.direccion()).await.unwrap();
            socket
                .write_all(
                    b"GET /lento?trozos=3&pausa_ms=100 HTTP/1.1\r\nHost: local\r\n\
                      Connection: close\r\n\r\n",
                )
                .await
                .unwrap();
            // La primera lectura devuelve lo que haya llegado: el primer
            // trozo (quizá con las cabeceras), no el cuerpo entero.
            let mut bufer = vec![0u8; 64 * 1024];
            let n = socket.read(&mut bufer).await.unwrap();
            let primera = String::from_utf8_lossy(&bufer[..n]).into_owned();
            let mut resto = String::new();
            socket.read_to_string(&mut resto).await.unwrap();
            let entera = primera.clone() + &resto;

            let esperado = "Hola desde el servidor local: GET /lento respondido tras 0 ms.\n";
            assert_eq!(crate::respuesta::revisar(&entera), Ok(esperado), "{entera}");
            assert!(
                !crate::respuesta::cuerpo(&primera).contains(esperado),
                "la primera lectura ya traía el cuerpo entero: {primera:?}"
            );
            // Dos pausas entre tres trozos: una cota inferior, nunca superior.
            assert!(inicio.elapsed() >= 2 * pausa, "{:?}", inicio.elapsed());
            assert_eq!(servidor.atendidas(), 1);

            // Y surf, un cliente de verdad, lo lee entero.
            let (estado, cuerpo) = pedir(&servidor.url("/lento?trozos=5&pausa_ms=1")).await;
            assert_eq!((estado, cuerpo.as_str()), (200, esperado));
        })
    }

    #[test]
    fn hasta_empezadas_espera_a_que_empiecen_otras_o_al_limite_de_tiempo() {
        con_limite(
            10,
            "el servidor local no respondió a /hasta_empezadas",
            || async {
                let servidor = Servidor::iniciar().await.unwrap();
                // Nadie más pide nada: la suelta el límite de tiempo.
                let (estado, cuerpo) =
                    pedir(&servidor.url("/hasta_empezadas?total=2&max_ms=50")).await;
                assert_eq!(estado, 200, "{cuerpo}");
                assert!(
                    cuerpo.contains("solo vio empezar 1 de 2 peticiones"),
                    "{cuerpo}"
                );

                // Ya empezó una (la de arriba): con esta y dos más se llega a 4.
                let url = servidor.url("/hasta_empezadas?total=4&max_ms=5000");
                let lenta = task::spawn(async move { pedir(&url).await });
                while servidor.en_vuelo() == 0 {
                    task::sleep(Duration::from_millis(1)).await;
                }
                assert_eq!(pedir(&servidor.url("/a")).await.0, 200);
                assert_eq!(
                    servidor.en_vuelo(),
                    1,
                    "la lenta sigue en vuelo tras la tercera"
                );
                assert_eq!(pedir(&servidor.url("/b")).await.0, 200);
                let (estado, cuerpo) = lenta.await;
                assert_eq!(estado, 200, "{cuerpo}");
                assert!(
                    cuerpo.contains("Liberada: el servidor vio empezar 4 de 4"),
                    "{cuerpo}"
                );

                assert_eq!(pedir(&servidor.url("/hasta_empezadas")).await.0, 400);
            },
        )
    }

    #[test]
    fn falla_veces_sin_clave_o_sin_veces_responde_400_y_no_cuenta() {
        con_limite(
            10,
            "el servidor local no respondió a /falla_veces",
            || async {
                let servidor = Servidor::iniciar().await.unwrap();
                assert_eq!(pedir(&servidor.url("/falla_veces?veces=2")).await.0, 400);
                let (estado, cuerpo) = pedir(&servidor.url("/falla_veces?clave=x&veces=dos")).await;
                assert_eq!(estado, 400, "{cuerpo}");
                assert!(cuerpo.contains("clave=NOMBRE&veces=K"), "{cuerpo}");
                assert_eq!(servidor.peticiones_con_clave("x"), 0);
            },
        )
    }
}
