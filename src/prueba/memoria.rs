//! Un asignador de memoria que cuenta, para las pruebas que tienen que ver lo
//! que ninguna función devuelve.
//!
//! Dos errores de los ejercicios no se notan en ningún resultado:
//!
//! - **una fuga**: un `Box` que nadie libera en un camino de error (el
//!   `user_data` de una operación de C que la biblioteca rechazó) no cambia
//!   lo que devuelve la función; solo deja memoria reservada para siempre;
//! - **un cálculo bloqueante dentro de una tarea**: el hash de Argon2
//!   lanzado con `task::spawn` en lugar de `task::spawn_blocking` da el
//!   mismo hash y deja libre el hilo de quien espera, pero ocupa entero un
//!   hilo del ejecutor mientras calcula.
//!
//! Los dos se ven en la memoria. [`AsignadorQueCuenta`] reserva y libera con
//! el asignador del sistema, como siempre, y además cuenta: cuántas reservas
//! siguen vivas de las que hizo cada hilo ([`reservas_vivas_de_este_hilo`]),
//! y cuántas reservas grandes (de [`RESERVA_GRANDE`] bytes o más) se
//! hicieron dentro de una tarea de async-std y cuántas fuera
//! ([`reservas_grandes`]). Argon2 reserva de una vez toda su memoria de
//! trabajo, 19 MiB con los parámetros por omisión: si esa reserva se hace
//! dentro de una tarea, el hash corre dentro de una tarea, en un hilo del
//! ejecutor. Nada se cronometra: se cuenta.
//!
//! Cuenta también los bytes: cuántos hay reservados ahora en todo el
//! programa ([`bytes_vivos`]) y el máximo al que llegaron
//! ([`pico_de_bytes`], que [`reiniciar_pico_de_bytes`] vuelve a poner en lo
//! que hay ahora). Con eso, el capítulo «Canales como herramienta de diseño»
//! mide cuánta memoria guarda una cola sin límite: los bytes que el programa
//! pidió, no los que el asignador redondea ni la memoria residente.
//!
//! Una prueba lo instala en su propio binario (cada archivo de `tests/` es un
//! crate aparte, así que no afecta a ningún otro):
//!
//! ```ignore
//! #[global_allocator]
//! static ASIGNADOR: taller_async::prueba::memoria::AsignadorQueCuenta =
//!     taller_async::prueba::memoria::AsignadorQueCuenta;
//! ```
//!
//! Dentro de un asignador no se puede reservar memoria (sería llamarse a sí
//! mismo): por eso las cuentas son enteros en variables locales del hilo o
//! atómicas, y para saber si hay una tarea en curso se usa
//! `async_std::task::try_current`, que solo lee un puntero del hilo.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Desde cuántos bytes una reserva cuenta como grande: 4 MiB. Las reservas
/// del ejecutor, de los canales o de una petición HTTP son mucho menores;
/// la memoria de trabajo de Argon2, mucho mayor.
pub const RESERVA_GRANDE: usize = 4 << 20;

/// El asignador del sistema, con cuentas. Ver el [módulo](self).
#[derive(Debug, Clone, Copy, Default)]
pub struct AsignadorQueCuenta;

thread_local! {
    /// Reservas hechas en este hilo menos liberaciones hechas en este hilo.
    /// `const` y sin destructor: leerla no reserva memoria.
    static VIVAS: Cell<isize> = const { Cell::new(0) };
}

static GRANDES_EN_TAREA: AtomicUsize = AtomicUsize::new(0);
static BYTES_VIVOS: AtomicUsize = AtomicUsize::new(0);
static PICO_DE_BYTES: AtomicUsize = AtomicUsize::new(0);
static GRANDES_FUERA_DE_TAREA: AtomicUsize = AtomicUsize::new(0);

/// Cuántas reservas grandes se han hecho desde que arrancó el programa.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReservasGrandes {
    /// Hechas mientras corría una tarea de async-std en ese hilo: en un hilo
    /// del ejecutor o dentro de un `block_on`.
    pub en_tarea: usize,
    /// Hechas fuera de toda tarea: en un hilo de `spawn_blocking`, en uno
    /// de `std::thread::spawn`, o en código síncrono.
    pub fuera_de_tarea: usize,
}

impl std::ops::Sub for ReservasGrandes {
    type Output = ReservasGrandes;

    /// Las reservas hechas entre dos lecturas: `despues - antes`.
    fn sub(self, antes: ReservasGrandes) -> ReservasGrandes {
        ReservasGrandes {
            en_tarea: self.en_tarea - antes.en_tarea,
            fuera_de_tarea: self.fuera_de_tarea - antes.fuera_de_tarea,
        }
    }
}

/// Las reservas que hizo este hilo menos las que liberó: si una operación
/// deja este número como estaba, no dejó nada reservado (o liberó tantas
/// como dejó, lo que en la práctica no ocurre por casualidad). Solo cuenta
/// si el programa instaló [`AsignadorQueCuenta`]; si no, siempre es 0.
///
/// Una reserva que se libera en otro hilo cuenta +1 aquí y -1 allí: sirve
/// para operaciones que hacen todo su trabajo en el hilo que las llama.
pub fn reservas_vivas_de_este_hilo() -> isize {
    VIVAS.with(Cell::get)
}

/// Cuántas reservas grandes (de [`RESERVA_GRANDE`] bytes o más) se han hecho
/// hasta ahora, dentro y fuera de tareas de async-std, en todos los hilos.
pub fn reservas_grandes() -> ReservasGrandes {
    ReservasGrandes {
        en_tarea: GRANDES_EN_TAREA.load(Ordering::SeqCst),
        fuera_de_tarea: GRANDES_FUERA_DE_TAREA.load(Ordering::SeqCst),
    }
}

/// Los bytes reservados ahora mismo, en todos los hilos: la suma de los
/// tamaños pedidos al asignador menos los liberados. No cuenta lo que el
/// asignador del sistema añade por su cuenta (cabeceras, redondeos) ni la
/// memoria que no pasa por él (pilas de los hilos, el propio binario). Solo
/// cuenta si el programa instaló [`AsignadorQueCuenta`]; si no, siempre es 0.
pub fn bytes_vivos() -> usize {
    BYTES_VIVOS.load(Ordering::SeqCst)
}

/// El mayor valor que llegó a tener [`bytes_vivos`] desde el principio, o
/// desde la última llamada a [`reiniciar_pico_de_bytes`].
pub fn pico_de_bytes() -> usize {
    PICO_DE_BYTES.load(Ordering::SeqCst)
}

/// Pone el pico en los bytes vivos de ahora, para medir el pico de lo que
/// venga después.
pub fn reiniciar_pico_de_bytes() {
    PICO_DE_BYTES.store(bytes_vivos(), Ordering::SeqCst);
}

fn sumar_bytes(cuantos: usize) {
    let ahora = BYTES_VIVOS.fetch_add(cuantos, Ordering::SeqCst) + cuantos;
    PICO_DE_BYTES.fetch_max(ahora, Ordering::SeqCst);
}

fn restar_bytes(cuantos: usize) {
    BYTES_VIVOS.fetch_sub(cuantos, Ordering::SeqCst);
}

fn sumar_viva(cuanto: isize) {
    // `try_with`: mientras el hilo termina, sus variables locales ya no
    // existen, y las reservas de ese momento no se cuentan.
    let _ = VIVAS.try_with(|vivas| vivas.set(vivas.get() + cuanto));
}

fn contar_grande() {
    if async_std::task::try_current().is_some() {
        GRANDES_EN_TAREA.fetch_add(1, Ordering::SeqCst);
    } else {
        GRANDES_FUERA_DE_TAREA.fetch_add(1, Ordering::SeqCst);
    }
}

// SAFETY: cada método delega en `System` con los mismos argumentos y
// devuelve lo que devuelve él; las cuentas no tocan la memoria reservada ni
// reservan nada.
unsafe impl GlobalAlloc for AsignadorQueCuenta {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: el contrato de `GlobalAlloc::alloc` pasa tal cual.
        let puntero = unsafe { System.alloc(layout) };
        if !puntero.is_null() {
            sumar_viva(1);
            sumar_bytes(layout.size());
            if layout.size() >= RESERVA_GRANDE {
                contar_grande();
            }
        }
        puntero
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: el contrato de `GlobalAlloc::alloc_zeroed` pasa tal cual.
        let puntero = unsafe { System.alloc_zeroed(layout) };
        if !puntero.is_null() {
            sumar_viva(1);
            sumar_bytes(layout.size());
            if layout.size() >= RESERVA_GRANDE {
                contar_grande();
            }
        }
        puntero
    }

    unsafe fn dealloc(&self, puntero: *mut u8, layout: Layout) {
        // SAFETY: el contrato de `GlobalAlloc::dealloc` pasa tal cual.
        unsafe { System.dealloc(puntero, layout) };
        sumar_viva(-1);
        restar_bytes(layout.size());
    }

    unsafe fn realloc(&self, puntero: *mut u8, layout: Layout, nuevo: usize) -> *mut u8 {
        // SAFETY: el contrato de `GlobalAlloc::realloc` pasa tal cual.
        let nuevo_puntero = unsafe { System.realloc(puntero, layout, nuevo) };
        // Sigue siendo una sola reserva viva; solo cuenta como grande la
        // primera vez que pasa del umbral (un `Vec` que crece hasta él).
        if !nuevo_puntero.is_null() {
            // El bloque viejo se libera (o crece en su sitio): cuenta su
            // tamaño nuevo en lugar del viejo.
            sumar_bytes(nuevo);
            restar_bytes(layout.size());
        }
        if !nuevo_puntero.is_null() && layout.size() < RESERVA_GRANDE && nuevo >= RESERVA_GRANDE {
            contar_grande();
        }
        nuevo_puntero
    }
}

#[cfg(test)]
mod pruebas {
    use super::*;

    // Las pruebas de la biblioteca corren con este asignador: solo cuenta, y
    // las demás pruebas no lo notan.
    #[global_allocator]
    static ASIGNADOR: AsignadorQueCuenta = AsignadorQueCuenta;

    #[test]
    fn una_reserva_sin_liberar_queda_viva_y_una_liberada_no() {
        let antes = reservas_vivas_de_este_hilo();
        let caja = Box::new([7u8; 64]);
        assert_eq!(reservas_vivas_de_este_hilo() - antes, 1);
        drop(caja);
        assert_eq!(reservas_vivas_de_este_hilo() - antes, 0);

        let fugada: &'static mut [u8; 64] = Box::leak(Box::new([0u8; 64]));
        assert_eq!(reservas_vivas_de_este_hilo() - antes, 1);
        // Se devuelve, para no dejar la fuga en las pruebas de la biblioteca.
        // SAFETY: `fugada` salió de `Box::leak` justo arriba y nadie más la usa.
        drop(unsafe { Box::from_raw(fugada) });
        assert_eq!(reservas_vivas_de_este_hilo() - antes, 0);
    }

    #[test]
    fn los_bytes_vivos_cuentan_una_reserva_mientras_vive() {
        // Las cuentas de bytes son de todo el programa, y otras pruebas de
        // la biblioteca reservan y liberan a la vez: se mira solo que 1 MiB
        // vivo se vea en los bytes vivos y en el pico.
        let caja = std::hint::black_box(vec![3u8; 1 << 20]);
        assert!(bytes_vivos() >= 1 << 20, "{}", bytes_vivos());
        assert!(pico_de_bytes() >= 1 << 20, "{}", pico_de_bytes());
        drop(caja);
    }

    #[test]
    fn una_reserva_grande_cuenta_dentro_o_fuera_de_una_tarea() {
        // Las cuentas grandes son de todo el programa, y otras pruebas de la
        // biblioteca también reservan: se mira que sume al menos la propia.
        let antes = reservas_grandes();
        let grande = || std::hint::black_box(vec![1u8; RESERVA_GRANDE]).len();

        assert_eq!(grande(), RESERVA_GRANDE);
        let fuera = reservas_grandes() - antes;
        assert!(fuera.fuera_de_tarea >= 1, "{fuera:?}");

        let antes = reservas_grandes();
        async_std::task::block_on(async_std::task::spawn(async move { grande() }));
        let en_tarea = reservas_grandes() - antes;
        assert!(en_tarea.en_tarea >= 1, "{en_tarea:?}");

        let antes = reservas_grandes();
        async_std::task::block_on(async_std::task::spawn_blocking(grande));
        let bloqueante = reservas_grandes() - antes;
        assert!(bloqueante.fuera_de_tarea >= 1, "{bloqueante:?}");
    }
}
