//! Lo que comparten las pruebas: ninguna puede quedarse colgada.
//!
//! Una prueba asíncrona que espera algo que nunca llega (un waker que nadie
//! llama, una petición que nadie atiende, un `std::thread::sleep` dentro de
//! una tarea) se queda colgada para siempre, y el alumno no sabe por qué.
//! [`con_limite`] corre el cuerpo de la prueba en un hilo aparte, dentro de
//! `async_std::task::block_on`, y lo espera como mucho unos segundos. Si no
//! termina, la prueba falla con un mensaje en español que dice qué fue
//! probablemente lo que salió mal.
//!
//! Se usa un hilo, y no solo `async_std::future::timeout`, porque un límite
//! asíncrono necesita que alguien lo sondee: si el código del alumno bloquea
//! el hilo, el límite tampoco despierta.
//!
//! La parte «Async en la práctica, con tokio» tiene sus dos versiones:
//! [`con_limite_tokio`], en un runtime de tokio de varios hilos, y
//! [`con_limite_tokio_pausado`], con el reloj de tokio en pausa, para probar
//! plazos de segundos sin esperarlos. Los mensajes son los mismos.
//!
//! [`memoria`] tiene un asignador que cuenta, para ver lo que no devuelve
//! ninguna función: una reserva que nadie libera, o un cálculo que reserva
//! su memoria dentro de una tarea.

pub mod memoria;

use std::future::Future;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// Corre `cuerpo()` con `async_std::task::block_on` en un hilo nuevo y espera
/// su resultado como mucho `segundos`.
///
/// - Si el cuerpo termina, devuelve su valor.
/// - Si el cuerpo entra en pánico (un `assert!` que falla, un `todo!()`), la
///   prueba falla con ese mismo pánico.
/// - Si no termina a tiempo, la prueba falla con `si_se_cuelga`, que explica
///   la causa probable.
///
/// `cuerpo` es un cierre que crea el future ya en el hilo nuevo, así que el
/// future no necesita ser `Send` (las pruebas de `spawn_local` lo agradecen).
pub fn con_limite<C, F, T>(segundos: u64, si_se_cuelga: &str, cuerpo: C) -> T
where
    C: FnOnce() -> F + Send + 'static,
    F: Future<Output = T>,
    T: Send + 'static,
{
    en_un_hilo_con_limite(segundos, si_se_cuelga, move || {
        async_std::task::block_on(cuerpo())
    })
}

/// Lo mismo que [`con_limite`], en un runtime de tokio de varios hilos (dos
/// hilos de trabajo, con la red y los relojes): para las pruebas de la parte
/// «Async en la práctica, con tokio».
///
/// El cuerpo corre en `Runtime::block_on`, así que su future no necesita ser
/// `Send`; lo que lance con `tokio::spawn`, sí.
pub fn con_limite_tokio<C, F, T>(segundos: u64, si_se_cuelga: &str, cuerpo: C) -> T
where
    C: FnOnce() -> F + Send + 'static,
    F: Future<Output = T>,
    T: Send + 'static,
{
    en_un_hilo_con_limite(segundos, si_se_cuelga, move || {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("no se pudo crear el runtime de tokio de la prueba")
            .block_on(cuerpo())
    })
}

/// Lo mismo que [`con_limite_tokio`], con el reloj de tokio en pausa: un
/// runtime de un solo hilo creado con `start_paused(true)`, como el de
/// `#[tokio::test(start_paused = true)]`.
///
/// Con el reloj en pausa, cuando todas las tareas esperan, tokio adelanta el
/// reloj hasta el próximo temporizador: un `sleep` de 30 s termina enseguida
/// y una prueba de plazos no tarda nada de verdad. Por eso no se mezcla con
/// sockets reales ni con el servidor local, que esperan en tiempo real: el
/// reloj saltaría por encima de ellos. Para la E/S, `tokio::io::duplex`, en
/// memoria.
///
/// El límite de `segundos` sigue siendo de tiempo real, el de un reloj de
/// pared: lo que vigila es que la prueba no se quede colgada, por ejemplo
/// porque el cuerpo bloquea el hilo y el reloj en pausa no puede avanzar.
pub fn con_limite_tokio_pausado<C, F, T>(segundos: u64, si_se_cuelga: &str, cuerpo: C) -> T
where
    C: FnOnce() -> F + Send + 'static,
    F: Future<Output = T>,
    T: Send + 'static,
{
    en_un_hilo_con_limite(segundos, si_se_cuelga, move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .start_paused(true)
            .build()
            .expect("no se pudo crear el runtime de tokio de la prueba")
            .block_on(cuerpo())
    })
}

/// Sube el límite blando de archivos abiertos de este proceso hasta el duro,
/// y devuelve el que queda (en los sistemas sin ese límite, como Windows, el
/// máximo posible).
///
/// Muchos sistemas empiezan con un límite blando de 1024 archivos abiertos
/// por proceso, y una prueba con mil conexiones en el mismo proceso (un
/// socket del cliente y otro del servidor por cada una) necesita más del
/// doble. El blando se puede subir sin privilegios hasta el duro
/// (`ulimit -Hn`). El límite es de todo el proceso: por eso esa prueba corre
/// en su propio archivo de `tests/`, que es un proceso aparte.
pub fn subir_limite_de_archivos() -> u64 {
    rlimit::increase_nofile_limit(u64::MAX).unwrap_or(0)
}

/// Corre `correr` en un hilo nuevo y espera su resultado como mucho
/// `segundos`: lo que comparten las tres funciones de arriba.
fn en_un_hilo_con_limite<C, T>(segundos: u64, si_se_cuelga: &str, correr: C) -> T
where
    C: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    let (enviar, recibir) = mpsc::channel();
    // El hilo lleva el nombre de la prueba, para que un pánico dentro diga
    // de qué prueba viene.
    let nombre = thread::current().name().unwrap_or("prueba").to_string();
    let hilo = thread::Builder::new()
        .name(nombre)
        .spawn(move || {
            let valor = correr();
            // Si la prueba ya se rindió, nadie escucha: no es un error.
            let _ = enviar.send(valor);
        })
        .expect("no se pudo crear el hilo de la prueba");

    match recibir.recv_timeout(Duration::from_secs(segundos)) {
        Ok(valor) => {
            let _ = hilo.join();
            valor
        }
        // El hilo soltó el canal sin enviar nada: entró en pánico. Se
        // relanza su pánico para que la prueba muestre el mensaje original.
        Err(mpsc::RecvTimeoutError::Disconnected) => match hilo.join() {
            Err(panico) => std::panic::resume_unwind(panico),
            Ok(()) => unreachable!("el hilo terminó sin enviar su resultado"),
        },
        Err(mpsc::RecvTimeoutError::Timeout) => panic!(
            "\n⏱  La prueba no terminó en {segundos} s y se dio por fallida.\n   \
             Causa probable: {si_se_cuelga}\n"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::{con_limite_tokio, con_limite_tokio_pausado};
    use std::time::{Duration, Instant};

    #[test]
    fn con_el_reloj_en_pausa_treinta_segundos_no_tardan_nada() {
        let real = Instant::now();
        let virtual_ = con_limite_tokio_pausado(10, "el reloj en pausa no avanzó", || async {
            let antes = tokio::time::Instant::now();
            tokio::time::sleep(Duration::from_secs(30)).await;
            antes.elapsed()
        });
        assert!(
            virtual_ >= Duration::from_secs(30),
            "el reloj de tokio debía avanzar 30 s, y avanzó {virtual_:?}"
        );
        assert!(
            real.elapsed() < Duration::from_secs(10),
            "con el reloj en pausa, un sleep de 30 s no debía esperarse de verdad"
        );
    }

    #[test]
    fn una_prueba_de_tokio_colgada_falla_con_la_causa() {
        let fallo = std::panic::catch_unwind(|| {
            con_limite_tokio(1, "nadie envía nada por el canal", || async {
                let (_enviar, recibir) = tokio::sync::oneshot::channel::<()>();
                let _ = recibir.await;
            })
        })
        .expect_err("una prueba que no termina debía fallar");
        let mensaje = fallo.downcast_ref::<String>().cloned().unwrap_or_default();
        assert!(
            mensaje.contains("no terminó en 1 s") && mensaje.contains("nadie envía nada"),
            "el mensaje debía decir el límite y la causa probable, y fue: {mensaje}"
        );
    }
}
