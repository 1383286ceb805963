//! Alternativa: un `sleep_until` del plazo, creado una vez y fijado con
//! `tokio::pin!`, que cada paso espera en un `select!` con `&mut`.
//!
//! Solución del ejercicio `con_plazo`: un solo plazo para una operación de
//! varios pasos.

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
    let vence = time::sleep_until(Instant::now() + limite);
    tokio::pin!(vence);
    let mut resultados = Vec::with_capacity(pasos.len());
    for paso in pasos {
        // `biased;` y el paso primero: si el paso y el plazo están listos en
        // el mismo sondeo, gana el paso, como con `timeout_at`.
        tokio::select! {
            biased;
            valor = paso => resultados.push(valor),
            _ = &mut vence => {
                return Err(Vencido {
                    completados: resultados.len(),
                });
            }
        }
    }
    Ok(resultados)
}
