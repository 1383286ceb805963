// Pruebas del ejercicio `tokio_runtime`: `many_requests` con `tokio::spawn`,
// sin que una tarea que falla hunda a las demás.
//
// Archivo que editas: exercises/src/tokio_runtime.rs
// Capítulo: book/src/tokio-runtime.md · Pista: cargo run -- pista tokio_runtime

// Tu archivo entra en estas pruebas como el módulo `tokio_runtime`, y ningún
// otro ejercicio entra con él: si otro no compila, estas pruebas compilan y
// corren igual. Las mismas pruebas corren contra la solución:
// solutions/tests/tokio_runtime.rs incluye este archivo (por eso no tiene
// comentarios `//!`) y declara el módulo con solutions/src/tokio_runtime.rs;
// allí está activo `cfg(solucion)`, que apaga esta declaración.
#[cfg(not(solucion))]
#[path = "../src/tokio_runtime.rs"]
#[allow(unused_variables)] // el esbozo aún no usa sus parámetros
pub mod tokio_runtime;

use std::cell::Cell;
use std::panic::AssertUnwindSafe;
use std::time::Duration;

use futures::FutureExt;
use taller_async::prueba::con_limite_tokio;
use taller_async::{Servidor, respuesta};
use tokio_runtime::{Fallo, many_requests};

const SI_SE_CUELGA: &str = "many_requests no terminó. ¿Esperas (`.await`) todos los \
    JoinHandle, uno detrás de otro, después de lanzarlos todos con `tokio::spawn`?";

fn peticiones(servidor: &Servidor, rutas: &[&str]) -> Vec<(String, u16, String)> {
    rutas
        .iter()
        .map(|ruta| (servidor.host(), servidor.puerto(), ruta.to_string()))
        .collect()
}

/// La `interpretar` de casi todas las pruebas: se queda con el cuerpo.
fn cuerpo(respuesta: String) -> String {
    respuesta::cuerpo(&respuesta).to_string()
}

/// Una `interpretar` con un fallo: entra en pánico con la respuesta a
/// `/explota`, como un `unwrap` que no esperaba esa respuesta.
fn explota_con_una(respuesta: String) -> String {
    assert!(
        !respuesta::cuerpo(&respuesta).contains("GET /explota "),
        "pánico a propósito de la prueba: esta respuesta no se deja interpretar"
    );
    cuerpo(respuesta)
}

/// Cuántos resultados hay, o la prueba falla diciéndolo.
fn revisar_cuantos(resultados: &[Result<String, Fallo>], esperados: usize) {
    assert!(
        resultados.len() == esperados,
        "Hay que devolver un resultado por petición: se pidieron {esperados} y llegaron {}",
        resultados.len()
    );
}

/// Que el resultado `i` sea la respuesta a `GET ruta`.
fn revisar_ok(resultados: &[Result<String, Fallo>], i: usize, ruta: &str) {
    match &resultados[i] {
        Ok(cuerpo) => assert!(
            cuerpo.contains(&format!("GET {ruta} ")),
            "El resultado {i} debería ser la respuesta a GET {ruta}, y es:\n{cuerpo}\n\
             ¿Devuelves los resultados en el orden en que terminan? Espera los \
             JoinHandle en el orden de las peticiones."
        ),
        Err(fallo) => panic!(
            "El resultado {i} (GET {ruta}) debería ser Ok, y es Err({fallo:?}). Un fallo en \
             otra petición no debe afectar a esta, y los resultados van en el orden de las \
             peticiones."
        ),
    }
}

#[test]
fn todas_las_peticiones_estan_en_vuelo_a_la_vez() {
    con_limite_tokio(15, SI_SE_CUELGA, || async {
        const N: usize = 10;
        // 300 ms por petición: tiempo de sobra para que lleguen todas antes
        // de que termine la primera, si se lanzan juntas.
        let servidor = Servidor::con_latencia(Duration::from_millis(300))
            .await
            .unwrap();
        let rutas: Vec<String> = (0..N).map(|i| format!("/{i}")).collect();
        let rutas: Vec<&str> = rutas.iter().map(String::as_str).collect();
        let resultados = many_requests(peticiones(&servidor, &rutas), cuerpo).await;

        revisar_cuantos(&resultados, N);
        for (i, ruta) in rutas.iter().enumerate() {
            revisar_ok(&resultados, i, ruta);
        }
        assert!(
            servidor.pico_en_vuelo() == N,
            "El servidor atendió como mucho {} de las {N} peticiones a la vez: no \
             corrieron todas concurrentemente. ¿Esperas cada handle nada más lanzar su \
             tarea? Lanza todas con `tokio::spawn` y espera los handles después.",
            servidor.pico_en_vuelo()
        );
    })
}

#[test]
fn devuelve_los_resultados_en_el_orden_de_las_peticiones() {
    con_limite_tokio(15, SI_SE_CUELGA, || async {
        let servidor = Servidor::iniciar().await.unwrap();
        // La primera tarda más y la última menos: terminan al revés de como
        // se pidieron, pero el resultado i debe ser el de la petición i.
        let rutas: Vec<String> = (0..5)
            .map(|i| format!("/{i}?espera_ms={}", 250 - 50 * i))
            .collect();
        let rutas: Vec<&str> = rutas.iter().map(String::as_str).collect();
        let resultados = many_requests(peticiones(&servidor, &rutas), cuerpo).await;
        revisar_cuantos(&resultados, 5);
        for i in 0..5 {
            revisar_ok(&resultados, i, &format!("/{i}"));
        }
    })
}

#[test]
fn una_tarea_con_panico_es_el_error_de_su_entrada() {
    con_limite_tokio(15, SI_SE_CUELGA, || async {
        let servidor = Servidor::iniciar().await.unwrap();
        // La primera tarda 250 ms: termina la última, así que el orden de
        // llegada no es el de las peticiones.
        let lista = peticiones(&servidor, &["/lenta?espera_ms=250", "/explota", "/c"]);
        // Si el pánico de la tarea cruza a `many_requests` (un `unwrap` del
        // handle), se recoge aquí para decirlo en español.
        let resultados = match AssertUnwindSafe(many_requests(lista, explota_con_una))
            .catch_unwind()
            .await
        {
            Ok(resultados) => resultados,
            Err(carga) => {
                let texto = carga
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| carga.downcast_ref::<&str>().map(|t| t.to_string()))
                    .unwrap_or_default();
                panic!(
                    "many_requests entró en pánico: «{texto}».\nUna de las tareas entra en \
                     pánico a propósito; ese pánico debía llegar como el `Err(JoinError)` de \
                     su handle y quedarse en su entrada, como `Fallo::Tarea`. ¿Haces \
                     `unwrap()` o `expect()` al esperar el JoinHandle?"
                )
            }
        };
        revisar_cuantos(&resultados, 3);
        revisar_ok(&resultados, 0, "/lenta");
        match &resultados[1] {
            Err(Fallo::Tarea(error)) => assert!(
                error.is_panic(),
                "El resultado 1 es un `Fallo::Tarea`, pero el `JoinError` no es un pánico: \
                 {error:?}"
            ),
            otro => panic!(
                "La tarea de GET /explota entró en pánico: su resultado debería ser \
                 Err(Fallo::Tarea(..)), con el `JoinError` del handle, y es {otro:?}"
            ),
        }
        revisar_ok(&resultados, 2, "/c");
    })
}

#[test]
fn un_error_de_red_es_el_error_de_su_entrada() {
    con_limite_tokio(15, SI_SE_CUELGA, || async {
        let servidor = Servidor::iniciar().await.unwrap();
        let cerrado = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .unwrap()
            .port();
        let mut lista = peticiones(&servidor, &["/lenta?espera_ms=250", "/c"]);
        lista.insert(1, ("127.0.0.1".to_string(), cerrado, "/b".to_string()));
        let resultados = many_requests(lista, cuerpo).await;
        revisar_cuantos(&resultados, 3);
        revisar_ok(&resultados, 0, "/lenta");
        assert!(
            matches!(resultados[1], Err(Fallo::Peticion(_))),
            "La petición 1 va a un puerto cerrado: su resultado debería ser \
             Err(Fallo::Peticion(..)), con el error de `cheapo_request`, y es {:?}",
            resultados[1]
        );
        revisar_ok(&resultados, 2, "/c");
    })
}

#[test]
fn espera_los_handles_sin_bloquear_el_hilo() {
    con_limite_tokio(15, SI_SE_CUELGA, || async {
        let servidor = Servidor::con_latencia(Duration::from_millis(200))
            .await
            .unwrap();
        let lista = peticiones(&servidor, &["/a", "/b", "/c"]);
        // Un contador de latidos en la misma tarea: `futures::join!` sondea
        // primero `many_requests` y después el contador, por turnos. El
        // contador solo late cuando `many_requests` devuelve `Pending`, es
        // decir, cuando espera un handle con `.await`. Si lo espera
        // bloqueando el hilo, su primer sondeo lo hace todo y el contador no
        // late ni una vez.
        let hecho = Cell::new(false);
        let latidos = Cell::new(0usize);
        let peticiones = async {
            let resultados = many_requests(lista, cuerpo).await;
            hecho.set(true);
            resultados
        };
        let latir = async {
            while !hecho.get() {
                latidos.set(latidos.get() + 1);
                tokio::task::yield_now().await;
            }
        };
        let (resultados, ()) = futures::join!(peticiones, latir);
        revisar_cuantos(&resultados, 3);
        assert!(
            latidos.get() > 0,
            "Mientras las peticiones tardaban 200 ms, el contador de la misma tarea no \
             latió ni una vez: many_requests no devolvió nunca `Pending`. ¿Esperas los \
             handles con un `block_on`? Dentro de un runtime, espera con `.await`."
        );
    })
}
