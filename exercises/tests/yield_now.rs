// Pruebas del ejercicio `yield_now`: ceder el hilo con `yield_now`.
//
// Archivo que editas: exercises/src/yield_now.rs
// Capítulo: book/src/06-yield-now.md · Pista: cargo run -- pista yield_now
//
// Ninguna prueba mide tiempos. Junto al cálculo corre, en el mismo hilo, un
// contador de tics que no usa reloj: suma uno y cede el hilo, una y otra
// vez, mientras el cálculo no ha terminado. Solo puede sumar cuando el
// cálculo suelta el hilo, así que sus tics cuentan cuántas veces lo soltó.

// Tu archivo entra en estas pruebas como el módulo `yield_now`, y ningún
// otro ejercicio entra con él: si otro no compila, estas pruebas compilan y
// corren igual. Las mismas pruebas corren contra la solución:
// solutions/tests/yield_now.rs incluye este archivo (por eso no tiene
// comentarios `//!`) y declara el módulo con solutions/src/yield_now.rs; allí
// está activo `cfg(solucion)`, que apaga esta declaración.
#[cfg(not(solucion))]
#[path = "../src/yield_now.rs"]
#[allow(unused_variables)] // el esbozo aún no usa sus parámetros
pub mod yield_now;

use std::cell::Cell;

use async_std::task;
use taller_async::prueba::con_limite;
use yield_now::count_primes;

const SI_SE_CUELGA: &str = "count_primes no terminó. ¿Avanza tu bucle al trozo \
    siguiente en cada vuelta? ¿Esperas `yield_now()` con `.await`? Sin `.await`, \
    el future de `yield_now` no hace nada.";

// Los primos menores que 20 000 son 2262.
const LIMITE: u64 = 20_000;
const PRIMOS_HASTA_LIMITE: u64 = 2262;
// Trozos de 1000 números: 20 trozos.
const TROZO: u64 = 1_000;

// Corre `count_primes(limit, chunk)` y, a la vez y en la misma tarea, el
// contador de tics. Devuelve el resultado del cálculo y los tics.
//
// `join!` sondea sus dos futures por turnos y en orden: primero el cálculo,
// luego el contador. Si el cálculo termina en su primer sondeo, el contador
// llega tarde y se queda en 0 tics. Cada vez que el cálculo cede el hilo, el
// contador suma uno.
async fn contar_con_tics(limit: u64, chunk: u64) -> (u64, u64) {
    let terminado = Cell::new(false);
    let tics = Cell::new(0);
    let calculo = async {
        let primos = count_primes(limit, chunk).await;
        terminado.set(true);
        primos
    };
    let contador = async {
        while !terminado.get() {
            tics.set(tics.get() + 1);
            task::yield_now().await;
        }
    };
    let (primos, ()) = futures::join!(calculo, contador);
    (primos, tics.get())
}

#[test]
fn cuenta_bien_los_primos() {
    con_limite(20, SI_SE_CUELGA, || async {
        // (`limit`, `chunk`, primos menores que `limit`)
        let casos = [
            (10, 3, 4), // 2, 3, 5 y 7, en trozos 0..3, 3..6, 6..9 y 9..10
            (1_000, 100, 168),
            (1_000, 7, 168),  // el último trozo es más corto
            (100, 1_000, 25), // un solo trozo, más largo que todo
            (2, 5, 0),        // 2 no es menor que 2
            (0, 10, 0),
            (LIMITE, TROZO, PRIMOS_HASTA_LIMITE),
        ];
        for (limit, chunk, esperado) in casos {
            let primos = count_primes(limit, chunk).await;
            assert!(
                primos == esperado,
                "count_primes({limit}, {chunk}) dio {primos}, y hay {esperado} primos \
                 menores que {limit}. ¿Recorres cada número de 0 a {limit} (sin incluirlo) \
                 una sola vez? ¿Cuentas el último trozo, que puede ser más corto que \
                 {chunk}?"
            );
        }
    })
}

// Tamaños de trozo para las pruebas que cuentan tics: uno que cabe justo
// (1000: 20 trozos), uno más corto (500: 40 trozos) y uno que no cabe un
// número entero de veces (3000: 6 trozos y uno de 2000 al final, 7).
const TROZOS_A_PROBAR: [u64; 3] = [TROZO, 500, 3_000];

#[test]
fn cede_el_hilo_entre_trozo_y_trozo() {
    con_limite(20, SI_SE_CUELGA, || async {
        for chunk in TROZOS_A_PROBAR {
            let trozos = LIMITE.div_ceil(chunk);
            let (primos, tics) = contar_con_tics(LIMITE, chunk).await;
            assert!(
                primos == PRIMOS_HASTA_LIMITE,
                "count_primes({LIMITE}, {chunk}) dio {primos}, y son {PRIMOS_HASTA_LIMITE}"
            );
            assert!(
                tics + 1 >= trozos,
                "count_primes({LIMITE}, {chunk}) tenía {trozos} trozos de {chunk} números, \
                 y el contador de la otra tarea del hilo se quedó en {tics} mientras duraba: \
                 count_primes no suelta el hilo entre trozo y trozo. Llama a \
                 `task::yield_now().await` después de cada trozo (dentro del bucle, no una \
                 sola vez al principio o al final), y usa `chunk` para saber dónde acaba \
                 cada trozo, no un tamaño escrito a mano."
            );
        }
    })
}

#[test]
fn cede_una_vez_por_trozo_y_no_en_cada_numero() {
    con_limite(20, SI_SE_CUELGA, || async {
        for chunk in TROZOS_A_PROBAR {
            let trozos = LIMITE.div_ceil(chunk);
            let (primos, tics) = contar_con_tics(LIMITE, chunk).await;
            assert!(
                primos == PRIMOS_HASTA_LIMITE,
                "count_primes({LIMITE}, {chunk}) dio {primos}, y son {PRIMOS_HASTA_LIMITE}"
            );
            assert!(
                tics <= trozos + 1,
                "count_primes({LIMITE}, {chunk}) tenía {trozos} trozos de {chunk} números, \
                 pero soltó el hilo unas {tics} veces. Cede una vez por trozo, no en cada \
                 número ni cada un tamaño escrito a mano: usa `chunk`. Cada `yield_now` \
                 cuesta una vuelta por el ejecutor, y con trozos de tamaño medio ese coste \
                 apenas se nota."
            );
        }

        // Con un trozo más largo que todo el cálculo, basta con ceder una vez.
        let (primos, tics) = contar_con_tics(500, 1_000).await;
        assert!(
            primos == 95,
            "count_primes(500, 1000) dio {primos}, y son 95"
        );
        assert!(
            tics <= 2,
            "count_primes(500, 1000) es un solo trozo, pero soltó el hilo unas {tics} \
             veces. ¿Usas `chunk` para decidir cuándo ceder?"
        );
    })
}
