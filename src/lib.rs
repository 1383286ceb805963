//! La biblioteca compartida del taller: lo que usan a la vez los ejemplos,
//! los ejercicios y las pruebas, y nada más.
//!
//! - [`servidor`]: un servidor HTTP local con latencia, fallos a propósito y
//!   un contador de peticiones en vuelo. Gracias a él todo funciona sin red.
//! - [`respuesta`]: leer el estado y el cuerpo de una respuesta HTTP escrita a
//!   mano, y explicar en español por qué falló una petición.
//! - [`ejemplos`]: lo que comparten los ejemplos y no es la lección: la
//!   opción `--limite-ms` y un registro de qué hilo corrió cada petición.
//! - [`prueba`]: correr una prueba asíncrona con un límite de tiempo y un
//!   mensaje en español si se cuelga, y un asignador de memoria que cuenta
//!   fugas y reservas hechas dentro de tareas.
//! - [`bajo_prueba`]: el trait que pone bajo prueba el ejercicio
//!   `probar_y_depurar`, donde el alumno escribe la prueba y no la función.
//! - [`referencia`]: versiones que funcionan de las piezas de un ejercicio
//!   que otro usa (la `cheapo_request` de `many_requests`): ningún ejercicio
//!   depende de tu respuesta a otro.
//! - [`ejercicios`]: la lista de ejercicios y sus pistas (`exercises/info.toml`).
//! - [`intentos`]: las soluciones equivocadas y las alternativas de cada
//!   ejercicio (`intentos/`), contra las que se prueban las pruebas.
//! - [`chat`]: el chat asíncrono del libro: el protocolo, el servidor (con los
//!   módulos `connection`, `group` y `group_table`) y un cliente para pruebas.
//! - [`medir`]: lo que comparten los ejemplos que miden: la memoria del
//!   proceso (`/proc/self/status`), el nombre de la máquina, cómo escribir
//!   las cifras y cómo dibujar y guardar las gráficas.
//! - [`apagado`]: un servidor de chat en tokio con las piezas para apagarse
//!   en orden, y un cliente para probarlo (capítulo «Apagar en orden»).
//! - [`cronologia`]: mirar qué hizo el ejecutor en una ejecución (cada
//!   sondeo, su hilo y lo que devolvió, cada despertar) y dibujarlo en SVG,
//!   para las figuras del libro.

pub mod apagado;
pub mod bajo_prueba;
pub mod chat;
pub mod cronologia;
pub mod ejemplos;
pub mod ejercicios;
pub mod intentos;
pub mod medir;
pub mod prueba;
pub mod referencia;
pub mod respuesta;
pub mod servidor;

pub use servidor::{Config, Servidor};
