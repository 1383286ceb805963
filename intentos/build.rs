//! Marca el paquete `intentos` con `cfg(solucion)`, como `solutions/build.rs`.
//!
//! Las pruebas de `exercises/tests/` declaran cada una el módulo de su
//! ejercicio con `#[cfg(not(solucion))]`. Los envoltorios de `tests/` las
//! incluyen tal cual y declaran en su lugar el módulo de un intento: una
//! solución equivocada o una alternativa.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(solucion)");
    println!("cargo::rustc-cfg=solucion");
    println!("cargo::rerun-if-changed=build.rs");
}
