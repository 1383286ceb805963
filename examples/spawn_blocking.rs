//! `spawn_blocking`: la `verify_password` del libro, con el hash de la
//! contraseña en un hilo aparte.
//!
//! Verificar una contraseña con Argon2 cuesta decenas de milisegundos de
//! cálculo, a propósito, y ese cálculo está dentro de una biblioteca: no se
//! le puede meter un `yield_now` entre medias. Este ejemplo existe para medir
//! qué le hace eso a las demás tareas del hilo y cómo lo arregla
//! `async_std::task::spawn_blocking`, que corre el cálculo en otro hilo.
//!
//! En un solo hilo corren dos tareas locales: un reloj que quiere latir cada
//! 10 ms y una tarea que atiende unos cuantos inicios de sesión seguidos,
//! verificando cada contraseña. Se mide dos veces: con la verificación en la
//! propia tarea y con `spawn_blocking`. Para cada una imprime cuánto tardó,
//! cuántas veces latió el reloj mientras tanto, el mayor hueco entre dos
//! latidos y en qué hilo se calcularon los hashes. Al final, lo que
//! `spawn_blocking` no puede hacer: cancelar un closure que ya está
//! corriendo.
//!
//! ```text
//! cargo run --example spawn_blocking
//! ```
//!
//! El libro usa el crate `argonautica`, que envuelve la biblioteca C de
//! referencia de Argon2. Este taller usa por omisión `argon2`, de RustCrypto,
//! escrito en Rust; el código del libro con argonautica también está aquí, y
//! se compila y se corre con la feature `argonautica` (necesita libclang:
//! `apt-get install libclang-dev` en Debian y Ubuntu):
//!
//! ```text
//! cargo run --example spawn_blocking --features argonautica
//! ```

use std::cell::RefCell;
use std::future::Future;
use std::process::ExitCode;
use std::rc::Rc;
use std::time::{Duration, Instant};

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{self, PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};
use async_std::task;
use taller_async::cronologia::{self, Cronologia, Evento, Panel};
use taller_async::{ejemplos, medir};

/// Cada cuánto quiere latir el reloj.
const PERIODO: Duration = Duration::from_millis(10);
/// Cuántos inicios de sesión atiende la tarea en cada pasada.
const SESIONES: usize = 5;
/// La clave secreta del servidor: se mezcla en cada hash, y sin ella no
/// sirve de nada haber robado la base de datos de hashes.
const CLAVE: &str = "clave secreta del servidor";
const CONTRASENA: &str = "correcto caballo batería grapa";

// ANCHOR: argon2_con_clave
/// Argon2id con los parámetros recomendados por omisión (19 MiB de memoria,
/// 2 pasadas, 1 carril) y la clave secreta `key`.
fn argon2_con_clave(key: &[u8]) -> Result<Argon2<'_>, password_hash::Error> {
    Ok(Argon2::new_with_secret(
        key,
        Algorithm::Argon2id,
        Version::V0x13,
        Params::default(),
    )?)
}

/// El hash de `password` con una sal aleatoria nueva, como cadena PHC.
fn hash_password_blocking(password: &str, key: &str) -> Result<String, password_hash::Error> {
    // `hash_password` pone una sal nueva: 16 bytes aleatorios del sistema
    // operativo. Dos usuarios con la misma contraseña tienen hashes distintos.
    let hash: PasswordHash =
        argon2_con_clave(key.as_bytes())?.hash_password(password.as_bytes())?;
    Ok(hash.to_string())
}

/// ¿Corresponde `password` al hash PHC `hash`, con la clave `key`? Bloquea el
/// hilo mientras calcula.
fn verify_password_blocking(
    password: &str,
    hash: &str,
    key: &str,
) -> Result<bool, password_hash::Error> {
    // El algoritmo, la versión, los costes y la sal vienen en el propio hash.
    let hash = PasswordHash::new(hash)?;
    match argon2_con_clave(key.as_bytes())?.verify_password(password.as_bytes(), &hash) {
        Ok(()) => Ok(true),
        Err(password_hash::Error::PasswordInvalid) => Ok(false),
        Err(otro) => Err(otro),
    }
}
// ANCHOR_END: argon2_con_clave

// ANCHOR: en_la_tarea
/// La verificación en la propia tarea: es una `async fn`, pero no tiene
/// ningún `.await`, así que su primer sondeo calcula el hash entero.
async fn verify_password_en_la_tarea(
    password: &str,
    hash: &str,
    key: &str,
) -> Result<bool, password_hash::Error> {
    verify_password_blocking(password, hash, key)
}
// ANCHOR_END: en_la_tarea

// ANCHOR: verify_password
/// La `verify_password` del libro, con `argon2`: el cálculo va a un hilo
/// de `spawn_blocking`, y la tarea que la espera suelta el suyo.
async fn verify_password(
    password: &str,
    hash: &str,
    key: &str,
) -> Result<bool, password_hash::Error> {
    // Copias propias de los argumentos: el closure puede vivir más que
    // quien llama, así que tiene que ser `'static`.
    let password = password.to_string();
    let hash = hash.to_string();
    let key = key.to_string();

    task::spawn_blocking(move || verify_password_blocking(&password, &hash, &key)).await
}
// ANCHOR_END: verify_password

/// Los hilos que calcularon hashes, para ver dónde corre cada versión.
static HILOS: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

fn anotar_hilo() {
    let hilo = ejemplos::hilo_actual();
    let mut hilos = HILOS.lock().unwrap();
    if !hilos.contains(&hilo) {
        hilos.push(hilo);
    }
}

/// Una tarea que quiere latir cada `PERIODO` y anota el instante de cada
/// latido, hasta que `parar` le dice que termine.
async fn reloj(latidos: Rc<RefCell<Vec<Instant>>>, parar: Rc<RefCell<bool>>) {
    latidos.borrow_mut().push(Instant::now());
    while !*parar.borrow() {
        task::sleep(PERIODO).await;
        latidos.borrow_mut().push(Instant::now());
    }
}

/// Lo que se midió en una pasada.
struct Medida {
    duracion: Duration,
    latidos_durante: usize,
    peor_hueco: Duration,
    hilos: Vec<String>,
    /// Cada sondeo del reloj y de las sesiones, y cada hash, para la figura.
    eventos: Vec<Evento>,
}

/// Lo que pasó en cada pasada, para la figura del capítulo
/// (`taller_async::cronologia`): los sondeos del reloj y de la tarea de las
/// sesiones, y lo que tardó cada hash, en su hilo.
static CRONOLOGIA: Cronologia = Cronologia::new();
/// La fila de los hashes en la figura.
const HASHES: &str = "cada hash";

/// Corre `sesiones` en una tarea local, con el reloj en otra tarea local del
/// mismo hilo, y mide.
fn medir<F>(sesiones: F) -> Medida
where
    F: Future<Output = ()> + 'static,
{
    HILOS.lock().unwrap().clear();
    CRONOLOGIA.empezar();
    task::block_on(async {
        let latidos = Rc::new(RefCell::new(Vec::new()));
        let parar = Rc::new(RefCell::new(false));
        let reloj =
            task::spawn_local(CRONOLOGIA.registrar("reloj", reloj(latidos.clone(), parar.clone())));

        task::sleep(3 * PERIODO).await;
        let (inicio, fin) = task::spawn_local(async {
            let inicio = Instant::now();
            CRONOLOGIA.registrar("sesiones", sesiones).await;
            (inicio, Instant::now())
        })
        .await;
        task::sleep(3 * PERIODO).await;
        *parar.borrow_mut() = true;
        reloj.await;

        let latidos = latidos.borrow();
        Medida {
            duracion: fin - inicio,
            latidos_durante: latidos.iter().filter(|&&t| inicio < t && t < fin).count(),
            peor_hueco: latidos.windows(2).map(|par| par[1] - par[0]).max().unwrap(),
            hilos: HILOS.lock().unwrap().clone(),
            eventos: CRONOLOGIA.eventos(),
        }
    })
}

fn imprimir(medida: &Medida) {
    println!(
        "  {SESIONES} verificaciones en {} ms ({} ms cada una)",
        medida.duracion.as_millis(),
        medida.duracion.as_millis() / SESIONES as u128
    );
    println!(
        "  latidos del reloj mientras tanto: {} (a su ritmo habrían sido unos {})",
        medida.latidos_durante,
        medida.duracion.as_millis() / PERIODO.as_millis()
    );
    println!(
        "  mayor hueco entre dos latidos: {} ms (el reloj quiere uno cada {} ms)",
        medida.peor_hueco.as_millis(),
        PERIODO.as_millis()
    );
    println!(
        "  hilos que calcularon los hashes: {}",
        medida.hilos.join(", ")
    );
}

fn main() -> ExitCode {
    if std::env::args().len() > 1 {
        println!(
            "uso: cargo run --example spawn_blocking [--features argonautica]\n\
             (el ejemplo no recibe argumentos)"
        );
        return ExitCode::SUCCESS;
    }

    let inicio = Instant::now();
    let hash = match hash_password_blocking(CONTRASENA, CLAVE) {
        Ok(hash) => hash,
        Err(error) => {
            eprintln!("error: no se pudo calcular el hash: {error}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "Hash de la contraseña, en formato PHC ({} ms):\n  {hash}",
        inicio.elapsed().as_millis()
    );
    println!(
        "\nEn el hilo {}, dos tareas locales: un reloj que quiere latir cada {} ms y\n\
         una tarea que atiende {SESIONES} inicios de sesión seguidos.",
        ejemplos::hilo_actual(),
        PERIODO.as_millis()
    );

    println!("\nVerificando en la propia tarea:");
    let h = hash.clone();
    let en_la_tarea = medir(async move {
        for _ in 0..SESIONES {
            anotar_hilo();
            let antes = Instant::now();
            let ok = verify_password_en_la_tarea(CONTRASENA, &h, CLAVE).await;
            CRONOLOGIA.anotar_tramo(HASHES, antes, Instant::now());
            assert_eq!(ok, Ok(true), "la contraseña buena no se verificó");
        }
    });
    imprimir(&en_la_tarea);

    println!("\nVerificando con spawn_blocking:");
    let h = hash.clone();
    let con_spawn_blocking = medir(async move {
        for _ in 0..SESIONES {
            let ok = verify_password_anotando(CONTRASENA, &h, CLAVE).await;
            assert_eq!(ok, Ok(true), "la contraseña buena no se verificó");
        }
    });
    imprimir(&con_spawn_blocking);
    if let Err(problema) = dibujar(&en_la_tarea, &con_spawn_blocking) {
        eprintln!("error: {problema}");
        return ExitCode::FAILURE;
    }

    let mala = task::block_on(verify_password("incorrecto caballo", &hash, CLAVE));
    let otra_clave = task::block_on(verify_password(CONTRASENA, &hash, "otra clave"));
    println!("\nY lo que debe fallar, falla:");
    println!("  otra contraseña: {mala:?}");
    println!("  la contraseña buena con otra clave: {otra_clave:?}");
    if mala != Ok(false) || otra_clave != Ok(false) {
        eprintln!("error: verify_password aceptó lo que debía rechazar");
        return ExitCode::FAILURE;
    }

    println!("\nUn closure de spawn_blocking que ya corre no se cancela:");
    task::block_on(cancelar_spawn_blocking());

    #[cfg(feature = "argonautica")]
    if let Err(problema) = task::block_on(libro::demostracion(&hash)) {
        eprintln!("error: {problema}");
        return ExitCode::FAILURE;
    }
    #[cfg(not(feature = "argonautica"))]
    println!(
        "\n(Con --features argonautica, el ejemplo también corre el código del libro, con \
         argonautica.)"
    );
    ExitCode::SUCCESS
}

// ANCHOR: no_se_cancela
/// `handle.cancel().await` cancela una tarea de `task::spawn`. A un closure
/// de `spawn_blocking` que ya está corriendo no lo para: es código síncrono
/// en otro hilo, y nada puede interrumpirlo a medias. `cancel` solo hace que
/// nadie espere su valor.
async fn cancelar_spawn_blocking() {
    let (empezo, empezado) = async_std::channel::bounded(1);
    let (sigue, esperar) = std::sync::mpsc::channel::<()>();
    let (termino, terminado) = async_std::channel::bounded(1);
    let handle = task::spawn_blocking(move || {
        empezo.send_blocking(()).ok();
        // El trabajo síncrono: aquí, esperar hasta que le digan que siga.
        // (Esperar así está bien en un hilo de `spawn_blocking`; en una
        // tarea, no.)
        esperar.recv().ok();
        termino.send_blocking(()).ok();
        "el valor que nadie recoge"
    });
    empezado.recv().await.ok();
    let devolvio = handle.cancel().await;
    println!("  handle.cancel().await devolvió {devolvio:?}: nadie recibirá el valor");
    // El closure no se enteró: sigue esperando, y termina cuando se lo dicen.
    sigue.send(()).ok();
    let siguio = terminado.recv().await.is_ok();
    println!("  y después del cancel, el closure siguió y terminó: {siguio}");
}
// ANCHOR_END: no_se_cancela

/// `verify_password`, anotando en qué hilo corre el cálculo. Es la misma
/// función con una línea más dentro del closure.
async fn verify_password_anotando(
    password: &str,
    hash: &str,
    key: &str,
) -> Result<bool, password_hash::Error> {
    let password = password.to_string();
    let hash = hash.to_string();
    let key = key.to_string();

    task::spawn_blocking(move || {
        anotar_hilo();
        let antes = Instant::now();
        let ok = verify_password_blocking(&password, &hash, &key);
        CRONOLOGIA.anotar_tramo(HASHES, antes, Instant::now());
        ok
    })
    .await
}

/// La figura: las dos pasadas, una debajo de otra, en la misma escala de
/// tiempo.
fn dibujar(en_la_tarea: &Medida, con_spawn_blocking: &Medida) -> Result<(), String> {
    let hasta = [en_la_tarea, con_spawn_blocking]
        .iter()
        .flat_map(|m| m.eventos.iter().map(|e| e.extremos().1))
        .max()
        .unwrap_or_default();
    let panel = |titulo: &str, medida: &Medida| {
        Panel::de(titulo, &medida.eventos)
            .entre(Duration::ZERO, hasta)
            .en_orden(&["reloj", "sesiones", HASHES])
    };
    let paneles = [
        panel("Verificando en la propia tarea", en_la_tarea),
        panel("Verificando con spawn_blocking", con_spawn_blocking),
    ];
    let titulo = format!(
        "Un reloj que quiere latir cada {} ms y {SESIONES} verificaciones, en un hilo",
        PERIODO.as_millis()
    );
    medir::escribir_grafica("spawn_blocking", |ruta| {
        cronologia::dibujar(ruta, &titulo, &paneles)
    })
}

/// El código del libro, con el crate `argonautica`, y cómo se entiende con
/// `argon2`: cada uno lee los hashes PHC del otro, con un límite.
#[cfg(feature = "argonautica")]
mod libro {
    use super::*;

    // ANCHOR: verify_password_argonautica
    async fn verify_password(
        password: &str,
        hash: &str,
        key: &str,
    ) -> Result<bool, argonautica::Error> {
        // Make copies of the arguments, so the closure can be 'static.
        let password = password.to_string();
        let hash = hash.to_string();
        let key = key.to_string();

        async_std::task::spawn_blocking(move || {
            argonautica::Verifier::default()
                .with_hash(hash)
                .with_password(password)
                .with_secret_key(key)
                .verify()
        })
        .await
    }
    // ANCHOR_END: verify_password_argonautica

    // ANCHOR: hash_argonautica
    /// Un hash de argonautica que `argon2` sabe leer, y al revés: la memoria,
    /// en KiB, tiene que ser una potencia de dos, porque argonautica no
    /// acepta otra cosa.
    fn hash_password_argonautica(password: &str, key: &str) -> Result<String, argonautica::Error> {
        argonautica::Hasher::default()
            .configure_memory_size(16 * 1024)
            .configure_iterations(2)
            .configure_lanes(1)
            .with_password(password)
            .with_secret_key(key)
            .hash()
    }

    /// Lo mismo con `argon2`: mismos costes que el de argonautica.
    fn hash_password_argon2_potencia_de_dos(
        password: &str,
        key: &str,
    ) -> Result<String, password_hash::Error> {
        let params = Params::new(16 * 1024, 2, 1, None)?;
        let argon2 =
            Argon2::new_with_secret(key.as_bytes(), Algorithm::Argon2id, Version::V0x13, params)?;
        let hash: PasswordHash = argon2.hash_password(password.as_bytes())?;
        Ok(hash.to_string())
    }
    // ANCHOR_END: hash_argonautica

    pub async fn demostracion(hash_de_argon2: &str) -> Result<(), String> {
        println!("\nEl código del libro, con argonautica:");
        let de_argonautica =
            hash_password_argonautica(CONTRASENA, CLAVE).map_err(|e| e.to_string())?;
        println!("  hash de argonautica: {de_argonautica}");

        let libro = verify_password(CONTRASENA, &de_argonautica, CLAVE).await;
        println!("  verify_password del libro (argonautica) lo verifica: {libro:?}");
        let rust = super::verify_password(CONTRASENA, &de_argonautica, CLAVE).await;
        println!("  verify_password con argon2 lo verifica: {rust:?}");

        let de_argon2 =
            hash_password_argon2_potencia_de_dos(CONTRASENA, CLAVE).map_err(|e| e.to_string())?;
        println!("  hash de argon2 con m=16384: {de_argon2}");
        let al_reves = verify_password(CONTRASENA, &de_argon2, CLAVE).await;
        println!("  verify_password del libro (argonautica) lo verifica: {al_reves:?}");

        let por_omision = verify_password(CONTRASENA, hash_de_argon2, CLAVE).await;
        println!(
            "  el hash de argon2 con sus costes por omisión, para argonautica: {}",
            match &por_omision {
                Ok(valor) => format!("Ok({valor})"),
                Err(error) => format!("Err({error})"),
            }
        );

        let todo_bien = libro.as_ref().ok() == Some(&true)
            && rust == Ok(true)
            && al_reves.as_ref().ok() == Some(&true)
            && por_omision.is_err();
        if todo_bien {
            Ok(())
        } else {
            Err("argonautica y argon2 no se entendieron como se esperaba".to_string())
        }
    }
}
