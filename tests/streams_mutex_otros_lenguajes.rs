//! Pruebas de los ejemplos `streams`, `mutex` y `otros_lenguajes`: que
//! impriman lo que sus capítulos (8, 9 y 10) dicen que imprimen.
//!
//! Los capítulos comentan la salida de una ejecución real. Estas pruebas
//! corren cada ejemplo sin argumentos y comprueban lo que el texto da por
//! hecho, contando, nunca cronometrando: que el reloj no da ni un tic mientras
//! un `Iterator` bloquea el hilo y sí mientras espera un `Stream`, que las
//! líneas sin Mutex salen rotas y con él enteras, que en Rust el cuerpo de una
//! `async fn` no corre hasta que alguien sondea su future.

mod comun;

use std::time::Duration;

use comun::ejemplos::Ejemplos;

static EJEMPLOS: Ejemplos = Ejemplos::nuevos(
    env!("CARGO_PKG_NAME"),
    &["streams", "mutex", "otros_lenguajes"],
    "un future que nadie despierta, o un lock que nadie suelta.",
);

/// Corre el ejemplo sin argumentos y devuelve su salida estándar. Falla si no
/// termina bien o si tarda más de dos minutos.
fn correr(ejemplo: &str) -> String {
    let salida = EJEMPLOS.correr(ejemplo, &[], Duration::from_secs(120));
    assert!(
        salida.estado.success(),
        "el ejemplo {ejemplo} terminó con {}.\n--- salida ---\n{}\n--- errores ---\n{}",
        salida.estado,
        salida.stdout,
        salida.stderr
    );
    salida.stdout
}

/// Los números de una línea, en orden.
fn numeros(linea: &str) -> Vec<usize> {
    linea
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect()
}

/// La posición de la primera línea que contiene `texto`.
fn posicion(salida: &str, texto: &str) -> usize {
    salida
        .lines()
        .position(|l| l.contains(texto))
        .unwrap_or_else(|| panic!("la salida no contiene «{texto}»:\n{salida}"))
}

/// La primera línea que contiene `texto`.
fn linea<'a>(salida: &'a str, texto: &str) -> &'a str {
    salida
        .lines()
        .find(|l| l.contains(texto))
        .unwrap_or_else(|| panic!("la salida no contiene «{texto}»:\n{salida}"))
}

#[test]
fn streams_el_iterador_no_deja_avanzar_al_reloj_y_el_stream_si() {
    let salida = correr("streams");
    let tics: Vec<usize> = salida
        .lines()
        .filter(|l| l.contains("tics del reloj mientras tanto"))
        .map(|l| *numeros(l).last().expect("la línea de tics no tiene número"))
        .collect();
    assert!(
        tics.len() == 2 && tics[0] == 0 && tics[1] > 0,
        "El capítulo dice que con el Iterator el reloj no da ni un tic y con el Stream sí; \
         los tics fueron {tics:?}:\n{salida}"
    );
    assert!(
        salida.contains("línea descartada: JSON mal escrito"),
        "receive_as_json debería dar un error por la línea rota y seguir:\n{salida}"
    );
}

#[test]
fn streams_join_all_devuelve_en_orden_y_race_suelta_al_perdedor() {
    let salida = correr("streams");
    assert!(
        salida.contains(r#"devolvió ["t1", "t2", "t3", "t4", "t5"]"#)
            && salida.contains(
                r#"terminaron en el orden ["t5", "t4", "t3", "t2", "t1"] · pico en vuelo: 5"#
            ),
        "join_all debería devolver en el orden de la lista, con los cinco en vuelo a la vez:\n{salida}"
    );
    assert!(
        salida.contains(r#"soltados sin terminar: ["lento"]"#),
        "race debería soltar al trabajo lento sin terminar:\n{salida}"
    );
}

#[test]
fn mutex_sin_lock_las_lineas_se_rompen_y_con_lock_no() {
    let salida = correr("mutex");
    assert!(
        salida.contains("(total 1000)"),
        "las mil tareas deberían anotar mil mensajes en la tabla:\n{salida}"
    );
    let sin = numeros(linea(&salida, "Sin Mutex"));
    let con = numeros(linea(&salida, "Con un Mutex asíncrono"));
    assert!(
        sin.len() >= 2 && sin[0] < sin[1],
        "sin Mutex alguna línea debería salir rota: {sin:?}\n{salida}"
    );
    assert!(
        con.len() >= 2 && con[0] == con[1] && con[1] == 3,
        "con el Mutex asíncrono las tres líneas deberían salir enteras: {con:?}\n{salida}"
    );
}

#[test]
fn mutex_b_no_consigue_el_lock_de_std_y_espera_el_asincrono() {
    let salida = correr("mutex");
    assert!(
        salida.contains("[B] ocupado: lo tiene A"),
        "try_lock debería encontrar el lock de std tomado por A:\n{salida}"
    );
    assert!(
        posicion(&salida, "[A] desperté, terminé y suelto el lock")
            < posicion(&salida, "[B] lo tengo; el contador vale 1"),
        "con el Mutex asíncrono, B debería obtener el lock después de que A lo suelte:\n{salida}"
    );
}

#[test]
fn otros_lenguajes_el_cuerpo_no_corre_hasta_que_se_sondea() {
    let salida = correr("otros_lenguajes");
    assert!(
        posicion(&salida, "le doy el future de A a un ejecutor")
            < posicion(&salida, "[A] empieza el cuerpo"),
        "el cuerpo de saludar(\"A\") no debería correr antes de block_on:\n{salida}"
    );
    assert!(
        !salida.contains("[C]"),
        "el future de C se suelta sin sondearlo: su cuerpo no debería correr:\n{salida}"
    );
    assert!(
        posicion(&salida, "[E] sigue después del .await")
            < posicion(&salida, "sin que nadie la esperara"),
        "la tarea lanzada con spawn debería correr sin que nadie espere su handle:\n{salida}"
    );
}
