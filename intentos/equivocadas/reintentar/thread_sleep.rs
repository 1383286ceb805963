//! Error: espera con `std::thread::sleep`, que bloquea el hilo (y con él al
//! ejecutor) entre un intento y el siguiente.
//! Se espera: falla la_espera_no_bloquea_el_hilo
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

/// Llama a `operacion` hasta que devuelva `Ok` o hasta haberla llamado
/// `intentos` veces, y espera `espera` entre un intento fallido y el
/// siguiente. Devuelve el primer `Ok` o el `Err` del último intento.
pub async fn reintentar<T, E>(
    intentos: usize,
    espera: Duration,
    mut operacion: impl AsyncFnMut() -> Result<T, E>,
) -> Result<T, E> {
    assert!(intentos >= 1, "reintentar necesita al menos un intento");
    let mut intento = 1;
    loop {
        match operacion().await {
            Ok(valor) => return Ok(valor),
            Err(error) if intento == intentos => return Err(error),
            Err(_) => {
                intento += 1;
                std::thread::sleep(espera);
            }
        }
    }
}
