// Pruebas del ejercicio `many_requests`: `many_requests` con `spawn_local`.
//
// Archivo que editas: exercises/src/many_requests.rs
// Capítulo: book/src/02-many-requests.md · Pista: cargo run -- pista many_requests

// Tu archivo entra en estas pruebas como el módulo `many_requests`, y ningún
// otro ejercicio entra con él: si otro no compila, estas pruebas compilan y
// corren igual. Las mismas pruebas corren contra la solución:
// solutions/tests/many_requests.rs incluye este archivo (por eso no tiene
// comentarios `//!`) y declara el módulo con solutions/src/many_requests.rs; allí
// está activo `cfg(solucion)`, que apaga esta declaración.
#[cfg(not(solucion))]
#[path = "../src/many_requests.rs"]
#[allow(unused_variables)] // el esbozo aún no usa sus parámetros
pub mod many_requests;

use std::time::Duration;

use many_requests::many_requests;
use taller_async::prueba::con_limite;
use taller_async::{Servidor, respuesta};

const SI_SE_CUELGA: &str = "many_requests no terminó. ¿Esperas (`.await`) todos los \
    JoinHandle, uno detrás de otro, después de lanzarlos todos?";

fn peticiones(servidor: &Servidor, rutas: &[String]) -> Vec<(String, u16, String)> {
    rutas
        .iter()
        .map(|ruta| (servidor.host(), servidor.puerto(), ruta.clone()))
        .collect()
}

#[test]
fn todas_las_peticiones_estan_en_vuelo_a_la_vez() {
    con_limite(15, SI_SE_CUELGA, || async {
        const N: usize = 10;
        // Cada petición tarda 300 ms en el servidor: da tiempo de sobra a que
        // lleguen todas antes de que termine la primera, si se lanzan juntas.
        let servidor = Servidor::con_latencia(Duration::from_millis(300))
            .await
            .unwrap();
        let rutas: Vec<String> = (0..N).map(|i| format!("/{i}")).collect();
        let resultados = many_requests(peticiones(&servidor, &rutas)).await;

        assert!(
            resultados.len() == N,
            "Hay que devolver un resultado por petición: se pidieron {} y llegaron {}",
            N,
            resultados.len()
        );
        for r in &resultados {
            let r = r.as_ref().expect("una petición al servidor local falló");
            assert!(
                respuesta::estado(r) == Some(200),
                "Respuesta inesperada:\n{r}"
            );
        }
        assert!(
            servidor.pico_en_vuelo() == N,
            "El servidor atendió como mucho {} de las {N} peticiones a la vez: no \
             corrieron todas concurrentemente. ¿Esperas cada una antes de lanzar la \
             siguiente? Lanza todas con `spawn_local` y espera los handles después.",
            servidor.pico_en_vuelo()
        );
    })
}

#[test]
fn devuelve_los_resultados_en_el_orden_de_las_peticiones() {
    con_limite(15, SI_SE_CUELGA, || async {
        let servidor = Servidor::iniciar().await.unwrap();
        // La primera tarda más y la última menos: terminan al revés de como
        // se pidieron, pero el resultado i debe ser el de la petición i.
        let rutas: Vec<String> = (0..5)
            .map(|i| format!("/{i}?espera_ms={}", 250 - 50 * i))
            .collect();
        let resultados = many_requests(peticiones(&servidor, &rutas)).await;
        assert!(
            resultados.len() == 5,
            "Hay que devolver un resultado por petición: se pidieron {} y llegaron {}",
            5,
            resultados.len()
        );
        for (i, r) in resultados.iter().enumerate() {
            let r = r.as_ref().expect("una petición al servidor local falló");
            assert!(
                respuesta::cuerpo(r).contains(&format!("GET /{i} ")),
                "El resultado {i} debería ser la respuesta a GET /{i}, y es:\n{r}\n\
                 Guarda los JoinHandle en un Vec y espéralos en ese orden."
            );
        }
    })
}

#[test]
fn un_error_no_hace_fallar_a_las_demas_peticiones() {
    con_limite(15, SI_SE_CUELGA, || async {
        let servidor = Servidor::iniciar().await.unwrap();
        let cerrado = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .unwrap()
            .port();
        let mut lista = peticiones(&servidor, &["/a".to_string(), "/c".to_string()]);
        lista.insert(1, ("127.0.0.1".to_string(), cerrado, "/b".to_string()));
        let resultados = many_requests(lista).await;
        assert!(
            resultados.len() == 3,
            "Hay que devolver un resultado por petición: se pidieron {} y llegaron {}",
            3,
            resultados.len()
        );
        assert!(
            resultados[0].is_ok(),
            "La petición 0 debería ir bien: {:?}",
            resultados[0]
        );
        assert!(
            resultados[1].is_err(),
            "La petición 1 va a un puerto cerrado y debería ser un Err, no {:?}",
            resultados[1]
        );
        assert!(
            resultados[2].is_ok(),
            "La petición 2 debería ir bien: {:?}",
            resultados[2]
        );
    })
}
