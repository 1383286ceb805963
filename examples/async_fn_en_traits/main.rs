//! `async_fn_en_traits`: `async fn` en un trait (Rust 1.75) y el `Send` de
//! sus futures.
//!
//! Este ejemplo existe para ver, con código que compila, qué da un trait con
//! `async fn`, por qué una función genérica no puede lanzar su future con
//! `task::spawn`, y cómo se sale de ahí:
//!
//! 1. `async fn` en un trait. El método devuelve un future de un tipo sin
//!    nombre, distinto en cada impl. Una función genérica puede esperarlo con
//!    `.await`; lanzarlo con `spawn`, solo quien conoce el tipo concreto. El
//!    trait no promete que el future sea `Send`, y hay impls cuyo future no
//!    lo es (`CacheLocal`, con un `Rc<RefCell<…>>`).
//! 2. El trait lo promete: `fn leer(…) -> impl Future<Output = …> + Send`.
//!    Los impls siguen escribiendo `async fn`, y una función genérica ya
//!    puede lanzar el future a otro hilo.
//! 3. La macro `trait_variant::make` escribe esa versión `Send` a partir del
//!    trait con `async fn`, y deja también la versión local.
//! 4. Un trait con `async fn` (o con `-> impl Future`) no es compatible con
//!    `dyn`. Para guardar fuentes de tipos distintos en un
//!    `Vec<Arc<dyn Fuente>>`, el método devuelve una caja,
//!    `Pin<Box<dyn Future<Output = …> + Send + '_>>`: a mano, o con la macro
//!    `async_trait`, que reescribe así cada `async fn`.
//!
//! Cada paso es un módulo de esta carpeta, con su trait `Fuente`; aquí están
//! los tipos que los implementan y lo que imprime cada paso. Lo que no compila
//! está en `compila/tests/no_compila/async_fn_trait_*.rs`, con el error exacto del
//! compilador al lado (`cargo test --test compila`).
//!
//! ```text
//! cargo run --example async_fn_en_traits
//! ```

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use async_std::task;

mod con_async_trait;
mod con_trait_variant;
mod dyn_a_mano;
mod send_explicito;
mod solo_async_fn;

/// Comprobación en tiempo de compilación: si el future no fuera `Send`,
/// esta llamada no compilaría.
pub fn es_send<T: Send>(_: &T) {}

/// Los datos de todas las fuentes del ejemplo.
const DATOS: [(u32, &str); 3] = [(1, "uno"), (2, "dos"), (3, "tres")];

// ANCHOR: memoria
/// Un almacén en memoria que se puede compartir entre hilos: el mapa no
/// cambia y el contador es atómico, así que `Memoria` es `Send + Sync`.
pub struct Memoria {
    datos: HashMap<u32, String>,
    lecturas: AtomicUsize,
}

impl Memoria {
    /// Lo que hace cada `leer` de este ejemplo, sea cual sea su trait:
    /// cuenta la lectura, cede el hilo una vez (como una lectura de verdad,
    /// que esperaría al disco o a la red) y copia el valor.
    pub async fn buscar(&self, clave: u32) -> Option<String> {
        self.lecturas.fetch_add(1, Ordering::SeqCst);
        task::yield_now().await;
        self.datos.get(&clave).cloned()
    }
}
// ANCHOR_END: memoria

impl Memoria {
    fn new() -> Memoria {
        let datos = DATOS.iter().map(|&(k, v)| (k, v.to_string())).collect();
        Memoria {
            datos,
            lecturas: AtomicUsize::new(0),
        }
    }

    fn lecturas(&self) -> usize {
        self.lecturas.load(Ordering::SeqCst)
    }
}

// ANCHOR: cache_local
/// Una caché para un solo hilo: `Rc<RefCell<…>>` es barato, y no es `Send`
/// ni `Sync`. Un `&CacheLocal` no se puede mandar a otro hilo, así que un
/// future en el que un `&CacheLocal` cruce un `.await` tampoco.
pub struct CacheLocal {
    pub datos: Rc<RefCell<HashMap<u32, String>>>,
}
// ANCHOR_END: cache_local

impl CacheLocal {
    fn new() -> CacheLocal {
        let datos = DATOS.iter().map(|&(k, v)| (k, v.to_string())).collect();
        CacheLocal {
            datos: Rc::new(RefCell::new(datos)),
        }
    }
}

/// Otra fuente, de otro tipo, para los `Vec<Arc<dyn Fuente>>`: responde a
/// cualquier clave con un texto hecho a partir de ella.
pub struct Eco;

fn main() {
    task::block_on(async {
        println!("1. async fn en un trait\n");
        solo().await;
        println!("\n2. El trait promete Send: -> impl Future<Output = …> + Send\n");
        explicito().await;
        println!("\n3. trait_variant::make(Fuente: Send) sobre FuenteLocal\n");
        variante().await;
        println!("\n4. dyn: Pin<Box<dyn Future<Output = …> + Send + '_>>\n");
        con_dyn().await;
    });
}

async fn solo() {
    use solo_async_fn::{lanzar_en_memoria, leer_varias};
    let memoria = Arc::new(Memoria::new());
    let valores = leer_varias(&*memoria, &[1, 2, 4]).await;
    println!("  leer_varias(&Memoria, [1, 2, 4]), genérica, con .await: {valores:?}");
    let valor = lanzar_en_memoria(Arc::clone(&memoria), 2).await;
    println!("  lanzar_en_memoria(2), con task::spawn y el tipo concreto: {valor:?}");
    println!("  Lecturas que contó la Memoria: {}", memoria.lecturas());
    let cache = CacheLocal::new();
    let valores = leer_varias(&cache, &[3, 1]).await;
    println!("  leer_varias(&CacheLocal, [3, 1]), en esta misma tarea: {valores:?}");
    println!("  (El future de CacheLocal no es Send: task::spawn no lo aceptaría.)");
}

async fn explicito() {
    use send_explicito::{el_future_es_send, lanzar_lectura};
    let memoria = Arc::new(Memoria::new());
    // Crea un future de `leer` sin sondearlo: no lee nada.
    el_future_es_send(&*memoria);
    let handles: Vec<_> = [3, 1, 2]
        .into_iter()
        .map(|clave| lanzar_lectura(Arc::clone(&memoria), clave))
        .collect();
    let mut valores = Vec::new();
    for handle in handles {
        valores.push(handle.await);
    }
    println!("  lanzar_lectura, genérica, con task::spawn, claves [3, 1, 2]:\n    {valores:?}");
    println!("  Lecturas que contó la Memoria: {}", memoria.lecturas());
    println!("  (El future de el_future_es_send no se sondeó nunca, y no leyó nada.)");
}

async fn variante() {
    use con_trait_variant::{lanzar_lectura, leer_local};
    let memoria = Arc::new(Memoria::new());
    let valor = lanzar_lectura(Arc::clone(&memoria), 1).await;
    println!("  Memoria implementa Fuente; lanzar_lectura(1) con task::spawn: {valor:?}");
    let valor = leer_local(&*memoria, 2).await;
    println!("  y por eso también FuenteLocal; leer_local(2): {valor:?}");
    let valor = leer_local(&CacheLocal::new(), 3).await;
    println!("  CacheLocal implementa solo FuenteLocal; leer_local(3): {valor:?}");
}

async fn con_dyn() {
    let memoria = Arc::new(Memoria::new());
    let fuentes: Vec<Arc<dyn dyn_a_mano::Fuente>> = vec![Arc::clone(&memoria) as _, Arc::new(Eco)];
    let valores = dyn_a_mano::leer_de_todas(&fuentes, 2).await;
    println!(
        "  A mano: Memoria y Eco en un Vec<Arc<dyn Fuente>>, una tarea por fuente:\n    {valores:?}"
    );

    let fuentes: Vec<Arc<dyn con_async_trait::Fuente>> =
        vec![Arc::clone(&memoria) as _, Arc::new(Eco)];
    let mut valores = Vec::new();
    for fuente in &fuentes {
        let fuente = Arc::clone(fuente);
        valores.push(task::spawn(async move { fuente.leer(3).await }).await);
    }
    println!("  Con #[async_trait], lo mismo: {valores:?}");
    println!("  Lecturas que contó la Memoria: {}", memoria.lecturas());
}
