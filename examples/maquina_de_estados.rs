//! `maquina_de_estados`: lo que el compilador hace con una `async fn`,
//! escrito a mano.
//!
//! Una `async fn` no es una función que se pausa: es una función corriente
//! que devuelve un valor, el future, y ese valor es una máquina de estados.
//! Cada `.await` es un estado en el que el future puede quedarse suspendido,
//! y cada estado guarda lo que hace falta para seguir desde ahí: las
//! variables vivas y el future al que espera. El compilador genera esa
//! máquina; este ejemplo escribe a mano la de una `async fn` con dos
//! `.await`, como un `enum` con un `impl Future`, y corre las dos versiones
//! con el mismo ejecutor trazado:
//!
//! 1. las dos trazas (cada sondeo, cada paso del cuerpo) son idénticas;
//! 2. los dos futures ocupan lo que ocupan sus estados.
//!
//! ```text
//! cargo run --example maquina_de_estados
//! ```

use std::cell::RefCell;
use std::future::Future;
use std::mem::size_of_val;
use std::pin::{Pin, pin};
use std::task::{Context, Poll, Waker};

thread_local! {
    /// La traza de la ejecución en curso: una línea por evento.
    static TRAZA: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn traza(evento: String) {
    TRAZA.with(|t| t.borrow_mut().push(evento));
}

// ANCHOR: paso
/// El future al que esperan los dos `.await`: devuelve `Pending` una vez
/// (despertando antes a su waker, como `yield_now`) y después `Ready(n * 10)`.
pub struct Paso {
    nombre: &'static str,
    n: u32,
    sondeado: bool,
}

pub fn paso(nombre: &'static str, n: u32) -> Paso {
    Paso {
        nombre,
        n,
        sondeado: false,
    }
}

impl Future for Paso {
    type Output = u32;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        if self.sondeado {
            traza(format!(
                "  paso {}({}): Ready({})",
                self.nombre,
                self.n,
                self.n * 10
            ));
            Poll::Ready(self.n * 10)
        } else {
            self.sondeado = true;
            traza(format!("  paso {}({}): Pending", self.nombre, self.n));
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}
// ANCHOR_END: paso

// ANCHOR: async_fn
/// La versión que escribe cualquiera: dos `.await` seguidos.
pub async fn sumar_dos_pasos(a: u32) -> u32 {
    traza(format!("  cuerpo: empieza con a = {a}"));
    let x = paso("primero", a).await;
    traza(format!("  cuerpo: x = {x}"));
    let y = paso("segundo", x + 1).await;
    traza(format!("  cuerpo: y = {y}, devuelve {}", x + y));
    x + y
}
// ANCHOR_END: async_fn

// ANCHOR: enum
/// La misma función, como la máquina de estados que genera el compilador.
/// Cada variante es un punto en el que el future puede estar parado, con lo
/// que necesita para seguir desde ahí.
pub enum SumarDosPasos {
    /// Recién creado, sin sondear: solo guarda el argumento.
    Inicio { a: u32 },
    /// Parado en el primer `.await`: guarda el future al que espera.
    EsperandoPrimero { primero: Paso },
    /// Parado en el segundo `.await`: `x` sigue viva, porque se usa después.
    EsperandoSegundo { x: u32, segundo: Paso },
    /// Ya devolvió `Ready`.
    Terminado,
}

/// Lo que en la versión `async` es la llamada `sumar_dos_pasos(a)`: no
/// ejecuta nada, solo construye el estado inicial.
pub fn sumar_dos_pasos_a_mano(a: u32) -> SumarDosPasos {
    SumarDosPasos::Inicio { a }
}
// ANCHOR_END: enum

// ANCHOR: poll
impl Future for SumarDosPasos {
    type Output = u32;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        // Esta versión es `Unpin` (ninguna variante se apunta a sí misma), así
        // que `Pin<&mut Self>` se puede usar como `&mut Self`.
        let estado = &mut *self;
        // Un sondeo avanza todo lo que puede: de un estado al siguiente sin
        // salir de `poll`, hasta que un future interior devuelve `Pending`.
        loop {
            match estado {
                SumarDosPasos::Inicio { a } => {
                    let a = *a;
                    traza(format!("  cuerpo: empieza con a = {a}"));
                    *estado = SumarDosPasos::EsperandoPrimero {
                        primero: paso("primero", a),
                    };
                }
                SumarDosPasos::EsperandoPrimero { primero } => {
                    match Pin::new(primero).poll(cx) {
                        // El `.await` devuelve `Pending` hacia arriba, y el
                        // estado se queda como está para el próximo sondeo.
                        Poll::Pending => return Poll::Pending,
                        Poll::Ready(x) => {
                            traza(format!("  cuerpo: x = {x}"));
                            *estado = SumarDosPasos::EsperandoSegundo {
                                x,
                                segundo: paso("segundo", x + 1),
                            };
                        }
                    }
                }
                SumarDosPasos::EsperandoSegundo { x, segundo } => {
                    match Pin::new(segundo).poll(cx) {
                        Poll::Pending => return Poll::Pending,
                        Poll::Ready(y) => {
                            let x = *x;
                            traza(format!("  cuerpo: y = {y}, devuelve {}", x + y));
                            *estado = SumarDosPasos::Terminado;
                            return Poll::Ready(x + y);
                        }
                    }
                }
                SumarDosPasos::Terminado => {
                    panic!("`async fn` resumed after completion")
                }
            }
        }
    }
}
// ANCHOR_END: poll

/// Sondea `future` hasta que termina, anotando cada sondeo, y devuelve su
/// valor y la traza completa.
pub fn ejecutar_trazado<F: Future<Output = u32>>(future: F) -> (u32, Vec<String>) {
    TRAZA.with(|t| t.borrow_mut().clear());
    // `Waker::noop()` (Rust 1.85): un waker cuyo `wake` no hace nada. Basta
    // aquí porque este ejecutor vuelve a sondear enseguida, sin esperar
    // aviso (y `Paso` ya avisa antes de devolver `Pending`).
    let mut cx = Context::from_waker(Waker::noop());
    let mut future = pin!(future);
    let mut sondeo = 0;
    let valor = loop {
        sondeo += 1;
        traza(format!("sondeo {sondeo}"));
        match future.as_mut().poll(&mut cx) {
            Poll::Ready(valor) => {
                traza(format!("  → Ready({valor})"));
                break valor;
            }
            Poll::Pending => traza("  → Pending".to_string()),
        }
    };
    (valor, TRAZA.with(|t| t.take()))
}

fn main() {
    let (con_async, traza_async) = ejecutar_trazado(sumar_dos_pasos(1));
    let (a_mano, traza_a_mano) = ejecutar_trazado(sumar_dos_pasos_a_mano(1));

    println!("1. La misma ejecución, sondeo a sondeo\n");
    println!(
        "   {:<38} enum SumarDosPasos, a mano",
        "async fn sumar_dos_pasos(1)"
    );
    println!("   {:<38} --------------------------", "-".repeat(27));
    let filas = traza_async.len().max(traza_a_mano.len());
    for i in 0..filas {
        let izquierda = traza_async.get(i).map_or("", String::as_str);
        let derecha = traza_a_mano.get(i).map_or("", String::as_str);
        println!("   {izquierda:<38} {derecha}");
    }
    println!(
        "\n   resultados: {con_async} y {a_mano}; ¿trazas idénticas? {}",
        if traza_async == traza_a_mano {
            "sí"
        } else {
            "no"
        }
    );

    println!("\n2. Lo que ocupa cada uno\n");
    println!(
        "   Paso:                         {:>3} bytes",
        size_of_val(&paso("x", 0))
    );
    println!(
        "   future de sumar_dos_pasos(1): {:>3} bytes",
        size_of_val(&sumar_dos_pasos(1))
    );
    println!(
        "   SumarDosPasos, a mano:        {:>3} bytes",
        size_of_val(&sumar_dos_pasos_a_mano(1))
    );
}
