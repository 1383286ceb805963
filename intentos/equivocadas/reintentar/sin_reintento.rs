//! Error: no reintenta: llama a la operación una sola vez y devuelve lo que
//! dé, sin mirar `intentos` ni `espera`.
//! Se espera: fallan sale_bien_en_el_intento_k_mas_uno_si_el_servidor_falla_k_veces,
//!   devuelve_el_error_del_ultimo_tras_exactamente_n_intentos,
//!   espera_al_menos_espera_entre_un_intento_y_el_siguiente,
//!   la_espera_no_bloquea_el_hilo,
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

/// Llama a `operacion` hasta que devuelva `Ok` o hasta haberla llamado
/// `intentos` veces, y espera `espera` entre un intento fallido y el
/// siguiente. Devuelve el primer `Ok` o el `Err` del último intento.
pub async fn reintentar<T, E>(
    _intentos: usize,
    _espera: Duration,
    mut operacion: impl AsyncFnMut() -> Result<T, E>,
) -> Result<T, E> {
    operacion().await
}
