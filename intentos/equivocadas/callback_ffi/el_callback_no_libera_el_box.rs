//! Error: el callback usa el `user_data` a través de una referencia
//! (`&mut *puntero`) y saca de él el emisor con `take()`, pero nunca
//! recupera el `Box` con `Box::from_raw`: cada operación que termina deja su
//! `Box` reservado para siempre.
//! Se espera: falla un_callback_que_llega_antes_de_volver_libera_su_user_data
//!
//! Solución del ejercicio `callback_ffi`: de un callback de C a un future.
//!
//! El puente es un canal oneshot: el emisor viaja como `user_data`, en un
//! `Box`, y el future espera en el receptor. El `Box` es de la operación,
//! no del future: lo libera el callback, que es el único que sabe cuándo
//! deja de usarse. Por eso soltar el future en cualquier momento es seguro:
//! el callback llegará igual, encontrará el canal cerrado y liberará el
//! `Box` de todos modos.

use std::ffi::c_void;

use futures::channel::oneshot;
use taller_ffi::{Callback, TALLER_OK};

/// Lo que puede salir mal al esperar una operación de C.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorFfi {
    /// La biblioteca no empezó la operación: devolvió este código, y no
    /// llamará al callback.
    Rechazada(i32),
    /// La biblioteca soltó la operación sin llamar al callback (rompería su
    /// contrato; con `taller-ffi` no pasa).
    SinRespuesta,
}

/// Empieza una operación con `iniciar` y espera el resultado que traiga su
/// callback.
///
/// `iniciar` recibe el callback y el `user_data` que hay que pasar a la
/// biblioteca, la llama y devuelve su código: `TALLER_OK` si empezó (y
/// entonces el callback llegará exactamente una vez, quizá desde otro hilo,
/// quizá incluso antes de que `iniciar` vuelva), u otro valor si no empezó
/// (y entonces no habrá callback).
pub async fn esperar_callback<F>(iniciar: F) -> Result<i32, ErrorFfi>
where
    F: FnOnce(Callback, *mut c_void) -> i32,
{
    // El puntero crudo vive y muere dentro de `empezar`: no cruza ningún
    // `.await`, así que no hace que este future deje de ser `Send`.
    let receptor = empezar(iniciar)?;
    receptor
        .await
        .map_err(|oneshot::Canceled| ErrorFfi::SinRespuesta)
}

/// Entrega el emisor a la biblioteca y devuelve el receptor.
fn empezar<F>(iniciar: F) -> Result<oneshot::Receiver<i32>, ErrorFfi>
where
    F: FnOnce(Callback, *mut c_void) -> i32,
{
    let (emisor, receptor) = oneshot::channel::<i32>();
    let user_data = Box::into_raw(Box::new(Some(emisor))).cast::<c_void>();
    let codigo = iniciar(al_terminar, user_data);
    if codigo != TALLER_OK {
        // Sin callback, el `Box` vuelve a ser nuestro: se libera aquí.
        // SAFETY: `user_data` salió de `Box::into_raw` justo arriba, y una
        // operación rechazada no llama al callback ni se queda el puntero.
        drop(unsafe { Box::from_raw(user_data.cast::<Option<oneshot::Sender<i32>>>()) });
        return Err(ErrorFfi::Rechazada(codigo));
    }
    Ok(receptor)
}

/// El callback que recibe la biblioteca: corre una vez, en el hilo que ella
/// quiera.
extern "C" fn al_terminar(user_data: *mut c_void, resultado: i32) {
    // SAFETY: `user_data` es el `Box<Sender>` de `empezar`, y la biblioteca
    // llama a este callback una sola vez con él: se recupera aquí y se
    // libera al salir.
    let ranura = unsafe { &mut *user_data.cast::<Option<oneshot::Sender<i32>>>() };
    // Si el future ya se soltó (cancelado), el receptor no existe y `send`
    // devuelve el valor: se tira. Nada de `unwrap()`: un pánico dentro de
    // una función `extern "C"` aborta el proceso.
    if let Some(emisor) = ranura.take() {
        let _ = emisor.send(resultado);
    }
}
