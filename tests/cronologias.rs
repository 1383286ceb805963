//! Pruebas de las figuras de los primeros capítulos: las cronologías que
//! dibujan los ejemplos con `taller_async::cronologia`.
//!
//! Cada uno de estos ejemplos envuelve sus futures en uno que anota cada
//! sondeo y cada despertar, y al final dibuja lo anotado en un SVG.
//! `book/regenerar-salidas.sh` los corre con `TALLER_GRAFICAS` apuntando a
//! `book/src/salidas/`, y el capítulo muestra ese SVG. Aquí se comprueba, sin
//! mirar ninguna cifra (dependen de la máquina):
//!
//! - que cada ejemplo termina bien y dice dónde dejó su gráfica;
//! - que la gráfica está donde pide `TALLER_GRAFICAS`, es un SVG completo, no
//!   está vacía y nombra la máquina y el modo de compilación;
//! - que tiene lo que el capítulo dice que se ve: los nombres de sus filas.

mod comun;

use std::path::PathBuf;
use std::time::Duration;

use comun::ejemplos::Ejemplos;

/// Cada ejemplo y lo que su figura debe nombrar.
const FIGURAS: [(&str, &[&str]); 6] = [
    (
        "many_requests",
        &["many_requests", "petición 0", "petición 19"],
    ),
    (
        "many_requests_spawn",
        &["many_requests_spawn", "petición 0", "async-std/runtime"],
    ),
    (
        "futures_perezosos",
        &["task::sleep(200 ms)", "task::yield_now()"],
    ),
    ("send_rc", &["tarea 0", "tarea 3", "async-std/runtime"]),
    ("yield_now", &["reloj (cada latido)", "cálculo"]),
    (
        "spawn_blocking",
        &["reloj", "sesiones", "cada hash", "blocking"],
    ),
];

static EJEMPLOS: Ejemplos = Ejemplos::nuevos(
    env!("CARGO_PKG_NAME"),
    &[
        "many_requests",
        "many_requests_spawn",
        "futures_perezosos",
        "send_rc",
        "yield_now",
        "spawn_blocking",
    ],
    "una tarea que nadie despierta, o un candado de la cronología que no se suelta.",
);

/// Una carpeta temporal vacía, propia de esta prueba y de este ejemplo.
fn carpeta_temporal(ejemplo: &str) -> PathBuf {
    let carpeta = std::env::temp_dir().join(format!(
        "taller-cronologia-{ejemplo}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&carpeta);
    std::fs::create_dir_all(&carpeta).unwrap();
    carpeta
}

fn revisar(ejemplo: &str, nombres: &[&str]) {
    let graficas = carpeta_temporal(ejemplo);
    let salida = EJEMPLOS.correr_con_entorno(
        ejemplo,
        &[],
        &[("TALLER_GRAFICAS", &graficas)],
        Duration::from_secs(120),
    );
    assert!(
        salida.estado.success(),
        "{ejemplo} debería terminar bien.\n{}",
        salida.describir()
    );
    let ruta = graficas.join(format!("{ejemplo}.svg"));
    assert!(
        salida.stdout.contains("Gráfica de esta ejecución:"),
        "{ejemplo} debería decir dónde dejó su gráfica.\n{}",
        salida.describir()
    );
    let svg = std::fs::read_to_string(&ruta).unwrap_or_else(|e| {
        panic!(
            "{ejemplo} no escribió su gráfica en {} (TALLER_GRAFICAS): {e}",
            ruta.display()
        )
    });
    assert!(
        svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>") && svg.len() > 2000,
        "la gráfica de {ejemplo} no es un SVG completo con algo dibujado ({} bytes)",
        svg.len()
    );
    for esperado in ["Máquina:", "modo "].iter().chain(nombres) {
        assert!(
            svg.contains(esperado),
            "la gráfica de {ejemplo} debería nombrar «{esperado}»"
        );
    }
    let _ = std::fs::remove_dir_all(&graficas);
}

#[test]
fn cada_ejemplo_dibuja_su_cronologia_donde_pide_taller_graficas() {
    for (ejemplo, nombres) in FIGURAS {
        revisar(ejemplo, nombres);
    }
}

#[test]
fn send_rc_cuenta_los_cambios_de_hilo_de_su_figura() {
    let salida = EJEMPLOS.correr("send_rc", &[], Duration::from_secs(60));
    assert!(salida.estado.success(), "{}", salida.describir());
    assert!(
        salida
            .stdout
            .contains("Para la figura, 4 tareas con 6 .await")
            && salida.stdout.contains("de sus 28 sondeos"),
        "send_rc debería contar los sondeos de su figura: 4 tareas, 7 sondeos cada una \
         (6 Pending y un Ready).\n{}",
        salida.describir()
    );
}
