//! Ejercicio `block_on_propio`: un `block_on` hecho a mano.
//!
//! Capítulo: book/src/18-block-on-propio.md.
//! Pruebas: `cargo test -p exercises --test block_on_propio`.
//! Pista: `cargo run -- pista block_on_propio`.
//!
//! `block_on` es el ejecutor más pequeño: sondea un future y, mientras no
//! está listo, duerme el hilo hasta que alguien llama al waker. El ejemplo
//! del capítulo usa el `Parker` de crossbeam; aquí lo escribes solo con la
//! biblioteca estándar:
//!
//! - un waker hecho con el trait `std::task::Wake`, que sabe qué hilo
//!   despertar (`std::thread::current()`) y lo despierta con `unpark`;
//! - `std::pin::pin!` para fijar el future en la pila;
//! - un bucle que sondea y, si el future devuelve `Pending`, duerme con
//!   `std::thread::park()`.
//!
//! Las pruebas cuentan los sondeos: un `block_on` que no duerme, sino que
//! vuelve a sondear sin parar, termina igual, pero quema el procesador.

use std::future::Future;

/// Sondea `future` hasta que termina, durmiendo el hilo mientras espera, y
/// devuelve su valor.
pub fn block_on<F: Future>(future: F) -> F::Output {
    todo!(
        "Ejercicio `block_on_propio`: escribe `block_on` en exercises/src/block_on_propio.rs \
         (capítulo book/src/18-block-on-propio.md; pista: cargo run -- pista block_on_propio)"
    )
}
