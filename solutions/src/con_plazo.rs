//! Solución del ejercicio `con_plazo`: un solo plazo para una operación de
//! varios pasos.
//!
//! El plazo es un instante, y se calcula una sola vez, antes del primer paso.
//! Cada paso se espera con `timeout_at` hasta ese mismo instante: el tiempo
//! que gastaron los pasos anteriores ya no está disponible para los que
//! faltan. Si vence, `timeout_at` suelta el paso en curso, y el `return`
//! suelta los que no empezaron.

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
    let plazo = Instant::now() + limite;
    let mut resultados = Vec::with_capacity(pasos.len());
    for paso in pasos {
        match time::timeout_at(plazo, paso).await {
            Ok(valor) => resultados.push(valor),
            Err(_) => {
                return Err(Vencido {
                    completados: resultados.len(),
                });
            }
        }
    }
    Ok(resultados)
}
