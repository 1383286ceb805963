//! Error: cada trozo acaba en `start + chunk` sin mirar `limit`: el último
//! trozo se pasa del límite y cuenta primos de más.
//! Se espera: fallan cuenta_bien_los_primos,
//!   cede_una_vez_por_trozo_y_no_en_cada_numero
//!
//! Solución del ejercicio `yield_now`: `yield_now`, ceder el hilo durante un cálculo
//! largo.
//!
//! El cálculo va a trozos de `chunk` números. Al final de cada trozo,
//! `yield_now().await` devuelve `Pending` una vez: la tarea suelta el hilo,
//! el ejecutor sondea a las demás y enseguida vuelve con esta, que sigue
//! donde lo dejó.

use async_std::task;

/// ¿Es `n` primo? Prueba los divisores impares hasta la raíz cuadrada de
/// `n`: es lento a propósito, para que haya algo que calcular.
pub fn is_prime(n: u64) -> bool {
    if n < 2 {
        return false;
    }
    if n.is_multiple_of(2) {
        return n == 2;
    }
    let mut divisor = 3;
    while divisor * divisor <= n {
        if n.is_multiple_of(divisor) {
            return false;
        }
        divisor += 2;
    }
    true
}

/// Cuenta los primos menores que `limit`, a trozos de `chunk` números, y
/// cede el hilo después de cada trozo.
pub async fn count_primes(limit: u64, chunk: u64) -> u64 {
    assert!(chunk > 0, "count_primes: `chunk` debe ser mayor que 0");
    let mut count = 0;
    let mut start = 0;
    while start < limit {
        // Un trozo de tamaño medio: ni tan largo que las demás tareas
        // esperen demasiado, ni tan corto que ceder cueste más que calcular.
        let end = start + chunk;
        count += (start..end).filter(|&n| is_prime(n)).count() as u64;
        start = end;

        task::yield_now().await;
    }
    count
}
