// Pruebas del ejercicio `cheapo_request`: `cheapo_request` asíncrono.
//
// Archivo que editas: exercises/src/cheapo_request.rs
// Capítulo: book/src/01-cheapo-request.md · Pista: cargo run -- pista cheapo_request

// Tu archivo entra en estas pruebas como el módulo `cheapo_request`, y ningún
// otro ejercicio entra con él: si otro no compila, estas pruebas compilan y
// corren igual. Las mismas pruebas corren contra la solución:
// solutions/tests/cheapo_request.rs incluye este archivo (por eso no tiene
// comentarios `//!`) y declara el módulo con solutions/src/cheapo_request.rs; allí
// está activo `cfg(solucion)`, que apaga esta declaración.
#[cfg(not(solucion))]
#[path = "../src/cheapo_request.rs"]
#[allow(unused_variables)] // el esbozo aún no usa sus parámetros
pub mod cheapo_request;

use std::cell::Cell;
use std::time::Duration;

use async_std::task;
use cheapo_request::cheapo_request;
use taller_async::prueba::con_limite;
use taller_async::{Servidor, respuesta};

const SI_SE_CUELGA: &str = "cheapo_request no terminó. ¿Lees la respuesta con \
    `read_to_string(...).await`? ¿Cerraste la escritura con `shutdown(Write)` o \
    enviaste `Connection: close`? Sin eso el servidor espera otra petición.";

#[test]
fn devuelve_la_respuesta_entera_del_servidor() {
    con_limite(10, SI_SE_CUELGA, || async {
        let servidor = Servidor::iniciar().await.unwrap();
        let r = cheapo_request(&servidor.host(), servidor.puerto(), "/hola")
            .await
            .expect("cheapo_request devolvió un error contra el servidor local");
        assert!(
            respuesta::estado(&r) == Some(200),
            "La respuesta debería empezar con `HTTP/1.1 200 OK`. Llegó:\n{r}"
        );
        // Primero, si llegó entera: a una respuesta cortada le puede faltar
        // la ruta, y el motivo de verdad sería el corte, no la ruta.
        comprobar_que_llego_entera(&r);
        assert!(
            respuesta::cuerpo(&r).contains("GET /hola"),
            "La respuesta llegó entera, pero el servidor no vio la ruta /hola: ¿va en \
             la primera línea, `GET {{path}} HTTP/1.1`? Llegó:\n{r}"
        );
    })
}

const SI_LEES_UNA_VEZ: &str = "¿Lees con una sola llamada a `read`, o paras cuando una \
    lectura no llena el búfer? `read` devuelve lo que haya llegado hasta ese momento, que \
    puede ser solo una parte: lee hasta que el servidor cierre, con \
    `read_to_string(...).await`.";

/// Falla, diciendo por qué, si a la respuesta `r` le falta algo: el final
/// de las cabeceras o parte del cuerpo que promete su `Content-Length`.
fn comprobar_que_llego_entera(r: &str) {
    assert!(
        r.contains("\r\n\r\n"),
        "Se esperaba la respuesta entera, y ni siquiera terminan sus cabeceras (falta la \
         línea en blanco que las separa del cuerpo). {SI_LEES_UNA_VEZ} Llegó:\n{r}"
    );
    if let Err(error) = respuesta::revisar(r) {
        panic!("{}", incompleta(&error, r));
    }
}

/// El mensaje de una respuesta que `respuesta::revisar` rechaza.
fn incompleta(error: &respuesta::ErrorRespuesta, r: &str) -> String {
    match error {
        respuesta::ErrorRespuesta::Incompleta {
            prometidos,
            recibidos,
        } => format!(
            "Se esperaba la respuesta entera, y le falta cuerpo: su `Content-Length` \
             promete {prometidos} bytes y en lo que devolvió cheapo_request hay \
             {recibidos}. {SI_LEES_UNA_VEZ} Llegó:\n{r}"
        ),
        otro => format!("Se esperaba una respuesta 200 entera, y {otro}. Llegó:\n{r}"),
    }
}

#[test]
fn lee_la_respuesta_entera_aunque_llegue_a_trozos() {
    con_limite(10, SI_SE_CUELGA, || async {
        // El servidor manda el cuerpo en 3 trozos, con 200 ms entre uno y
        // otro, como una red lenta: una sola lectura se queda con el primero.
        let servidor = Servidor::iniciar().await.unwrap();
        let r = cheapo_request(
            &servidor.host(),
            servidor.puerto(),
            "/a-trozos?trozos=3&pausa_ms=200",
        )
        .await
        .expect("cheapo_request devolvió un error contra el servidor local");
        assert!(
            respuesta::estado(&r) == Some(200),
            "La respuesta debería empezar con `HTTP/1.1 200 OK`. Llegó:\n{r}"
        );
        comprobar_que_llego_entera(&r);
        assert!(
            respuesta::cuerpo(&r).contains("GET /a-trozos"),
            "La respuesta llegó entera, pero el servidor no vio la ruta /a-trozos: \
             ¿va en la primera línea, `GET {{path}} HTTP/1.1`? Llegó:\n{r}"
        );
    })
}

#[test]
fn no_bloquea_el_hilo_mientras_espera_al_servidor() {
    con_limite(10, SI_SE_CUELGA, || async {
        let servidor = Servidor::con_latencia(Duration::from_millis(400))
            .await
            .unwrap();
        // Un reloj que avanza cada 10 ms en la misma tarea que la petición
        // (`join!` las sondea por turnos en el mismo hilo). Solo puede
        // avanzar si la petición devuelve `Pending` mientras espera; si la
        // petición bloquea el hilo, el reloj se queda quieto.
        let terminada = Cell::new(false);
        let tics = Cell::new(0);
        let peticion = async {
            let r = cheapo_request(&servidor.host(), servidor.puerto(), "/").await;
            terminada.set(true);
            r
        };
        let reloj = async {
            while !terminada.get() {
                task::sleep(Duration::from_millis(10)).await;
                tics.set(tics.get() + 1);
            }
        };
        let (r, ()) = futures::join!(peticion, reloj);
        r.expect("cheapo_request devolvió un error contra el servidor local");
        assert!(
            tics.get() >= 5,
            "Mientras el servidor tardaba 400 ms, un reloj que late cada 10 ms en el \
             mismo hilo solo latió {} veces: cheapo_request bloquea el hilo. ¿Usas \
             `std::net::TcpStream` en lugar de `async_std::net::TcpStream`, o \
             `std::io::Read` en lugar de `async_std::io::prelude::*`?",
            tics.get()
        );
    })
}

#[test]
fn devuelve_un_error_si_nadie_escucha() {
    con_limite(10, SI_SE_CUELGA, || async {
        // Un puerto que estuvo libre hace un instante y ya nadie escucha.
        let puerto = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .unwrap()
            .port();
        let r = cheapo_request("127.0.0.1", puerto, "/").await;
        match r {
            Err(e) => assert!(
                e.kind() == std::io::ErrorKind::ConnectionRefused,
                "Se esperaba una conexión rechazada, llegó: {e}"
            ),
            Ok(r) => panic!(
                "Nadie escucha en el puerto {puerto}, pero cheapo_request devolvió Ok:\n{r}\n\
                 Devuelve el error de `connect` con `?`."
            ),
        }
    })
}
