// Pruebas del ejercicio `many_requests_spawn`: `spawn` contra `spawn_local`.
//
// Archivo que editas: exercises/src/many_requests_spawn.rs
// Capítulo: book/src/02-many-requests.md · Pista: cargo run -- pista many_requests_spawn

// Tu archivo entra en estas pruebas como el módulo `many_requests_spawn`, y ningún
// otro ejercicio entra con él: si otro no compila, estas pruebas compilan y
// corren igual. Las mismas pruebas corren contra la solución:
// solutions/tests/many_requests_spawn.rs incluye este archivo (por eso no tiene
// comentarios `//!`) y declara el módulo con solutions/src/many_requests_spawn.rs; allí
// está activo `cfg(solucion)`, que apaga esta declaración.
#[cfg(not(solucion))]
#[path = "../src/many_requests_spawn.rs"]
#[allow(unused_variables)] // el esbozo aún no usa sus parámetros
pub mod many_requests_spawn;

use std::cell::Cell;
use std::time::{Duration, Instant};

use async_std::task;
use many_requests_spawn::{many_requests_spawn, spawn_request};
use taller_async::prueba::con_limite;
use taller_async::{Servidor, respuesta};

const SI_SE_CUELGA: &str = "la petición lanzada no terminó. ¿Lanzas la tarea con \
    `task::spawn` y esperas su JoinHandle?";

// Comprobación en tiempo de compilación: el future de `many_requests_spawn`
// puede mandarse a otro hilo. Si deja de ser `Send`, esto no compila.
fn es_send<T: Send>(_: &T) {}

#[test]
fn spawn_request_corre_sin_que_nadie_espere_el_handle() {
    con_limite(15, SI_SE_CUELGA, || async {
        let servidor = Servidor::iniciar().await.unwrap();
        // Cadenas temporales: si spawn_request guardara préstamos de ellas,
        // no compilaría.
        let handle = {
            let host = servidor.host();
            let ruta = String::from("/en-el-pool");
            spawn_request(&host, servidor.puerto(), &ruta)
        };

        // Este hilo se bloquea a propósito, sin sondear el handle: solo el
        // pool de hilos de async-std puede hacer avanzar la petición.
        let limite = Instant::now() + Duration::from_secs(5);
        while servidor.atendidas() == 0 && Instant::now() < limite {
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(
            servidor.atendidas() == 1,
            "Con el hilo que llamó bloqueado y el handle sin esperar, la petición \
             no llegó a responderse. ¿Usaste `spawn_local`? Esa tarea solo corre \
             cuando su hilo la sondea. `task::spawn` la manda al pool de hilos."
        );

        let r = handle.await.expect("la petición al servidor local falló");
        assert!(
            respuesta::cuerpo(&r).contains("GET /en-el-pool"),
            "Respuesta inesperada:\n{r}"
        );
    })
}

#[test]
fn many_requests_spawn_lanza_todas_a_la_vez() {
    con_limite(15, SI_SE_CUELGA, || async {
        const N: usize = 12;
        let servidor = Servidor::con_latencia(Duration::from_millis(300))
            .await
            .unwrap();
        let lista: Vec<(String, u16, String)> = (0..N)
            .map(|i| (servidor.host(), servidor.puerto(), format!("/{i}")))
            .collect();

        let future = many_requests_spawn(&lista);
        es_send(&future);
        let resultados = future.await;

        assert!(
            resultados.len() == N,
            "Hay que devolver un resultado por petición: se pidieron {} y llegaron {}",
            N,
            resultados.len()
        );
        for (i, r) in resultados.iter().enumerate() {
            let r = r.as_ref().expect("una petición al servidor local falló");
            assert!(
                respuesta::cuerpo(r).contains(&format!("GET /{i} ")),
                "El resultado {i} debería ser la respuesta a GET /{i}, y es:\n{r}"
            );
        }
        assert!(
            servidor.pico_en_vuelo() == N,
            "El servidor atendió como mucho {} de las {N} peticiones a la vez. \
             Lanza todas con spawn_request antes de esperar ninguna.",
            servidor.pico_en_vuelo()
        );
    })
}

#[test]
fn many_requests_spawn_espera_sin_bloquear_el_hilo() {
    con_limite(15, SI_SE_CUELGA, || async {
        const N: usize = 4;
        let servidor = Servidor::con_latencia(Duration::from_millis(300))
            .await
            .unwrap();
        let lista: Vec<(String, u16, String)> = (0..N)
            .map(|i| (servidor.host(), servidor.puerto(), format!("/{i}")))
            .collect();

        // Un latido en la misma tarea que `many_requests_spawn` (`join!` los
        // sondea por turnos, en el mismo hilo): suma uno y cede el hilo, una
        // y otra vez, mientras las peticiones no han terminado. Solo puede
        // latir cuando `many_requests_spawn` devuelve `Pending`. Si espera
        // los handles bloqueando el hilo, su primer sondeo no vuelve hasta
        // que terminan todas, y el latido llega tarde: 0.
        let terminado = Cell::new(false);
        let latidos = Cell::new(0_u64);
        let peticiones = async {
            let resultados = many_requests_spawn(&lista).await;
            terminado.set(true);
            resultados
        };
        let latido = async {
            while !terminado.get() {
                latidos.set(latidos.get() + 1);
                task::yield_now().await;
            }
        };
        let (resultados, ()) = futures::join!(peticiones, latido);

        assert!(
            resultados.len() == N && resultados.iter().all(|r| r.is_ok()),
            "Se pidieron {N} páginas al servidor local y se esperaban {N} resultados \
             `Ok`; llegaron {}: {resultados:?}",
            resultados.len()
        );
        assert!(
            latidos.get() >= 10,
            "Mientras el servidor tardaba 300 ms en responder, un latido que corre en \
             el mismo hilo que many_requests_spawn latió {} veces: se esperaban miles. \
             many_requests_spawn bloqueó el hilo. ¿Esperas los handles con \
             `task::block_on(handle)`? Eso duerme el hilo de quien llama hasta que la \
             tarea termina, y ninguna otra tarea de ese hilo avanza. Espéralos con \
             `handle.await`.",
            latidos.get()
        );
    })
}
