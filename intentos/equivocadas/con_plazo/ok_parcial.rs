//! Error: al vencer el plazo devuelve `Ok` con los resultados que dio tiempo a
//! juntar, en vez del error: quien llama cree que la operación terminó.
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
    let plazo = Instant::now() + limite;
    let mut resultados = Vec::with_capacity(pasos.len());
    for paso in pasos {
        match time::timeout_at(plazo, paso).await {
            Ok(valor) => resultados.push(valor),
            Err(_) => break,
        }
    }
    Ok(resultados)
}
