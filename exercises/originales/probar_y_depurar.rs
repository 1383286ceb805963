//! Ejercicio `probar_y_depurar`: esta vez escribes la prueba, no la función.
//!
//! Capítulo: book/src/probar-y-depurar.md.
//! Pruebas: `cargo test -p exercises --test probar_y_depurar`.
//! Pista: `cargo run -- pista probar_y_depurar`.
//!
//! `probar_pedir_todas` recibe una implementación de `PedirTodas` (el trait
//! está en `taller_async::bajo_prueba`, con lo que promete) y la pone a
//! prueba: vuelve sin más si la implementación cumple las tres promesas, y
//! entra en pánico (con un `assert!` que falla) si no cumple alguna:
//!
//! 1. una respuesta por URL, en el orden de las URL;
//! 2. todas las peticiones en vuelo a la vez;
//! 3. sin bloquear el hilo que la espera.
//!
//! Las pruebas del ejercicio llaman a tu función con una implementación
//! correcta, que tu prueba debe aceptar (también cuando la máquina va
//! lenta), y con otras que rompen cada una una promesa, que tu prueba debe
//! rechazar. No sabes cuál te toca: solo puedes mirar lo que hace.
//!
//! Tu prueba corre dentro de un runtime de tokio de dos hilos, con un límite
//! de tiempo de verdad: puede arrancar un servidor local
//! (`taller_async::Servidor`), y no debe tardar más de unos segundos.

#[allow(unused_imports)]
use taller_async::Servidor;
use taller_async::bajo_prueba::PedirTodas;

/// Entra en pánico si `imp` no cumple lo que promete `PedirTodas`.
pub async fn probar_pedir_todas(imp: &dyn PedirTodas) {
    todo!(
        "Ejercicio `probar_y_depurar`: escribe la prueba `probar_pedir_todas` en \
         exercises/src/probar_y_depurar.rs (capítulo book/src/probar-y-depurar.md; \
         pista: cargo run -- pista probar_y_depurar)"
    )
}
