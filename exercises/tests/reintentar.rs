// Pruebas del ejercicio `reintentar`: repetir una operación asíncrona que
// puede fallar.
//
// Archivo que editas: exercises/src/reintentar.rs
// Capítulo: book/src/04-async-blocks.md · Pista: cargo run -- pista reintentar
//
// Las pruebas no miden cuánto tarda nada por arriba: cuentan. El servidor
// local tiene una ruta, `/falla_veces?clave=NOMBRE&veces=K`, que responde 500
// a las K primeras peticiones con esa clave y 200 a las siguientes, y cuenta
// cuántas le llegaron: así se sabe cuántos intentos hizo `reintentar`. La
// espera entre intentos se comprueba solo por abajo (al menos tanto como se
// pidió), y que no bloquee el hilo, con un contador que corre a su lado.

// Tu archivo entra en estas pruebas como el módulo `reintentar`, y ningún
// otro ejercicio entra con él: si otro no compila, estas pruebas compilan y
// corren igual. Las mismas pruebas corren contra la solución:
// solutions/tests/reintentar.rs incluye este archivo (por eso no tiene
// comentarios `//!`) y declara el módulo con solutions/src/reintentar.rs; allí
// está activo `cfg(solucion)`, que apaga esta declaración.
#[cfg(not(solucion))]
#[path = "../src/reintentar.rs"]
#[allow(unused_variables)] // el esbozo aún no usa sus parámetros
pub mod reintentar;

use std::cell::Cell;
use std::time::{Duration, Instant};

use async_std::task;
use reintentar::reintentar;
use taller_async::Servidor;
use taller_async::prueba::con_limite;

const SI_SE_CUELGA: &str = "`reintentar` no terminó. ¿Esperas cada intento con \
    `operacion().await`? ¿Sales del bucle con el primer `Ok` y después del \
    último intento? ¿Esperas con `async_std::task::sleep(espera).await`, y no \
    con `std::thread::sleep`?";

/// Una espera corta para las pruebas que no miran la espera.
const ESPERA_CORTA: Duration = Duration::from_millis(5);

/// Un GET con surf, un cliente HTTP que funciona: `Ok` con el cuerpo si el
/// servidor respondió 200, `Err` con el estado y el cuerpo si no.
async fn pedir(url: &str) -> Result<String, String> {
    let mut respuesta = surf::get(url)
        .await
        .map_err(|e| format!("surf no pudo hablar con el servidor local: {e}"))?;
    let cuerpo = respuesta
        .body_string()
        .await
        .map_err(|e| format!("surf no pudo leer el cuerpo: {e}"))?;
    if respuesta.status().is_success() {
        Ok(cuerpo)
    } else {
        Err(format!(
            "{}: {}",
            u16::from(respuesta.status()),
            cuerpo.trim_end()
        ))
    }
}

/// La ruta del servidor local que falla `veces` veces con `clave`.
fn ruta(clave: &str, veces: usize) -> String {
    format!("/falla_veces?clave={clave}&veces={veces}")
}

/// Qué probablemente salió mal si el servidor vio `vistas` peticiones y
/// debía ver `esperadas`.
fn diagnostico(vistas: usize, esperadas: usize) -> &'static str {
    if vistas == 0 {
        "`reintentar` no llamó a la operación ni una vez."
    } else if vistas == 1 {
        "¿Llamas a la operación una sola vez, sin repetirla cuando falla?"
    } else if vistas == esperadas + 1 {
        "Hiciste un intento de más: ¿cuentas los intentos desde 0 y comparas con `<=`, \
         o vuelves a llamar después de un `Ok`?"
    } else if vistas + 1 == esperadas {
        "Hiciste un intento de menos: ¿cuentas desde 1 y comparas con `<`?"
    } else if vistas > esperadas {
        "¿Sigues llamando a la operación después de un `Ok`, o pasas de `intentos`?"
    } else {
        "¿Paras antes de agotar los intentos?"
    }
}

#[test]
fn sale_bien_en_el_intento_k_mas_uno_si_el_servidor_falla_k_veces() {
    con_limite(20, SI_SE_CUELGA, || async {
        let servidor = Servidor::iniciar().await.unwrap();
        // (fallos del servidor, intentos): siempre hay intentos de sobra.
        for (veces, intentos) in [(0, 3), (1, 3), (2, 3), (3, 6)] {
            let clave = format!("exito_{veces}_de_{intentos}");
            let url = servidor.url(&ruta(&clave, veces));
            // El closure asíncrono toma prestado `url`, un `String` de aquí.
            let resultado = reintentar(intentos, ESPERA_CORTA, async || pedir(&url).await).await;
            let vistas = servidor.peticiones_con_clave(&clave);
            let esperadas = veces + 1;
            assert!(
                vistas == esperadas,
                "Con un servidor que falla {veces} veces y {intentos} intentos, el \
                 servidor debía ver {esperadas} peticiones (los {veces} fallos y el \
                 éxito), y vio {vistas}. {}",
                diagnostico(vistas, esperadas)
            );
            match resultado {
                Ok(cuerpo) => assert!(
                    cuerpo.contains(&format!("petición {esperadas} ")),
                    "`reintentar` devolvió un `Ok` que no es el de la petición \
                     {esperadas}, la que salió bien: {cuerpo:?}"
                ),
                Err(error) => panic!(
                    "El servidor falla {veces} veces y había {intentos} intentos: \
                     `reintentar` debía devolver el `Ok` del intento {esperadas}, y \
                     devolvió `Err({error:?})`."
                ),
            }
        }
    })
}

#[test]
fn devuelve_el_error_del_ultimo_tras_exactamente_n_intentos() {
    con_limite(20, SI_SE_CUELGA, || async {
        let servidor = Servidor::iniciar().await.unwrap();
        // (fallos del servidor, intentos): los fallos no caben en los intentos.
        for (veces, intentos) in [(3, 3), (10, 3), (6, 2)] {
            let clave = format!("fallo_{veces}_de_{intentos}");
            let url = servidor.url(&ruta(&clave, veces));
            let resultado = reintentar(intentos, ESPERA_CORTA, async || pedir(&url).await).await;
            let vistas = servidor.peticiones_con_clave(&clave);
            assert!(
                vistas == intentos,
                "Con un servidor que falla {veces} veces y {intentos} intentos, el \
                 servidor debía ver exactamente {intentos} peticiones, y vio {vistas}. {}",
                diagnostico(vistas, intentos)
            );
            let ultimo = format!("Fallo {intentos} de {veces}");
            match resultado {
                Err(error) => assert!(
                    error.contains(&ultimo),
                    "Todos los intentos fallaron: `reintentar` debía devolver el error \
                     del último (el que dice «{ultimo}»), y devolvió {error:?}. ¿Guardas \
                     el primer error en lugar del último?"
                ),
                Ok(cuerpo) => panic!(
                    "Los {intentos} intentos fallaron y `reintentar` devolvió \
                     `Ok({cuerpo:?})`: ¿hiciste un intento de más?"
                ),
            }
        }
    })
}

#[test]
fn con_un_solo_intento_llama_una_vez() {
    con_limite(20, SI_SE_CUELGA, || async {
        let servidor = Servidor::iniciar().await.unwrap();
        for veces in [1, 0] {
            let clave = format!("un_intento_{veces}");
            let url = servidor.url(&ruta(&clave, veces));
            let resultado = reintentar(1, ESPERA_CORTA, async || pedir(&url).await).await;
            let vistas = servidor.peticiones_con_clave(&clave);
            assert!(
                vistas == 1,
                "Con `intentos = 1`, la operación se llama una vez, y el servidor vio \
                 {vistas} peticiones. {}",
                diagnostico(vistas, 1)
            );
            assert!(
                resultado.is_ok() == (veces == 0),
                "Con un solo intento y un servidor que falla {veces} veces, \
                 `reintentar` devolvió {resultado:?}: debía devolver lo que dio ese \
                 único intento."
            );
        }
    })
}

#[test]
fn no_espera_si_el_primer_intento_sale_bien() {
    con_limite(
        10,
        "`reintentar` tenía una espera de una hora entre intentos y el primer \
         intento salió bien, así que no debía esperar nada. ¿Esperas antes del \
         primer intento, o después de cada intento aunque salga bien? Solo se \
         espera entre un intento fallido y el siguiente.",
        || async {
            let servidor = Servidor::iniciar().await.unwrap();
            let url = servidor.url(&ruta("a_la_primera", 0));
            let una_hora = Duration::from_secs(3600);
            let resultado = reintentar(3, una_hora, async || pedir(&url).await).await;
            let vistas = servidor.peticiones_con_clave("a_la_primera");
            assert!(
                resultado.is_ok() && vistas == 1,
                "El servidor no falla: `reintentar` debía devolver `Ok` tras una \
                 petición, y devolvió {resultado:?} tras {vistas}. {}",
                diagnostico(vistas, 1)
            );
        },
    )
}

#[test]
fn no_espera_despues_del_ultimo_intento() {
    con_limite(20, SI_SE_CUELGA, || async {
        // Una operación que falla siempre, y en el acto: el sondeo en el que
        // se hace el último intento ya tiene el error que hay que devolver.
        // Si en ese mismo sondeo `reintentar` no termina, es que se ha puesto
        // a esperar otra vez, para nada. Se cuentan llamadas y sondeos; el
        // reloj no se mira.
        for intentos in [1, 2, 3] {
            let llamadas = Cell::new(0_usize);
            let mut reintentos = std::pin::pin!(reintentar(intentos, ESPERA_CORTA, async || {
                llamadas.set(llamadas.get() + 1);
                Err::<(), String>(format!("fallo {}", llamadas.get()))
            }));
            let resultado = loop {
                if let std::task::Poll::Ready(resultado) = futures::poll!(reintentos.as_mut()) {
                    break resultado;
                }
                assert!(
                    llamadas.get() < intentos,
                    "Con {intentos} intentos de una operación que falla siempre, el último \
                     intento ya falló (van {} llamadas) y `reintentar` siguió esperando en \
                     lugar de devolver su error. Se esperaba que lo devolviera enseguida: \
                     solo se espera *entre* un intento fallido y el siguiente, y después \
                     del último no hay siguiente.",
                    llamadas.get()
                );
                // Está esperando entre dos intentos: se le deja esperar.
                task::sleep(Duration::from_millis(1)).await;
            };
            assert!(
                resultado == Err(format!("fallo {intentos}")) && llamadas.get() == intentos,
                "Con {intentos} intentos de una operación que falla siempre, `reintentar` \
                 debía llamarla {intentos} veces y devolver el último error, y devolvió \
                 {resultado:?} tras {} llamadas. {}",
                llamadas.get(),
                diagnostico(llamadas.get(), intentos)
            );
        }
    })
}

#[test]
fn espera_al_menos_espera_entre_un_intento_y_el_siguiente() {
    con_limite(20, SI_SE_CUELGA, || async {
        let servidor = Servidor::iniciar().await.unwrap();
        let (veces, intentos) = (3, 5);
        let espera = Duration::from_millis(40);
        let url = servidor.url(&ruta("con_espera", veces));
        let inicio = Instant::now();
        let resultado = reintentar(intentos, espera, async || pedir(&url).await).await;
        let transcurrido = inicio.elapsed();
        let vistas = servidor.peticiones_con_clave("con_espera");
        assert!(
            resultado.is_ok() && vistas == veces + 1,
            "El servidor falla {veces} veces y había {intentos} intentos: `reintentar` \
             debía devolver `Ok` tras {} peticiones, y devolvió {resultado:?} tras \
             {vistas}. {}",
            veces + 1,
            diagnostico(vistas, veces + 1)
        );
        // Solo una cota inferior: con la máquina cargada puede tardar más, nunca
        // menos.
        let minimo = espera * veces as u32;
        assert!(
            transcurrido >= minimo,
            "Hubo {veces} intentos fallidos antes del bueno, con {} ms de espera \
             entre uno y otro: debía tardar al menos {} ms, y tardó {} ms. ¿Esperas \
             `task::sleep(espera).await` después de cada intento fallido? Sin el \
             `.await`, el future de `sleep` no hace nada.",
            espera.as_millis(),
            minimo.as_millis(),
            transcurrido.as_millis()
        );
    })
}

#[test]
fn la_espera_no_bloquea_el_hilo() {
    con_limite(20, SI_SE_CUELGA, || async {
        let servidor = Servidor::iniciar().await.unwrap();
        let (veces, intentos) = (2, 3);
        let url = servidor.url(&ruta("sin_bloquear", veces));

        // Un contador que corre en la misma tarea que `reintentar` (`join!`
        // los sondea por turnos, en el mismo hilo): suma uno y cede el hilo,
        // una y otra vez. Solo puede sumar cuando `reintentar` devuelve
        // `Pending`. Cada intento anota cuánto marcaba al empezar y al
        // terminar: si entre el final de un intento y el principio del
        // siguiente el contador no se movió, la espera bloqueó el hilo.
        let tics = Cell::new(0u64);
        let terminado = Cell::new(false);
        let mut marcas: Vec<(u64, u64)> = Vec::new();
        let reintentos = async {
            let resultado = reintentar(intentos, Duration::from_millis(30), async || {
                let al_empezar = tics.get();
                let respuesta = pedir(&url).await;
                marcas.push((al_empezar, tics.get()));
                respuesta
            })
            .await;
            terminado.set(true);
            resultado
        };
        let contador = async {
            while !terminado.get() {
                tics.set(tics.get() + 1);
                task::yield_now().await;
            }
        };
        let (resultado, ()) = futures::join!(reintentos, contador);

        assert!(
            resultado.is_ok() && marcas.len() == veces + 1,
            "El servidor falla {veces} veces y había {intentos} intentos: `reintentar` \
             debía devolver `Ok` tras {} intentos, y devolvió {resultado:?} tras {}.",
            veces + 1,
            marcas.len()
        );
        for (i, par) in marcas.windows(2).enumerate() {
            let ((_, fin), (inicio, _)) = (par[0], par[1]);
            assert!(
                inicio > fin,
                "Entre el final del intento {} y el principio del {}, un contador que \
                 corre en el mismo hilo no avanzó (marcaba {fin} y seguía en {inicio}): \
                 la espera bloqueó el hilo. Usa `async_std::task::sleep(espera).await`, \
                 no `std::thread::sleep`, que duerme el hilo entero y con él al \
                 ejecutor.",
                i + 1,
                i + 2
            );
        }
    })
}

#[test]
fn acepta_un_closure_asincrono_que_cambia_lo_que_captura() {
    con_limite(20, SI_SE_CUELGA, || async {
        // Un `AsyncFnMut`: el closure suma uno a `llamadas` en cada intento, y
        // el préstamo `&mut llamadas` cruza el `.await`. Con una firma como
        // `F: FnMut() -> Fut`, este closure no se podría pasar.
        let mut llamadas = 0;
        let resultado = reintentar(5, ESPERA_CORTA, async || {
            llamadas += 1;
            task::yield_now().await;
            if llamadas < 3 {
                Err(format!("fallo {llamadas}"))
            } else {
                Ok(llamadas)
            }
        })
        .await;
        assert!(
            resultado == Ok(3) && llamadas == 3,
            "La operación falla en las llamadas 1 y 2 y sale bien en la 3, con 5 \
             intentos: `reintentar` debía devolver `Ok(3)` tras 3 llamadas, y devolvió \
             {resultado:?} tras {llamadas}. {}",
            diagnostico(llamadas, 3)
        );

        let mut llamadas = 0;
        let resultado: Result<(), String> = reintentar(4, ESPERA_CORTA, async || {
            llamadas += 1;
            task::yield_now().await;
            Err(format!("fallo {llamadas}"))
        })
        .await;
        assert!(
            resultado == Err("fallo 4".to_string()) && llamadas == 4,
            "La operación falla siempre, con 4 intentos: `reintentar` debía llamarla 4 \
             veces y devolver el último error, `Err(\"fallo 4\")`, y devolvió \
             {resultado:?} tras {llamadas} llamadas. {}",
            diagnostico(llamadas, 4)
        );
    })
}
