// Pruebas del ejercicio `streams`: un decodificador de líneas JSON como `Stream`.
//
// Archivo que editas: exercises/src/streams.rs
// Capítulo: book/src/08-streams.md · Pista: cargo run -- pista streams
//
// La entrada de casi todas las pruebas es un canal convertido en lector
// (`into_async_read`): la prueba decide qué trozos de texto llegan y cuándo, y
// puede dejar la entrada abierta, como una conexión que todavía no ha dicho
// nada más.

// Tu archivo entra en estas pruebas como el módulo `streams`, y ningún
// otro ejercicio entra con él: si otro no compila, estas pruebas compilan y
// corren igual. Las mismas pruebas corren contra la solución:
// solutions/tests/streams.rs incluye este archivo (por eso no tiene
// comentarios `//!`) y declara el módulo con solutions/src/streams.rs; allí
// está activo `cfg(solucion)`, que apaga esta declaración.
#[cfg(not(solucion))]
#[path = "../src/streams.rs"]
#[allow(unused_variables)] // el esbozo aún no usa sus parámetros
pub mod streams;

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::Poll;

use futures::channel::mpsc;
use futures::{Stream, StreamExt, TryStreamExt};
use serde::Deserialize;
use streams::{ErrorDeLinea, decodificar_lineas};
use taller_async::prueba::con_limite;

const SI_SE_CUELGA: &str = "el stream no dio el siguiente elemento. ¿Esperas a leer toda la \
    entrada antes de dar nada? Un stream entrega cada línea en cuanto llega. ¿Devuelve tu \
    stream `None` al final de la entrada?";

/// El tipo que decodifican las pruebas: un mensaje del chat.
#[derive(Debug, Deserialize, PartialEq)]
struct Mensaje {
    de: String,
    texto: String,
}

fn mensaje(de: &str, texto: &str) -> Mensaje {
    Mensaje {
        de: de.to_string(),
        texto: texto.to_string(),
    }
}

/// Un stream de `Mensaje` que lee `texto` entero y después termina.
fn decodificar_texto(
    texto: &'static str,
) -> std::pin::Pin<Box<impl Stream<Item = Result<Mensaje, ErrorDeLinea>>>> {
    // `Box::pin` porque el stream de tu solución puede no ser `Unpin`, y
    // `next()` lo exige.
    Box::pin(decodificar_lineas(texto.as_bytes()))
}

/// Lee todo el stream. Si no termina, `con_limite` lo dirá.
async fn todos<S: Stream + Unpin>(s: &mut S) -> Vec<S::Item> {
    let mut items = Vec::new();
    while let Some(item) = s.next().await {
        items.push(item);
    }
    items
}

/// Sondea `s.next()` unas cuantas veces, cediendo el hilo entre un sondeo y
/// otro, sin esperar indefinidamente: `Some(lo que dio)` si el stream dio algo,
/// o `None` si seguía sin dar nada.
async fn siguiente_ya<S: Stream + Unpin>(s: &mut S) -> Option<Option<S::Item>> {
    let mut siguiente = s.next();
    for _ in 0..50 {
        if let Poll::Ready(item) = futures::poll!(&mut siguiente) {
            return Some(item);
        }
        async_std::task::yield_now().await;
    }
    None
}

fn describir(item: &Result<Mensaje, ErrorDeLinea>) -> String {
    match item {
        Ok(m) => format!("Ok({m:?})"),
        Err(ErrorDeLinea::Io(e)) => format!("Err(Io: {e})"),
        Err(ErrorDeLinea::Json { linea, .. }) => format!("Err(Json en la línea {linea})"),
    }
}

fn describir_todos(items: &[Result<Mensaje, ErrorDeLinea>]) -> String {
    items.iter().map(describir).collect::<Vec<_>>().join(", ")
}

#[test]
fn decodifica_cada_linea_y_termina_al_final() {
    con_limite(10, SI_SE_CUELGA, || async {
        let mut s = decodificar_texto(
            "{\"de\":\"ana\",\"texto\":\"hola\"}\n\
             {\"de\":\"luis\",\"texto\":\"¿qué tal?\"}\n\
             {\"de\":\"eva\",\"texto\":\"adiós\"}",
        );
        let items = todos(&mut s).await;
        let esperados = [
            mensaje("ana", "hola"),
            mensaje("luis", "¿qué tal?"),
            mensaje("eva", "adiós"),
        ];
        assert!(
            items.len() == 3,
            "Tres líneas deberían dar tres elementos y llegaron {}: [{}]",
            items.len(),
            describir_todos(&items)
        );
        for (item, esperado) in items.iter().zip(&esperados) {
            assert!(
                matches!(item, Ok(m) if m == esperado),
                "Se esperaba Ok({esperado:?}) y llegó {}",
                describir(item)
            );
        }
    })
}

#[test]
fn una_linea_mal_formada_da_un_error_y_el_stream_sigue() {
    con_limite(10, SI_SE_CUELGA, || async {
        let mut s = decodificar_texto(
            "{\"de\":\"ana\",\"texto\":\"hola\"}\n\
             {\"de\":\"luis\",\"texto\":\n\
             {\"de\":\"eva\",\"texto\":\"adiós\"}\n\
             {\"de\":7}\n\
             {\"de\":\"ana\",\"texto\":\"¿seguimos?\"}\n",
        );
        let items = todos(&mut s).await;
        assert!(
            items.len() == 5,
            "Cinco líneas deberían dar cinco elementos (tres Ok y dos Err) y llegaron {}: [{}]. \
             ¿Cortas el stream en el primer error? Una línea mal formada es un elemento `Err`, \
             y después el stream sigue con la línea siguiente.",
            items.len(),
            describir_todos(&items)
        );
        assert!(
            matches!(&items[0], Ok(m) if *m == mensaje("ana", "hola")),
            "La línea 1 es válida y llegó {}",
            describir(&items[0])
        );
        assert!(
            matches!(&items[1], Err(ErrorDeLinea::Json { linea: 2, .. })),
            "La línea 2 es un JSON cortado: se esperaba Err(Json en la línea 2) y llegó {}",
            describir(&items[1])
        );
        assert!(
            matches!(&items[2], Ok(m) if *m == mensaje("eva", "adiós")),
            "La línea 3, después del error, es válida y llegó {}",
            describir(&items[2])
        );
        assert!(
            matches!(&items[3], Err(ErrorDeLinea::Json { linea: 4, .. })),
            "La línea 4 es un JSON bien escrito pero no es un Mensaje: se esperaba \
             Err(Json en la línea 4) y llegó {}",
            describir(&items[3])
        );
        assert!(
            matches!(&items[4], Ok(m) if *m == mensaje("ana", "¿seguimos?")),
            "La línea 5 es válida y llegó {}",
            describir(&items[4])
        );
    })
}

#[test]
fn las_lineas_vacias_se_saltan_pero_cuentan() {
    con_limite(10, SI_SE_CUELGA, || async {
        let mut s = decodificar_texto(
            "\n\
             {\"de\":\"ana\",\"texto\":\"hola\"}\n\
             \x20  \n\
             esto no es JSON\n\
             {\"de\":\"eva\",\"texto\":\"adiós\"}\n\
             \n",
        );
        let items = todos(&mut s).await;
        assert!(
            items.len() == 3,
            "Hay tres líneas con algo y tres vacías: deberían llegar tres elementos y \
             llegaron {}: [{}]. ¿Saltas las líneas vacías (o solo con espacios)?",
            items.len(),
            describir_todos(&items)
        );
        assert!(
            matches!(&items[0], Ok(m) if *m == mensaje("ana", "hola")),
            "El primer elemento debería ser el mensaje de ana y es {}",
            describir(&items[0])
        );
        assert!(
            matches!(&items[1], Err(ErrorDeLinea::Json { linea: 4, .. })),
            "«esto no es JSON» está en la línea 4 del texto (las vacías también cuentan): \
             se esperaba Err(Json en la línea 4) y llegó {}. ¿Numeras las líneas después \
             de quitar las vacías, o desde 0?",
            describir(&items[1])
        );
        assert!(
            matches!(&items[2], Ok(m) if *m == mensaje("eva", "adiós")),
            "El último elemento debería ser el mensaje de eva y es {}",
            describir(&items[2])
        );
    })
}

#[test]
fn da_cada_linea_en_cuanto_llega() {
    con_limite(10, SI_SE_CUELGA, || async {
        // La entrada queda abierta mientras viva `enviar`: como una conexión
        // por la que todavía pueden llegar más líneas.
        let (enviar, recibir) = mpsc::unbounded::<io::Result<Vec<u8>>>();
        let mut s = Box::pin(decodificar_lineas::<_, Mensaje>(recibir.into_async_read()));

        enviar
            .unbounded_send(Ok(b"{\"de\":\"ana\",\"texto\":\"hola\"}\n".to_vec()))
            .unwrap();
        let primero = siguiente_ya(&mut s).await;
        assert!(
            primero.is_some(),
            "Llegó una línea completa y el stream no la entregó: sigue esperando, \
             probablemente al final de la entrada. Un stream da cada elemento en cuanto \
             puede; no leas todas las líneas antes de dar la primera."
        );
        let primero = primero.unwrap();
        assert!(
            matches!(&primero, Some(Ok(m)) if *m == mensaje("ana", "hola")),
            "El primer elemento debería ser el mensaje de ana y es {:?}",
            primero.as_ref().map(describir)
        );

        enviar
            .unbounded_send(Ok(b"{\"de\":\"luis\",\"texto\":\"aqu".to_vec()))
            .unwrap();
        assert!(
            siguiente_ya(&mut s).await.is_none(),
            "Llegó media línea (sin el salto de línea) y el stream ya dio un elemento: \
             hay que esperar a que la línea esté completa."
        );
        enviar
            .unbounded_send(Ok("í estoy\"}\n".as_bytes().to_vec()))
            .unwrap();
        let segundo = s.next().await;
        assert!(
            matches!(&segundo, Some(Ok(m)) if *m == mensaje("luis", "aquí estoy")),
            "Al completarse la línea debería llegar el mensaje de luis, y llegó {:?}",
            segundo.as_ref().map(describir)
        );

        // Cerrar el canal es el final de la entrada.
        drop(enviar);
        let fin = s.next().await;
        assert!(
            fin.is_none(),
            "Al terminar la entrada el stream debería terminar (`None`) y dio {:?}",
            fin.as_ref().map(describir)
        );
    })
}

#[test]
fn no_lee_nada_hasta_que_alguien_lo_sondea() {
    con_limite(10, SI_SE_CUELGA, || async {
        // Cuenta los trozos de la entrada que se han leído.
        let leidos = Arc::new(AtomicUsize::new(0));
        let contador = Arc::clone(&leidos);
        let entrada = futures::stream::iter(vec![Ok::<_, io::Error>(
            b"{\"de\":\"ana\",\"texto\":\"hola\"}\n".to_vec(),
        )])
        .inspect(move |_| {
            contador.fetch_add(1, Ordering::SeqCst);
        })
        .into_async_read();

        let mut s = Box::pin(decodificar_lineas::<_, Mensaje>(entrada));
        assert!(
            leidos.load(Ordering::SeqCst) == 0,
            "decodificar_lineas leyó la entrada antes de que nadie sondeara el stream. \
             Debe ser perezosa, como un future: construye el stream y devuélvelo, sin \
             leer (¿usas `block_on` dentro?)."
        );

        let primero = s.next().await;
        assert!(
            matches!(&primero, Some(Ok(m)) if *m == mensaje("ana", "hola")),
            "Al sondearlo, el stream debería dar el mensaje de ana y dio {:?}",
            primero.as_ref().map(describir)
        );
        assert!(
            leidos.load(Ordering::SeqCst) == 1,
            "Al sondear el stream debería haberse leído el único trozo de la entrada"
        );
    })
}

#[test]
fn un_error_de_lectura_es_un_error_de_e_s() {
    con_limite(10, SI_SE_CUELGA, || async {
        let entrada = futures::stream::iter(vec![
            Ok(b"{\"de\":\"ana\",\"texto\":\"hola\"}\n".to_vec()),
            Err(io::Error::new(
                io::ErrorKind::ConnectionReset,
                "la conexión se cortó",
            )),
        ])
        .into_async_read();
        let mut s = Box::pin(decodificar_lineas::<_, Mensaje>(entrada));

        let primero = s.next().await;
        assert!(
            matches!(&primero, Some(Ok(m)) if *m == mensaje("ana", "hola")),
            "El primer elemento debería ser el mensaje de ana y es {:?}",
            primero.as_ref().map(describir)
        );
        let segundo = s.next().await;
        assert!(
            matches!(&segundo, Some(Err(ErrorDeLinea::Io(e))) if e.kind() == io::ErrorKind::ConnectionReset),
            "Tras la primera línea la entrada falla al leer: se esperaba \
             Some(Err(ErrorDeLinea::Io(..))) con el error de la entrada, y llegó {:?}. \
             ¿Descartas los errores de lectura?",
            segundo.as_ref().map(describir)
        );
    })
}

#[test]
fn una_linea_que_no_es_utf8_da_un_error_y_no_se_repite() {
    con_limite(10, SI_SE_CUELGA, || async {
        // La línea 2 no es texto: 0xFF y 0xFE no aparecen nunca en UTF-8.
        let entrada: &'static [u8] = b"{\"de\":\"ana\",\"texto\":\"hola\"}\n\
            \xff\xfe esto no es UTF-8\n\
            {\"de\":\"eva\",\"texto\":\"adi\xc3\xb3s\"}\n";
        let mut s = Box::pin(decodificar_lineas::<_, Mensaje>(entrada));

        // Como mucho diez elementos: un stream que repite su error para
        // siempre no termina, y la prueba no se queda esperando.
        let mut items = Vec::new();
        let mut termino = false;
        while items.len() < 10 {
            match s.next().await {
                Some(item) => items.push(item),
                None => {
                    termino = true;
                    break;
                }
            }
        }
        let vistos = describir_todos(&items);

        assert!(
            matches!(items.first(), Some(Ok(m)) if *m == mensaje("ana", "hola")),
            "La línea 1 es válida: se esperaba primero el mensaje de ana, y llegó [{vistos}]"
        );
        let error_de_la_linea_2 = |item: &Result<Mensaje, ErrorDeLinea>| match item {
            Err(ErrorDeLinea::Io(e)) => e.kind() == io::ErrorKind::InvalidData,
            Err(ErrorDeLinea::Json { linea, .. }) => *linea == 2,
            Ok(_) => false,
        };
        assert!(
            items.get(1).is_some_and(error_de_la_linea_2),
            "La línea 2 no es UTF-8 válido, así que no se puede leer como texto: se \
             esperaba un elemento `Err` por ella (de E/S, `InvalidData`, como el que da \
             `lines()`), y llegó [{vistos}]. ¿Descartas los errores de lectura?"
        );
        let despues = &items[2..];
        let bien = match despues {
            [] => termino,
            [Ok(m)] => termino && *m == mensaje("eva", "adiós"),
            _ => false,
        };
        assert!(
            bien,
            "Tras el error de la línea 2 se esperaba la línea 3 (el mensaje de eva) y el \
             final del stream, o el final enseguida; llegó [{vistos}]{}. Si el error se \
             repite, ¿usas el `lines()` de async-std? Tras una línea que no es UTF-8, ese \
             `lines()` da el mismo error una y otra vez sin avanzar, y un stream que sigue \
             tras los errores no termina nunca (lo cuenta el capítulo, en «Cuidado con el \
             UTF-8»). Usa el de `futures` (`futures::io::AsyncBufReadExt::lines`), que \
             descarta la línea y sigue, o termina el stream en el primer error de E/S.",
            if termino {
                ", y después el final"
            } else {
                ", y el stream seguía"
            }
        );
    })
}
