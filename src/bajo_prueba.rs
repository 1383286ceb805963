//! Lo que el ejercicio `probar_y_depurar` pone bajo prueba: el trait
//! [`PedirTodas`].
//!
//! En ese ejercicio el alumno no escribe una función asíncrona, sino la
//! prueba de una. Las pruebas del ejercicio le pasan varias implementaciones
//! de la misma operación, una correcta y otras con un error cada una, y su
//! prueba tiene que aceptar la correcta y rechazar las demás. Para que todas
//! entren por la misma puerta, la operación es un trait que se usa como
//! `&dyn PedirTodas`: la prueba no sabe cuál recibe, y solo puede mirar lo
//! que hace.
//!
//! El trait vive aquí, en la biblioteca, para que el archivo del alumno y
//! las pruebas del ejercicio lo nombren igual. Las implementaciones viven en
//! `exercises/tests/probar_y_depurar.rs`, donde se ven si uno las busca,
//! pero no en el archivo que el alumno edita.

use std::io;

use futures::future::BoxFuture;

/// Una URL del servidor local, como la piden `cheapo_request` y
/// `many_requests`: `(host, puerto, ruta)`.
pub type Url = (String, u16, String);

/// Pedir varias URL del servidor local y devolver sus respuestas.
///
/// Lo que promete toda implementación correcta, y lo único que promete:
///
/// 1. **Una respuesta por URL, en el orden de las URL**: el resultado `i`
///    es la respuesta (línea de estado, cabeceras y cuerpo) a la URL `i`, o
///    el error de E/S que dio.
/// 2. **Todas a la vez**: empieza todas las peticiones sin esperar a que
///    termine ninguna, así que en algún momento todas están en vuelo en el
///    servidor al mismo tiempo.
/// 3. **Sin bloquear el hilo que la espera**: mientras espera al servidor,
///    cede el hilo en cada `.await`, y otro código del mismo hilo sigue
///    corriendo.
///
/// Nada promete sobre cuánto tarda: en una máquina cargada, una
/// implementación correcta puede tardar más que una secuencial en una
/// máquina sin carga.
///
/// El future que devuelve va en una caja (`BoxFuture`) para que el trait se
/// pueda usar como `dyn PedirTodas`: con un `async fn` en el trait, no se
/// podría (lo cuenta el capítulo «Send»).
pub trait PedirTodas: Send + Sync {
    /// Pide todas las `urls` y devuelve una respuesta por cada una, en su
    /// orden.
    fn pedir_todas(&self, urls: Vec<Url>) -> BoxFuture<'_, Vec<io::Result<String>>>;
}
