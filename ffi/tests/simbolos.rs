//! Los símbolos de C de `taller-ffi`, llamados por su nombre.
//!
//! `contrato.rs` usa la biblioteca como un crate de Rust más, por sus rutas
//! (`taller_ffi::taller_duplicar_tarde`). Un programa de C no tiene rutas:
//! solo ve los nombres que exporta `#[unsafe(no_mangle)]`, y las firmas que
//! él mismo declara. Esta prueba hace lo mismo desde Rust: declara las
//! funciones en un bloque `unsafe extern "C"`, sin mirar el código de la
//! biblioteca, y las llama. Si un símbolo cambiara de nombre, o dejara de
//! exportarse, la prueba no enlazaría.

use std::ffi::c_void;
use std::sync::mpsc;
use std::time::Duration;

// Las constantes no son símbolos: C las copia de la cabecera, y aquí se
// toman del crate. Nombrar el crate, además, hace que se enlace.
use taller_ffi::{TALLER_OK, TALLER_SIN_CALLBACK};

// ANCHOR: unsafe_extern
// SAFETY: estas firmas son las de la cabecera de C de la documentación de
// `taller-ffi`; el compilador no puede comprobarlas, y si no coincidieran
// con las de la biblioteca, cada llamada sería comportamiento indefinido.
unsafe extern "C" {
    // Recibe un puntero que la biblioteca guardará y devolverá desde otro
    // hilo: quien llama responde de él. Sin `safe`, la función es `unsafe`.
    fn taller_duplicar_tarde(
        valor: i32,
        retraso_ms: u32,
        callback: Option<extern "C" fn(*mut c_void, i32)>,
        user_data: *mut c_void,
    ) -> i32;

    // No recibe nada ni puede fallar: `safe` la deja llamar sin `unsafe`.
    safe fn taller_en_vuelo() -> u32;
}
// ANCHOR_END: unsafe_extern

extern "C" fn avisar(user_data: *mut c_void, resultado: i32) {
    // SAFETY: `user_data` es el `Box<mpsc::Sender<i32>>` que la prueba
    // convirtió con `Box::into_raw`, y la biblioteca lo devuelve una sola vez.
    let emisor = unsafe { Box::from_raw(user_data.cast::<mpsc::Sender<i32>>()) };
    let _ = emisor.send(resultado);
}

#[test]
fn los_nombres_de_c_llegan_a_las_funciones_de_la_biblioteca() {
    let (emisor, receptor) = mpsc::channel::<i32>();
    let user_data = Box::into_raw(Box::new(emisor)).cast::<c_void>();
    // SAFETY: `user_data` vive hasta que `avisar` lo libera.
    let codigo = unsafe { taller_duplicar_tarde(21, 1, Some(avisar), user_data) };
    assert_eq!(
        codigo, TALLER_OK,
        "`taller_duplicar_tarde`, llamada por su nombre de C, devolvió {codigo} y no \
         TALLER_OK ({TALLER_OK})"
    );
    let resultado = receptor
        .recv_timeout(Duration::from_secs(5))
        .expect("el callback no llegó en 5 s: ¿la biblioteca lanzó la tarea que debía llamarlo?");
    assert_eq!(
        resultado, 42,
        "el callback trajo {resultado} por 21: la biblioteca debía duplicarlo"
    );

    // SAFETY: un callback `NULL` no deja nada pendiente ni toca `user_data`.
    let nulo = unsafe { taller_duplicar_tarde(1, 1, None, std::ptr::null_mut()) };
    assert_eq!(
        nulo, TALLER_SIN_CALLBACK,
        "con un callback NULL, `taller_duplicar_tarde` devolvió {nulo} y no \
         TALLER_SIN_CALLBACK ({TALLER_SIN_CALLBACK})"
    );

    // `safe fn`: sin bloque `unsafe`. La biblioteca descuenta la operación
    // justo después de que el callback vuelva, así que puede tardar un
    // instante en llegar a 0 (es la única operación de este proceso).
    let hasta = std::time::Instant::now() + Duration::from_secs(5);
    while taller_en_vuelo() != 0 && std::time::Instant::now() < hasta {
        std::thread::sleep(Duration::from_millis(1));
    }
    let en_vuelo = taller_en_vuelo();
    assert_eq!(
        en_vuelo, 0,
        "`taller_en_vuelo()` sigue en {en_vuelo} 5 s después del único callback: \
         ¿la biblioteca descuenta cada operación al terminar su callback?"
    );
}
