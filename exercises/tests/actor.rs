// Pruebas del ejercicio `actor`: un contador que es dueño de su estado y
// contesta por un buzón acotado.
//
// Archivo que editas: exercises/src/actor.rs
// Capítulo: book/src/canales.md · Pista: cargo run -- pista actor

// Tu archivo entra en estas pruebas como el módulo `actor`, y ningún otro
// ejercicio entra con él: si otro no compila, estas pruebas compilan y corren
// igual. Las mismas pruebas corren contra la solución:
// solutions/tests/actor.rs incluye este archivo (por eso no tiene
// comentarios `//!`) y declara el módulo con solutions/src/actor.rs; allí
// está activo `cfg(solucion)`, que apaga esta declaración.
#[cfg(not(solucion))]
#[path = "../src/actor.rs"]
#[allow(unused_variables, unused_mut, dead_code)] // el esbozo aún no usa lo que recibe
pub mod actor;

// Todas corren con el reloj de tokio en pausa, en un runtime de un solo hilo:
// cuando todas las tareas esperan, el reloj salta al próximo temporizador.
// Así, después de un `sleep(1 ms)`, cada tarea llegó tan lejos como podía
// llegar: el actor está dentro de la petición `Esperar`, y cada petición que
// cabía está en el buzón. Nada se cronometra: se cuentan las respuestas y se
// mira su orden.

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use actor::{ActorTerminado, Contador, Estado, lanzar};
use taller_async::prueba::con_limite_tokio_pausado;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tokio::time;

const SI_SE_CUELGA: &str = "el actor no contestó. ¿Responde tu bucle a cada petición por su \
    `oneshot`? ¿Y termina cuando `recv()` da `None`?";

/// Se suelta con el estado del actor, y lo anota.
struct Testigo(Arc<AtomicBool>);

impl Drop for Testigo {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

/// Un estado con el total a 0 y un testigo; devuelve también la marca que el
/// testigo pone al soltarse.
fn estado() -> (Estado, Arc<AtomicBool>) {
    let soltado = Arc::new(AtomicBool::new(false));
    let estado = Estado {
        total: 0,
        recurso: Box::new(Testigo(soltado.clone())),
    };
    (estado, soltado)
}

/// Pone al actor a esperar dentro de una petición `Esperar`, hasta que se
/// mande algo por el `oneshot::Sender` devuelto. Vuelve cuando el actor ya
/// está esperando.
async fn pausar(
    contador: &Contador,
) -> (oneshot::Sender<()>, JoinHandle<Result<(), ActorTerminado>>) {
    let (seguir, hasta) = oneshot::channel();
    let contador = contador.clone();
    let pausa = tokio::spawn(async move { contador.esperar(hasta).await });
    time::sleep(Duration::from_millis(1)).await;
    (seguir, pausa)
}

#[test]
fn las_respuestas_llegan_en_orden() {
    con_limite_tokio_pausado(10, SI_SE_CUELGA, || async {
        let (contador, _actor) = lanzar(8, estado().0);
        // Cinco peticiones del mismo handle, en marcha a la vez: `join!` las
        // sondea en este orden, así que entran al buzón en este orden.
        let respuestas = tokio::join!(
            contador.sumar(1),
            contador.sumar(10),
            contador.sumar(100),
            contador.leer(),
            contador.sumar(1000),
        );
        let esperadas = (Ok(1), Ok(11), Ok(111), Ok(111), Ok(1111));
        assert!(
            respuestas == esperadas,
            "Se pidió, en este orden, sumar 1, sumar 10, sumar 100, leer y sumar 1000, y las \
             respuestas debían ser {esperadas:?}; llegaron {respuestas:?}.\nSi cada una es el \
             total de antes de sumar: el actor contesta antes de aplicar el cambio. Suma \
             primero y contesta después, con el total nuevo."
        );
        let otro = contador.clone();
        let total = otro.leer().await;
        assert!(
            total == Ok(1111),
            "Un clon del handle debía leer el mismo total, 1111, y leyó {total:?}. Todos los \
             clones mandan al mismo buzón."
        );
    })
}

#[test]
fn una_respuesta_abandonada_no_mata_al_actor() {
    con_limite_tokio_pausado(10, SI_SE_CUELGA, || async {
        let (contador, actor) = lanzar(8, estado().0);
        let (seguir, pausa) = pausar(&contador).await;
        // Quien pide sumar 5 se cansa a los 10 ms y se va: se suelta su
        // future, y con él el `oneshot::Receiver` de la respuesta. La petición
        // ya estaba en el buzón.
        let abandonada = time::timeout(Duration::from_millis(10), contador.sumar(5)).await;
        assert!(
            abandonada.is_err(),
            "El actor estaba en pausa: sumar no podía contestar antes de 10 ms, y contestó \
             {abandonada:?}."
        );
        seguir.send(()).unwrap();
        let total = contador.leer().await;
        assert!(
            total == Ok(5),
            "Después de una respuesta que nadie esperaba, el actor debía seguir vivo y el \
             total ser 5 (la suma se hizo aunque quien la pidió se fue); leer dio \
             {total:?}.\nSi dio Err: el actor terminó. ¿Haces `unwrap()` del \
             `responder.send(...)`? Falla cuando quien preguntó ya no está, y el pánico \
             mata al actor. Ignora ese error: `let _ = responder.send(...)`."
        );
        assert!(
            !actor.is_finished(),
            "El actor terminó después de una respuesta abandonada, y quedan handles vivos."
        );
        let pausa = pausa.await.unwrap();
        assert!(
            pausa == Ok(()),
            "La pausa debía terminar con Ok(()), y dio {pausa:?}."
        );
    })
}

#[test]
fn un_buzon_lleno_hace_esperar() {
    const K: usize = 4;
    con_limite_tokio_pausado(10, SI_SE_CUELGA, || async {
        let (contador, _actor) = lanzar(K, estado().0);
        let (seguir, pausa) = pausar(&contador).await;
        // Con el actor en pausa, K + 2 peticiones de sumar 1. Cada future se
        // sondea una vez: las K primeras entran al buzón y esperan su
        // respuesta; las otras dos esperan sitio en el buzón.
        type Suma<'a> = Pin<Box<dyn Future<Output = Result<u64, ActorTerminado>> + 'a>>;
        let mut sumas: Vec<Suma> = (0..K + 2)
            .map(|_| Box::pin(contador.sumar(1)) as Suma)
            .collect();
        for (i, suma) in sumas.iter_mut().enumerate() {
            let sondeo = futures::poll!(suma.as_mut());
            assert!(
                sondeo.is_pending(),
                "Con el actor en pausa, la petición {} de sumar volvió sin esperar: \
                 {sondeo:?}.\nUna petición que no cabe en el buzón tiene que esperar sitio \
                 (`send(...).await`), no volver con un error: ¿usas `try_send`, que \
                 descarta las que no caben?",
                i + 1
            );
        }
        // La última se cancela: si esperaba sitio, nunca entró al buzón.
        drop(sumas.pop());
        seguir.send(()).unwrap();
        let mut respuestas = Vec::new();
        for suma in sumas {
            respuestas.push(suma.await);
        }
        let esperadas: Vec<Result<u64, ActorTerminado>> = (1..=K as u64 + 1).map(Ok).collect();
        assert!(
            respuestas == esperadas,
            "Las {} sumas que siguieron vivas debían contestar {esperadas:?}, en orden, y \
             contestaron {respuestas:?}.",
            K + 1
        );
        let total = contador.leer().await;
        assert!(
            total == Ok(K as u64 + 1),
            "Con un buzón de {K} y el actor en pausa, exactamente {K} peticiones caben; la \
             siguiente espera sitio, y la última, cancelada mientras esperaba, nunca entró. \
             El total debía ser {}, y es {total:?}.\nSi es {}: la cancelada estaba ya en el \
             buzón, que no tiene límite. Crea el buzón con `mpsc::channel(capacidad)`, no \
             con `unbounded_channel()`: un buzón sin límite nunca hace esperar a nadie, y \
             la memoria crece con las peticiones pendientes.",
            K + 1,
            K + 2
        );
        pausa.await.unwrap().unwrap();
    })
}

#[test]
fn termina_cuando_se_sueltan_todos_los_handles() {
    con_limite_tokio_pausado(10, SI_SE_CUELGA, || async {
        let (estado, soltado) = estado();
        let (contador, actor) = lanzar(8, estado);
        let otro = contador.clone();
        let total = otro.sumar(3).await;
        assert!(total == Ok(3), "sumar 3 debía dar Ok(3), y dio {total:?}.");
        drop(contador);
        time::sleep(Duration::from_millis(1)).await;
        assert!(
            !actor.is_finished() && !soltado.load(Ordering::SeqCst),
            "Se soltó un handle y queda otro: el actor tenía que seguir vivo."
        );
        let total = otro.leer().await;
        assert!(total == Ok(3), "leer debía dar Ok(3), y dio {total:?}.");
        drop(otro);
        let fin = time::timeout(Duration::from_secs(60), actor).await;
        assert!(
            matches!(fin, Ok(Ok(()))),
            "Se soltaron todos los handles y el actor no terminó en 60 s (del reloj de \
             tokio, en pausa): {fin:?}.\n`recv()` da `None` solo cuando se sueltan todos \
             los `Sender` del buzón. ¿Guarda el actor un clon del `Sender` (o de un \
             `Contador`)? Entonces siempre queda uno vivo, el suyo, y no termina nunca."
        );
        assert!(
            soltado.load(Ordering::SeqCst),
            "El actor terminó, pero su estado no se soltó: ¿lo sacaste de la tarea o lo \
             olvidaste con `mem::forget`?"
        );
    })
}
