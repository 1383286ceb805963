//! Vacía a propósito: este paquete existe por sus pruebas (`tests/compila.rs`).
//!
//! Algunas lecciones del libro son un error del compilador (un `Rc` que
//! cruza un `.await`, un `?` en un bloque `async` sin anotar el tipo del
//! error); otras, que algo sí compila. Los casos están en `tests/no_compila/`
//! y `tests/compila_bien/`, y el libro los incluye tal cual. Viven en un
//! paquete propio para que trybuild, que compila sus casos en un proyecto
//! aparte con todas las dependencias del paquete de la prueba, compile solo
//! async-std, futures y lo suyo, y no las dependencias del taller entero.
