// Pruebas del ejercicio `lineas_con_select`: leer líneas en un `select!` sin
// perder un byte.
//
// Archivo que editas: exercises/src/lineas_con_select.rs
// Capítulo: book/src/cancelacion.md · Pista: cargo run -- pista lineas_con_select

// Tu archivo entra en estas pruebas como el módulo `lineas_con_select`, y
// ningún otro ejercicio entra con él: si otro no compila, estas pruebas
// compilan y corren igual. Las mismas pruebas corren contra la solución:
// solutions/tests/lineas_con_select.rs incluye este archivo (por eso no
// tiene comentarios `//!`) y declara el módulo con
// solutions/src/lineas_con_select.rs; allí está activo `cfg(solucion)`, que
// apaga esta declaración.
#[cfg(not(solucion))]
#[path = "../src/lineas_con_select.rs"]
#[allow(unused_variables)] // el esbozo aún no usa sus parámetros
pub mod lineas_con_select;

// Todas corren con el reloj de tokio en pausa y un «socket» en memoria
// (`tokio::io::duplex`): los trozos de texto llegan a los milisegundos
// exactos del plan de cada prueba, los tics a los múltiplos exactos del
// periodo, y nunca coinciden en el mismo instante. Así, quién gana cada
// vuelta del `select!` es lo mismo en cada corrida, y las pruebas no tardan
// nada de verdad.

use std::time::Duration;

use lineas_con_select::{Resumen, lineas_con_select};
use taller_async::prueba::con_limite_tokio_pausado;
use tokio::io::{AsyncWriteExt, DuplexStream};
use tokio::time::{self, Instant};
use tokio_util::sync::CancellationToken;

const SI_SE_CUELGA: &str = "lineas_con_select no terminó. ¿Tiene tu `select!` una rama con \
    `apagar.cancelled()` que salga del bucle? ¿Y sales del bucle cuando la entrada se cierra \
    (el stream da `None`, o la lectura da 0 bytes)?";

const PERIODO: Duration = Duration::from_millis(100);

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Escribe cada trozo a su milisegundo (contado desde `inicio`), y después
/// cancela `apagar` al milisegundo `apagar_en`, si lo hay. Si no, cierra la
/// entrada al terminar.
async fn escribir(
    mut socket: DuplexStream,
    inicio: Instant,
    plan: Vec<(u64, String)>,
    apagar: Option<(u64, CancellationToken)>,
) {
    for (en, trozo) in plan {
        time::sleep_until(inicio + ms(en)).await;
        socket.write_all(trozo.as_bytes()).await.unwrap();
    }
    if let Some((en, apagar)) = apagar {
        time::sleep_until(inicio + ms(en)).await;
        apagar.cancel();
        // La entrada sigue abierta hasta después de apagar: solo la señal
        // de apagado puede terminar el bucle.
        time::sleep(ms(1)).await;
    }
    drop(socket);
}

/// Corre `lineas_con_select` con un plan de escritura; devuelve su resultado
/// y el milisegundo en que volvió.
async fn correr(plan: Vec<(u64, &str)>, apagar_en: Option<u64>) -> (Resumen, u128) {
    let (escritura, lectura) = tokio::io::duplex(64);
    let apagar = CancellationToken::new();
    let inicio = Instant::now();
    let plan = plan
        .into_iter()
        .map(|(en, t)| (en, t.to_string()))
        .collect();
    let (_, (resultado, al_volver)) = tokio::join!(
        escribir(
            escritura,
            inicio,
            plan,
            apagar_en.map(|en| (en, apagar.clone()))
        ),
        async {
            let resultado = lineas_con_select(lectura, PERIODO, apagar.clone()).await;
            (resultado, inicio.elapsed().as_millis())
        }
    );
    let resumen = resultado.unwrap_or_else(|error| {
        panic!("lineas_con_select devolvió un error de E/S que no tocaba: {error}")
    });
    (resumen, al_volver)
}

#[test]
fn cada_linea_llega_entera_y_en_orden() {
    con_limite_tokio_pausado(10, SI_SE_CUELGA, || async {
        // Cada línea llega en dos trozos, con un tic en medio (los tics, a
        // los 0, 100, 200, 300 y 400 ms).
        let plan = vec![
            (50, "uno-"),
            (150, "a\ndos-"),
            (250, "b\ntr"),
            (350, "es\n"),
        ];
        let (resumen, _) = correr(plan, Some(450)).await;
        let esperadas = ["uno-a", "dos-b", "tres"];
        assert!(
            resumen.lineas == esperadas,
            "Se mandaron las líneas {esperadas:?}, cada una en dos trozos con un tic en \
             medio, y llegaron {:?}.\nSi falta el principio de cada línea: el tic ganó \
             el `select!`, que soltó el future de la lectura con la media línea que ya \
             había leído. Un `read_line` nuevo en cada vuelta no es seguro ante la \
             cancelación, ni siquiera con el `String` fuera del bucle. La media línea \
             tiene que vivir fuera del future: `FramedRead` con `LinesCodec`, o un \
             `Vec<u8>` fuera del bucle con `read_until`.",
            resumen.lineas
        );
    })
}

#[test]
fn cuenta_los_tics() {
    con_limite_tokio_pausado(10, SI_SE_CUELGA, || async {
        // Una línea cada 60 ms, más a menudo que los tics, de 100 en 100 ms.
        let textos: Vec<(u64, String)> = (0..17)
            .map(|i| (30 + 60 * i, format!("línea {i}\n")))
            .collect();
        let plan = textos.iter().map(|(en, t)| (*en, t.as_str())).collect();
        let (resumen, _) = correr(plan, Some(1050)).await;
        assert!(
            resumen.lineas.len() == 17,
            "Se mandaron 17 líneas y llegaron {}: {:?}",
            resumen.lineas.len(),
            resumen.lineas
        );
        assert!(
            resumen.tics == 11,
            "Con un periodo de 100 ms y apagado a los 1050 ms, el intervalo da 11 tics \
             (a los 0, 100, ..., 1000 ms, el primero enseguida), y se contaron {}.\n\
             Si se contaron menos: ¿creas un `sleep(periodo)` nuevo en cada vuelta? \
             Cada línea que gana el `select!` lo suelta, y el siguiente vuelve a \
             empezar de cero: con líneas cada 60 ms, no termina nunca. Crea un \
             `tokio::time::interval(periodo)` una vez, antes del bucle, y espera su \
             `tick()` en cada vuelta.",
            resumen.tics
        );
    })
}

#[test]
fn apagar_lo_detiene_enseguida() {
    con_limite_tokio_pausado(10, SI_SE_CUELGA, || async {
        // No llega nada, y la entrada sigue abierta: solo apagar puede parar.
        let (resumen, al_volver) = correr(vec![], Some(250)).await;
        assert!(
            al_volver == 250,
            "Se apagó a los 250 ms, y lineas_con_select volvió a los {al_volver} ms (del \
             reloj de tokio, en pausa). ¿Miras `apagar.is_cancelled()` solo al \
             principio de cada vuelta? Así, el bucle no se entera hasta que gana otra \
             rama. Pon `apagar.cancelled()` como una rama más del `select!`."
        );
        assert!(
            resumen.tics == 3 && resumen.lineas.is_empty(),
            "Hasta los 250 ms el intervalo da 3 tics (a los 0, 100 y 200 ms; el primero \
             llega enseguida), y no llega ninguna línea. Llegó {resumen:?}. ¿Usas \
             `tokio::time::interval`?"
        );
    })
}

#[test]
fn termina_cuando_se_cierra_la_entrada() {
    con_limite_tokio_pausado(10, SI_SE_CUELGA, || async {
        // Sin apagar: la entrada se cierra después del último trozo, a los 120 ms.
        let (resumen, al_volver) = correr(vec![(50, "a\nb\n"), (120, "")], None).await;
        assert!(
            resumen.lineas == ["a", "b"],
            "Se mandaron las líneas [\"a\", \"b\"] y llegaron {:?}",
            resumen.lineas
        );
        assert!(
            al_volver == 120,
            "La entrada se cerró a los 120 ms, y lineas_con_select volvió a los \
             {al_volver} ms. Cuando la lectura dice que no hay más (el stream da \
             `None`, o la lectura da 0 bytes), sal del bucle."
        );
    })
}
