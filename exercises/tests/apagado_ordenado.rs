// Pruebas del ejercicio `apagado_ordenado`: apagar un servidor en orden.
//
// Archivo que editas: exercises/src/apagado_ordenado.rs
// Capítulo: book/src/apagado-ordenado.md · Pista: cargo run -- pista apagado_ordenado

// Tu archivo entra en estas pruebas como el módulo `apagado_ordenado`, y
// ningún otro ejercicio entra con él. Las mismas pruebas corren contra la
// solución: solutions/tests/apagado_ordenado.rs incluye este archivo (por eso
// no tiene comentarios `//!`) y declara el módulo con
// solutions/src/apagado_ordenado.rs; allí está activo `cfg(solucion)`, que
// apaga esta declaración.
#[cfg(not(solucion))]
#[path = "../src/apagado_ordenado.rs"]
#[allow(unused_variables)] // el esbozo aún no usa sus parámetros
pub mod apagado_ordenado;

// Corren con sockets de verdad en 127.0.0.1 y el reloj de verdad (nada de
// reloj en pausa con sockets). Ninguna mide cuánto tarda algo: cuentan
// paquetes recibidos, tareas vivas y escritoras abortadas. El único tiempo
// que se mira es una cota inferior: que el apagado no vuelva antes del plazo
// cuando un cliente no lee.
//
// Para que haya mensajes aceptados y sin entregar en el momento de apagar,
// en cada corrida, un cliente «en pausa» se une al grupo y no lee: el
// servidor le escribe hasta llenar los búferes del sistema operativo, y
// entonces su escritora se queda esperando en un `write_all` y los mensajes
// siguientes esperan en su cola. Las pruebas publican hasta que el servidor
// dice que una cola retiene al menos `RETENIDOS` paquetes. El único otro
// cliente, el que publica, espera su propia copia de cada mensaje antes de
// publicar el siguiente: cuando la tiene, su cola está vacía. Así que la cola
// que retiene es la del que no lee.

use std::time::Duration;

use apagado_ordenado::{AVISO, Informe, Servidor, apagar};
use taller_async::apagado::Cliente;
use taller_async::chat::FromServer;
use taller_async::prueba::con_limite_tokio;
use tokio::net::TcpStream;
use tokio::time::{self, Instant};

const SI_SE_CUELGA: &str = "el apagado, o un cliente que esperaba su aviso, no terminó. ¿Espera \
    `apagar` sin plazo a una escritora que no puede terminar? ¿Suelta las colas después de \
    avisar (si no, ninguna escritora termina)?";

/// El límite de la prueba para `apagar`, mucho más largo que cualquier plazo
/// que se le da: si se pasa de él, `apagar` espera sin plazo.
const LIMITE_APAGAR: Duration = Duration::from_secs(20);

const GRUPO: &str = "sala";

/// Paquetes retenidos en la cola del cliente que no lee con los que se deja
/// de publicar.
const RETENIDOS: usize = 16;

/// Un mensaje de la prueba: `#<i>` y relleno, para llenar antes los búferes.
fn mensaje(i: usize) -> String {
    format!("#{i} {}", "x".repeat(4000))
}

/// Los textos de los mensajes de grupo que empiezan por `#`, en el orden en
/// que llegaron.
fn mensajes_numerados(recibido: &[FromServer]) -> Vec<String> {
    recibido
        .iter()
        .filter_map(|p| match p {
            FromServer::Message { message, .. } if message.starts_with('#') => {
                Some(message.to_string())
            }
            _ => None,
        })
        .collect()
}

fn es_el_aviso(paquete: &FromServer) -> bool {
    matches!(paquete, FromServer::Error(texto) if texto == AVISO)
}

/// Corre `apagar` con el límite de la prueba; si no vuelve, falla con un
/// mensaje que dice qué pasó. Devuelve el informe y cuántas tareas del
/// servidor seguían vivas al volver.
async fn apagar_con_limite(servidor: &Servidor, plazo: Duration) -> (Informe, usize) {
    match time::timeout(LIMITE_APAGAR, apagar(servidor, plazo)).await {
        Ok(informe) => (informe, servidor.tareas_vivas()),
        Err(_) => panic!(
            "El apagado no terminó en {} s, con un plazo de {} ms. ¿Esperas sin plazo a un \
             cliente que no lee? Su escritora está atascada en un `write_all` que no \
             termina nunca: espera a las escritoras con `tokio::time::timeout_at(limite, \
             ...)` y, si vence, aborta las que queden.",
            LIMITE_APAGAR.as_secs(),
            plazo.as_millis()
        ),
    }
}

/// Conecta un cliente, lo une al grupo y publica «<nombre> listo». Vuelve
/// cuando le llega su propia copia: la misma lectora atiende el `Join` y el
/// `Post` en orden, así que entonces ya es miembro del grupo.
async fn unido(servidor: &Servidor, nombre: &str) -> Cliente {
    let mut cliente = Cliente::conectar(servidor.direccion()).await.unwrap();
    cliente.unirse(GRUPO).await.unwrap();
    let listo = format!("{nombre} listo");
    cliente.publicar(GRUPO, &listo).await.unwrap();
    loop {
        match cliente.recibir().await.unwrap() {
            Some(FromServer::Message { message, .. }) if *message == listo => return cliente,
            Some(_) => {}
            None => panic!("el servidor cerró la conexión de «{nombre}» antes de apagar"),
        }
    }
}

/// `publicador` publica mensajes de uno en uno, esperando su propia copia
/// (la confirmación de que el servidor lo aceptó y lo repartió), hasta que
/// una cola retiene `RETENIDOS` paquetes. Devuelve los mensajes publicados,
/// todos aceptados.
async fn publicar_hasta_retener(servidor: &Servidor, publicador: &mut Cliente) -> Vec<String> {
    let mut publicados = Vec::new();
    loop {
        while servidor.colas_con_al_menos(RETENIDOS) == 0 {
            assert!(
                publicados.len() < 20_000,
                "se publicaron 20 000 mensajes de 4 KiB y las colas del servidor no retienen \
                 nada: el cliente que no lee debía llenar la suya"
            );
            let texto = mensaje(publicados.len());
            publicador.publicar(GRUPO, &texto).await.unwrap();
            loop {
                match publicador.recibir().await.unwrap() {
                    Some(FromServer::Message { message, .. }) if *message == texto => break,
                    Some(_) => {}
                    None => panic!("el servidor cerró la conexión del que publica antes de apagar"),
                }
            }
            publicados.push(texto);
        }
        // Una escritora a la que el planificador aún no le dio turno también
        // retiene su cola, un momento. La de un cliente que no lee la sigue
        // reteniendo 200 ms después: está atascada en su `write_all`.
        time::sleep(Duration::from_millis(200)).await;
        if servidor.colas_con_al_menos(RETENIDOS) > 0 {
            return publicados;
        }
    }
}

#[test]
fn todos_reciben_el_aviso() {
    con_limite_tokio(60, SI_SE_CUELGA, || async {
        let servidor = Servidor::iniciar().await.unwrap();
        // Tres clientes en el grupo y dos que no se unen a nada.
        let mut clientes = Vec::new();
        for nombre in ["ana", "beto", "cata"] {
            clientes.push(unido(&servidor, nombre).await);
        }
        for _ in 0..2 {
            // Un `Post` a un grupo que no existe: el `Error` de respuesta dice
            // que el servidor ya lo atiende.
            let mut cliente = Cliente::conectar(servidor.direccion()).await.unwrap();
            cliente.publicar("nadie", "¿hola?").await.unwrap();
            let respuesta = cliente.recibir().await.unwrap();
            assert!(
                matches!(respuesta, Some(FromServer::Error(_))),
                "un `Post` a un grupo que no existe debía dar un Error, y dio {respuesta:?}"
            );
            clientes.push(cliente);
        }

        let leer_todo = async {
            let mut recibidos = Vec::new();
            for cliente in &mut clientes {
                recibidos.push(cliente.recibir_todo().await);
            }
            recibidos
        };
        let ((informe, _), recibidos) = tokio::join!(
            apagar_con_limite(&servidor, Duration::from_secs(5)),
            leer_todo
        );

        let mut con_aviso = 0;
        for (i, recibido) in recibidos.iter().enumerate() {
            let recibido = recibido.as_ref().unwrap_or_else(|error| {
                panic!(
                    "el cliente {i} no pudo leer hasta el final: {error}. ¿Abortas las \
                     escritoras antes de que terminen de escribir?"
                )
            });
            if recibido.last().is_some_and(es_el_aviso) {
                con_aviso += 1;
            }
        }
        assert!(
            con_aviso == 5,
            "Había 5 clientes conectados y {con_aviso} recibieron el aviso «{AVISO}» como \
             último paquete antes de que se cerrara su conexión. Lo recibido:\n{recibidos:?}\n\
             ¿Metes un `FromServer::Error(AVISO.to_string())` en cada cola de \
             `servidor.tomar_colas()`? ¿Esperas a que las escritoras lo escriban?"
        );
        assert!(
            informe.avisados == 5,
            "Los 5 clientes recibieron el aviso, y el informe dice `avisados: {}`. Cuenta \
             cada `try_send` del aviso que salió bien.",
            informe.avisados
        );
    })
}

/// Lo que deja el escenario con un cliente en pausa.
struct EnPausa {
    servidor: Servidor,
    publicador: Cliente,
    en_pausa: Cliente,
    publicados: Vec<String>,
}

/// Dos clientes en el grupo: uno publica, y el otro está en pausa: no lee
/// nada hasta después de apagar, así que en el momento de apagar tiene
/// mensajes aceptados esperando en su cola.
async fn en_pausa() -> EnPausa {
    let servidor = Servidor::iniciar().await.unwrap();
    let mut publicador = unido(&servidor, "publicador").await;
    let en_pausa = unido(&servidor, "en_pausa").await;
    let publicados = publicar_hasta_retener(&servidor, &mut publicador).await;
    EnPausa {
        servidor,
        publicador,
        en_pausa,
        publicados,
    }
}

/// Apaga el escenario con un plazo largo. El que publica lee hasta el final;
/// el que está en pausa empieza a leer solo cuando el otro recibió todo y
/// pasaron otros 300 ms: en ese momento, un `apagar`
/// que no espera a las escritoras ya volvió, y uno que aborta enseguida ya
/// abortó la suya. Devuelve el informe, las tareas vivas al volver de
/// `apagar`, si el que estaba en pausa había empezado a leer entonces, y lo
/// que recibió cada uno.
async fn apagar_en_pausa(escenario: &mut EnPausa) -> (Informe, usize, bool, [Vec<FromServer>; 2]) {
    let empezo = std::sync::atomic::AtomicBool::new(false);
    let EnPausa {
        servidor,
        publicador,
        en_pausa,
        ..
    } = escenario;
    let apagado = async {
        let (informe, vivas) = apagar_con_limite(servidor, Duration::from_secs(10)).await;
        (
            informe,
            vivas,
            empezo.load(std::sync::atomic::Ordering::SeqCst),
        )
    };
    let leer = async {
        let p = publicador.recibir_todo().await;
        time::sleep(Duration::from_millis(300)).await;
        empezo.store(true, std::sync::atomic::Ordering::SeqCst);
        let e = en_pausa.recibir_todo().await;
        [p, e].map(|r| {
            r.unwrap_or_else(|error| {
                panic!(
                    "un cliente no pudo leer hasta el final: {error}. ¿Abortas una escritora \
                     antes de que venza el plazo?"
                )
            })
        })
    };
    let ((informe, vivas, empezo), recibidos) = tokio::join!(apagado, leer);
    (informe, vivas, empezo, recibidos)
}

#[test]
fn no_se_pierde_ningun_mensaje_aceptado() {
    con_limite_tokio(60, SI_SE_CUELGA, || async {
        let mut escenario = en_pausa().await;
        let retenidos = escenario.servidor.pendientes();
        let (informe, _, _, recibidos) = apagar_en_pausa(&mut escenario).await;
        let publicados = &escenario.publicados;
        for (nombre, recibido) in ["publicador", "en_pausa"].iter().zip(&recibidos) {
            // El que publica recibió su copia de cada uno mientras publicaba.
            let llegaron = mensajes_numerados(recibido);
            assert!(
                *nombre == "publicador" || llegaron == *publicados,
                "El servidor aceptó {} mensajes antes de apagar (el que publica recibió su \
                 copia de cada uno) y al apagar retenía {retenidos} en las colas. «{nombre}» \
                 recibió {} de ellos. Un mensaje aceptado tiene que llegar a todos los \
                 miembros: ¿abortas las escritoras sin esperar a que vacíen su cola? Al \
                 soltar las colas, cada escritora escribe lo que quedaba; espera a que \
                 terminen (hasta el plazo) antes de abortar nada.",
                publicados.len(),
                llegaron.len()
            );
            assert!(
                recibido.last().is_some_and(es_el_aviso),
                "«{nombre}» recibió todos los mensajes, pero su último paquete no fue el \
                 aviso «{AVISO}»: {:?}. El aviso va al final de cada cola, detrás de todo \
                 lo aceptado.",
                recibido.last()
            );
        }
        assert!(
            informe.abortadas == 0,
            "Los dos clientes leyeron todo, mucho antes del plazo de 10 s, y el informe \
             dice que se abortaron {} escritoras: solo se aborta lo que sigue vivo al \
             vencer el plazo.",
            informe.abortadas
        );
    })
}

#[test]
fn no_queda_ninguna_tarea() {
    con_limite_tokio(60, SI_SE_CUELGA, || async {
        let mut escenario = en_pausa().await;
        let (_, vivas, empezo, _) = apagar_en_pausa(&mut escenario).await;
        assert!(
            vivas == 0,
            "Al volver `apagar` seguían vivas {vivas} tareas del servidor (la que acepta, las \
             lectoras y las escritoras, contadas por sus `TaskTracker`){}. `apagar` tiene que \
             esperar a que terminen: `servidor.lectoras.wait()` y \
             `servidor.escritoras.wait()`, después de `close()`, y si vence el plazo, \
             abortar las que queden y volver a esperar.",
            if empezo {
                ""
            } else {
                ", y el cliente en pausa aún no había leído nada: su escritora no podía haber \
                 terminado"
            }
        );
        let direccion = escenario.servidor.direccion();
        assert!(
            TcpStream::connect(direccion).await.is_err(),
            "Después de apagar, el servidor todavía acepta conexiones en {direccion}. \
             ¿Cancelas `servidor.detener`? La tarea que acepta termina con él y suelta el \
             `TcpListener`."
        );
    })
}

#[test]
fn un_cliente_que_no_lee_no_retiene_el_apagado() {
    con_limite_tokio(60, SI_SE_CUELGA, || async {
        let servidor = Servidor::iniciar().await.unwrap();
        let mut publicador = unido(&servidor, "publicador").await;
        // Se une, y no lee nunca: su escritora se atasca.
        let _mudo = unido(&servidor, "mudo").await;
        publicar_hasta_retener(&servidor, &mut publicador).await;

        let plazo = Duration::from_secs(1);
        let inicio = Instant::now();
        let ((informe, vivas), recibido) = tokio::join!(
            apagar_con_limite(&servidor, plazo),
            publicador.recibir_todo()
        );
        let tardo = inicio.elapsed();
        assert!(
            informe.abortadas == 1,
            "Un cliente no leía, así que su escritora no podía terminar: se esperaba 1 \
             escritora abortada, y el informe dice {}. Al vencer el plazo, aborta cada \
             una de `servidor.escritoras_vivas()` y cuéntalas.",
            informe.abortadas
        );
        assert!(
            tardo >= plazo,
            "Había una escritora atascada y `apagar` volvió a los {} ms, antes del plazo de \
             {} ms: solo se aborta cuando vence el plazo.",
            tardo.as_millis(),
            plazo.as_millis()
        );
        assert!(
            vivas == 0,
            "Después de abortar, seguían vivas {vivas} tareas del servidor. `abort` no \
             espera a que la tarea se suelte: vuelve a esperar con \
             `servidor.escritoras.wait()`."
        );
        let recibido = recibido
            .unwrap_or_else(|error| panic!("el que publica no pudo leer hasta el final: {error}"));
        assert!(
            recibido.last().is_some_and(es_el_aviso),
            "El que publica sí lee: debía recibir el aviso «{AVISO}» al final, aunque el \
             otro no lea. Recibió, al final: {:?}",
            recibido.last()
        );
    })
}
