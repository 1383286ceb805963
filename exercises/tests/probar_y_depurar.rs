// Pruebas del ejercicio `probar_y_depurar`: una prueba que distinga una
// implementación correcta de las equivocadas.
//
// Archivo que editas: exercises/src/probar_y_depurar.rs
// Capítulo: book/src/probar-y-depurar.md · Pista: cargo run -- pista probar_y_depurar
//
// Aquí las cosas van al revés: lo que se prueba es tu prueba. Cada prueba de
// este archivo le pasa a tu `probar_pedir_todas` una implementación de
// `PedirTodas` y mira qué hace tu prueba con ella: con la correcta debe
// volver sin quejarse; con cada equivocada, entrar en pánico. Un pánico del
// `todo!()` del esbozo no cuenta como rechazo: así cada prueba falla
// mientras tu función sea el esbozo.
//
// Las implementaciones están abajo. No hace falta leerlas para resolver el
// ejercicio (la idea es que tu prueba las distinga sin saber cuál es cuál),
// pero no son ningún secreto.

// Tu archivo entra en estas pruebas como el módulo `probar_y_depurar`, y
// ningún otro ejercicio entra con él: si otro no compila, estas pruebas
// compilan y corren igual. Las mismas pruebas corren contra la solución:
// solutions/tests/probar_y_depurar.rs incluye este archivo (por eso no tiene
// comentarios `//!`) y declara el módulo con solutions/src/probar_y_depurar.rs;
// allí está activo `cfg(solucion)`, que apaga esta declaración.
#[cfg(not(solucion))]
#[path = "../src/probar_y_depurar.rs"]
#[allow(unused_variables)] // el esbozo aún no usa sus parámetros
pub mod probar_y_depurar;

use std::any::Any;
use std::io;
use std::panic::AssertUnwindSafe;
use std::time::Duration;

use futures::FutureExt;
use futures::future::{BoxFuture, join_all};
use probar_y_depurar::probar_pedir_todas;
use taller_async::bajo_prueba::{PedirTodas, Url};
use taller_async::prueba::con_limite_tokio;
use taller_async::referencia::en_tokio::cheapo_request;

const LIMITE_S: u64 = 20;

const SI_SE_CUELGA: &str = "tu prueba no terminó. ¿Espera algo que nunca llega, como un \
    latido que nadie detiene cuando `pedir_todas` termina? ¿O usa una latencia tan grande, o \
    tantas URL, que no acaba en unos segundos?";

/// Una petición al servidor local, con el cliente de la biblioteca.
async fn pedir((host, puerto, ruta): Url) -> io::Result<String> {
    cheapo_request(&host, puerto, &ruta).await
}

/// La correcta: todas las peticiones en un `join_all`, en la misma tarea.
/// Cada una cede el hilo en sus `.await`, y `join_all` devuelve los
/// resultados en el orden de las URL.
struct Correcta;

impl PedirTodas for Correcta {
    fn pedir_todas(&self, urls: Vec<Url>) -> BoxFuture<'_, Vec<io::Result<String>>> {
        join_all(urls.into_iter().map(pedir)).boxed()
    }
}

/// La misma correcta, en una máquina tan cargada que tarda el doble de lo
/// que tardaría pidiendo las URL una tras otra. Es correcta: cumple las tres
/// promesas, y ninguna habla de tiempo. La carga se imita con un `sleep`
/// asíncrono al final, tan largo como dos veces la suma de lo que tardó cada
/// petición (que es, más o menos, lo que tarda la secuencial), así que tarda
/// siempre más que la secuencial, en cualquier máquina.
struct CorrectaEnUnaMaquinaCargada;

impl PedirTodas for CorrectaEnUnaMaquinaCargada {
    fn pedir_todas(&self, urls: Vec<Url>) -> BoxFuture<'_, Vec<io::Result<String>>> {
        async move {
            let cronometradas = join_all(urls.into_iter().map(|url| async move {
                let inicio = tokio::time::Instant::now();
                let resultado = pedir(url).await;
                (resultado, inicio.elapsed())
            }))
            .await;
            let suma: Duration = cronometradas.iter().map(|(_, tardo)| *tardo).sum();
            tokio::time::sleep(suma * 2).await;
            cronometradas.into_iter().map(|(r, _)| r).collect()
        }
        .boxed()
    }
}

/// Equivocada: espera cada petición antes de empezar la siguiente. Nunca
/// hay más de una en vuelo.
struct Secuencial;

impl PedirTodas for Secuencial {
    fn pedir_todas(&self, urls: Vec<Url>) -> BoxFuture<'_, Vec<io::Result<String>>> {
        async move {
            let mut resultados = Vec::new();
            for url in urls {
                resultados.push(pedir(url).await);
            }
            resultados
        }
        .boxed()
    }
}

/// Equivocada: lanza una tarea por petición (todas en vuelo a la vez, bien),
/// pero espera a que terminen mirándolas cada 5 ms y durmiendo el hilo con
/// `std::thread::sleep` entre mirada y mirada. Mientras tanto, el hilo que
/// la espera no atiende a nadie más.
struct QueBloquea;

impl PedirTodas for QueBloquea {
    fn pedir_todas(&self, urls: Vec<Url>) -> BoxFuture<'_, Vec<io::Result<String>>> {
        async move {
            let tareas: Vec<_> = urls
                .into_iter()
                .map(|url| tokio::spawn(pedir(url)))
                .collect();
            while !tareas.iter().all(|tarea| tarea.is_finished()) {
                std::thread::sleep(Duration::from_millis(5));
            }
            let mut resultados = Vec::new();
            for tarea in tareas {
                resultados.push(
                    tarea
                        .await
                        .expect("una tarea de `QueBloquea` entró en pánico"),
                );
            }
            resultados
        }
        .boxed()
    }
}

/// Equivocada: una tarea por petición, que manda su resultado por un canal
/// con su índice (bien); pero el bucle que los recoge mira si ya llegaron
/// todos antes de guardar el que acaba de recibir, y sale con el último en
/// la mano. Devuelve una respuesta de menos, y todas las demás están bien.
struct QuePierdeUnMensaje;

impl PedirTodas for QuePierdeUnMensaje {
    fn pedir_todas(&self, urls: Vec<Url>) -> BoxFuture<'_, Vec<io::Result<String>>> {
        async move {
            let n = urls.len();
            let (enviar, mut recibir) = tokio::sync::mpsc::channel(n.max(1));
            for (i, url) in urls.into_iter().enumerate() {
                let enviar = enviar.clone();
                tokio::spawn(async move {
                    let _ = enviar.send((i, pedir(url).await)).await;
                });
            }
            drop(enviar);
            let mut resultados: Vec<Option<io::Result<String>>> = (0..n).map(|_| None).collect();
            let mut recibidos = 0;
            while let Some((i, resultado)) = recibir.recv().await {
                recibidos += 1;
                if recibidos == n {
                    break;
                }
                resultados[i] = Some(resultado);
            }
            resultados.into_iter().flatten().collect()
        }
        .boxed()
    }
}

/// El texto de un pánico, sea `&str` o `String`.
fn texto_del_panico(panico: &(dyn Any + Send)) -> String {
    if let Some(texto) = panico.downcast_ref::<&str>() {
        texto.to_string()
    } else if let Some(texto) = panico.downcast_ref::<String>() {
        texto.clone()
    } else {
        "(un pánico sin texto)".to_string()
    }
}

/// Corre tu prueba con `imp`, con un límite de tiempo de verdad. Devuelve
/// `Ok` si volvió sin quejarse, o el texto de su pánico.
///
/// El límite está fuera y el pánico se atrapa dentro: si tu prueba se
/// cuelga, esta prueba falla con el mensaje del límite; si entra en pánico,
/// se mira qué dijo.
fn correr_tu_prueba(imp: &'static dyn PedirTodas) -> Result<(), String> {
    con_limite_tokio(LIMITE_S, SI_SE_CUELGA, move || async move {
        AssertUnwindSafe(probar_pedir_todas(imp))
            .catch_unwind()
            .await
            .map_err(|panico| texto_del_panico(&*panico))
    })
}

/// Lo que dice el pánico del `todo!()` del esbozo.
const DEL_ESBOZO: &str = "escribe la prueba `probar_pedir_todas`";

fn no_es_el_esbozo(panico: &str) {
    assert!(
        !panico.contains(DEL_ESBOZO),
        "Tu prueba todavía es el esbozo: entró en pánico con su `todo!()` («{panico}»), y eso \
         no es rechazar nada. Escribe `probar_pedir_todas` en exercises/src/probar_y_depurar.rs."
    );
}

/// Tu prueba debe aceptar `imp`, que cumple todo lo que promete `PedirTodas`.
fn debe_aceptar(imp: &'static dyn PedirTodas, cual: &str, si_la_rechaza: &str) {
    if let Err(panico) = correr_tu_prueba(imp) {
        no_es_el_esbozo(&panico);
        panic!(
            "Tu prueba rechazó {cual}, que cumple las tres promesas de `PedirTodas`. Su pánico \
             fue: «{panico}».\n{si_la_rechaza}"
        );
    }
}

/// Tu prueba debe rechazar `imp` (entrar en pánico con ella), y no con el
/// `todo!()` del esbozo.
fn debe_rechazar(imp: &'static dyn PedirTodas, que_hace: &str, como_verlo: &str) {
    match correr_tu_prueba(imp) {
        Ok(()) => panic!(
            "Tu prueba aceptó una implementación que {que_hace}: volvió sin quejarse.\n\
             {como_verlo}"
        ),
        Err(panico) => no_es_el_esbozo(&panico),
    }
}

#[test]
fn acepta_la_correcta() {
    debe_aceptar(
        &Correcta,
        "la implementación correcta",
        "¿Pide tu prueba algo que `PedirTodas` no promete? Por ejemplo, que todas estén en \
         vuelo en un instante concreto (la promesa es que lo estén en algún momento: míralo \
         con `servidor.pico_en_vuelo()` al final), o que termine antes de un tiempo.",
    );
}

#[test]
fn acepta_la_correcta_en_una_maquina_cargada() {
    debe_aceptar(
        &CorrectaEnUnaMaquinaCargada,
        "la implementación correcta en una máquina cargada (la misma, pero tarda más que la \
         secuencial)",
        "Si tu prueba pone una cota superior al tiempo (un `timeout`, un `elapsed() < ...`), \
         rechaza una correcta en cuanto la máquina va cargada, como una de CI con dos núcleos \
         ocupados. Una cota inferior es segura; una superior, no. Cuenta en lugar de \
         cronometrar: el pico de peticiones en vuelo del servidor dice si fueron a la vez.",
    );
}

#[test]
fn rechaza_la_secuencial() {
    debe_rechazar(
        &Secuencial,
        "pide las URL una tras otra, así que nunca hay más de una en vuelo",
        "Pon una latencia al servidor (`Servidor::con_latencia`), dale varias URL y, al final, \
         mira `servidor.pico_en_vuelo()`: si fueron todas a la vez, llega al número de URL.",
    );
}

#[test]
fn rechaza_la_que_bloquea() {
    debe_rechazar(
        &QueBloquea,
        "espera a sus tareas con `std::thread::sleep`, bloqueando el hilo que la espera",
        "Corre un latido en la misma tarea que espera a `pedir_todas` (con `futures::join!`): \
         un contador que suma uno y duerme con `tokio::time::sleep` mientras `pedir_todas` no \
         termina. Si el hilo queda bloqueado, el latido no late ni una vez. Un latido lanzado \
         con `tokio::spawn` no sirve: corre en otro hilo, y ese sigue libre.",
    );
}

#[test]
fn rechaza_la_que_pierde_un_mensaje() {
    debe_rechazar(
        &QuePierdeUnMensaje,
        "devuelve una respuesta de menos (las demás, bien)",
        "Comprueba cuántas respuestas llegaron, no solo que cada una esté bien: un bucle sobre \
         las que llegaron no ve la que falta. Y que la respuesta `i` sea la de la URL `i`.",
    );
}
