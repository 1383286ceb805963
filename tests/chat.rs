//! Pruebas del servidor de chat (`taller_async::chat`), por la red de
//! verdad, en 127.0.0.1.
//!
//! Cada prueba arranca su propio servidor en un puerto libre y le habla con
//! [`ClienteSimple`]. Nada se mide en tiempo: lo que el servidor promete se
//! demuestra contando. Cuántos mensajes llegan y en qué orden, cuántas
//! conexiones y tareas de suscripción siguen vivas (las cuenta el propio
//! servidor), cuántos mensajes llegó a guardar la cola de un grupo. Todas
//! corren dentro de `con_limite`: si algo se queda esperando para siempre,
//! la prueba falla y dice qué fue probablemente.
//!
//! La prueba de mil conexiones está aparte, en `tests/chat_mil.rs`, porque
//! necesita subir el límite de archivos abiertos de su proceso.

use std::sync::Arc;

use taller_async::chat::cliente_simple::ClienteSimple;
use taller_async::chat::servidor::connection::LIMITE_GRUPOS_POR_CONEXION;
use taller_async::chat::servidor::{Config, ServidorChat};
use taller_async::chat::{
    FromClient, FromServer, LIMITE_LINEA, LIMITE_MENSAJE, LIMITE_NOMBRE_GRUPO,
};
use taller_async::prueba::con_limite;

const SI_SE_CUELGA: &str = "el servidor de chat no respondió lo que se esperaba: un paquete \
    que nunca llega (¿se perdió un mensaje?), o una cuenta de conexiones o suscripciones que \
    nunca vuelve a cero (¿se quedó viva alguna tarea?).";

/// Un servidor en un puerto libre, sin escribir errores en la consola: las
/// pruebas los provocan a propósito.
async fn servidor(capacidad: usize) -> ServidorChat {
    let config = Config {
        capacidad,
        registrar_errores: false,
    };
    ServidorChat::con_config("127.0.0.1:0", config)
        .await
        .expect("no se pudo arrancar el servidor de chat")
}

async fn cliente(servidor: &ServidorChat) -> ClienteSimple {
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

/// El primer número que aparece en `texto`.
fn primer_numero(texto: &str) -> Option<usize> {
    texto
        .split(|c: char| !c.is_ascii_digit())
        .find(|trozo| !trozo.is_empty())
        .and_then(|n| n.parse().ok())
}

#[test]
fn join_y_post_llegan_a_todos_los_miembros_y_a_nadie_mas() {
    con_limite(20, SI_SE_CUELGA, || async {
        let servidor = servidor(1000).await;
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
    })
}

#[test]
fn un_grupo_que_no_existe_da_un_error_y_la_conexion_sigue() {
    con_limite(20, SI_SE_CUELGA, || async {
        let servidor = servidor(1000).await;
        let mut c = cliente(&servidor).await;
        c.post("loros", "¿hola?").await.unwrap();
        let error = error_de(&mut c).await;
        assert!(
            error.contains("loros"),
            "el error debería nombrar el grupo: {error}"
        );
        sigue_funcionando(&mut c, "loros").await;
        assert_eq!(servidor.panicos(), 0);
    })
}

#[test]
fn un_paquete_ilegible_da_un_error_y_la_conexion_sigue() {
    con_limite(20, SI_SE_CUELGA, || async {
        let servidor = servidor(1000).await;
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
    })
}

#[test]
fn los_nombres_y_los_mensajes_tienen_un_limite() {
    con_limite(20, SI_SE_CUELGA, || async {
        let servidor = servidor(1000).await;
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
    })
}

#[test]
fn una_linea_desmesurada_da_un_error_y_cierra_la_conexion() {
    con_limite(20, SI_SE_CUELGA, || async {
        let servidor = servidor(1000).await;

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
    })
}

#[test]
fn unirse_dos_veces_no_duplica_los_mensajes() {
    con_limite(20, SI_SE_CUELGA, || async {
        let servidor = servidor(1000).await;
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
    })
}

#[test]
fn un_lector_lento_no_frena_a_los_demas_y_la_memoria_esta_acotada() {
    con_limite(60, SI_SE_CUELGA, || async {
        const CAPACIDAD: usize = 16;
        let servidor = servidor(CAPACIDAD).await;

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
    })
}

// ANCHOR: desconexiones
#[test]
fn las_desconexiones_bruscas_no_dejan_tareas_ni_suscripciones() {
    con_limite(30, SI_SE_CUELGA, || async {
        let servidor = servidor(1000).await;
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
    })
}
// ANCHOR_END: desconexiones

#[test]
fn detener_cierra_las_conexiones_y_sus_suscripciones() {
    con_limite(20, SI_SE_CUELGA, || async {
        let servidor = servidor(1000).await;
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
    })
}

#[test]
fn el_cliente_del_libro_y_este_servidor_hablan_el_mismo_idioma() {
    con_limite(20, SI_SE_CUELGA, || async {
        let servidor = servidor(1000).await;
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
    })
}
