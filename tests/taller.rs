//! Pruebas de la herramienta `taller` tal como la usa el alumno.
//!
//! Corren el binario compilado (`CARGO_BIN_EXE_taller`) y miran lo que
//! imprime: que las pistas salen de `exercises/info.toml`, que una orden mal
//! escrita se explica en español, y que con los esbozos sin tocar `lista`
//! marca todos los ejercicios como pendientes.

use std::process::{Command, Output};

use taller_async::ejercicios;

fn taller(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_taller"))
        .args(args)
        .output()
        .expect("no se pudo ejecutar el binario taller")
}

fn texto(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn pista_muestra_la_pista_de_info_toml() {
    for (i, ejercicio) in ejercicios::todos().iter().enumerate() {
        let salida = taller(&["pista", &(i + 1).to_string()]);
        assert!(salida.status.success(), "`pista {}` falló", i + 1);
        let stdout = texto(&salida.stdout);
        let primera = ejercicio.pista.trim().lines().next().unwrap();
        assert!(
            stdout.contains(primera),
            "`pista {}` no muestra la pista de info.toml:\n{stdout}",
            i + 1
        );
        let por_nombre = texto(&taller(&["pista", &ejercicio.nombre]).stdout);
        assert_eq!(
            por_nombre,
            stdout,
            "`pista {}` y `pista {}` difieren",
            i + 1,
            ejercicio.nombre
        );
    }
}

#[test]
fn una_orden_desconocida_se_explica_en_espanol() {
    let salida = taller(&["compilar"]);
    assert_eq!(salida.status.code(), Some(2));
    assert!(texto(&salida.stderr).contains("No entiendo «compilar»"));

    let salida = taller(&["pista", "999"]);
    assert_eq!(salida.status.code(), Some(2));
    assert!(texto(&salida.stderr).contains("No hay ningún ejercicio «999»"));
}

#[test]
fn lista_marca_pendientes_los_esbozos() {
    // Los esbozos de exercises/ no están resueltos en el repositorio: la
    // lista debe mostrar cada ejercicio con ✗ y el progreso a cero.
    let salida = taller(&["lista"]);
    assert!(salida.status.success());
    let stdout = texto(&salida.stdout);
    let total = ejercicios::todos().len();
    assert!(
        stdout.contains(&format!("0/{total}")),
        "lista debería mostrar 0/{total} con los esbozos:\n{stdout}"
    );
    for ejercicio in ejercicios::todos() {
        assert!(
            stdout
                .lines()
                .any(|l| l.contains(&ejercicio.nombre) && l.contains('✗')),
            "{} debería salir con ✗:\n{stdout}",
            ejercicio.nombre
        );
    }
}
