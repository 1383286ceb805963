//! Error: mira el reloj solo entre paso y paso: el paso en curso sigue hasta
//! terminar aunque el plazo haya vencido, y el error llega tarde.
//! Se espera: falla vence_justo_en_el_plazo_y_suelta_el_paso_en_curso
//!
//! Solución del ejercicio `con_plazo`: un solo plazo para una operación de
//! varios pasos.

use tokio::time::{Duration, Instant};

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
        let valor = paso.await;
        if Instant::now() > plazo {
            return Err(Vencido {
                completados: resultados.len(),
            });
        }
        resultados.push(valor);
    }
    Ok(resultados)
}
