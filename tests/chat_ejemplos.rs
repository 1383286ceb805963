//! Pruebas de los ejemplos del chat: `chat_server`, `chat_client` y
//! `chat_carga`, corriendo los binarios de verdad.
//!
//! - Sin argumentos, los tres terminan bien, sin red, e imprimen lo que su
//!   capítulo comenta.
//! - `chat_client` con una dirección habla con un servidor de verdad (uno
//!   arrancado por la prueba en este proceso): la prueba teclea por su entrada
//!   estándar y lee lo que imprime, paso a paso, sin pausas ni tiempos.
//! - `chat_server` con una dirección escucha, y con Ctrl-C (la señal
//!   `SIGINT`) se detiene limpiamente y sale con 0.
//! - Ante argumentos que no entienden o una dirección imposible, explican el
//!   problema en español y salen con un código distinto de cero.
//!
//! Los ejemplos se compilan una vez con `cargo build --example ...`, y cada
//! ejecución tiene un límite de tiempo: un ejemplo colgado se mata y la
//! prueba falla diciendo cuál fue (ver `tests/comun/ejemplos.rs`).

mod comun;

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use comun::ejemplos::{Ejemplos, Salida, esperar};
use taller_async::chat::cliente_simple::ClienteSimple;
use taller_async::chat::servidor::{Config, ServidorChat};
use taller_async::chat::{FromServer, LIMITE_LINEA};
use taller_async::prueba::con_limite;

static EJEMPLOS: Ejemplos = Ejemplos::nuevos(
    env!("CARGO_PKG_NAME"),
    &["chat_server", "chat_client", "chat_carga"],
    "un cliente o un servidor que espera un paquete que no llega.",
);

fn correr(ejemplo: &str, argumentos: &[&str]) -> Salida {
    EJEMPLOS.correr(ejemplo, argumentos, Duration::from_secs(60))
}

/// Un proceso con la salida estándar leída línea a línea por otro hilo.
struct Interactivo {
    /// `None` cuando ya terminó (ver [`Interactivo::esperar_fin`]).
    hijo: Option<Child>,
    lineas: mpsc::Receiver<String>,
    vistas: Vec<String>,
}

impl Interactivo {
    fn lanzar(ejemplo: &str, argumentos: &[&str], con_entrada: bool) -> Interactivo {
        let mut hijo = Command::new(EJEMPLOS.binario(ejemplo))
            .args(argumentos)
            .stdin(if con_entrada {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("no se pudo lanzar {ejemplo}: {e}"));
        let stdout = hijo.stdout.take().expect("stdout entubada");
        let (enviar, lineas) = mpsc::channel();
        thread::spawn(move || {
            for linea in BufReader::new(stdout).lines() {
                let Ok(linea) = linea else { break };
                if enviar.send(linea).is_err() {
                    break;
                }
            }
        });
        Interactivo {
            hijo: Some(hijo),
            lineas,
            vistas: Vec::new(),
        }
    }

    /// Espera (como mucho 20 s) a que el proceso imprima una línea que
    /// contenga `texto`, y la devuelve.
    fn esperar_linea(&mut self, texto: &str) -> String {
        let limite = Instant::now() + Duration::from_secs(20);
        loop {
            let queda = limite.saturating_duration_since(Instant::now());
            match self.lineas.recv_timeout(queda) {
                Ok(linea) => {
                    self.vistas.push(linea.clone());
                    if linea.contains(texto) {
                        return linea;
                    }
                }
                Err(_) => panic!(
                    "el proceso no imprimió «{texto}». Imprimió:\n{}",
                    self.vistas.join("\n")
                ),
            }
        }
    }

    fn hijo(&mut self) -> &mut Child {
        self.hijo.as_mut().expect("el proceso ya terminó")
    }

    fn teclear(&mut self, linea: &str) {
        let entrada = self.hijo().stdin.as_mut().expect("stdin entubada");
        writeln!(entrada, "{linea}").expect("no se pudo escribir en la entrada del cliente");
        entrada.flush().unwrap();
    }

    /// Cierra la entrada estándar del proceso (como Ctrl-D).
    fn cerrar_entrada(&mut self) {
        drop(self.hijo().stdin.take());
    }

    /// Espera a que el proceso termine (como mucho 20 s).
    fn esperar_fin(&mut self, que: &str) -> ExitStatus {
        let mut hijo = self.hijo.take().expect("el proceso ya terminó");
        let limite = Duration::from_secs(20);
        esperar(&mut hijo, limite, que)
            .unwrap_or_else(|| panic!("{que} no terminó en {} s y se mató", limite.as_secs()))
    }
}

impl Drop for Interactivo {
    fn drop(&mut self) {
        // Si la prueba falló a medias, que no quede el proceso vivo.
        if let Some(hijo) = self.hijo.as_mut() {
            let _ = hijo.kill();
            let _ = hijo.wait();
        }
    }
}

#[test]
fn chat_server_sin_argumentos_hace_la_demostracion() {
    let salida = correr("chat_server", &[]);
    assert!(salida.estado.success(), "{}", salida.describir());
    for esperado in [
        "error: El grupo «loros» no existe.",
        "error: paquete ilegible",
        "error: la línea pasa de 65536 bytes",
        "Se perdieron",
        "Servidor: 4 conexiones, 4 suscripciones, 3 grupos.",
        "ninguna conexión ni suscripción sigue viva",
    ] {
        assert!(
            salida.stdout.contains(esperado),
            "la demostración no imprimió «{esperado}»:\n{}",
            salida.describir()
        );
    }
}

#[test]
fn chat_client_sin_argumentos_hace_la_demostracion() {
    let salida = correr("chat_client", &[]);
    assert!(salida.estado.success(), "{}", salida.describir());
    assert!(salida.stdout.contains("Órdenes:"), "{}", salida.describir());
    assert!(
        salida.stdout.contains("> join perros"),
        "{}",
        salida.describir()
    );
    assert!(
        salida.stderr.contains("Orden desconocida: «bailar»"),
        "{}",
        salida.describir()
    );
}

#[test]
fn chat_carga_imprime_sus_cifras() {
    let salida = correr(
        "chat_carga",
        &[
            "--suscriptores",
            "5",
            "--mensajes",
            "50",
            "--latencia",
            "20",
            "--intervalo-ms",
            "1",
        ],
    );
    assert!(salida.estado.success(), "{}", salida.describir());
    for esperado in ["entregas/s", "mediana", "p99", "p99 con él / p99 sin él"] {
        assert!(
            salida.stdout.contains(esperado),
            "chat_carga no imprimió «{esperado}»:\n{}",
            salida.describir()
        );
    }
}

/// Con `--comparar`, los dos diseños, con su tabla y su razón. Con tandas
/// tan cortas (menos mensajes que la cola) nada puede perderse: la
/// búsqueda la cortan las entregas que se quedan atrás, y las cifras no
/// dicen nada; la prueba solo mira que el camino funciona y se imprime.
#[test]
fn chat_carga_compara_los_dos_disenos() {
    let salida = correr(
        "chat_carga",
        &[
            "--comparar",
            "--suscriptores",
            "3",
            "--mensajes",
            "20",
            "--latencia",
            "5",
            "--intervalo-ms",
            "1",
            "--tanda",
            "100",
            "--ritmo-inicial",
            "200",
        ],
    );
    assert!(salida.estado.success(), "{}", salida.describir());
    for esperado in [
        "Diseño del libro",
        "Diseño rápido",
        "ritmo más alto sin pérdidas (msg/s)",
        "entregas por segundo a ese ritmo",
        "rápido/libro",
        "Objetivo: el rápido sostiene al menos el doble de ritmo",
    ] {
        assert!(
            salida.stdout.contains(esperado),
            "chat_carga --comparar no imprimió «{esperado}»:\n{}",
            salida.describir()
        );
    }
}

#[test]
fn chat_client_habla_con_un_servidor_de_verdad() {
    con_limite(
        60,
        "el cliente y el servidor no se entendieron: un paquete que no llegó",
        || async {
            let config = Config {
                registrar_errores: false,
                ..Config::default()
            };
            let servidor = ServidorChat::con_config("127.0.0.1:0", config)
                .await
                .unwrap();
            let direccion = servidor.direccion().to_string();
            let mut cliente = Interactivo::lanzar("chat_client", &[&direccion], true);
            cliente.esperar_linea("Órdenes:");

            // Lo que teclea el usuario llega al servidor como un Join...
            cliente.teclear("join perros");
            servidor.esperar_hasta(|s| s.suscriptores() == 1).await;
            let mut vecino = ClienteSimple::conectar(servidor.direccion()).await.unwrap();
            vecino.join("perros").await.unwrap();
            servidor.esperar_hasta(|s| s.suscriptores() == 2).await;

            // ...lo que llega del servidor se imprime...
            vecino.post("perros", "hola desde la prueba").await.unwrap();
            cliente.esperar_linea("mensaje en perros: hola desde la prueba");

            // ...un post llega a los demás miembros...
            cliente.teclear("post perros ¿qué tal?");
            let mut recibidos = Vec::new();
            while recibidos.len() < 2 {
                match vecino.recibir_paquete().await.unwrap() {
                    FromServer::Message { message, .. } => recibidos.push(message.to_string()),
                    otro => panic!("el vecino recibió {otro:?}"),
                }
            }
            assert_eq!(recibidos, ["hola desde la prueba", "¿qué tal?"]);

            // ...y los errores del servidor se imprimen también.
            cliente.teclear("post nadie hola");
            cliente.esperar_linea("error del servidor: El grupo «nadie» no existe.");

            // Al cerrar la entrada (Ctrl-D), el cliente termina bien.
            cliente.cerrar_entrada();
            let estado = cliente.esperar_fin("chat_client");
            assert!(estado.success(), "chat_client terminó con {estado}");
            servidor.esperar_hasta(|s| s.conexiones() == 1).await;
        },
    )
}

#[test]
fn chat_client_descarta_una_linea_demasiado_larga_y_sigue_recibiendo() {
    con_limite(
        60,
        "chat_client no imprimió lo que llegó tras la línea demasiado larga",
        || async {
            use async_std::io::{ReadExt, WriteExt};
            // Un servidor falso: una línea del doble del límite, y una buena.
            let listener = async_std::net::TcpListener::bind("127.0.0.1:0")
                .await
                .unwrap();
            let direccion = listener.local_addr().unwrap().to_string();
            let mut cliente = Interactivo::lanzar("chat_client", &[&direccion], true);
            let (mut socket, _) = listener.accept().await.unwrap();
            let mut larga = vec![b'x'; 2 * LIMITE_LINEA];
            larga.push(b'\n');
            socket.write_all(&larga).await.unwrap();
            socket
                .write_all(b"{\"Message\":{\"group_name\":\"perros\",\"message\":\"hola\"}}\n")
                .await
                .unwrap();
            socket.flush().await.unwrap();

            let aviso = cliente.esperar_linea("aviso:");
            assert!(
                aviso.contains(&LIMITE_LINEA.to_string()),
                "el aviso debería decir el límite: {aviso}"
            );
            cliente.esperar_linea("mensaje en perros: hola");
            // Al cerrar la entrada (Ctrl-D), el cliente termina bien.
            cliente.cerrar_entrada();
            let estado = cliente.esperar_fin("chat_client");
            assert!(estado.success(), "chat_client terminó con {estado}");
            let mut resto = Vec::new();
            let _ = socket.read_to_end(&mut resto).await;
        },
    )
}

#[cfg(unix)]
#[test]
fn chat_server_se_detiene_limpiamente_con_ctrl_c() {
    con_limite(60, "chat_server no se detuvo con Ctrl-C", || async {
        let mut servidor = Interactivo::lanzar("chat_server", &["127.0.0.1:0"], false);
        let linea = servidor.esperar_linea("escuchando en ");
        let direccion = linea
            .split("escuchando en ")
            .nth(1)
            .and_then(|resto| resto.split(". ").next())
            .unwrap_or_else(|| panic!("no entiendo la dirección en «{linea}»"))
            .to_string();

        let mut cliente = ClienteSimple::conectar(direccion.as_str()).await.unwrap();
        cliente.join("perros").await.unwrap();
        cliente.post("perros", "¿hay alguien?").await.unwrap();
        assert!(matches!(
            cliente.recibir_paquete().await,
            Ok(FromServer::Message { .. })
        ));

        // Ctrl-C es la señal SIGINT.
        let pid = servidor.hijo().id().to_string();
        let kill = Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .expect("no se pudo ejecutar `kill` (del paquete procps) para mandar SIGINT");
        assert!(kill.success(), "`kill -INT {pid}` falló");
        servidor.esperar_linea("Servidor detenido");
        let estado = servidor.esperar_fin("chat_server");
        assert!(estado.success(), "chat_server terminó con {estado}");
        // El servidor cerró la conexión del cliente al detenerse.
        assert!(!matches!(cliente.recibir().await, Some(Ok(_))));
    })
}

#[test]
fn los_errores_de_uso_se_explican_en_espanol() {
    let salida = correr("chat_client", &["a", "b"]);
    assert_eq!(salida.estado.code(), Some(2), "{}", salida.describir());
    assert!(salida.stderr.contains("Uso:"), "{}", salida.describir());

    let salida = correr("chat_server", &["a", "b"]);
    assert_eq!(salida.estado.code(), Some(2), "{}", salida.describir());
    assert!(salida.stderr.contains("Uso:"), "{}", salida.describir());

    let salida = correr("chat_server", &["esto-no-es-una-direccion"]);
    assert_eq!(salida.estado.code(), Some(1), "{}", salida.describir());
    assert!(
        salida
            .stderr
            .contains("no se pudo escuchar en esto-no-es-una-direccion"),
        "{}",
        salida.describir()
    );

    // Un puerto en el que no escucha nadie: se pide uno libre y se suelta.
    let libre = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let direccion = libre.local_addr().unwrap().to_string();
    drop(libre);
    let salida = correr("chat_client", &[&direccion]);
    assert_eq!(salida.estado.code(), Some(1), "{}", salida.describir());
    assert!(
        salida.stderr.contains("no se pudo conectar con"),
        "{}",
        salida.describir()
    );

    let salida = correr("chat_carga", &["--suscriptores", "muchos"]);
    assert_eq!(salida.estado.code(), Some(2), "{}", salida.describir());
    assert!(
        salida.stderr.contains("no es un número"),
        "{}",
        salida.describir()
    );
}
