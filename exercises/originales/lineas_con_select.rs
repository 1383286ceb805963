//! Ejercicio `lineas_con_select`: leer líneas en un `select!` sin perder un
//! byte.
//!
//! Capítulo: book/src/cancelacion.md.
//! Pruebas: `cargo test -p exercises --test lineas_con_select`.
//! Pista: `cargo run -- pista lineas_con_select`.
//!
//! Un bucle con `tokio::select!` y tres ramas:
//!
//! - la siguiente línea de `lector` (sin el `\n`), que se guarda en
//!   `Resumen::lineas`;
//! - un tic de `tokio::time::interval(periodo)`, que se cuenta en
//!   `Resumen::tics` (el primero también, que llega enseguida);
//! - la señal de apagado, `apagar.cancelled()`, que termina el bucle en el
//!   acto.
//!
//! Si la entrada se cierra, el bucle termina también. Cuando gana un tic, la
//! línea que estaba a medias no puede perderse: cuando llegue el resto, tiene
//! que salir entera.

use std::io;
use std::time::Duration;

#[allow(unused_imports)]
use tokio::io::AsyncRead;
use tokio_util::sync::CancellationToken;

/// Lo que juntó el bucle.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Resumen {
    /// Las líneas, enteras, sin el `\n` y en el orden en que llegaron.
    pub lineas: Vec<String>,
    /// Cuántos tics dio el intervalo, contando el primero.
    pub tics: usize,
}

/// Lee líneas de `lector` y cuenta los tics de un intervalo de `periodo`,
/// hasta que `apagar` se cancela o la entrada se cierra.
pub async fn lineas_con_select<R>(
    lector: R,
    periodo: Duration,
    apagar: CancellationToken,
) -> io::Result<Resumen>
where
    R: AsyncRead + Unpin,
{
    todo!(
        "Ejercicio `lineas_con_select`: escribe `lineas_con_select` en \
         exercises/src/lineas_con_select.rs (capítulo book/src/cancelacion.md; \
         pista: cargo run -- pista lineas_con_select)"
    )
}
