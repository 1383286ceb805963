//! Los ejercicios del taller: aquí escribes tú.
//!
//! Cada ejercicio es un archivo de `exercises/src/` con funciones a medio
//! hacer (`todo!()`), y sus pruebas están en `exercises/tests/`, con el mismo
//! nombre. Fallan hasta que lo resuelves:
//!
//! ```text
//! cargo run -- siguiente                         # ¿cuál me toca? (y si no compila, dónde)
//! cargo test -p exercises --test cheapo_request  # las pruebas de uno
//! cargo run -- lista                             # todos, cada uno por su lado
//! cargo run -- pista cheapo_request              # una ayuda
//! cargo run -- reiniciar cheapo_request          # volver a empezar (tu versión se guarda)
//! cargo run -- solución cheapo_request           # la solución, cuando ya pasan sus pruebas
//! ```
//!
//! La lista, el orden y las pistas están en `exercises/info.toml`.
//!
//! # Cada ejercicio compila solo
//!
//! Esta biblioteca no declara ningún ejercicio, y es a propósito. Cada
//! archivo de pruebas es su propio crate (así trata cargo los archivos de
//! `tests/`), y declara él mismo el módulo de su ejercicio:
//!
//! ```text
//! // exercises/tests/send_rc.rs
//! #[cfg(not(solucion))]
//! #[path = "../src/send_rc.rs"]
//! pub mod send_rc;
//! ```
//!
//! Así, `cargo test -p exercises --test send_rc` compila `send_rc.rs` y nada
//! más de `exercises/src/`, y un error de compilación en un ejercicio (los
//! de `async_blocks` y `send_rc` te llevan a uno a propósito) no impide
//! compilar ni pasar las pruebas de los demás. Si todos los ejercicios
//! fueran módulos de esta biblioteca, bastaría un error en uno para que no
//! compilara ninguna prueba.
//!
//! Cargo, eso sí, compila todos los objetivos antes de correr ninguno: si
//! un ejercicio no compila, `cargo test -p exercises` entero no corre ninguna
//! prueba, tampoco con `--no-fail-fast` (cargo 1.95 no tiene `--keep-going`
//! para `cargo test`). Por eso `cargo run -- lista` y `cargo run --
//! siguiente` prueban cada ejercicio por separado: dicen cuáles están
//! resueltos aunque otro no compile, y de ese te enseñan el error.
//!
//! Las mismas pruebas corren contra las soluciones: `solutions/tests/NOMBRE.rs`
//! incluye el archivo de pruebas de aquí y declara el módulo con
//! `solutions/src/NOMBRE.rs`. En el paquete `solutions` está activo
//! `cfg(solucion)` (lo activa su `build.rs`), que apaga la declaración de tu
//! archivo.
//!
//! El mismo esquema sirve para lo que viene:
//!
//! - un ejercicio de varios archivos (un servidor de chat entero) es una
//!   carpeta, `exercises/src/NOMBRE/` con su `mod.rs` y sus submódulos;
//!   el archivo de pruebas declara `#[path = "../src/NOMBRE/mod.rs"] pub mod
//!   NOMBRE;`, y los `mod` de dentro de `mod.rs` se buscan en esa carpeta,
//!   como en cualquier crate;
//! - un ejercicio cuya respuesta es una prueba (escribes tú los `#[test]`)
//!   también: el módulo que declara el archivo de pruebas se compila con
//!   `cfg(test)`, así que tus `#[test]` son pruebas de ese mismo objetivo, y
//!   el contrato las corre como las demás.
