//! Alternativa: un solo `timeout` alrededor de un bloque que hace todos los
//! pasos; los resultados se juntan fuera del bloque, para poder contarlos
//! después de que el `timeout` lo suelte.
//!
//! Solución del ejercicio `con_plazo`: un solo plazo para una operación de
//! varios pasos.

use tokio::time::{self, Duration};

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
    let mut resultados = Vec::with_capacity(pasos.len());
    let todos = async {
        for paso in pasos {
            resultados.push(paso.await);
        }
    };
    match time::timeout(limite, todos).await {
        Ok(()) => Ok(resultados),
        Err(_) => Err(Vencido {
            completados: resultados.len(),
        }),
    }
}
