//! Las pruebas del chat, escritas una vez para cualquier servidor.
//!
//! # Por qué viven en la biblioteca
//!
//! Califican a dos servidores: el de async-std de los capítulos del chat
//! ([`ServidorChat`](crate::chat::servidor::ServidorChat), en
//! `tests/chat.rs` y `tests/chat_mil.rs`) y el de tokio que escribe el
//! alumno en el proyecto final. Para que sean *las mismas* pruebas, de una
//! sola fuente, cada cuerpo es una función `async` genérica sobre el trait
//! [`ServidorDeChat`], y la macro [`pruebas_del_chat!`](crate::pruebas_del_chat)
//! las convierte en un `#[test]` por cuerpo para un tipo de servidor dado,
//! cada uno dentro de [`con_limite_tokio`](crate::prueba::con_limite_tokio).
//! Un archivo de `tests/` no puede importar otro; la biblioteca, sí.
//!
//! # Qué miran
//!
//! Solo lo que vería un cliente, por la red de verdad en 127.0.0.1 (con
//! [`ClienteSimple`]), y las cuentas que el trait deja preguntar. Nada se
//! mide en tiempo: lo que el servidor promete se demuestra contando. Cuántos
//! mensajes llegan y en qué orden, cuántas conexiones y suscripciones siguen
//! vivas, cuántos mensajes llegó a guardar la cola de un grupo. Si algo se
//! queda esperando para siempre, el límite de la prueba la hace fallar y
//! dice qué fue probablemente.
//!
//! # Etapas
//!
//! Las pruebas van en etapas, un módulo cada una, en el orden en que se
//! construye un servidor; el proyecto final las usa como sus pasos:
//!
//! 1. [`aceptar_y_leer_lineas`]: aceptar conexiones y leer líneas.
//! 2. [`unirse_y_publicar`]: `Join`, `Post` y el reparto a los miembros.
//! 3. [`entrada_mal_formada_y_demasiado_larga`]: paquetes ilegibles, límites
//!    de tamaño, líneas desmesuradas y líneas a medias.
//! 4. [`lector_lento`]: `Lagged`, y un miembro lento que no frena a nadie.
//! 5. [`mil_clientes_y_desconexiones`]: mil conexiones a la vez y clientes
//!    que se van de golpe. Va en su propio archivo de `tests/` (es otro
//!    proceso), porque sube el límite de archivos abiertos del proceso.
//! 6. [`apagado`]: detener el servidor.
//!
//! ```ignore
//! // Todas las etapas:
//! taller_async::pruebas_del_chat!(MiServidor);
//! // Solo algunas:
//! taller_async::pruebas_del_chat!(MiServidor, aceptar_y_leer_lineas, unirse_y_publicar);
//! ```

use std::net::SocketAddr;

use crate::chat::FromServer;
use crate::chat::cliente_simple::ClienteSimple;
use crate::chat::interfaz::{Config, ServidorDeChat};

/// Lo que dicen las pruebas si no terminan a tiempo.
pub const SI_SE_CUELGA: &str = "el servidor de chat no respondió lo que se esperaba: un \
    paquete que nunca llega (¿se perdió un mensaje?), o una cuenta de conexiones o \
    suscripciones que nunca vuelve a cero (¿se quedó viva alguna tarea?).";

/// Lo que dice la prueba del apagado con un cliente que no lee si no termina
/// a tiempo.
pub const SI_EL_APAGADO_NO_TERMINA: &str = "detener no volvió: ¿espera sin plazo a que un \
    cliente que no lee vacíe su cola de salida? Se espera a las colas hasta un plazo; pasado \
    el plazo, se suelta (o se aborta) lo que quede.";

/// Lo que dice la prueba de las mil conexiones si no termina a tiempo.
pub const SI_NO_TERMINAN_LAS_MIL: &str = "las mil conexiones no terminaron: ¿se agotaron los \
    descriptores de archivo, o se perdió algún mensaje?";

/// La dirección en la que arranca cada servidor de prueba: el puerto 0 le
/// pide al sistema uno libre.
fn en_un_puerto_libre() -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], 0))
}

/// Un servidor con esta configuración.
async fn servidor_con<S: ServidorDeChat>(config: Config) -> S {
    S::iniciar(en_un_puerto_libre(), config)
        .await
        .expect("no se pudo arrancar el servidor de chat")
}

/// Un servidor en un puerto libre, sin escribir errores en la consola: las
/// pruebas los provocan a propósito.
async fn servidor<S: ServidorDeChat>(capacidad: usize) -> S {
    servidor_con(Config {
        capacidad,
        registrar_errores: false,
        ..Config::default()
    })
    .await
}

async fn cliente<S: ServidorDeChat>(servidor: &S) -> ClienteSimple {
    ClienteSimple::conectar(servidor.direccion())
        .await
        .expect("no se pudo conectar con el servidor de chat")
}

/// El siguiente paquete, que tiene que ser un mensaje de `grupo`: devuelve su
/// texto.
async fn mensaje_de(cliente: &mut ClienteSimple, grupo: &str) -> String {
    match cliente.recibir_paquete().await {
        Ok(FromServer::Message {
            group_name,
            message,
        }) if *group_name == grupo => message.to_string(),
        otro => panic!("se esperaba un mensaje del grupo «{grupo}» y llegó {otro:?}"),
    }
}

/// El siguiente paquete, que tiene que ser un error: devuelve su texto.
async fn error_de(cliente: &mut ClienteSimple) -> String {
    match cliente.recibir_paquete().await {
        Ok(FromServer::Error(texto)) => texto,
        otro => panic!("se esperaba un FromServer::Error y llegó {otro:?}"),
    }
}

/// Comprueba que la conexión sigue viva: se une a un grupo propio, publica y
/// recibe su mensaje.
async fn sigue_funcionando(cliente: &mut ClienteSimple, grupo: &str) {
    cliente.join(grupo).await.expect("join");
    cliente.post(grupo, "¿sigo aquí?").await.expect("post");
    assert_eq!(mensaje_de(cliente, grupo).await, "¿sigo aquí?");
}

/// Tras el `Error` que explica un cierre, la conexión tiene que terminar
/// en orden: el final de la entrada, y no un reinicio.
async fn termina_en_orden(cliente: &mut ClienteSimple, que: &str) {
    match cliente.recibir().await {
        None => {}
        Some(Err(error)) => panic!(
            "tras el error por {que}, se esperaba el final ordenado de la conexión y llegó: \
             {error}. Si es «connection reset», el servidor soltó el socket con bytes del \
             cliente sin leer, y el sistema cerró con un RST: en muchos sistemas, el cliente \
             pierde entonces lo que no había leído. Cierra con cortesía: manda el error, \
             cierra la escritura (`shutdown`), lee y tira lo que siga llegando (con un límite \
             de bytes y de tiempo) y solo entonces suelta el socket."
        ),
        Some(Ok(paquete)) => panic!("tras el error por {que} llegó {paquete:?}"),
    }
}

/// El primer número que aparece en `texto`.
fn primer_numero(texto: &str) -> Option<usize> {
    texto
        .split(|c: char| !c.is_ascii_digit())
        .find(|trozo| !trozo.is_empty())
        .and_then(|n| n.parse().ok())
}

/// Etapa 1: aceptar conexiones, leer líneas y contestar.
pub mod aceptar_y_leer_lineas {
    use super::*;

    /// Diez conexiones a la vez, cada una contestada por separado; el
    /// servidor las cuenta mientras viven y las descuenta al irse.
    pub async fn acepta_muchas_conexiones_y_las_cuenta<S: ServidorDeChat>() {
        let servidor = servidor::<S>(1000).await;
        let mut clientes = Vec::new();
        for _ in 0..10 {
            clientes.push(cliente(&servidor).await);
        }
        servidor.esperar_hasta(|s| s.conexiones() == 10).await;
        // Cada una recibe la respuesta a lo suyo: publicar en un grupo que no
        // existe es un error que nombra el grupo.
        for (i, c) in clientes.iter_mut().enumerate() {
            c.post(&format!("nadie{i}"), "¿hola?").await.unwrap();
        }
        for (i, c) in clientes.iter_mut().enumerate() {
            let error = error_de(c).await;
            assert!(
                error.contains(&format!("nadie{i}")),
                "la conexión {i} debía recibir el error de su grupo «nadie{i}» y recibió: {error}"
            );
        }
        clientes.truncate(4);
        servidor.esperar_hasta(|s| s.conexiones() == 4).await;
        assert_eq!(servidor.panicos(), 0);
    }

    /// Cada línea es un paquete, aunque llegue a trozos; las líneas en
    /// blanco se saltan, y un `\r\n` vale como `\n`.
    pub async fn cada_linea_es_un_paquete_aunque_llegue_a_trozos<S: ServidorDeChat>() {
        let servidor = servidor::<S>(1000).await;
        let mut c = cliente(&servidor).await;
        let lineas = concat!(
            "{\"Post\":{\"group_name\":\"uno\",\"message\":\"a\"}}\n",
            "\n  \n",
            "{\"Post\":{\"group_name\":\"dos\",\"message\":\"b\"}}\r\n",
        );
        // De siete en siete bytes, cada trozo por su lado.
        for trozo in lineas.as_bytes().chunks(7) {
            c.enviar_bytes(trozo).await.unwrap();
        }
        c.post("tres", "c").await.unwrap();
        for grupo in ["uno", "dos", "tres"] {
            let error = error_de(&mut c).await;
            assert!(
                error.contains(grupo),
                "se esperaba el error del grupo «{grupo}» (y nada por las líneas en blanco), \
                 y llegó: {error}"
            );
        }
        assert_eq!(servidor.conexiones(), 1);
        assert_eq!(servidor.panicos(), 0);
    }
}

/// Etapa 2: unirse a un grupo y publicar en él.
pub mod unirse_y_publicar {
    use super::*;
    use crate::chat::FromClient;
    use std::sync::Arc;

    pub async fn join_y_post_llegan_a_todos_los_miembros_y_a_nadie_mas<S: ServidorDeChat>() {
        let servidor = servidor::<S>(1000).await;
        let mut perros = Vec::new();
        for _ in 0..5 {
            let mut c = cliente(&servidor).await;
            c.join("perros").await.unwrap();
            perros.push(c);
        }
        let mut gatos = cliente(&servidor).await;
        gatos.join("gatos").await.unwrap();
        servidor.esperar_hasta(|s| s.suscriptores() == 6).await;
        assert_eq!(servidor.grupos(), 2);

        perros[0]
            .post("perros", "Los samoyedos molan")
            .await
            .unwrap();
        gatos.post("gatos", "miau").await.unwrap();

        // Todos los miembros, también quien lo publicó, reciben el mensaje.
        for (i, c) in perros.iter_mut().enumerate() {
            let texto = mensaje_de(c, "perros").await;
            assert_eq!(texto, "Los samoyedos molan", "el miembro {i} de «perros»");
        }
        // El de «gatos» recibe solo lo suyo: el mensaje de «perros» no.
        assert_eq!(mensaje_de(&mut gatos, "gatos").await, "miau");
        assert_eq!(servidor.panicos(), 0);
    }

    pub async fn un_grupo_que_no_existe_da_un_error_y_la_conexion_sigue<S: ServidorDeChat>() {
        let servidor = servidor::<S>(1000).await;
        let mut c = cliente(&servidor).await;
        c.post("loros", "¿hola?").await.unwrap();
        let error = error_de(&mut c).await;
        assert!(
            error.contains("loros"),
            "el error debería nombrar el grupo: {error}"
        );
        sigue_funcionando(&mut c, "loros").await;
        assert_eq!(servidor.panicos(), 0);
    }

    pub async fn unirse_dos_veces_no_duplica_los_mensajes<S: ServidorDeChat>() {
        let servidor = servidor::<S>(1000).await;
        let mut c = cliente(&servidor).await;
        c.join("perros").await.unwrap();
        c.join("perros").await.unwrap();
        c.post("perros", "uno").await.unwrap();
        c.post("perros", "dos").await.unwrap();
        // Si hubiera dos suscripciones, «uno» llegaría dos veces antes que
        // «dos».
        assert_eq!(mensaje_de(&mut c, "perros").await, "uno");
        assert_eq!(mensaje_de(&mut c, "perros").await, "dos");
        assert_eq!(servidor.suscriptores(), 1);
    }

    pub async fn el_cliente_del_libro_y_este_servidor_hablan_el_mismo_idioma<S: ServidorDeChat>() {
        let servidor = servidor::<S>(1000).await;
        let mut c = cliente(&servidor).await;
        // Las líneas exactas que manda el cliente del libro.
        c.enviar_bytes(b"{\"Join\":{\"group_name\":\"Dogs\"}}\n")
            .await
            .unwrap();
        c.enviar_bytes(b"{\"Post\":{\"group_name\":\"Dogs\",\"message\":\"Samoyeds rock!\"}}\n")
            .await
            .unwrap();
        assert_eq!(mensaje_de(&mut c, "Dogs").await, "Samoyeds rock!");
        let paquete = FromClient::Post {
            group_name: Arc::new("Dogs".into()),
            message: Arc::new("otra".into()),
        };
        c.enviar(&paquete).await.unwrap();
        assert_eq!(mensaje_de(&mut c, "Dogs").await, "otra");
    }
}

/// Etapa 3: lo que un cliente del libro nunca mandaría.
pub mod entrada_mal_formada_y_demasiado_larga {
    use super::*;
    use crate::chat::servidor::connection::LIMITE_GRUPOS_POR_CONEXION;
    use crate::chat::{LIMITE_LINEA, LIMITE_MENSAJE, LIMITE_NOMBRE_GRUPO};
    use std::time::{Duration, Instant};

    pub async fn un_paquete_ilegible_da_un_error_y_la_conexion_sigue<S: ServidorDeChat>() {
        let servidor = servidor::<S>(1000).await;
        let mut c = cliente(&servidor).await;

        let mut anidado = "[".repeat(10_000);
        anidado.push_str(&"]".repeat(10_000));
        let malos: Vec<Vec<u8>> = vec![
            b"esto no es JSON".to_vec(),
            b"{}".to_vec(),
            b"null".to_vec(),
            b"[1, 2, 3]".to_vec(),
            br#"{"Join":{}}"#.to_vec(),
            br#"{"Post":{"group_name":"perros"}}"#.to_vec(),
            br#"{"Dance":{"group_name":"perros"}}"#.to_vec(),
            br#"{"Join":{"group_name":"perros"}"#.to_vec(),
            // No es UTF-8.
            vec![0xff, 0xfe, b'{', 0x80, b'}'],
            // Anidado sin fin: serde_json corta a 128 niveles, sin
            // desbordar la pila.
            anidado.into_bytes(),
        ];
        for malo in &malos {
            let mut linea = malo.clone();
            linea.push(b'\n');
            c.enviar_bytes(&linea).await.unwrap();
            let error = error_de(&mut c).await;
            assert!(!error.is_empty());
        }
        // Las líneas en blanco no son paquetes: no dan error, ni nada.
        c.enviar_bytes(b"\n   \r\n\n").await.unwrap();
        // Si las hubiera respondido, ese error llegaría antes que esto.
        sigue_funcionando(&mut c, "perros").await;
        assert_eq!(servidor.conexiones(), 1);
        assert_eq!(servidor.panicos(), 0);
    }

    pub async fn los_nombres_y_los_mensajes_tienen_un_limite<S: ServidorDeChat>() {
        let servidor = servidor::<S>(1000).await;
        let mut c = cliente(&servidor).await;

        let justo = "g".repeat(LIMITE_NOMBRE_GRUPO);
        let largo = "g".repeat(LIMITE_NOMBRE_GRUPO + 1);
        c.join(&largo).await.unwrap();
        assert!(
            error_de(&mut c)
                .await
                .contains(&LIMITE_NOMBRE_GRUPO.to_string())
        );
        c.join("").await.unwrap();
        error_de(&mut c).await;
        assert_eq!(servidor.grupos(), 0, "un nombre rechazado no crea grupo");

        c.join(&justo).await.unwrap();
        c.post(&justo, &"m".repeat(LIMITE_MENSAJE + 1))
            .await
            .unwrap();
        assert!(error_de(&mut c).await.contains(&LIMITE_MENSAJE.to_string()));
        let cabe = "m".repeat(LIMITE_MENSAJE);
        c.post(&justo, &cabe).await.unwrap();
        assert_eq!(mensaje_de(&mut c, &justo).await, cabe);

        // Y un límite de grupos por conexión: cada suscripción es una tarea.
        for i in 1..LIMITE_GRUPOS_POR_CONEXION {
            c.join(&format!("g{i}")).await.unwrap();
        }
        c.join("uno-de-mas").await.unwrap();
        let error = error_de(&mut c).await;
        assert!(
            error.contains(&LIMITE_GRUPOS_POR_CONEXION.to_string()),
            "{error}"
        );
        assert_eq!(servidor.suscriptores(), LIMITE_GRUPOS_POR_CONEXION);
        assert_eq!(servidor.panicos(), 0);
    }

    pub async fn una_linea_desmesurada_da_un_error_y_cierra_la_conexion<S: ServidorDeChat>() {
        let servidor = servidor::<S>(1000).await;

        // Una línea de exactamente el límite se acepta: el límite es
        // inclusivo. (Un Join con espacios detrás, que JSON permite.)
        let mut c = cliente(&servidor).await;
        let mut justa = br#"{"Join":{"group_name":"perros"}}"#.to_vec();
        justa.resize(LIMITE_LINEA, b' ');
        justa.push(b'\n');
        c.enviar_bytes(&justa).await.unwrap();
        servidor.esperar_hasta(|s| s.suscriptores() == 1).await;

        // Un mebibyte sin salto de línea. Se escribe en otra tarea y sin
        // esperar a que termine: el servidor deja de leer tras el límite, y
        // esta escritura se quedará a medias o fallará cuando cierre.
        let mut grande = cliente(&servidor).await;
        grande.join("perros").await.unwrap();
        servidor.esperar_hasta(|s| s.suscriptores() == 2).await;
        let mut escritor = grande.clonar_escritor();
        let escritura = async_std::task::spawn(async move {
            use async_std::io::WriteExt;
            let _ = escritor.write_all(&vec![b'a'; 1 << 20]).await;
        });

        let error = error_de(&mut grande).await;
        assert!(
            error.contains(&LIMITE_LINEA.to_string()),
            "el error debería decir el límite: {error}"
        );
        // Después del error, la conexión se cierra: nada más que leer.
        match grande.recibir().await {
            None | Some(Err(_)) => {}
            Some(Ok(paquete)) => panic!("tras la línea desmesurada llegó {paquete:?}"),
        }
        escritura.await;
        // Su conexión y su suscripción desaparecen; la otra sigue.
        servidor
            .esperar_hasta(|s| s.conexiones() == 1 && s.suscriptores() == 1)
            .await;
        sigue_funcionando(&mut c, "perros").await;
        assert_eq!(servidor.panicos(), 0);
    }

    /// Un cliente manda una línea de más y, sin leer nada, sigue mandando:
    /// el `Error` tiene que llegarle igual, y la conexión terminar en orden.
    pub async fn una_linea_desmesurada_seguida_de_mas_datos_recibe_su_error<S: ServidorDeChat>() {
        let servidor = servidor::<S>(1000).await;
        let mut c = cliente(&servidor).await;
        // La línea de más, y detrás 16 KiB más y otra línea entera: lo que
        // el servidor no va a leer como paquetes.
        let mut bytes = vec![b'a'; LIMITE_LINEA + 1];
        bytes.extend_from_slice(&[b'b'; 16 * 1024]);
        bytes.extend_from_slice(b"\n{\"Join\":{\"group_name\":\"perros\"}}\n");
        c.enviar_bytes(&bytes)
            .await
            .expect("el cliente no pudo mandar sus bytes: ¿el servidor cerró con un RST?");

        let error = error_de(&mut c).await;
        assert!(
            error.contains(&LIMITE_LINEA.to_string()),
            "el error debería decir el límite: {error}"
        );
        termina_en_orden(&mut c, "la línea desmesurada").await;
        drop(c);
        servidor
            .esperar_hasta(|s| s.conexiones() == 0 && s.suscriptores() == 0)
            .await;
        assert_eq!(servidor.grupos(), 0, "el Join de detrás no debía atenderse");
        assert_eq!(servidor.panicos(), 0);
    }

    /// Una conexión que manda media línea y se calla se cierra, pasado el
    /// límite de una línea a medias, con un `Error`. Una que no tiene nada a
    /// medias puede callar cuanto quiera.
    pub async fn una_linea_a_medias_se_cierra_tras_su_limite<S: ServidorDeChat>() {
        let limite = Duration::from_millis(200);
        let servidor = servidor_con::<S>(Config {
            capacidad: 1000,
            registrar_errores: false,
            limite_linea_a_medias: limite,
        })
        .await;
        // Uno que solo escucha: se une y no manda nada más.
        let mut callado = cliente(&servidor).await;
        callado.join("perros").await.unwrap();
        servidor.esperar_hasta(|s| s.suscriptores() == 1).await;

        let inicio = Instant::now();
        let mut colgado = cliente(&servidor).await;
        colgado
            .enviar_bytes(br#"{"Post":{"group_na"#)
            .await
            .unwrap();
        let error = error_de(&mut colgado).await;
        assert!(!error.is_empty());
        // Una cota inferior, que no depende de lo cargada que esté la
        // máquina: el error no puede llegar antes del límite.
        let tardo = inicio.elapsed();
        assert!(
            tardo >= limite,
            "la línea a medias se cerró a los {tardo:?}, antes de su límite de {limite:?}"
        );
        termina_en_orden(&mut colgado, "la línea a medias").await;
        servidor.esperar_hasta(|s| s.conexiones() == 1).await;

        // El callado lleva más que el límite sin mandar nada, y sigue dentro.
        let mut otro = cliente(&servidor).await;
        otro.join("perros").await.unwrap();
        servidor.esperar_hasta(|s| s.suscriptores() == 2).await;
        otro.post("perros", "¿sigues ahí?").await.unwrap();
        assert_eq!(
            mensaje_de(&mut callado, "perros").await,
            "¿sigues ahí?",
            "un cliente que solo escucha no tiene nada a medias: no debía cerrarse"
        );
        assert_eq!(servidor.panicos(), 0);
    }
}

/// Etapa 4: un miembro lento, la cola acotada y `Lagged`.
pub mod lector_lento {
    use super::*;
    use crate::chat::LIMITE_MENSAJE;

    pub async fn un_lector_lento_no_frena_a_los_demas_y_la_memoria_esta_acotada<
        S: ServidorDeChat,
    >() {
        const CAPACIDAD: usize = 16;
        let servidor = servidor::<S>(CAPACIDAD).await;

        // El lento se une y no lee nada hasta el final.
        let mut lento = cliente(&servidor).await;
        lento.join("sala").await.unwrap();
        let mut rapidos = Vec::new();
        for _ in 0..3 {
            let mut c = cliente(&servidor).await;
            c.join("sala").await.unwrap();
            rapidos.push(c);
        }
        servidor.esperar_hasta(|s| s.suscriptores() == 4).await;

        // Se publica un mensaje cada vez, y los rápidos lo leen antes del
        // siguiente: ellos nunca van atrasados. El lento no lee, y su
        // conexión se llena (los búferes del sistema operativo, unos
        // megabytes); a partir de ahí, la cola del grupo crece hasta su
        // capacidad. Se sigue publicando otra capacidad entera, para que el
        // lento pierda mensajes seguro.
        let relleno = "x".repeat(LIMITE_MENSAJE - 16);
        let mut enviados = 0;
        let mut tras_llenarse = 0;
        while tras_llenarse <= CAPACIDAD {
            assert!(
                enviados < 100_000,
                "se publicaron {enviados} mensajes y la cola del grupo nunca llegó a su \
                 capacidad ({CAPACIDAD}): ¿el servidor guarda los mensajes en otro sitio, sin \
                 límite?"
            );
            rapidos[0]
                .post("sala", &format!("{enviados} {relleno}"))
                .await
                .unwrap();
            for (i, r) in rapidos.iter_mut().enumerate() {
                let texto = mensaje_de(r, "sala").await;
                let numero = primer_numero(&texto);
                assert_eq!(
                    numero,
                    Some(enviados),
                    "el miembro rápido {i} recibió el mensaje {numero:?} en lugar del \
                     {enviados}: un miembro lento no debería hacer perder mensajes a los demás"
                );
            }
            enviados += 1;
            if servidor.retenidos_max() >= CAPACIDAD {
                tras_llenarse += 1;
            }
        }
        rapidos[0].post("sala", "fin").await.unwrap();
        for r in &mut rapidos {
            assert_eq!(mensaje_de(r, "sala").await, "fin");
        }
        let total = enviados + 1;

        // La memoria del grupo está acotada: su cola nunca guardó más de su
        // capacidad, por atrasado que fuera el lento.
        assert_eq!(
            servidor.retenidos_max(),
            CAPACIDAD,
            "la cola del grupo debería haber llegado a su capacidad, y no pasar de ahí"
        );

        // Ahora el lento lee: lo que le cupo en la conexión, un aviso de
        // cuántos mensajes perdió y los que quedaban en la cola, hasta «fin».
        let mut recibidos = 0;
        let mut perdidos = 0;
        let mut avisos = Vec::new();
        loop {
            match lento.recibir_paquete().await.unwrap() {
                FromServer::Message { message, .. } => {
                    recibidos += 1;
                    if *message == "fin" {
                        break;
                    }
                }
                FromServer::Error(aviso) => {
                    perdidos += primer_numero(&aviso).unwrap_or_else(|| {
                        panic!("el aviso de mensajes perdidos no dice cuántos: {aviso}")
                    });
                    avisos.push(aviso);
                }
            }
        }
        assert!(
            !avisos.is_empty(),
            "el lento recibió {recibidos} de {total} mensajes y ningún aviso de los perdidos"
        );
        assert!(avisos.iter().all(|a| a.contains("sala")), "{avisos:?}");
        assert_eq!(
            recibidos + perdidos,
            total,
            "el lento recibió {recibidos} mensajes y se le avisó de {perdidos} perdidos, pero \
             se publicaron {total}"
        );
        assert_eq!(servidor.panicos(), 0);
    }
}

/// Etapa 5: mil conexiones a la vez, y clientes que se van de golpe.
///
/// Esta etapa sube el límite de archivos abiertos de su proceso: va en su
/// propio archivo de `tests/`.
pub mod mil_clientes_y_desconexiones {
    use super::*;
    use crate::prueba::subir_limite_de_archivos;

    // ANCHOR: desconexiones
    pub async fn las_desconexiones_bruscas_no_dejan_tareas_ni_suscripciones<S: ServidorDeChat>() {
        let servidor = servidor::<S>(1000).await;
        let grupos = ["perros", "gatos", "loros"];
        let mut clientes = Vec::new();
        for i in 0..30 {
            let mut c = cliente(&servidor).await;
            for g in grupos {
                c.join(g).await.unwrap();
            }
            // Un tercio se va a mitad de una línea.
            if i % 3 == 0 {
                c.enviar_bytes(br#"{"Post":{"group_na"#).await.unwrap();
            }
            clientes.push(c);
        }
        servidor
            .esperar_hasta(|s| s.conexiones() == 30 && s.suscriptores() == 90)
            .await;

        // Se van todos a la vez, sin despedirse. En los grupos no se publica
        // nada más: en el chat del libro, sus tareas de suscripción seguirían
        // vivas hasta el siguiente mensaje, que no llega nunca.
        drop(clientes);
        servidor
            .esperar_hasta(|s| s.conexiones() == 0 && s.suscriptores() == 0)
            .await;
        assert_eq!(servidor.grupos(), 3);
        assert_eq!(servidor.panicos(), 0);

        // El servidor sigue atendiendo como siempre.
        let mut c = cliente(&servidor).await;
        sigue_funcionando(&mut c, "perros").await;
    }
    // ANCHOR_END: desconexiones

    /// Descriptores que necesita la prueba de las mil conexiones: un socket
    /// por cliente, otro por su conexión en el servidor (los dos en este
    /// proceso), y un margen para lo demás (el ejecutor, cargo...).
    pub const DESCRIPTORES: u64 = 2 * CLIENTES as u64 + 256;

    /// Cuántos clientes se conectan a la vez.
    pub const CLIENTES: usize = 1000;

    /// Mil conexiones abiertas a la vez, unidas al mismo grupo, reciben el
    /// mismo mensaje; al irse, no dejan nada atrás.
    ///
    /// Sube el límite blando de archivos abiertos de su proceso hasta el
    /// duro; si el duro tampoco alcanza, lo dice y no hace nada.
    pub async fn mil_conexiones_a_la_vez_reciben_el_mismo_mensaje<S: ServidorDeChat>() {
        let limite = subir_limite_de_archivos();
        if limite < DESCRIPTORES {
            eprintln!(
                "AVISO: prueba omitida. Necesita {DESCRIPTORES} archivos abiertos y este proceso \
                 solo puede tener {limite} (el límite duro de `ulimit -Hn`). Súbelo para correrla."
            );
            return;
        }
        let servidor = servidor_con::<S>(Config {
            capacidad: 1000,
            registrar_errores: true,
            ..Config::default()
        })
        .await;

        // Se conectan de una en una (la cola de conexiones pendientes del
        // sistema es corta), pero quedan todas abiertas a la vez.
        let mut clientes = Vec::with_capacity(CLIENTES);
        for i in 0..CLIENTES {
            let mut c = ClienteSimple::conectar(servidor.direccion())
                .await
                .unwrap_or_else(|e| panic!("el cliente {i} no pudo conectar: {e}"));
            c.join("todos").await.unwrap();
            clientes.push(c);
        }
        servidor
            .esperar_hasta(|s| s.conexiones() == CLIENTES && s.suscriptores() == CLIENTES)
            .await;

        clientes[0].post("todos", "¡hola a los mil!").await.unwrap();
        // Los mil leen a la vez, dentro de esta tarea.
        let lecturas = clientes.iter_mut().map(|c| c.recibir_paquete());
        let paquetes = futures::future::join_all(lecturas).await;
        let bien = paquetes
            .iter()
            .filter(|p| {
                matches!(p, Ok(FromServer::Message { message, .. })
                    if message.as_str() == "¡hola a los mil!")
            })
            .count();
        assert_eq!(bien, CLIENTES, "no todos recibieron el mensaje");

        drop(clientes);
        servidor
            .esperar_hasta(|s| s.conexiones() == 0 && s.suscriptores() == 0)
            .await;
        assert_eq!(servidor.panicos(), 0);
    }
}

/// Etapa 6: detener el servidor.
pub mod apagado {
    use super::*;

    pub async fn detener_cierra_las_conexiones_y_sus_suscripciones<S: ServidorDeChat>() {
        let servidor = servidor::<S>(1000).await;
        let direccion = servidor.direccion();
        let mut clientes = Vec::new();
        for _ in 0..5 {
            let mut c = cliente(&servidor).await;
            c.join("perros").await.unwrap();
            clientes.push(c);
        }
        servidor.esperar_hasta(|s| s.suscriptores() == 5).await;

        // `detener` solo vuelve cuando no queda ninguna conexión ni tarea.
        servidor.detener().await;
        for c in &mut clientes {
            match c.recibir().await {
                None | Some(Err(_)) => {}
                Some(Ok(paquete)) => panic!("tras detener el servidor llegó {paquete:?}"),
            }
        }
        // Y ya no acepta conexiones nuevas.
        assert!(
            ClienteSimple::conectar(direccion).await.is_err(),
            "el servidor detenido sigue aceptando conexiones"
        );
    }

    /// Un cliente que no lee, con su conexión llena, no retiene el apagado
    /// para siempre: `detener` vuelve igual, y no deja nada vivo.
    pub async fn un_cliente_que_no_lee_no_retiene_el_apagado<S: ServidorDeChat>() {
        use crate::chat::LIMITE_MENSAJE;
        const CAPACIDAD: usize = 16;
        let servidor = servidor::<S>(CAPACIDAD).await;
        let mut sordo = cliente(&servidor).await;
        sordo.join("sala").await.unwrap();
        let mut otro = cliente(&servidor).await;
        otro.join("sala").await.unwrap();
        servidor.esperar_hasta(|s| s.suscriptores() == 2).await;

        // Se publica hasta que la cola del grupo llega a su capacidad: para
        // entonces, la conexión del sordo está llena (los búferes del sistema
        // y la cola de salida, si la hay) y su escritura, esperando.
        let relleno = "x".repeat(LIMITE_MENSAJE - 16);
        let mut enviados = 0;
        while servidor.retenidos_max() < CAPACIDAD {
            assert!(
                enviados < 100_000,
                "se publicaron {enviados} mensajes y la cola del grupo nunca llegó a su \
                 capacidad ({CAPACIDAD})"
            );
            otro.post("sala", &format!("{enviados} {relleno}"))
                .await
                .unwrap();
            mensaje_de(&mut otro, "sala").await;
            enviados += 1;
        }

        // El límite de la prueba es lo único que puede hacerla fallar aquí:
        // un `detener` que espera a que el sordo lea no vuelve nunca.
        servidor.detener().await;
        match otro.recibir().await {
            None | Some(Err(_)) => {}
            Some(Ok(paquete)) => panic!("tras detener el servidor llegó {paquete:?}"),
        }
        drop(sordo);
    }
}

// ANCHOR: macro
/// Un `#[test]` por cada prueba del chat, para el servidor `$servidor` (un
/// tipo que implementa [`ServidorDeChat`](crate::chat::interfaz::ServidorDeChat)).
///
/// Sin más argumentos, todas las etapas; con nombres de etapa, solo esas.
/// Cada etapa es un módulo de pruebas con su nombre, así que
/// `cargo test --test chat unirse_y_publicar` corre solo esa. Cada prueba
/// corre en [`con_limite_tokio`](crate::prueba::con_limite_tokio): ver en
/// [`crate::chat::interfaz`] por qué en tokio.
#[macro_export]
macro_rules! pruebas_del_chat {
    ($servidor:ty) => {
        $crate::pruebas_del_chat!(
            $servidor,
            aceptar_y_leer_lineas,
            unirse_y_publicar,
            entrada_mal_formada_y_demasiado_larga,
            lector_lento,
            mil_clientes_y_desconexiones,
            apagado
        );
    };
    ($servidor:ty, $($etapa:ident),+ $(,)?) => {
        $( $crate::pruebas_del_chat!(@etapa $servidor, $etapa); )+
    };
    (@etapa $servidor:ty, aceptar_y_leer_lineas) => {
        $crate::pruebas_del_chat!(@pruebas $servidor, aceptar_y_leer_lineas, [
            (20, SI_SE_CUELGA, acepta_muchas_conexiones_y_las_cuenta),
            (20, SI_SE_CUELGA, cada_linea_es_un_paquete_aunque_llegue_a_trozos),
        ]);
    };
    (@etapa $servidor:ty, unirse_y_publicar) => {
        $crate::pruebas_del_chat!(@pruebas $servidor, unirse_y_publicar, [
            (20, SI_SE_CUELGA, join_y_post_llegan_a_todos_los_miembros_y_a_nadie_mas),
            (20, SI_SE_CUELGA, un_grupo_que_no_existe_da_un_error_y_la_conexion_sigue),
            (20, SI_SE_CUELGA, unirse_dos_veces_no_duplica_los_mensajes),
            (20, SI_SE_CUELGA, el_cliente_del_libro_y_este_servidor_hablan_el_mismo_idioma),
        ]);
    };
    (@etapa $servidor:ty, entrada_mal_formada_y_demasiado_larga) => {
        $crate::pruebas_del_chat!(@pruebas $servidor, entrada_mal_formada_y_demasiado_larga, [
            (20, SI_SE_CUELGA, un_paquete_ilegible_da_un_error_y_la_conexion_sigue),
            (20, SI_SE_CUELGA, los_nombres_y_los_mensajes_tienen_un_limite),
            (20, SI_SE_CUELGA, una_linea_desmesurada_da_un_error_y_cierra_la_conexion),
            (20, SI_SE_CUELGA, una_linea_desmesurada_seguida_de_mas_datos_recibe_su_error),
            (20, SI_SE_CUELGA, una_linea_a_medias_se_cierra_tras_su_limite),
        ]);
    };
    (@etapa $servidor:ty, lector_lento) => {
        $crate::pruebas_del_chat!(@pruebas $servidor, lector_lento, [
            (60, SI_SE_CUELGA, un_lector_lento_no_frena_a_los_demas_y_la_memoria_esta_acotada),
        ]);
    };
    (@etapa $servidor:ty, mil_clientes_y_desconexiones) => {
        $crate::pruebas_del_chat!(@pruebas $servidor, mil_clientes_y_desconexiones, [
            (30, SI_SE_CUELGA, las_desconexiones_bruscas_no_dejan_tareas_ni_suscripciones),
            (120, SI_NO_TERMINAN_LAS_MIL, mil_conexiones_a_la_vez_reciben_el_mismo_mensaje),
        ]);
    };
    (@etapa $servidor:ty, apagado) => {
        $crate::pruebas_del_chat!(@pruebas $servidor, apagado, [
            (20, SI_SE_CUELGA, detener_cierra_las_conexiones_y_sus_suscripciones),
            (20, SI_EL_APAGADO_NO_TERMINA, un_cliente_que_no_lee_no_retiene_el_apagado),
        ]);
    };
    (@pruebas $servidor:ty, $etapa:ident,
        [$(($segundos:expr, $mensaje:ident, $prueba:ident)),+ $(,)?]) => {
        mod $etapa {
            // El tipo del servidor se nombra como en el archivo que llama.
            #[allow(unused_imports)]
            use super::*;
            $(
                #[test]
                fn $prueba() {
                    $crate::prueba::con_limite_tokio(
                        $segundos,
                        $crate::chat::pruebas::$mensaje,
                        || $crate::chat::pruebas::$etapa::$prueba::<$servidor>(),
                    )
                }
            )+
        }
    };
}
// ANCHOR_END: macro
