//! Ejercicio `send_rc`: futures que se pueden mandar a otro hilo.
//!
//! Capítulo: book/src/05-send-rc.md.
//! Pruebas: `cargo test -p exercises --test send_rc`.
//! Pista: `cargo run -- pista send_rc`.
//!
//! `task::spawn` puede sondear una tarea en cualquier hilo de su pool, y
//! pasarla de uno a otro entre dos `.await`: por eso exige un future `Send`.
//! Un future guarda todo lo que cruza un `.await`, y basta
//! un valor que no sea `Send` para que el future entero deje de serlo.
//!
//! Aquí hay dos funciones que cumplen su cometido pero cuyos futures no se
//! pueden mandar a otro hilo, por dos razones distintas. Escribe:
//!
//! 1. `reluctant`, que devuelve lo mismo que `reluctant_rc` y cede el hilo
//!    igual que ella en su `.await`, con un future `Send`;
//! 2. `unfortunate`, con un future `Send`. Puedes cambiar el alias
//!    `GenericError` si te hace falta.
//!
//! Al final del archivo, `los_futures_son_send` comprueba en tiempo de
//! compilación que los dos futures son `Send`: si alguno no lo es, este
//! archivo no compila, y el error dice qué valor tiene la culpa y qué
//! `.await` cruza. El esbozo compila porque un `todo!()` no guarda nada.

use std::rc::Rc;

use async_std::task;

// --- Parte 1: un `Rc` que cruza un `.await` ---------------------------------

/// La versión de partida. Funciona con `block_on` y con `spawn_local`, pero
/// su future no es `Send`: el `Rc` cruza el `.await`.
///
/// Ya está hecha: no la cambies, las pruebas comparan `reluctant` con ella.
pub async fn reluctant_rc(nombre: String) -> String {
    let string = Rc::new(format!("hola, {nombre}"));
    task::yield_now().await;
    format!("Tu espléndida cadena: {string}")
}

/// Lo mismo que [`reluctant_rc`] (el mismo texto, y cediendo el hilo en un
/// `.await`), con un future `Send`.
pub async fn reluctant(nombre: String) -> String {
    todo!(
        "Ejercicio `send_rc`: escribe `reluctant` en exercises/src/send_rc.rs \
         (capítulo book/src/05-send-rc.md; pista: cargo run -- pista send_rc)"
    )
}

// --- Parte 2: un error genérico que no es `Send` ----------------------------

/// Un error de cualquier tipo que implemente `std::error::Error`. Así se
/// escribía en mucho código antiguo.
pub type GenericError = Box<dyn std::error::Error>;
/// Un `Result` con [`GenericError`].
pub type GenericResult<T> = Result<T, GenericError>;

/// Algo que puede fallar: lee un número entero de `texto`.
pub fn some_fallible_thing(texto: &str) -> GenericResult<i32> {
    Ok(texto.trim().parse::<i32>()?)
}

/// Describe un error para el usuario.
pub fn report_error(error: GenericError) -> String {
    format!("error: {error}")
}

/// Usa el número leído; cede el hilo una vez, como haría una escritura en
/// la red o en un archivo.
pub async fn use_output(output: i32) -> String {
    task::yield_now().await;
    format!("salida: {output}")
}

/// Lee un número de `texto` con [`some_fallible_thing`]. Si falla, devuelve
/// `report_error(error)`; si no, devuelve `use_output(numero).await`. Su
/// future tiene que ser `Send`.
pub async fn unfortunate(texto: String) -> String {
    todo!(
        "Ejercicio `send_rc`: escribe `unfortunate` en exercises/src/send_rc.rs \
         (capítulo book/src/05-send-rc.md; pista: cargo run -- pista send_rc)"
    )
}

// --- Comprobación ------------------------------------------------------------

/// No se llama nunca: solo compila si los futures de [`reluctant`] y de
/// [`unfortunate`] son `Send`. Si alguno no lo es, el error sale aquí, en este
/// archivo, y sus notas dicen qué valor no es `Send` y qué `.await` cruza.
/// (Las pruebas lo comprueban también, con las mismas notas: este archivo
/// se compila dentro del crate de sus pruebas. Pero el primer error que
/// verás es este, el de tu archivo.)
#[allow(dead_code)]
fn los_futures_son_send() {
    fn es_send<T: Send>(_: T) {}
    es_send(reluctant(String::new()));
    es_send(unfortunate(String::new()));
}
