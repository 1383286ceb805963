//! Marca el paquete `solutions` con `cfg(solucion)`.
//!
//! Las pruebas de `exercises/tests/` declaran cada una el módulo de su
//! ejercicio con `#[cfg(not(solucion))]`. `solutions/tests/` las incluye tal
//! cual y declara en su lugar el módulo de la solución: este `cfg` es lo
//! único que distingue un paquete del otro.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(solucion)");
    println!("cargo::rustc-cfg=solucion");
    // Nada de fuera decide este `cfg`: el script no se vuelve a correr
    // cuando cambian las soluciones, solo cuando cambia él mismo.
    println!("cargo::rerun-if-changed=build.rs");
}
