// Pruebas del ejercicio `spawn_blocking`: `spawn_blocking` y el hash de contraseñas.
//
// Archivo que editas: exercises/src/spawn_blocking.rs
// Capítulo: book/src/07-spawn-blocking.md · Pista: cargo run -- pista spawn_blocking
//
// Ninguna prueba mide tiempos. Para saber si el hash retiene el hilo, corre
// a su lado, en la misma tarea, un latido que no usa reloj: suma uno y cede
// el hilo, una y otra vez, mientras el hash no ha terminado. Si el hash
// calcula en el hilo de la prueba, el latido no llega a sonar; si calcula en
// otro hilo, el latido suena miles de veces mientras tanto.
//
// Pero no vale cualquier otro hilo: un hash lanzado con `task::spawn` deja
// libre el hilo de la prueba y ocupa uno del ejecutor. Eso se ve en la
// memoria: Argon2 reserva de una vez toda su memoria de trabajo al empezar
// cada hash, y un asignador que cuenta (`taller_async::prueba::memoria`)
// anota si esa reserva se hizo dentro de una tarea de async-std o fuera.
// Las cuentas son de todo el programa, así que las pruebas de este archivo
// corren una detrás de otra (`una_a_una`): así cada una cuenta solo sus
// propios hashes.

// Tu archivo entra en estas pruebas como el módulo `spawn_blocking`, y ningún
// otro ejercicio entra con él: si otro no compila, estas pruebas compilan y
// corren igual. Las mismas pruebas corren contra la solución:
// solutions/tests/spawn_blocking.rs incluye este archivo (por eso no tiene
// comentarios `//!`) y declara el módulo con solutions/src/spawn_blocking.rs; allí
// está activo `cfg(solucion)`, que apaga esta declaración.
#[cfg(not(solucion))]
#[path = "../src/spawn_blocking.rs"]
#[allow(unused_variables)] // el esbozo aún no usa sus parámetros
pub mod spawn_blocking;

use std::cell::Cell;
use std::future::Future;
use std::sync::{Mutex, MutexGuard};

use async_std::task;
use spawn_blocking::{
    hash_password, hash_password_blocking, verify_password, verify_password_blocking,
};
use taller_async::prueba::con_limite;
use taller_async::prueba::memoria::{AsignadorQueCuenta, ReservasGrandes, reservas_grandes};

// Toda la memoria de este binario de pruebas pasa por el asignador que
// cuenta; por lo demás, es el del sistema.
#[global_allocator]
static ASIGNADOR: AsignadorQueCuenta = AsignadorQueCuenta;

/// El turno de una prueba: mientras lo tiene, ninguna otra de este archivo
/// calcula hashes.
fn una_a_una() -> MutexGuard<'static, ()> {
    static TURNO: Mutex<()> = Mutex::new(());
    // Si otra prueba falló con el turno tomado, el turno sigue valiendo.
    TURNO
        .lock()
        .unwrap_or_else(|envenenado| envenenado.into_inner())
}

/// Comprueba que los hashes de `que` (mientras se hicieron las reservas
/// `hechas`) corrieron fuera de toda tarea de async-std.
fn comprobar_fuera_del_ejecutor(que: &str, hechas: ReservasGrandes) {
    assert!(
        hechas.en_tarea == 0,
        "Argon2 reserva su memoria de trabajo (unos 19 MiB) al empezar cada hash. \
         Mientras {que} calculaba, se esperaba esa reserva en un hilo de \
         `spawn_blocking`, fuera de toda tarea, y {} se hicieron dentro de una tarea de \
         async-std: el hash corrió en un hilo del ejecutor. ¿Lo lanzas con \
         `task::spawn(async move {{ ... }})`? Así deja libre el hilo de quien espera, \
         pero retiene entero uno de los pocos hilos del ejecutor (uno por núcleo), que \
         deberían estar sondeando otras tareas. Usa `task::spawn_blocking(move || ...)`.",
        hechas.en_tarea
    );
    assert!(
        hechas.fuera_de_tarea >= 1,
        "Mientras {que} calculaba no se vio la reserva de memoria de Argon2 (unos \
         19 MiB al empezar cada hash): se esperaba una, y no hubo ninguna. ¿Llamas de \
         verdad a la función `_blocking`, o devuelves algo calculado antes?"
    );
}

const SI_SE_CUELGA: &str = "el hash no terminó. ¿Esperas con `.await` el JoinHandle \
    que devuelve `spawn_blocking`? Un hash de Argon2 tarda centésimas de segundo, no \
    segundos (si compilas sin las opciones de Cargo.toml, unos 10 s).";

const CLAVE: &str = "clave secreta del servidor";
const CONTRASENA: &str = "correcto caballo batería grapa";

// Dos hashes que hizo el crate `argonautica` del libro (con `m=16384`, una
// potencia de dos, porque argonautica no acepta otra cosa), de
// `CONTRASENA`: el primero con la clave `CLAVE`, el segundo sin clave.
const DE_ARGONAUTICA_CON_CLAVE: &str = "$argon2id$v=19$m=16384,t=2,p=1$\
    nLBMorKyvsB1A7KaP5JNVQeHoYfvz8klpgdhTMDeycs$zHqo1KoBZZBNpLRU7U/pP3IpW7OxDdYglp/DSrAmulU";
const DE_ARGONAUTICA_SIN_CLAVE: &str = "$argon2id$v=19$m=16384,t=2,p=1$\
    DqprJo4IO2ast6t/j6x3VD9ePiqGUlBbjdOWWPGo9lE$ouMIMNU+ug/aStnKVW2JKfVwXVf8a6/kg8/gkEreRBE";

// Con menos latidos que estos durante un hash, el hilo estuvo retenido.
// Con el hash en otro hilo suenan miles; con el hash en este, 0. Un
// `yield_now` antes de calcular en este hilo daría 1.
const LATIDOS_MINIMOS: u64 = 10;

// Espera `trabajo` y, a la vez y en la misma tarea, el latido. Devuelve el
// resultado del trabajo y cuántas veces latió mientras duraba.
//
// `join!` sondea sus dos futures por turnos y en orden: primero el trabajo,
// luego el latido. Si el trabajo termina en su primer sondeo, el latido
// llega tarde y se queda en 0.
async fn con_latido<F: Future>(trabajo: F) -> (F::Output, u64) {
    let terminado = Cell::new(false);
    let latidos = Cell::new(0);
    let trabajo = async {
        let valor = trabajo.await;
        terminado.set(true);
        valor
    };
    let latido = async {
        while !terminado.get() {
            latidos.set(latidos.get() + 1);
            task::yield_now().await;
        }
    };
    let (valor, ()) = futures::join!(trabajo, latido);
    (valor, latidos.get())
}

#[test]
fn verify_password_acepta_la_buena_y_rechaza_las_malas() {
    let _turno = una_a_una();
    con_limite(30, SI_SE_CUELGA, || async {
        let hash = hash_password_blocking(CONTRASENA, CLAVE).unwrap();

        let buena = verify_password(CONTRASENA, &hash, CLAVE).await;
        assert!(
            buena == Ok(true),
            "verify_password con la contraseña y la clave buenas dio {buena:?}, y debía \
             dar Ok(true). ¿Le pasas a verify_password_blocking los argumentos en orden \
             (`password`, `hash`, `key`)?"
        );
        let otra = verify_password("incorrecto caballo", &hash, CLAVE).await;
        assert!(
            otra == Ok(false),
            "verify_password con otra contraseña dio {otra:?}, y debía dar Ok(false)"
        );
        let sin_clave = verify_password(CONTRASENA, &hash, "otra clave").await;
        assert!(
            sin_clave == Ok(false),
            "verify_password con la contraseña buena y otra clave dio {sin_clave:?}, y \
             debía dar Ok(false): la clave secreta también cuenta"
        );
        let roto = verify_password(CONTRASENA, "esto no es un hash", CLAVE).await;
        assert!(
            roto.is_err(),
            "verify_password con un hash que no es PHC dio {roto:?}, y debía ser un Err"
        );
    })
}

#[test]
fn verify_password_lee_los_hashes_de_argonautica() {
    let _turno = una_a_una();
    con_limite(30, SI_SE_CUELGA, || async {
        let con_clave = verify_password(CONTRASENA, DE_ARGONAUTICA_CON_CLAVE, CLAVE).await;
        assert!(
            con_clave == Ok(true),
            "Un hash de argonautica con clave debía verificarse (Ok(true)) y dio \
             {con_clave:?}"
        );
        let sin_clave = verify_password(CONTRASENA, DE_ARGONAUTICA_SIN_CLAVE, "").await;
        assert!(
            sin_clave == Ok(true),
            "Un hash de argonautica sin clave debía verificarse con la clave vacía \
             (Ok(true)) y dio {sin_clave:?}"
        );
        let mala = verify_password("incorrecto caballo", DE_ARGONAUTICA_CON_CLAVE, CLAVE).await;
        assert!(
            mala == Ok(false),
            "Otra contraseña contra un hash de argonautica debía dar Ok(false) y dio \
             {mala:?}"
        );
    })
}

#[test]
fn verify_password_no_retiene_el_hilo() {
    let _turno = una_a_una();
    con_limite(30, SI_SE_CUELGA, || async {
        let hash = hash_password_blocking(CONTRASENA, CLAVE).unwrap();
        let (resultado, latidos) = con_latido(verify_password(CONTRASENA, &hash, CLAVE)).await;
        assert!(
            resultado == Ok(true),
            "verify_password con la contraseña y la clave buenas dio {resultado:?}"
        );
        assert!(
            latidos >= LATIDOS_MINIMOS,
            "Mientras verify_password calculaba, el latido de otra tarea del mismo \
             hilo se quedó en {latidos}: el hash retuvo el hilo. Llama a \
             verify_password_blocking dentro de `task::spawn_blocking(move || ...)` y \
             espera su JoinHandle con `.await`."
        );
    })
}

#[test]
fn hash_password_da_hashes_argon2id_con_sal_nueva() {
    let _turno = una_a_una();
    con_limite(30, SI_SE_CUELGA, || async {
        let uno = hash_password(CONTRASENA, CLAVE).await.unwrap();
        let otro = hash_password(CONTRASENA, CLAVE).await.unwrap();
        assert!(
            uno.starts_with("$argon2id$v=19$"),
            "hash_password debía dar una cadena PHC de Argon2id ($argon2id$v=19$...) y \
             dio {uno}. ¿Llamas a hash_password_blocking?"
        );
        assert!(
            uno != otro,
            "Dos hashes de la misma contraseña salieron iguales ({uno}): cada hash \
             necesita una sal nueva. ¿Llamas a hash_password_blocking, que la genera?"
        );
        for hash in [&uno, &otro] {
            let verificado = verify_password_blocking(CONTRASENA, hash, CLAVE);
            assert!(
                verificado == Ok(true),
                "El hash {hash} no verifica la contraseña con la clave ({verificado:?}). \
                 ¿Le pasas a hash_password_blocking los argumentos en orden (`password`, `key`)?"
            );
        }
    })
}

#[test]
fn hash_password_no_retiene_el_hilo() {
    let _turno = una_a_una();
    con_limite(30, SI_SE_CUELGA, || async {
        let (hash, latidos) = con_latido(hash_password(CONTRASENA, CLAVE)).await;
        let hash = hash.unwrap();
        assert!(
            verify_password_blocking(CONTRASENA, &hash, CLAVE) == Ok(true),
            "El hash {hash} no verifica la contraseña con la clave"
        );
        assert!(
            latidos >= LATIDOS_MINIMOS,
            "Mientras hash_password calculaba, el latido de otra tarea del mismo hilo \
             se quedó en {latidos}: el hash retuvo el hilo. Llama a hash_password_blocking \
             dentro de `task::spawn_blocking(move || ...)` y espera su JoinHandle con \
             `.await`."
        );
    })
}

#[test]
fn hash_password_no_ocupa_un_hilo_del_ejecutor() {
    let _turno = una_a_una();
    con_limite(30, SI_SE_CUELGA, || async {
        let antes = reservas_grandes();
        let hash = hash_password(CONTRASENA, CLAVE).await.unwrap();
        let hechas = reservas_grandes() - antes;
        assert!(
            verify_password_blocking(CONTRASENA, &hash, CLAVE) == Ok(true),
            "El hash {hash} no verifica la contraseña con la clave"
        );
        comprobar_fuera_del_ejecutor("hash_password", hechas);
    })
}

#[test]
fn verify_password_no_ocupa_un_hilo_del_ejecutor() {
    let _turno = una_a_una();
    con_limite(30, SI_SE_CUELGA, || async {
        let hash = hash_password_blocking(CONTRASENA, CLAVE).unwrap();
        let antes = reservas_grandes();
        let resultado = verify_password(CONTRASENA, &hash, CLAVE).await;
        let hechas = reservas_grandes() - antes;
        assert!(
            resultado == Ok(true),
            "verify_password con la contraseña y la clave buenas dio {resultado:?}"
        );
        comprobar_fuera_del_ejecutor("verify_password", hechas);
    })
}
