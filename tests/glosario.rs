//! El glosario, cumplido: una palabra para cada idea en todo lo que lee el
//! alumno.
//!
//! `book/src/glosario.md` fija un término para cada idea (hilo, tarea,
//! ejecutor, sondear, soltar...). Un libro escrito por varias manos tiende a
//! mezclar variantes («hebra», «pollear», «ejecutador», «asincrónico»), y
//! quien aprende no sabe si son la misma cosa. Esta prueba recorre la prosa
//! del libro, el `README.md`, las pistas de `exercises/info.toml` y los
//! mensajes de las pruebas (ver `tests/comun/prosa.rs`) y falla en cada
//! variante desaconsejada, con su archivo y su línea.
//!
//! La lista de variantes está aquí abajo, en [`VARIANTES`]: para añadir una,
//! una línea más. Cada una dice qué término del glosario usar en su lugar, y
//! otra prueba comprueba que ese término sigue en el glosario.
//!
//! El código y lo citado no cuentan: lo que va entre comillas invertidas
//! (`std::thread`), en bloques de código, en cursiva (la cursiva marca las
//! palabras de otro idioma: *thread*) o entre comillas angulares (un mensaje
//! del compilador, un título) no se revisa.

mod comun;

use comun::{palabras, Linea};

/// Una variante desaconsejada y el término del glosario que la sustituye.
struct Variante {
    /// Una o varias palabras, en minúsculas. Un `*` al final de la última
    /// acepta cualquier terminación: `polle*` encuentra «pollear»,
    /// «polleado», «pollea»...
    variante: &'static str,
    /// Lo que se escribe en su lugar.
    usar: &'static str,
    /// El ancla del término en `glosario.md` (`{#ancla}`).
    ancla: &'static str,
}

const fn v(variante: &'static str, usar: &'static str, ancla: &'static str) -> Variante {
    Variante {
        variante,
        usar,
        ancla,
    }
}

/// Las variantes desaconsejadas. Para añadir una: una línea más, con el
/// término del glosario y su ancla.
const VARIANTES: &[Variante] = &[
    // hilo
    v("hebra*", "hilo", "hilo"),
    v("thread", "hilo", "hilo"),
    v("threads", "hilos", "hilo"),
    v("pool de threads", "pool de hilos", "pool-de-hilos"),
    v("thread pool", "pool de hilos", "pool-de-hilos"),
    v("threadpool", "pool de hilos", "pool-de-hilos"),
    v("piscina de hilos", "pool de hilos", "pool-de-hilos"),
    // ejecutor
    v("ejecutador*", "ejecutor", "ejecutor"),
    v("executor", "ejecutor", "ejecutor"),
    v("executors", "ejecutores", "ejecutor"),
    // sondear
    v("polle*", "sondear, sondeo", "sondear"),
    v("poleo", "sondeo", "sondear"),
    v("poleado", "sondeado", "sondear"),
    // lanzar
    v("spawne*", "lanzar", "lanzar"),
    v("spawme*", "lanzar", "lanzar"),
    v("spawnm*", "lanzar", "lanzar"),
    // soltar
    v("dropea*", "soltar", "soltar"),
    v("dropeo*", "soltar", "soltar"),
    // asíncrono, síncrono
    v("asincrónic*", "asíncrono", "asincrono"),
    v("asincronic*", "asíncrono", "asincrono"),
    v("sincrónic*", "síncrono", "asincrono"),
    v("sincronic*", "síncrono", "asincrono"),
    // future es masculino
    v("la future", "el future", "future"),
    v("una future", "un future", "future"),
    v("las futures", "los futures", "future"),
    v("esta future", "este future", "future"),
    // esperar un future
    v("awaite*", "esperar (con .await)", "esperar"),
    // interbloqueo
    v("deadlock*", "interbloqueo", "interbloqueo"),
    v("bloqueo mutuo", "interbloqueo", "interbloqueo"),
    v("abrazo mortal", "interbloqueo", "interbloqueo"),
    // lock
    v("lockea*", "tomar el lock", "lock"),
    v("lockear", "tomar el lock", "lock"),
];

/// ¿Aparece `variante` en estas palabras? Devuelve lo que encontró, tal como
/// está (en minúsculas).
fn buscar(variante: &str, palabras: &[(usize, String)]) -> Option<String> {
    let partes: Vec<&str> = variante.split(' ').collect();
    palabras.windows(partes.len()).find_map(|ventana| {
        let coincide =
            partes
                .iter()
                .zip(ventana)
                .all(|(parte, (_, palabra))| match parte.strip_suffix('*') {
                    Some(prefijo) => palabra.starts_with(prefijo),
                    None => palabra == parte,
                });
        coincide.then(|| {
            ventana
                .iter()
                .map(|(_, p)| p.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
    })
}

/// Los problemas de unas líneas de prosa, uno por variante encontrada.
fn problemas(lineas: &[Linea]) -> Vec<String> {
    let mut encontrados = Vec::new();
    for linea in lineas {
        let palabras = palabras(&linea.texto);
        for v in VARIANTES {
            if let Some(hallada) = buscar(v.variante, &palabras) {
                encontrados.push(format!(
                    "{}:{}: «{hallada}» → usa «{}» (book/src/glosario.md#{})\n      {}",
                    linea.archivo,
                    linea.numero,
                    v.usar,
                    v.ancla,
                    linea.texto.trim()
                ));
            }
        }
    }
    encontrados
}

#[test]
fn la_prosa_usa_los_terminos_del_glosario() {
    let prosa = comun::prosa();
    assert!(
        prosa.iter().any(|l| l.archivo == "book/src/glosario.md"),
        "no se encontró la prosa del glosario: ¿se movió book/src/glosario.md?"
    );
    let encontrados = problemas(&prosa);
    if !encontrados.is_empty() {
        panic!(
            "\n{} variante(s) desaconsejada(s) por el glosario:\n\n  {}\n\n\
             Cambia cada una por el término del glosario. Si la palabra es código, \
             escríbela entre comillas invertidas (`std::thread`); si citas a propósito el \
             término inglés, en cursiva (*thread*), y si citas un texto ajeno tal cual (un \
             mensaje del compilador, un título), entre comillas angulares («...»). Las \
             variantes están en VARIANTES, en tests/glosario.rs.\n",
            encontrados.len(),
            encontrados.join("\n  ")
        );
    }
}

#[test]
fn cada_termino_recomendado_esta_en_el_glosario() {
    let glosario = std::fs::read_to_string(comun::raiz().join("book/src/glosario.md"))
        .expect("no se pudo leer book/src/glosario.md");
    let faltan: Vec<String> = VARIANTES
        .iter()
        .filter(|v| !glosario.contains(&format!("{{#{}}}", v.ancla)))
        .map(|v| {
            format!(
                "«{}» manda usar «{}», pero glosario.md no tiene la entrada {{#{}}}",
                v.variante, v.usar, v.ancla
            )
        })
        .collect();
    assert!(
        faltan.is_empty(),
        "tests/glosario.rs apunta a entradas del glosario que no existen:\n  {}",
        faltan.join("\n  ")
    );
}

// Las herramientas también se prueban: si fallaran en silencio, la prueba de
// arriba pasaría sin mirar nada.

#[test]
fn encuentra_variantes_de_una_y_de_varias_palabras() {
    let en = |texto: &str| palabras(texto);
    assert_eq!(
        buscar("polle*", &en("El ejecutor pollea el future.")),
        Some("pollea".into())
    );
    assert_eq!(
        buscar("pool de threads", &en("Un Pool de Threads.")),
        Some("pool de threads".into())
    );
    assert_eq!(buscar("thread", &en("El hilo y los threads.")), None);
    assert_eq!(buscar("la future", &en("el future, la futura")), None);
    let lineas = comun::sin_citas(comun::de_markdown(
        "x.md",
        "Un *thread* en cursiva, `thread` en código, «un thread\ncitado».\n\nUna hebra.\n",
    ));
    let encontrados = problemas(&lineas);
    assert_eq!(encontrados.len(), 1, "{encontrados:?}");
    assert!(encontrados[0].starts_with("x.md:4: «hebra» → usa «hilo»"));
}

#[test]
fn la_prosa_de_markdown_no_tiene_codigo_ni_enlaces() {
    let md = "# Título {#id}\n\
              Texto con `código` y un [enlace](pagina.md#x) a https://ejemplo.com/a.\n\
              ```rust\n\
              let hebra = 1;\n\
              ```\n\
              {{#include ../../examples/x.rs:ancla}}\n\
              | En este taller | En inglés |\n\
              |---|---|\n\
              | hilo | thread |\n\
              \n\
              <!-- un comentario\n\
              de dos líneas -->\n\
              *to block.* Un hilo **bloqueado**, `un código\n\
              partido` y una *cursiva\n\
              partida* también.\n\
              ## In English\n\
              English text.\n";
    let lineas = comun::de_markdown("x.md", md);
    let texto = normalizado(&lineas);
    assert_eq!(
        texto,
        [
            (1, "# Título".to_string()),
            (2, "Texto con y un [enlace] a".to_string()),
            (7, "En este taller".to_string()),
            (9, "hilo".to_string()),
            (13, "Un hilo bloqueado,".to_string()),
            (14, "y una".to_string()),
            (15, "también.".to_string()),
        ]
    );
}

#[test]
fn la_prosa_de_rust_son_sus_cadenas_y_sus_comentarios() {
    let rs = "//! Un módulo.\n\
              //! ```text\n\
              //! cargo run\n\
              //! ```\n\
              let c = '\"'; // el hilo\n\
              assert!(x, \"falló {nombre}: {:?}\\n\\\n    \
                  sigue aquí {{literal}}\");\n\
              let r = r#\"crudo \"con\" comillas\"#;\n";
    let lineas = comun::de_rust("x.rs", rs);
    let texto = normalizado(&lineas);
    assert_eq!(
        texto,
        [
            (1, "Un módulo.".to_string()),
            (5, "el hilo".to_string()),
            (6, "falló :".to_string()),
            (7, "sigue aquí".to_string()),
            (8, "crudo \"con\" comillas".to_string()),
        ]
    );
}

#[test]
fn la_prosa_de_info_toml_son_sus_pistas_y_comentarios() {
    let toml = "# Un comentario.\n\
                [[ejercicio]]\n\
                nombre = \"x\"\n\
                pista = \"\"\"\n\
                Usa `task::spawn` y espera.\n\
                \"\"\"\n";
    let lineas = comun::de_info_toml("info.toml", toml);
    let texto: Vec<(usize, String)> = lineas
        .iter()
        .map(|l| (l.numero, l.texto.trim().to_string()))
        .collect();
    assert_eq!(
        texto,
        [
            (1, "Un comentario.".to_string()),
            (5, "Usa   y espera.".to_string()),
        ]
    );
}

/// Cada línea de prosa como (número, texto con los espacios juntados), para
/// comparar lo que extraen `de_markdown` y `de_rust` sin depender
/// del espaciado.
fn normalizado(lineas: &[comun::Linea]) -> Vec<(usize, String)> {
    lineas
        .iter()
        .map(|l| {
            (
                l.numero,
                l.texto.split_whitespace().collect::<Vec<_>>().join(" "),
            )
        })
        .collect()
}
