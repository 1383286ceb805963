//! Ejercicio `con_plazo`: un solo plazo para una operación de varios pasos.
//!
//! Capítulo: book/src/select-timeout.md.
//! Pruebas: `cargo test -p exercises --test con_plazo`.
//! Pista: `cargo run -- pista con_plazo`.
//!
//! Una operación de varios pasos (conectar, pedir, leer la respuesta...)
//! tiene que terminar entera en `limite`. Haz los pasos uno detrás de otro,
//! en orden, y devuelve sus resultados; pero si el plazo vence antes de que
//! termine el último, suelta el paso en curso, no empieces ninguno más y
//! devuelve `Err(Vencido { completados })`, con cuántos pasos terminaron a
//! tiempo.
//!
//! El límite es de la operación entera, no de cada paso: tres pasos de 40 ms
//! con un límite de 100 ms vencen en el tercero, a los 100 ms.

#[allow(unused_imports)]
use tokio::time::{self, Duration, Instant};

/// El plazo venció antes de que terminara el último paso.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vencido {
    /// Cuántos pasos terminaron antes del plazo.
    pub completados: usize,
}

/// Hace los `pasos` en orden, todos dentro de un mismo plazo: `limite`
/// contado desde que se llama a `con_plazo`.
pub async fn con_plazo<F, T>(limite: Duration, pasos: Vec<F>) -> Result<Vec<T>, Vencido>
where
    F: Future<Output = T>,
{
    todo!(
        "Ejercicio `con_plazo`: escribe `con_plazo` en exercises/src/con_plazo.rs \
         (capítulo book/src/select-timeout.md; pista: cargo run -- pista con_plazo)"
    )
}
