//! Ejercicio `yield_now`: ceder el hilo durante un cálculo largo.
//!
//! Capítulo: book/src/06-yield-now.md.
//! Pruebas: `cargo test -p exercises --test yield_now`.
//! Pista: `cargo run -- pista yield_now`.
//!
//! Una tarea solo suelta su hilo cuando su `poll` vuelve, y eso solo ocurre
//! en un `.await` que devuelve `Pending`. Un cálculo largo sin ningún
//! `.await` tiene el hilo para él solo hasta que termina, y las demás tareas
//! de ese hilo esperan. Escribe `count_primes` para que calcule a trozos de
//! `chunk` números y, entre trozo y trozo, ceda el hilo con
//! `async_std::task::yield_now().await`.

#[allow(unused_imports)]
use async_std::task;

/// ¿Es `n` primo? Prueba los divisores impares hasta la raíz cuadrada de
/// `n`: es lento a propósito, para que haya algo que calcular.
///
/// Ya está escrita: úsala tal cual.
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

/// Cuenta los primos menores que `limit`.
///
/// Recorre los números de `chunk` en `chunk` (el último trozo puede ser más
/// corto) y, después de cada trozo, cede el hilo con `yield_now().await`
/// para que las demás tareas del hilo avancen. `chunk` es mayor que 0.
pub async fn count_primes(limit: u64, chunk: u64) -> u64 {
    todo!(
        "Ejercicio `yield_now`: escribe `count_primes` en exercises/src/yield_now.rs \
         (capítulo book/src/06-yield-now.md; pista: cargo run -- pista yield_now)"
    )
}
