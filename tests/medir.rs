//! Pruebas de los ejemplos que miden («¿Cuándo vale la pena async?») y de los
//! del apéndice de migración.
//!
//! Ninguna prueba compara tiempos: las cifras dependen de la máquina, y el
//! libro las muestra, no las afirma. Lo que sí se comprueba es lo que no
//! depende de la máquina:
//!
//! - que cada ejemplo termina bien, en pocos segundos, e imprime su tabla con
//!   las cifras que se suelen dar al lado;
//! - que su gráfica es un SVG que nombra la máquina, escrito donde pide
//!   `TALLER_GRAFICAS` (así lo usa `book/regenerar-salidas.sh`);
//! - que `many_requests_escalado` tiene de verdad muchas peticiones en vuelo
//!   a la vez con tareas, contadas por el servidor;
//! - que los `many_requests` de smol y de tokio también las tienen todas en
//!   vuelo a la vez;
//! - que `tareas_vs_hilos` rechaza en español un argumento que no entiende.

mod comun;

use std::path::{Path, PathBuf};
use std::time::Duration;

use comun::ejemplos::Ejemplos;

/// Lo que probablemente pasó si un ejemplo que mide no termina.
const SI_NO_TERMINA: &str = "una medida demasiado grande para esta máquina, o una tarea \
    que nadie despierta.";

static TALLER: Ejemplos = Ejemplos::nuevos(
    "taller-async",
    &[
        "tareas_vs_hilos",
        "many_requests_escalado",
        "spawn_blocking_latido",
    ],
    SI_NO_TERMINA,
);

static MIGRACION: Ejemplos = Ejemplos::nuevos(
    "migracion",
    &["many_requests_smol", "many_requests_tokio"],
    SI_NO_TERMINA,
);

/// Una carpeta temporal vacía, propia de esta prueba.
fn carpeta_temporal(nombre: &str) -> PathBuf {
    let carpeta = std::env::temp_dir().join(format!("taller-{nombre}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&carpeta);
    std::fs::create_dir_all(&carpeta).unwrap();
    carpeta
}

/// Comprueba que `ruta` es un SVG que nombra la máquina.
fn revisar_grafica(ruta: &Path) {
    let svg = std::fs::read_to_string(ruta)
        .unwrap_or_else(|e| panic!("no se escribió la gráfica {}: {e}", ruta.display()));
    assert!(
        svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"),
        "{} no es un SVG completo",
        ruta.display()
    );
    assert!(
        svg.contains("Máquina:"),
        "la gráfica {} no nombra la máquina",
        ruta.display()
    );
}

#[test]
fn tareas_vs_hilos_pone_lo_que_se_suele_decir_junto_a_lo_medido_y_dibuja() {
    let graficas = carpeta_temporal("graficas-tvh");
    // Pocos y con poco presupuesto: la prueba mira la forma, no las cifras.
    let salida = TALLER.correr_con_entorno(
        "tareas_vs_hilos",
        &["200", "--presupuesto-mib", "4"],
        &[("TALLER_GRAFICAS", &graficas)],
        Duration::from_secs(120),
    );
    assert_eq!(
        salida.estado.code(),
        Some(0),
        "tareas_vs_hilos falló:\n{}\n{}",
        salida.stdout,
        salida.stderr
    );
    for esperado in [
        "N = 200",
        "Lo que se suele decir frente a lo medido",
        "15 µs",
        "300 ns (o 30 ns)",
        "20-100 KiB",
        "crear y esperar, cada uno",
        "memoria residente, cada uno",
        "pasar el control, cada vez",
        "vivos a la vez en el presupuesto",
    ] {
        assert!(
            salida.stdout.contains(esperado),
            "la salida de tareas_vs_hilos debería incluir «{esperado}»:\n{}",
            salida.stdout
        );
    }
    // La residente no cuenta lo que el núcleo guarda de cada hilo: en Linux,
    // el ejemplo lo mide aparte y lo suma.
    if cfg!(target_os = "linux") {
        for esperado in ["pila del núcleo", "en total, residente y núcleo"] {
            assert!(
                salida.stdout.contains(esperado),
                "en Linux, tareas_vs_hilos debería medir la memoria del núcleo de cada \
                 hilo (de /proc/meminfo) e incluir «{esperado}»:\n{}",
                salida.stdout
            );
        }
    }
    revisar_grafica(&graficas.join("tareas_vs_hilos.svg"));
    let _ = std::fs::remove_dir_all(&graficas);
}

#[test]
fn tareas_vs_hilos_explica_un_argumento_que_no_entiende() {
    let salida = TALLER.correr("tareas_vs_hilos", &["muchos"], Duration::from_secs(60));
    assert_eq!(salida.estado.code(), Some(2));
    assert!(
        salida.stderr.contains("no entiendo «muchos»") && salida.stderr.contains("uso:"),
        "debería explicar el error y el uso:\n{}",
        salida.stderr
    );
}

#[test]
fn many_requests_escalado_tiene_las_tareas_en_vuelo_a_la_vez() {
    let graficas = carpeta_temporal("graficas-mre");
    let salida = TALLER.correr_con_entorno(
        "many_requests_escalado",
        &[],
        &[("TALLER_GRAFICAS", &graficas)],
        Duration::from_secs(120),
    );
    assert_eq!(
        salida.estado.code(),
        Some(0),
        "many_requests_escalado falló:\n{}\n{}",
        salida.stdout,
        salida.stderr
    );
    // Las filas de la tabla: N, hilos, tareas, pico hilos, pico tareas.
    let filas: Vec<Vec<&str>> = salida
        .stdout
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>())
        .filter(|c| c.len() == 7 && c[0].parse::<usize>().is_ok())
        .collect();
    assert!(
        filas.len() >= 2 && filas[0][0] == "1",
        "no se encontró la tabla de N = 1 en adelante:\n{}",
        salida.stdout
    );
    // Hasta cien, todas a la vez, exactamente. Con cientos, en una máquina
    // cargada (las pruebas corren en paralelo), las primeras pueden terminar
    // antes de que el servidor acepte las últimas: basta con que la mayoría
    // estén en vuelo a la vez, lo que una tras otra (pico 1) nunca da.
    for fila in &filas {
        let n: usize = fila[0].parse().unwrap();
        let pico: usize = fila[6].parse().unwrap_or(0);
        let minimo = if n <= 100 { n } else { n / 2 };
        assert!(
            pico >= minimo,
            "con N = {n} tareas, el servidor debería haber tenido al menos {minimo} en vuelo a \
             la vez, y su pico fue {pico}:\n{}",
            salida.stdout
        );
    }
    assert!(salida.stdout.contains("síncrona (std::net)"));
    revisar_grafica(&graficas.join("many_requests_escalado.svg"));
    let _ = std::fs::remove_dir_all(&graficas);
}

#[test]
fn spawn_blocking_latido_mide_y_dibuja() {
    let graficas = carpeta_temporal("graficas-sbl");
    let salida = TALLER.correr_con_entorno(
        "spawn_blocking_latido",
        &[],
        &[("TALLER_GRAFICAS", &graficas)],
        Duration::from_secs(60),
    );
    assert_eq!(
        salida.estado.code(),
        Some(0),
        "{}\n{}",
        salida.stdout,
        salida.stderr
    );
    assert!(salida.stdout.contains("mayor hueco: spawn_blocking"));
    revisar_grafica(&graficas.join("spawn_blocking_latido.svg"));
    let _ = std::fs::remove_dir_all(&graficas);
}

#[test]
#[ignore = "compila los ejemplos del paquete migracion, con reqwest (unos 10 s en una copia \
            nueva): la CI la corre en su paso 3b, con --ignored"]
fn many_requests_con_smol_y_con_tokio_tienen_todas_en_vuelo() {
    for (ejemplo, tandas) in [("many_requests_smol", 2), ("many_requests_tokio", 2)] {
        let salida = MIGRACION.correr(ejemplo, &[], Duration::from_secs(60));
        assert_eq!(
            salida.estado.code(),
            Some(0),
            "{ejemplo} falló:\n{}\n{}",
            salida.stdout,
            salida.stderr
        );
        let todas = salida
            .stdout
            .matches("pico en vuelo en el servidor: 20 de 20")
            .count();
        assert_eq!(
            todas, tandas,
            "{ejemplo}: en cada tanda, las 20 peticiones deberían estar en vuelo a la vez:\n{}",
            salida.stdout
        );
    }
}
