//! `pin`: por qué `poll` pide `Pin<&mut Self>` y no `&mut Self`.
//!
//! El future de una `async fn` guarda las variables que cruzan un
//! `.await`, y también las referencias entre ellas: una referencia que
//! apunta a otra parte del mismo future. Si el future se moviera a otra
//! dirección después de empezar, esa referencia apuntaría al sitio viejo.
//! `Pin` es la promesa de que eso no pasará. Este ejemplo enseña:
//!
//! 1. las dos etapas de la vida de un future: antes del primer sondeo se
//!    puede mover sin problema; después, guarda referencias a sí mismo;
//! 2. las tres formas de fijar un future (`pin!`, `Box::pin` y `Pin::from`)
//!    y dónde queda cada uno;
//! 3. `Unpin`: los tipos a los que moverse no les importa, con los que `Pin`
//!    no pone pegas;
//! 4. cuánto ocupa un future según lo que cruce cada `.await`.
//!
//! ```text
//! cargo run --example pin
//! ```

use std::future::Future;
use std::mem::size_of_val;
use std::pin::{Pin, pin};
use std::sync::Mutex;
use std::task::{Context, Poll, Waker};

use async_std::task;
use futures::FutureExt;

/// Direcciones que anota `fetch_like` desde dentro de su cuerpo.
static DIRECCIONES: Mutex<Vec<(&'static str, usize)>> = Mutex::new(Vec::new());

fn anotar(que: &'static str, direccion: usize) {
    DIRECCIONES.lock().unwrap().push((que, direccion));
}

fn direccion<T: ?Sized>(valor: &T) -> usize {
    valor as *const T as *const u8 as usize
}

// ANCHOR: autorreferencia
/// Como el `fetch_string` del libro, sin red: un búfer y una referencia a
/// él, que los dos cruzan un `.await`.
async fn fetch_like(relleno: u8) -> usize {
    let buf = [relleno; 64];
    let trozo = &buf[8..16]; // una referencia a `buf`, que está en el future
    anotar("buf", direccion(&buf));
    anotar("trozo apunta a", direccion(trozo));
    task::yield_now().await; // aquí el future se suspende con las dos dentro
    trozo.iter().map(|&b| b as usize).sum()
}
// ANCHOR_END: autorreferencia

/// Sondea una vez, a mano. `Waker::noop()` (Rust 1.85) es un waker cuyo
/// `wake` no hace nada: aquí nadie espera el aviso, porque quien sondea es
/// este código, y vuelve a sondear cuando quiere.
fn sondear<F: Future + ?Sized>(future: Pin<&mut F>) -> Poll<F::Output> {
    future.poll(&mut Context::from_waker(Waker::noop()))
}

fn main() {
    println!("1. Las dos etapas de un future\n");
    dos_etapas();

    println!("\n2. Tres formas de fijar un future\n");
    tres_formas();

    println!("\n3. Unpin: a quien no le importa moverse\n");
    unpin();

    println!("\n4. Cuánto ocupa un future\n");
    tamanos();
}

fn dos_etapas() {
    // ANCHOR: etapas
    // Etapa 1: creado, sin sondear. Solo guarda su argumento; moverlo es
    // copiar unos bytes, como con cualquier valor.
    let future = fetch_like(1);
    let antes = direccion(&future);
    let movido = vec![future]; // se mueve al montón, dentro del vector...
    let future = movido.into_iter().next().unwrap(); // ...y de vuelta
    println!(
        "   sin sondear: se movió de {antes:#x} a {:#x}, y no pasa nada",
        direccion(&future)
    );

    // Etapa 2: fijado y sondeado una vez. Ahora guarda `buf` y una
    // referencia a `buf`: no se puede mover más.
    let mut future = Box::pin(future);
    let inicio = direccion(&*future);
    let fin = inicio + size_of_val(&*future);
    assert!(sondear(future.as_mut()).is_pending());
    // ANCHOR_END: etapas
    println!(
        "   fijado en el montón, en {inicio:#x}..{fin:#x} ({} bytes)",
        fin - inicio
    );
    for (que, donde) in DIRECCIONES.lock().unwrap().iter() {
        let dentro = (inicio..fin).contains(donde);
        println!(
            "   tras el primer sondeo, {que:<15} {donde:#x}: {}",
            if dentro {
                format!("dentro del future, en su byte {}", donde - inicio)
            } else {
                "fuera del future".to_string()
            }
        );
    }
    // Mover el `Box` mueve el puntero, no el future: todo sigue en su sitio.
    let caja_movida = vec![future];
    println!(
        "   tras mover el Pin<Box<_>> a un vector, el future sigue en {:#x}",
        direccion(&*caja_movida[0])
    );
    let mut future = caja_movida.into_iter().next().unwrap();
    match sondear(future.as_mut()) {
        Poll::Ready(suma) => println!("   segundo sondeo: Ready({suma}), la referencia era válida"),
        Poll::Pending => println!("   segundo sondeo: Pending (¡no debería!)"),
    }
}

/// ¿Está `direccion` en la pila de este hilo? Una aproximación suficiente
/// aquí: a menos de 1 MiB de una variable local.
fn en_la_pila(direccion: usize) -> &'static str {
    let local = 0u8;
    if direccion.abs_diff(self::direccion(&local)) < 1 << 20 {
        "en la pila"
    } else {
        "en el montón"
    }
}

fn tres_formas() {
    // ANCHOR: tres_formas
    // `pin!`: fija el future en la pila de esta función. La variable pasa a
    // ser un `Pin<&mut _>`; el future original ya no es accesible por
    // valor, así que nadie puede moverlo. Muere al salir del ámbito.
    let en_pila: Pin<&mut _> = pin!(fetch_like(2));

    // `Box::pin`: lo mueve al montón y devuelve un `Pin<Box<_>>`. El future
    // no se mueve más; el `Box` sí se puede mover, devolver o guardar.
    let en_caja: Pin<Box<_>> = Box::pin(fetch_like(3));

    // `Pin::from`: fija un `Box` que ya existía (sin moverlo otra vez). Útil
    // si el future llegó en un `Box<dyn Future>`, por ejemplo.
    let caja: Box<dyn Future<Output = usize>> = Box::new(fetch_like(4));
    let desde_caja: Pin<Box<dyn Future<Output = usize>>> = Pin::from(caja);
    // ANCHOR_END: tres_formas
    println!("   pin!(f):          {}", en_la_pila(direccion(&*en_pila)));
    println!("   Box::pin(f):      {}", en_la_pila(direccion(&*en_caja)));
    println!(
        "   Pin::from(caja):  {}",
        en_la_pila(direccion(&*desde_caja))
    );
    let resultados = task::block_on(async { (en_pila.await, en_caja.await, desde_caja.await) });
    println!("   los tres terminan bien: {resultados:?}");
}

// ANCHOR: unpin
/// Un future escrito a mano que solo guarda un número: no se apunta a sí
/// mismo, así que moverlo nunca rompe nada. El compilador lo sabe: es `Unpin`.
struct Cuenta(u32);

impl Future for Cuenta {
    type Output = u32;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        // Con `Unpin`, `Pin<&mut Self>` se deja usar como `&mut Self`.
        if self.0 == 0 {
            return Poll::Ready(7);
        }
        self.0 -= 1;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

/// Solo acepta futures `Unpin`: los que se pueden sondear con `Pin::new`.
fn exige_unpin<F: Future + Unpin>(future: &mut F) -> Poll<F::Output> {
    sondear(Pin::new(future))
}
// ANCHOR_END: unpin

fn unpin() {
    // ANCHOR: unpin_uso
    let mut cuenta = Cuenta(1);
    println!(
        "   Cuenta (Unpin), con Pin::new:       {:?}",
        exige_unpin(&mut cuenta)
    );
    println!("   y se puede mover entre sondeos:     {:?}", {
        let mut movida = cuenta;
        exige_unpin(&mut movida)
    });

    // El future de una `async fn` no es `Unpin`: `exige_unpin(&mut
    // fetch_like(5))` no compila. Un `Pin<Box<_>>` sí lo es, sea cual sea
    // el future de dentro: mover la caja no mueve el future.
    let mut en_caja = Box::pin(fetch_like(5));
    println!(
        "   Pin<Box<async fn>>, con Pin::new:   {:?}",
        exige_unpin(&mut en_caja)
    );
    println!(
        "   o con FutureExt::poll_unpin:        {:?}",
        en_caja.poll_unpin(&mut Context::from_waker(Waker::noop()))
    );
    // ANCHOR_END: unpin_uso
}

// ANCHOR: tamanos
async fn vacio() {}

async fn un_byte_vivo() -> u8 {
    let x = 1u8;
    task::yield_now().await;
    x
}

async fn kib_vivo() -> u8 {
    let buf = [1u8; 1024];
    task::yield_now().await; // `buf` cruza el `.await`
    buf[0]
}

async fn kib_muerto() -> u8 {
    let primero = {
        let buf = [1u8; 1024];
        buf[0]
    }; // `buf` muere antes del `.await`: el future no lo guarda
    task::yield_now().await;
    primero
}

async fn dos_kib_sucesivos() -> u8 {
    let x = {
        let a = [1u8; 1024];
        task::yield_now().await;
        a[0]
    }; // `a` muere aquí...
    let y = {
        let b = [2u8; 1024]; // ...antes de que nazca `b`
        task::yield_now().await;
        b[0]
    };
    x + y
}

async fn dos_kib_a_la_vez() -> u8 {
    let a = [1u8; 1024];
    let b = [2u8; 1024];
    task::yield_now().await; // los dos vivos a la vez
    a[0] + b[0]
}

async fn espera_a_kib_vivo() -> u8 {
    kib_vivo().await // el future de `kib_vivo` va dentro de este
}

async fn espera_a_kib_vivo_en_caja() -> u8 {
    Box::pin(kib_vivo()).await // dentro solo va un puntero al montón
}
// ANCHOR_END: tamanos

fn tamanos() {
    let filas: [(&str, usize); 8] = [
        ("vacio()", size_of_val(&vacio())),
        ("un_byte_vivo()", size_of_val(&un_byte_vivo())),
        ("kib_vivo()", size_of_val(&kib_vivo())),
        ("kib_muerto()", size_of_val(&kib_muerto())),
        ("dos_kib_sucesivos()", size_of_val(&dos_kib_sucesivos())),
        ("dos_kib_a_la_vez()", size_of_val(&dos_kib_a_la_vez())),
        ("espera_a_kib_vivo()", size_of_val(&espera_a_kib_vivo())),
        (
            "espera_a_kib_vivo_en_caja()",
            size_of_val(&espera_a_kib_vivo_en_caja()),
        ),
    ];
    for (future, bytes) in filas {
        let unidad = if bytes == 1 { "byte" } else { "bytes" };
        println!("   {future:<30} {bytes:>5} {unidad}");
    }
    // Que los futures también funcionen, no solo que ocupen lo que dicen.
    let suma = task::block_on(async {
        vacio().await;
        un_byte_vivo().await
            + kib_vivo().await
            + kib_muerto().await
            + dos_kib_sucesivos().await
            + dos_kib_a_la_vez().await
            + espera_a_kib_vivo().await
            + espera_a_kib_vivo_en_caja().await
    });
    println!("   (y todos terminan: la suma de sus resultados es {suma})");
}
