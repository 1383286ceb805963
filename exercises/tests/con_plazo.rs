// Pruebas del ejercicio `con_plazo`: un solo plazo para una operación de
// varios pasos.
//
// Archivo que editas: exercises/src/con_plazo.rs
// Capítulo: book/src/select-timeout.md · Pista: cargo run -- pista con_plazo

// Tu archivo entra en estas pruebas como el módulo `con_plazo`, y ningún
// otro ejercicio entra con él: si otro no compila, estas pruebas compilan y
// corren igual. Las mismas pruebas corren contra la solución:
// solutions/tests/con_plazo.rs incluye este archivo (por eso no tiene
// comentarios `//!`) y declara el módulo con solutions/src/con_plazo.rs; allí
// está activo `cfg(solucion)`, que apaga esta declaración.
#[cfg(not(solucion))]
#[path = "../src/con_plazo.rs"]
#[allow(unused_variables)] // el esbozo aún no usa sus parámetros
pub mod con_plazo;

// Todas corren con el reloj de tokio en pausa: un paso de 40 ms no tarda
// 40 ms de verdad, porque cuando todo espera tokio adelanta el reloj hasta
// el próximo temporizador. Ese reloj es virtual y exacto, así que estas
// pruebas pueden pedir que el plazo venza *justo* a los 100 ms sin depender
// de lo cargada que esté la máquina: no cronometran nada real.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use con_plazo::{Vencido, con_plazo};
use taller_async::prueba::con_limite_tokio_pausado;
use tokio::time::{self, Instant};

const SI_SE_CUELGA: &str = "con_plazo no terminó. ¿Bloqueas el hilo (un `std::thread::sleep`, \
    un bucle que no espera nada)? Con el reloj en pausa, tokio solo adelanta el reloj cuando \
    todas las tareas esperan en un `.await`.";

/// Lo que le pasó a un paso, y a qué milisegundo del reloj de tokio.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Suceso {
    Empieza(usize, u128),
    Termina(usize, u128),
    SeSuelta(usize, u128),
}

/// Lo que anotan los pasos de una prueba.
#[derive(Clone)]
struct Diario {
    inicio: Instant,
    sucesos: Rc<RefCell<Vec<Suceso>>>,
}

impl Diario {
    fn nuevo() -> Diario {
        Diario {
            inicio: Instant::now(),
            sucesos: Rc::default(),
        }
    }

    fn ahora(&self) -> u128 {
        self.inicio.elapsed().as_millis()
    }

    fn anotar(&self, suceso: fn(usize, u128) -> Suceso, i: usize) {
        self.sucesos.borrow_mut().push(suceso(i, self.ahora()));
    }

    fn sucesos(&self) -> Vec<Suceso> {
        self.sucesos.borrow().clone()
    }
}

/// Anota que su paso se soltó si el future se suelta antes de terminar.
struct Testigo {
    diario: Diario,
    i: usize,
    terminado: bool,
}

impl Drop for Testigo {
    fn drop(&mut self) {
        if !self.terminado {
            self.diario.anotar(Suceso::SeSuelta, self.i);
        }
    }
}

/// El paso `i`: tarda `ms` milisegundos y devuelve `i`.
async fn paso(diario: Diario, i: usize, ms: u64) -> usize {
    diario.anotar(Suceso::Empieza, i);
    let mut testigo = Testigo {
        diario: diario.clone(),
        i,
        terminado: false,
    };
    time::sleep(Duration::from_millis(ms)).await;
    testigo.terminado = true;
    diario.anotar(Suceso::Termina, i);
    i
}

/// Los pasos de una prueba: uno por duración, en orden.
fn pasos(diario: &Diario, duraciones: &[u64]) -> Vec<impl Future<Output = usize> + use<>> {
    duraciones
        .iter()
        .enumerate()
        .map(|(i, &ms)| paso(diario.clone(), i, ms))
        .collect()
}

#[test]
fn devuelve_los_resultados_en_orden_si_todo_cabe() {
    con_limite_tokio_pausado(10, SI_SE_CUELGA, || async {
        let diario = Diario::nuevo();
        let resultado = con_plazo(Duration::from_millis(100), pasos(&diario, &[10, 20, 30])).await;
        assert!(
            resultado == Ok(vec![0, 1, 2]),
            "Tres pasos de 10, 20 y 30 ms caben en 100 ms: se esperaba Ok([0, 1, 2]), \
             y llegó {resultado:?}."
        );
        let sucesos = diario.sucesos();
        let esperado = vec![
            Suceso::Empieza(0, 0),
            Suceso::Termina(0, 10),
            Suceso::Empieza(1, 10),
            Suceso::Termina(1, 30),
            Suceso::Empieza(2, 30),
            Suceso::Termina(2, 60),
        ];
        assert!(
            sucesos == esperado,
            "Los pasos van uno detrás de otro: cada uno empieza cuando termina el anterior.\n\
             Se esperaba {esperado:?}\ny pasó {sucesos:?}"
        );
    })
}

#[test]
fn un_paso_lento_cabe_si_el_total_cabe() {
    con_limite_tokio_pausado(10, SI_SE_CUELGA, || async {
        let diario = Diario::nuevo();
        let resultado = con_plazo(Duration::from_millis(100), pasos(&diario, &[10, 70, 10])).await;
        assert!(
            resultado == Ok(vec![0, 1, 2]),
            "Pasos de 10, 70 y 10 ms: 90 ms en total, que caben en el límite de 100 ms, \
             aunque el segundo solo tarde más que un tercio del límite. Se esperaba \
             Ok([0, 1, 2]) y llegó {resultado:?}. ¿Repartes el límite entre los pasos? \
             El plazo es de la operación entera: lo que un paso no gasta le queda al \
             siguiente."
        );
    })
}

#[test]
fn cada_paso_cabe_pero_el_total_no_cabe() {
    con_limite_tokio_pausado(10, SI_SE_CUELGA, || async {
        let diario = Diario::nuevo();
        let resultado = con_plazo(Duration::from_millis(100), pasos(&diario, &[40, 40, 40])).await;
        assert!(
            resultado == Err(Vencido { completados: 2 }),
            "Tres pasos de 40 ms no caben en 100 ms: el plazo vence a mitad del tercero, \
             y se esperaba Err(Vencido {{ completados: 2 }}). Llegó {resultado:?}.\n\
             Si llegó un Ok con los tres: ¿le das a cada paso su propio límite de \
             tiempo (un `timeout` por paso, o un plazo calculado de nuevo con \
             `Instant::now()` en cada vuelta)? Cada paso cabe en 100 ms; la operación \
             entera, no. Calcula el plazo, un instante, una sola vez, antes del primer \
             paso.\nSi llegó un Ok con menos pasos: vencido el plazo, se devuelve un \
             error, no los resultados que dio tiempo a juntar."
        );
    })
}

#[test]
fn vence_justo_en_el_plazo_y_suelta_el_paso_en_curso() {
    con_limite_tokio_pausado(10, SI_SE_CUELGA, || async {
        let diario = Diario::nuevo();
        let resultado = con_plazo(
            Duration::from_millis(100),
            pasos(&diario, &[40, 40, 40, 40]),
        )
        .await;
        let al_volver = diario.ahora();
        let sucesos = diario.sucesos();
        assert!(
            resultado == Err(Vencido { completados: 2 }),
            "Cuatro pasos de 40 ms con un límite de 100 ms: se esperaba \
             Err(Vencido {{ completados: 2 }}), y llegó {resultado:?}."
        );
        assert!(
            al_volver == 100,
            "con_plazo debía volver justo al vencer el plazo, a los 100 ms (del reloj de \
             tokio, en pausa), y volvió a los {al_volver} ms. ¿Miras el reloj solo entre \
             paso y paso? Así, el paso en curso sigue hasta terminar aunque el plazo \
             haya vencido. Espera cada paso con el plazo (`timeout_at`), para que lo \
             suelte en cuanto vence.\nLo que pasó: {sucesos:?}"
        );
        assert!(
            sucesos.contains(&Suceso::SeSuelta(2, 100)),
            "El tercer paso estaba en curso al vencer el plazo: debía soltarse a los \
             100 ms, sin terminar. Lo que pasó: {sucesos:?}"
        );
        assert!(
            !sucesos.contains(&Suceso::Empieza(3, 100)) && sucesos.len() == 6,
            "Vencido el plazo, no se empieza ningún paso más. Lo que pasó: {sucesos:?}"
        );
    })
}
