//! `taller-ffi`: una biblioteca de Rust que otros lenguajes usan a través de
//! la ABI de C, y que avisa del final de su trabajo con un callback.
//!
//! Existe para el capítulo «Callbacks a través de FFI» (book/src/22-callback-ffi.md).
//! Es el otro lado de lo que hace cualquier runtime asíncrono cuando habla
//! con el sistema operativo o con una biblioteca de C: se pide una operación,
//! la llamada vuelve enseguida, y más tarde, desde otro hilo, llega un aviso
//! con el resultado. Quien usa la biblioteca convierte ese aviso en lo que su
//! lenguaje sabe esperar: un future en Rust (ejemplo `callback_ffi` y
//! ejercicio `callback_ffi`), un `asyncio.Future` en Python (`ffi/host.py`), una `Task`
//! en C#.
//!
//! Vista desde C, la interfaz es esta (en Linux, `libtaller_ffi.so`):
//!
//! ```c
//! typedef void (*taller_callback)(void *user_data, int32_t resultado);
//!
//! int32_t  taller_duplicar_tarde(int32_t valor, uint32_t retraso_ms,
//!                                taller_callback callback, void *user_data);
//! uint32_t taller_en_vuelo(void);
//! ```
//!
//! El contrato, que todo anfitrión debe conocer:
//!
//! - si `taller_duplicar_tarde` devuelve [`TALLER_OK`], la biblioteca llama a
//!   `callback` **exactamente una vez**, pasados unos `retraso_ms`
//!   milisegundos, con `valor * 2` y el mismo `user_data` que recibió;
//! - el callback llega desde **otro hilo**, uno de la biblioteca: nunca desde
//!   el hilo que hizo la llamada, y nunca antes de que la llamada vuelva;
//! - la biblioteca no toca nunca lo que hay detrás de `user_data`: solo lo
//!   guarda y lo devuelve. Lo que apunta tiene que seguir vivo hasta que
//!   llegue el callback, y es el callback quien debe liberarlo;
//! - si devuelve otra cosa (por ejemplo [`TALLER_SIN_CALLBACK`]), no habrá
//!   callback, y `user_data` sigue siendo de quien llamó.
//!
//! La biblioteca no ofrece forma de cancelar una operación: quien ya no
//! quiera el resultado tiene que seguir esperando el callback para liberar
//! `user_data`, o hacer que su `user_data` tolere llegar tarde. Los
//! anfitriones del taller muestran cómo.

use std::ffi::c_void;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use async_std::task;

// ANCHOR: interfaz
/// El callback que recibe el resultado: `void (*)(void *, int32_t)` en C.
///
/// Es `extern "C"`: la biblioteca lo llama con la convención de llamada de
/// C, así que puede ser una función de C, un delegado de C#, un
/// `ctypes.CFUNCTYPE` de Python o una `extern "C" fn` de Rust. Una `fn` de
/// Rust corriente no vale: su convención de llamada no está definida.
pub type Callback = extern "C" fn(user_data: *mut c_void, resultado: i32);

/// La operación empezó: llegará un callback.
pub const TALLER_OK: i32 = 0;
/// El callback era `NULL`: no empezó nada y no habrá callback.
pub const TALLER_SIN_CALLBACK: i32 = -1;
// ANCHOR_END: interfaz

/// Operaciones empezadas cuyo callback todavía no ha vuelto.
static EN_VUELO: AtomicU32 = AtomicU32::new(0);

// ANCHOR: user_data
/// El `user_data` de quien llamó, de camino al hilo que llamará al callback.
///
/// Un puntero crudo no es `Send`, y con razón: Rust no sabe si es seguro
/// usar lo que apunta desde otro hilo. Aquí lo es por contrato: la
/// biblioteca nunca lo desreferencia, y el anfitrión acepta recibirlo en su
/// callback desde cualquier hilo.
struct DatosDeUsuario(*mut c_void);

// SAFETY: la biblioteca solo transporta el puntero, sin leer ni escribir a
// través de él; que el callback lo reciba en otro hilo es parte del contrato
// de `taller_duplicar_tarde`.
unsafe impl Send for DatosDeUsuario {}

impl DatosDeUsuario {
    /// Devuelve el puntero. Se usa un método que consume `self`, y no el
    /// campo `.0`, para que el bloque `async move` capture la estructura
    /// entera (que es `Send`) y no solo el puntero (que no lo es).
    fn puntero(self) -> *mut c_void {
        self.0
    }
}
// ANCHOR_END: user_data

// ANCHOR: duplicar_tarde
/// Empieza a duplicar `valor` sin esperar: vuelve enseguida, y pasados unos
/// `retraso_ms` milisegundos llama, desde otro hilo, a
/// `callback(user_data, valor * 2)`.
///
/// El «trabajo» es una tarea de async-std que duerme y multiplica: lo que
/// importa aquí no es el cálculo, sino la forma de la interfaz, la misma de
/// una biblioteca de red o de un servicio del sistema operativo.
///
/// Devuelve [`TALLER_OK`] si la operación empezó, o [`TALLER_SIN_CALLBACK`]
/// si `callback` es `NULL`. `callback` es un `Option` para que un `NULL`
/// llegado de C sea `None` y no un puntero a función inválido.
// SAFETY: ningún otro símbolo del programa se llama así: el prefijo
// `taller_` es de esta biblioteca, y no lo usan ni la biblioteca de C ni las
// otras que enlazan los anfitriones del taller.
#[unsafe(no_mangle)]
pub extern "C" fn taller_duplicar_tarde(
    valor: i32,
    retraso_ms: u32,
    callback: Option<Callback>,
    user_data: *mut c_void,
) -> i32 {
    let Some(callback) = callback else {
        return TALLER_SIN_CALLBACK;
    };
    let user_data = DatosDeUsuario(user_data);
    EN_VUELO.fetch_add(1, Ordering::SeqCst);
    // La biblioteca tiene su propio ejecutor: el pool de hilos de async-std,
    // que arranca la primera vez que se usa. Quien llama no necesita ningún
    // runtime, ni siquiera saber que existe.
    task::spawn(async move {
        task::sleep(Duration::from_millis(retraso_ms.into())).await;
        callback(user_data.puntero(), valor.wrapping_mul(2));
        // Se descuenta después de que el callback vuelva: un anfitrión que
        // espera a que `taller_en_vuelo()` llegue a 0 sabe que ya nadie va a
        // tocar su `user_data`.
        EN_VUELO.fetch_sub(1, Ordering::SeqCst);
    });
    TALLER_OK
}
// ANCHOR_END: duplicar_tarde

/// Cuántas operaciones han empezado y aún no han terminado de llamar a su
/// callback.
///
/// Sirve para contar en lugar de cronometrar (cuántas operaciones hay en
/// vuelo a la vez) y para que un anfitrión no termine mientras falta algún
/// callback: si el proceso termina con un callback en camino, ese callback
/// correría sobre un intérprete o un runtime ya desmontado.
// SAFETY: como en `taller_duplicar_tarde`, el nombre con el prefijo es único.
#[unsafe(no_mangle)]
pub extern "C" fn taller_en_vuelo() -> u32 {
    EN_VUELO.load(Ordering::SeqCst)
}
