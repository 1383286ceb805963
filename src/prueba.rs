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
    let (enviar, recibir) = mpsc::channel();
    // El hilo lleva el nombre de la prueba, para que un pánico dentro diga
    // de qué prueba viene.
    let nombre = thread::current().name().unwrap_or("prueba").to_string();
    let hilo = thread::Builder::new()
        .name(nombre)
        .spawn(move || {
            let valor = async_std::task::block_on(cuerpo());
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
