// Pruebas del ejercicio `many_requests_acotado`: como mucho `n` peticiones a la vez.
//
// Archivo que editas: exercises/src/many_requests_acotado.rs
// Capítulo: book/src/many-requests-acotado.md · Pista: cargo run -- pista many_requests_acotado

// Tu archivo entra en estas pruebas como el módulo `many_requests_acotado`, y
// ningún otro ejercicio entra con él: si otro no compila, estas pruebas
// compilan y corren igual. Las mismas pruebas corren contra la solución:
// solutions/tests/many_requests_acotado.rs incluye este archivo (por eso no
// tiene comentarios `//!`) y declara el módulo con
// solutions/src/many_requests_acotado.rs; allí está activo `cfg(solucion)`,
// que apaga esta declaración.
#[cfg(not(solucion))]
#[path = "../src/many_requests_acotado.rs"]
#[allow(unused_variables)] // el esbozo aún no usa sus parámetros
pub mod many_requests_acotado;

use std::time::Duration;

use many_requests_acotado::many_requests_acotado;
use taller_async::prueba::con_limite_tokio;
use taller_async::{Servidor, respuesta};

const SI_SE_CUELGA: &str = "many_requests_acotado no terminó. ¿Esperas algo que nunca llega, \
    por ejemplo un permiso del semáforo que nadie devuelve, o un stream que nadie sondea?";

/// Las URL `(host, puerto, ruta)` de `rutas` en `servidor`.
fn urls(servidor: &Servidor, rutas: &[String]) -> Vec<(String, u16, String)> {
    rutas
        .iter()
        .map(|ruta| (servidor.host(), servidor.puerto(), ruta.clone()))
        .collect()
}

/// Comprueba que haya un resultado por URL.
fn un_resultado_por_url(resultados: &[std::io::Result<String>], pedidas: usize) {
    assert!(
        resultados.len() == pedidas,
        "Hay que devolver un resultado por URL: se pidieron {pedidas} y llegaron {}. \
         ¿Se queda alguna sin pedir, o dejas de recoger resultados antes de tiempo?",
        resultados.len()
    );
}

#[test]
fn nunca_hay_mas_de_n_en_vuelo_y_se_llega_a_n() {
    con_limite_tokio(20, SI_SE_CUELGA, || async {
        for n in [1, 3, 7] {
            // Cada petición tarda 150 ms en el servidor: da tiempo de sobra a
            // que empiecen n a la vez, si se dejan empezar. Hay más URL que n.
            let servidor = Servidor::con_latencia(Duration::from_millis(150))
                .await
                .unwrap();
            let pedidas = 2 * n + 1;
            let rutas: Vec<String> = (0..pedidas).map(|i| format!("/{i}")).collect();
            let resultados = many_requests_acotado(urls(&servidor, &rutas), n).await;

            un_resultado_por_url(&resultados, pedidas);
            for r in &resultados {
                let r = r.as_ref().expect("una petición al servidor local falló");
                assert!(
                    respuesta::estado(r) == Some(200),
                    "Respuesta inesperada:\n{r}"
                );
            }
            let pico = servidor.pico_en_vuelo();
            assert!(
                pico <= n,
                "Con n = {n} y {pedidas} URL, el servidor llegó a atender {pico} peticiones a \
                 la vez: más de n. ¿Lanzas todas sin esperar a que haya sitio, o dejas entrar \
                 una de más (`<=` en lugar de `<`, un permiso de más)?"
            );
            assert!(
                pico == n,
                "Con n = {n} y {pedidas} URL, el servidor atendió como mucho {pico} peticiones a \
                 la vez, y debían ser n. ¿Esperas cada petición antes de empezar la siguiente?"
            );
        }
    })
}

#[test]
fn devuelve_los_resultados_en_el_orden_de_las_urls() {
    con_limite_tokio(20, SI_SE_CUELGA, || async {
        let servidor = Servidor::iniciar().await.unwrap();
        // La primera tarda más y la última menos: terminan casi al revés de
        // como se pidieron, pero el resultado i debe ser el de la URL i.
        let rutas: Vec<String> = (0..9)
            .map(|i| format!("/{i}?espera_ms={}", (9 - i) * 40))
            .collect();
        let resultados = many_requests_acotado(urls(&servidor, &rutas), 3).await;
        un_resultado_por_url(&resultados, 9);
        for (i, r) in resultados.iter().enumerate() {
            let r = r.as_ref().expect("una petición al servidor local falló");
            assert!(
                respuesta::cuerpo(r).contains(&format!("GET /{i} ")),
                "El resultado {i} debería ser la respuesta a GET /{i}, y es:\n{r}\n\
                 Los resultados salen en el orden en que terminan las peticiones: lleva con \
                 cada una el índice de su URL y ponla en su sitio (o usa `buffered`, que \
                 guarda el orden)."
            );
        }
    })
}

#[test]
fn una_url_que_falla_no_detiene_a_las_demas() {
    con_limite_tokio(20, SI_SE_CUELGA, || async {
        let servidor = Servidor::iniciar().await.unwrap();
        let cerrado = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .unwrap()
            .port();
        let mut lista = urls(
            &servidor,
            &[
                "/a?espera_ms=50".to_string(),
                "/error500".to_string(),
                "/c?espera_ms=50".to_string(),
                "/d".to_string(),
            ],
        );
        // Un puerto en el que nadie escucha: `cheapo_request` da un `Err`.
        lista.insert(1, ("127.0.0.1".to_string(), cerrado, "/b".to_string()));
        let resultados = many_requests_acotado(lista, 2).await;
        un_resultado_por_url(&resultados, 5);

        // Sin mirar el orden (lo mira otra prueba): un error y cuatro
        // respuestas, una de ellas el 500.
        let errores = resultados.iter().filter(|r| r.is_err()).count();
        assert!(
            errores == 1,
            "Solo la URL del puerto cerrado debía dar un Err, y hay {errores}: {resultados:?}"
        );
        let cuerpos: Vec<&str> = resultados
            .iter()
            .filter_map(|r| r.as_ref().ok())
            .map(|r| respuesta::cuerpo(r))
            .collect();
        for ruta in ["/a", "/c", "/d"] {
            assert!(
                cuerpos.iter().any(|c| c.contains(&format!("GET {ruta} "))),
                "Falta la respuesta a GET {ruta}: un error no debe detener a las demás \
                 URL. Llegó: {resultados:?}"
            );
        }
        let con_500 = resultados
            .iter()
            .filter_map(|r| r.as_ref().ok())
            .filter(|r| respuesta::estado(r) == Some(500))
            .count();
        assert!(
            con_500 == 1,
            "/error500 es una respuesta (con estado 500), no un Err, y debía estar entre los \
             resultados: {resultados:?}"
        );
    })
}

#[test]
fn no_espera_a_toda_la_tanda_para_empezar_la_siguiente() {
    con_limite_tokio(20, SI_SE_CUELGA, || async {
        for n in [2, 4] {
            let servidor = Servidor::iniciar().await.unwrap();
            // La URL n - 1, la última de la primera tanda de n, sigue en
            // vuelo hasta que el servidor ve empezar n + 1 peticiones: una
            // más de las que caben en la primera tanda. Las demás no tardan.
            // Si empiezas una nueva en cuanto termina una, llega enseguida;
            // si esperas a que termine toda la tanda, no llega nunca, y el
            // servidor la suelta a los 2 s diciendo cuántas vio.
            let rutas: Vec<String> = (0..3 * n)
                .map(|i| {
                    if i == n - 1 {
                        format!("/hasta_empezadas?total={}&max_ms=2000", n + 1)
                    } else {
                        format!("/rapida/{i}")
                    }
                })
                .collect();
            let resultados = many_requests_acotado(urls(&servidor, &rutas), n).await;
            un_resultado_por_url(&resultados, 3 * n);

            // Se busca por el cuerpo, no por la posición: el orden lo mira
            // otra prueba.
            let lenta = resultados
                .iter()
                .filter_map(|r| r.as_ref().ok())
                .map(|r| respuesta::cuerpo(r))
                .find(|c| c.contains("vio empezar"))
                .unwrap_or_else(|| {
                    panic!(
                        "No encuentro la respuesta a /hasta_empezadas entre los resultados: \
                         {resultados:?}"
                    )
                });
            assert!(
                lenta.starts_with("Liberada"),
                "Con n = {n}, mientras la URL {} seguía en vuelo, tu función no empezó \
                 ninguna petición nueva; el servidor dice: «{}». Una petición lenta no debe \
                 retener a las demás: en cuanto termine una, empieza la siguiente, sin \
                 esperar a que acabe toda la tanda de n.",
                n - 1,
                lenta.trim()
            );
        }
    })
}
