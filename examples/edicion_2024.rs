//! `edicion_2024`: lo que cambia en el código asíncrono al pasar de la
//! edición 2021 de Rust a la 2024.
//!
//! Este ejemplo existe porque el taller está en la edición 2024, y mucho del
//! código que encontrarás fuera (el de *Programming Rust*, tutoriales,
//! proyectos que aún no se han movido) está en la 2021. Cinco cambios se
//! notan al escribir código asíncrono; cada sección muestra, corriendo, lo
//! que hace la 2024, y el capítulo «Bloques asíncronos» cuenta lo que hacía
//! la 2021:
//!
//! 1. Un `impl Trait` de retorno captura todos los tiempos de vida de la
//!    firma; `use<..>` dice cuáles captura.
//! 2. Los temporales de la condición de un `if let` se sueltan antes del
//!    `else`: el guardián de un `Mutex` tomado en la condición ya no está
//!    tomado dentro del `else`, ni cruza un `.await` que haya allí.
//! 3. Los temporales de la expresión final de un bloque se sueltan antes que
//!    las variables locales del bloque.
//! 4. `Future` e `IntoFuture` están en el preludio: no hace falta `use`.
//! 5. Cadenas de `let` (`if let ... && let ...`), desde Rust 1.88.
//!
//! ```text
//! cargo run --example edicion_2024
//! ```

use std::cell::RefCell;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

use async_std::task;

fn main() {
    println!("1. Un impl Trait de retorno captura los tiempos de vida de la firma\n");
    captura();

    println!("\n2. Los temporales de un if let se sueltan antes del else\n");
    if_let();

    println!("\n3. Los temporales de la última expresión, antes que las variables\n");
    expresion_final();

    println!("\n4. Future e IntoFuture, en el preludio\n");
    preludio();

    println!("\n5. Cadenas de let\n");
    cadenas_de_let();
}

// ANCHOR: captura
/// Sin `use<..>`, el `impl Future` captura el tiempo de vida de `nombre`,
/// como el future de una `async fn` captura sus argumentos: el future puede
/// guardar el préstamo, y quien llama lo sabe. En la edición 2021 esta firma
/// no compilaba sin un `+ '_`.
fn saludo_prestado(nombre: &str) -> impl Future<Output = String> + Send {
    // Esto corre al llamarla; el bloque, al sondear el future.
    let letras = nombre.chars().count();
    async move { format!("hola, {nombre} ({letras} letras)") }
}

/// `use<>`: no captura ningún tiempo de vida. El bloque se lleva una copia,
/// y el future no depende de `nombre`: se puede lanzar como tarea.
fn saludo_propio(nombre: &str) -> impl Future<Output = String> + Send + use<> {
    let nombre = nombre.to_uppercase();
    async move { format!("hola, {nombre}") }
}
// ANCHOR_END: captura

fn captura() {
    // ANCHOR: captura_uso
    let nombre = String::from("Ferris");
    // El future toma prestado `nombre`, que sigue vivo mientras se espera.
    let prestado = task::block_on(saludo_prestado(&nombre));

    let tarea = {
        let nombre = String::from("Ferris");
        task::spawn(saludo_propio(&nombre))
        // Aquí se suelta este `nombre`: la tarea no lo necesita.
    };
    let propio = task::block_on(tarea);
    // ANCHOR_END: captura_uso
    println!("  saludo_prestado, esperado con `nombre` vivo: {prestado:?}");
    println!("  saludo_propio, lanzado con spawn tras soltar `nombre`: {propio:?}");
}

// ANCHOR: if_let
/// Lee la caché y, si está vacía, la rellena. La condición toma el lock:
/// `cache.lock()` crea un guardián temporal.
fn leer_o_rellenar(cache: &Mutex<Option<u32>>) -> u32 {
    if let Some(valor) = *cache.lock().unwrap() {
        valor
    } else {
        // El guardián de la condición ya se soltó al entrar aquí, así que el
        // lock está libre y se puede volver a tomar.
        let libre = cache.try_lock().is_ok();
        println!("  if let: dentro del else, ¿el lock está libre? {libre}");
        *cache.lock().unwrap() = Some(42);
        42
    }
}
// ANCHOR_END: if_let

// ANCHOR: match
/// Lo mismo con `match`. Los temporales de la expresión que examina un
/// `match` viven hasta el final del `match` entero, en todas las ediciones:
/// en el brazo `None`, el guardián sigue tomado. Era lo que hacía `if let`
/// en la edición 2021.
fn libre_en_el_brazo_none(cache: &Mutex<Option<u32>>) -> bool {
    match *cache.lock().unwrap() {
        Some(_) => true,
        None => cache.try_lock().is_ok(),
    }
}
// ANCHOR_END: match

// ANCHOR: if_let_await
/// La versión asíncrona: si la caché está vacía, espera antes de
/// rellenarla. El guardián de la condición no cruza el `.await` del `else`
/// (ya se soltó), así que el future es `Send` y `task::spawn` lo acepta.
async fn rellenar_esperando(cache: Arc<Mutex<Option<u32>>>) -> u32 {
    if let Some(valor) = *cache.lock().unwrap() {
        valor
    } else {
        task::yield_now().await;
        *cache.lock().unwrap() = Some(7);
        7
    }
}
// ANCHOR_END: if_let_await

fn if_let() {
    let cache = Mutex::new(None);
    let valor = leer_o_rellenar(&cache);
    println!("  if let: la caché vacía se rellenó con {valor}");

    let vacia = Mutex::new(None);
    let libre = libre_en_el_brazo_none(&vacia);
    println!("  match: dentro del brazo None, ¿el lock está libre? {libre}");

    let compartida = Arc::new(Mutex::new(None));
    let tarea = task::spawn(rellenar_esperando(Arc::clone(&compartida)));
    let valor = task::block_on(tarea);
    println!(
        "  if let con .await en el else: la tarea de spawn rellenó la caché con {valor} \
         (ahora guarda {:?})",
        *compartida.lock().unwrap()
    );
}

/// Avisa cuando se suelta, para ver el orden.
struct Ruidoso(&'static str);

impl Ruidoso {
    fn largo(&self) -> usize {
        self.0.chars().count()
    }
}

impl Drop for Ruidoso {
    fn drop(&mut self) {
        println!("  se suelta {}", self.0);
    }
}

// ANCHOR: expresion_final
/// La última expresión crea un temporal (`Ruidoso(...)`) para llamar a
/// `largo`. En la edición 2024 se suelta antes que la variable local; en la
/// 2021 se soltaba después.
fn orden_al_salir() -> usize {
    let _local = Ruidoso("la variable local");
    Ruidoso("el temporal de la última expresión").largo()
}

/// Lo que ese orden permite: el guardián de `borrow()` es un temporal de la
/// última expresión y se suelta antes que `texto`, del que toma prestado.
/// En la 2021 esto no compilaba: «`texto` does not live long enough».
fn largo_del_texto() -> usize {
    let texto = RefCell::new(String::from("sondear, despertar, volver a sondear"));
    texto.borrow().len()
}

/// Y lo mismo con un `Mutex`: el guardián de `lock()` se suelta antes que
/// el propio `Mutex`.
fn cuantos_en_la_cola() -> usize {
    let cola = Mutex::new(vec!["a", "b", "c"]);
    cola.lock().unwrap().len()
}
// ANCHOR_END: expresion_final

fn expresion_final() {
    let n = orden_al_salir();
    println!("  orden_al_salir devolvió {n}");
    println!("  largo_del_texto devolvió {}", largo_del_texto());
    println!("  cuantos_en_la_cola devolvió {}", cuantos_en_la_cola());
}

// ANCHOR: preludio
/// Un pedido que aún no es un future. `IntoFuture` dice cómo se convierte
/// en uno, y `.await` hace la conversión sola. Ni `Future` ni `IntoFuture`
/// necesitan un `use`: en la edición 2024 están en el preludio.
struct Pedido {
    unidades: u32,
}

impl IntoFuture for Pedido {
    type Output = u32;
    type IntoFuture = Pin<Box<dyn Future<Output = u32> + Send>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move {
            task::yield_now().await;
            self.unidades * 10
        })
    }
}
// ANCHOR_END: preludio

fn preludio() {
    // ANCHOR: preludio_uso
    let total = task::block_on(async { Pedido { unidades: 4 }.await });
    // ANCHOR_END: preludio_uso
    println!("  `Pedido {{ unidades: 4 }}.await` dio {total}");
}

// ANCHOR: cadenas_de_let
/// Lee una cabecera `Content-Length: N`. Tres condiciones, cada una con lo
/// que encontró la anterior, en un solo `if`: en la edición 2021 habrían
/// sido tres `if` anidados.
fn content_length(linea: &str) -> Option<usize> {
    if let Some((nombre, valor)) = linea.split_once(':')
        && nombre.trim().eq_ignore_ascii_case("content-length")
        && let Ok(n) = valor.trim().parse()
    {
        Some(n)
    } else {
        None
    }
}
// ANCHOR_END: cadenas_de_let

fn cadenas_de_let() {
    for linea in [
        "Content-Length: 1024",
        "content-length:7",
        "Content-Type: text/plain",
        "Content-Length: mucho",
    ] {
        println!("  content_length({linea:?}) = {:?}", content_length(linea));
    }
}
