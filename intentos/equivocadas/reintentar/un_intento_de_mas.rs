//! Error: cuenta los intentos desde 0 y compara con `>=`: hace
//! `intentos + 1` intentos.
//! Se espera: fallan devuelve_el_error_del_ultimo_tras_exactamente_n_intentos,
//!   con_un_solo_intento_llama_una_vez,
//!   acepta_un_closure_asincrono_que_cambia_lo_que_captura
//!
//! Solución del ejercicio `reintentar`: repetir una operación asíncrona que
//! puede fallar.
//!
//! Un bucle que cuenta los intentos: el primer `Ok` sale enseguida; un `Err`
//! sale si era el último intento y, si no, se suelta, se espera y se vuelve a
//! llamar. La espera es `task::sleep(espera).await`: mientras dura, el future
//! devuelve `Pending` y el hilo queda libre para las demás tareas.
//!
//! `operacion` se declara `mut` porque llamar a un `AsyncFnMut` lo toma
//! prestado con `&mut`, y ese préstamo dura lo que dura el future de la
//! llamada: hay que esperarlo (`.await`) antes de volver a llamarla.

use std::time::Duration;

use async_std::task;

/// Llama a `operacion` hasta que devuelva `Ok` o hasta haberla llamado
/// `intentos` veces, y espera `espera` entre un intento fallido y el
/// siguiente. Devuelve el primer `Ok` o el `Err` del último intento.
pub async fn reintentar<T, E>(
    intentos: usize,
    espera: Duration,
    mut operacion: impl AsyncFnMut() -> Result<T, E>,
) -> Result<T, E> {
    assert!(intentos >= 1, "reintentar necesita al menos un intento");
    let mut intento = 0;
    loop {
        match operacion().await {
            Ok(valor) => return Ok(valor),
            Err(error) if intento >= intentos => return Err(error),
            Err(_) => {
                intento += 1;
                task::sleep(espera).await;
            }
        }
    }
}
