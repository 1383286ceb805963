//! Error: calcula el plazo de nuevo en cada vuelta, desde `Instant::now()`:
//! cada paso estrena un plazo entero, y la operación se pasa.
//! Se espera: fallan cada_paso_cabe_pero_el_total_no_cabe,
//!   vence_justo_en_el_plazo_y_suelta_el_paso_en_curso
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
    let mut resultados = Vec::with_capacity(pasos.len());
    for paso in pasos {
        let plazo = Instant::now() + limite;
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
