//! `pin_proyeccion`: cómo un future que envuelve a otro llega hasta él.
//!
//! Un combinador (un future que envuelve a otro, como `map`, `fuse` o
//! `timeout`) recibe en `poll` un `Pin<&mut Self>`, y para sondear el future
//! de dentro necesita un `Pin<&mut Interior>`. Pasar del uno al otro se llama
//! *proyectar*. Este ejemplo existe para ver, funcionando, las piezas con las
//! que se escribe un combinador:
//!
//! 1. `Pin::as_mut`: volver a prestar un `Pin<&mut F>` para sondear otra vez
//!    el mismo future, sin moverlo;
//! 2. `Pin::set`: poner otro valor en el sitio de uno fijado, soltando el
//!    viejo donde está;
//! 3. la proyección escrita a mano, con `unsafe`, y lo que hay que cumplir
//!    para que sea correcta;
//! 4. la misma proyección con `pin_project!` (del crate `pin-project-lite`),
//!    que escribe el `unsafe` por nosotros y comprueba lo demás.
//!
//! ```text
//! cargo run --example pin_proyeccion
//! ```

use std::future::{self, Future};
use std::pin::{Pin, pin};
use std::task::{Context, Poll, Waker, ready};

use async_std::task;
use pin_project_lite::pin_project;

fn direccion<T: ?Sized>(valor: &T) -> usize {
    valor as *const T as *const u8 as usize
}

/// Un future `async` (así que no es `Unpin`) que cede el hilo `n` veces
/// antes de terminar: se sondea `n + 1` veces.
async fn pasos(n: u32) -> u32 {
    for _ in 0..n {
        task::yield_now().await;
    }
    n
}

fn main() {
    println!("1. Pin::as_mut: sondear otra vez sin mover\n");
    as_mut();

    println!("\n2. Pin::set: otro future en el mismo sitio\n");
    set();

    println!("\n3. Proyección a mano, con unsafe\n");
    a_mano();

    println!("\n4. Proyección con pin_project!\n");
    con_pin_project();
}

// ANCHOR: as_mut
/// Sondea `future` hasta que termina y devuelve su valor y la dirección en
/// que estaba en cada sondeo. El waker es `Waker::noop()`: los futures de
/// este ejemplo no esperan a nadie, y este bucle vuelve a sondear enseguida.
fn hasta_el_final<F: Future>(mut future: Pin<&mut F>) -> (F::Output, Vec<usize>) {
    let mut cx = Context::from_waker(Waker::noop());
    let mut direcciones = Vec::new();
    loop {
        // `poll` recibe `self: Pin<&mut Self>` por valor: `future.poll(..)`
        // gastaría el `Pin` y no habría un segundo sondeo. `as_mut()` presta
        // otro `Pin<&mut F>`, más corto, al mismo future: no lo mueve, y
        // `future` sigue sirviendo para la vuelta siguiente.
        let prestado: Pin<&mut F> = future.as_mut();
        direcciones.push(direccion(&*prestado));
        if let Poll::Ready(valor) = prestado.poll(&mut cx) {
            return (valor, direcciones);
        }
    }
}
// ANCHOR_END: as_mut

fn as_mut() {
    let future = pin!(pasos(2));
    let (valor, direcciones) = hasta_el_final(future);
    for (i, donde) in direcciones.iter().enumerate() {
        println!("   sondeo {}: el future está en {donde:#x}", i + 1);
    }
    let misma = direcciones.windows(2).all(|par| par[0] == par[1]);
    println!(
        "   pasos(2): Ready({valor}) tras {} sondeos; ¿siempre en la misma dirección? {}",
        direcciones.len(),
        if misma { "sí" } else { "no" }
    );
}

// ANCHOR: aviso
/// Avisa cuando se suelta: así se ve qué suelta `Pin::set`, y cuándo.
struct Aviso(&'static str);

impl Drop for Aviso {
    fn drop(&mut self) {
        println!("   (se suelta el Aviso «{}»)", self.0);
    }
}

async fn con_aviso(nombre: &'static str) -> &'static str {
    let _aviso = Aviso(nombre); // cruza el `.await`: vive dentro del future
    task::yield_now().await;
    nombre
}
// ANCHOR_END: aviso

fn set() {
    // ANCHOR: set
    let mut future = pin!(con_aviso("primero"));
    let primer_sondeo = future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()));
    let antes = direccion(&*future);
    println!("   «primero», sondeado una vez: {primer_sondeo:?}, en {antes:#x}");

    // `set` suelta el future viejo, suspendido con su `Aviso` dentro, y
    // escribe el nuevo en la misma memoria. No pide `Unpin`: el viejo no se
    // mueve a ninguna parte, se suelta donde está.
    future.set(con_aviso("segundo"));
    let despues = direccion(&*future);
    println!(
        "   «segundo» está en {despues:#x}: {}",
        if antes == despues {
            "la misma dirección"
        } else {
            "otra dirección"
        }
    );
    let (valor, direcciones) = hasta_el_final(future.as_mut());
    println!(
        "   «segundo» termina: Ready({valor:?}) tras {} sondeos",
        direcciones.len()
    );
    // ANCHOR_END: set
}

// ANCHOR: a_mano
/// Como `FutureExt::map`: espera a `future` y aplica `f` a su resultado.
/// Escrito a mano, con `unsafe`.
pub struct MapearAMano<F, G> {
    /// Fijado de forma *estructural*: si el `MapearAMano` está fijado, este
    /// campo también, y solo se usa a través de un `Pin<&mut F>`.
    future: F,
    /// No estructural: se usa con un `&mut` corriente, y hasta se saca con
    /// `take`, porque a nadie le importa que se mueva.
    f: Option<G>,
}

impl<F, G> MapearAMano<F, G> {
    pub fn new(future: F, f: G) -> Self {
        MapearAMano { future, f: Some(f) }
    }

    /// La proyección: de `Pin<&mut Self>` a un `Pin<&mut _>` para el campo
    /// estructural y un `&mut _` para el que no lo es.
    fn proyectar(self: Pin<&mut Self>) -> (Pin<&mut F>, &mut Option<G>) {
        // SAFETY: `get_unchecked_mut` da un `&mut Self` a cambio de la
        // promesa de no mover nada fijado a través de él, y
        // `new_unchecked` afirma que `future` no se moverá mientras viva.
        // Este tipo lo cumple porque:
        // - `future` solo sale de `MapearAMano` envuelto en `Pin`, por aquí;
        //   ningún método lo mueve ni lo saca (no hay un `into_inner`, ni
        //   un `mem::swap` o un `take` sobre él);
        // - no hay un `impl Unpin` que mienta: el automático solo existe si
        //   `F` (y `G`) son `Unpin`, y entonces moverlo no rompe nada;
        // - no implementa `Drop` (su `drop` recibiría un `&mut Self` con el
        //   que se podría mover `future`) ni es `#[repr(packed)]` (que
        //   movería el campo para poder tomar una referencia alineada).
        unsafe {
            let this = self.get_unchecked_mut();
            (Pin::new_unchecked(&mut this.future), &mut this.f)
        }
    }
}

impl<F: Future, G: FnOnce(F::Output) -> T, T> Future for MapearAMano<F, G> {
    type Output = T;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let (future, f) = self.proyectar();
        match future.poll(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(valor) => {
                let f = f.take().expect("MapearAMano sondeado después de Ready");
                Poll::Ready(f(valor))
            }
        }
    }
}
// ANCHOR_END: a_mano

fn a_mano() {
    // ANCHOR: a_mano_uso
    let mapeado = pin!(MapearAMano::new(pasos(3), |n| n * 10));
    let (valor, direcciones) = hasta_el_final(mapeado);
    // ANCHOR_END: a_mano_uso
    println!(
        "   MapearAMano(pasos(3), n * 10): Ready({valor}) tras {} sondeos",
        direcciones.len()
    );
}

// ANCHOR: pin_project
pin_project! {
    /// El mismo `Mapear`, sin `unsafe`: `#[pin]` marca el campo estructural.
    pub struct Mapear<F, G> {
        #[pin]
        future: F,
        f: Option<G>,
    }
}

impl<F, G> Mapear<F, G> {
    pub fn new(future: F, f: G) -> Self {
        Mapear { future, f: Some(f) }
    }
}

impl<F: Future, G: FnOnce(F::Output) -> T, T> Future for Mapear<F, G> {
    type Output = T;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        // `project` es el `proyectar` de arriba, escrito por la macro:
        // `this.future` es un `Pin<&mut F>`, y `this.f`, un `&mut Option<G>`.
        let this = self.project();
        match this.future.poll(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(valor) => {
                let f = this.f.take().expect("Mapear sondeado después de Ready");
                Poll::Ready(f(valor))
            }
        }
    }
}
// ANCHOR_END: pin_project

// ANCHOR: fundir
pin_project! {
    /// Como `FutureExt::fuse`: cuando el de dentro termina, lo suelta y
    /// responde `Pending` para siempre, en lugar de volver a sondearlo.
    pub struct Fundir<F> {
        #[pin]
        future: Option<F>,
    }
}

impl<F: Future> Future for Fundir<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        // `project` consume el `Pin<&mut Self>`; para proyectar dos veces, la
        // primera se hace sobre un préstamo: `as_mut()`. Y `as_pin_mut` pasa
        // de `Pin<&mut Option<F>>` a `Option<Pin<&mut F>>`.
        let Some(future) = self.as_mut().project().future.as_pin_mut() else {
            return Poll::Pending; // ya terminó
        };
        let valor = ready!(future.poll(cx)); // si da `Pending`, devuelve `Pending`
        // El de dentro terminó: `set(None)` lo suelta en su sitio.
        self.project().future.set(None);
        Poll::Ready(valor)
    }
}
// ANCHOR_END: fundir

fn con_pin_project() {
    let mapeado = pin!(Mapear::new(pasos(3), |n| n * 10));
    let (valor, direcciones) = hasta_el_final(mapeado);
    println!(
        "   Mapear(pasos(3), n * 10):      Ready({valor}) tras {} sondeos",
        direcciones.len()
    );

    // ANCHOR: unpin
    // `pin_project!` escribe también el `impl Unpin` que toca: `Mapear` es
    // `Unpin` si su campo `#[pin]` lo es. `ready(20)` lo es, así que este
    // `Mapear` se sondea con `Pin::new`, sin fijarlo; con `pasos(3)` dentro,
    // `Pin::new(&mut ...)` no compilaría.
    let mut listo = Mapear::new(future::ready(20), |n: u32| n + 1);
    let poll = Pin::new(&mut listo).poll(&mut Context::from_waker(Waker::noop()));
    // ANCHOR_END: unpin
    println!("   Mapear(ready(20), n + 1), con Pin::new: {poll:?}");

    // ANCHOR: fundir_uso
    let mut fundido = pin!(Fundir {
        future: Some(pasos(1)),
    });
    let mut cx = Context::from_waker(Waker::noop());
    let sondeos: Vec<String> = (1..=4)
        .map(|i| format!("{i}: {:?}", fundido.as_mut().poll(&mut cx)))
        .collect();
    // ANCHOR_END: fundir_uso
    println!("   Fundir(pasos(1)), sondeo {}", sondeos.join(", "));
}
