//! Error: ningún plazo: espera cada paso hasta que termina.
//! Se espera: fallan cada_paso_cabe_pero_el_total_no_cabe,
//!   vence_justo_en_el_plazo_y_suelta_el_paso_en_curso
//!
//! Solución del ejercicio `con_plazo`: un solo plazo para una operación de
//! varios pasos.

use tokio::time::Duration;

/// El plazo venció antes de que terminara el último paso.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vencido {
    /// Cuántos pasos terminaron antes del plazo.
    pub completados: usize,
}

/// Hace los `pasos` en orden, todos dentro de un mismo plazo: `limite`
/// contado desde que se llama a `con_plazo`.
pub async fn con_plazo<F, T>(_limite: Duration, pasos: Vec<F>) -> Result<Vec<T>, Vencido>
where
    F: Future<Output = T>,
{
    let mut resultados = Vec::with_capacity(pasos.len());
    for paso in pasos {
        resultados.push(paso.await);
    }
    Ok(resultados)
}
