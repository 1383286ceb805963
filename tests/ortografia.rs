//! La ortografía del taller, revisada con hunspell y el diccionario español.
//!
//! Todo lo que lee el alumno está en español, con sus tildes: las páginas del
//! libro, el `README.md`, las pistas de `exercises/info.toml` y los mensajes
//! de las pruebas. Esta prueba pasa esa prosa (la misma que revisa
//! `tests/glosario.rs`, sin código ni URL: ver `tests/comun/prosa.rs`) por
//! hunspell con el diccionario `es_ES` de Debian (`hunspell-es`) y falla en
//! cada palabra que no conoce, con su archivo y su línea.
//!
//! Los términos técnicos que el taller usa como palabras (future, waker,
//! runtime, async...) están en `book/palabras.txt`, una por línea. Un nombre
//! de código (una función, un tipo, un crate) no va ahí: va entre comillas
//! invertidas, como `spawn_blocking`, y así no se revisa.
//!
//! Si hunspell o el diccionario no están instalados, la prueba lo dice y no
//! revisa nada, para que `cargo test` funcione en cualquier máquina. La
//! integración continua (`.ci/run`) los instala y la corre con
//! `TALLER_ORTOGRAFIA=obligatoria`, que convierte esa ausencia en un fallo.

mod comun;

use std::collections::BTreeSet;
use std::io::Write;
use std::process::{Command, Stdio};

/// El diccionario de hunspell que se usa.
const DICCIONARIO: &str = "es_ES";
/// La lista de palabras del taller, relativa a la raíz.
const PALABRAS: &str = "book/palabras.txt";

/// Una palabra que hunspell no conoce.
struct Falta {
    archivo: String,
    numero: usize,
    palabra: String,
    sugerencias: String,
}

/// ¿Está hunspell, con el diccionario español? Si no, por qué.
fn hunspell_disponible() -> Result<(), String> {
    let salida = Command::new("hunspell")
        .arg("-D")
        .stdin(Stdio::null())
        .output()
        .map_err(|_| "no está instalado hunspell".to_string())?;
    // `hunspell -D` lista los diccionarios disponibles por la salida de
    // errores.
    let lista = String::from_utf8_lossy(&salida.stderr).into_owned()
        + &String::from_utf8_lossy(&salida.stdout);
    if lista.lines().any(|l| l.trim_end().ends_with(DICCIONARIO)) {
        Ok(())
    } else {
        Err(format!(
            "hunspell no encuentra el diccionario {DICCIONARIO}"
        ))
    }
}

/// Las palabras de `book/palabras.txt`, sin comentarios ni líneas vacías.
fn palabras_del_taller() -> Vec<String> {
    let ruta = comun::raiz().join(PALABRAS);
    let texto = std::fs::read_to_string(&ruta)
        .unwrap_or_else(|e| panic!("no se pudo leer {PALABRAS}: {e}"));
    texto
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// Corre hunspell con la lista de palabras del taller, le pasa `entrada` y
/// devuelve lo que responde.
fn hunspell(modo: &str, entrada: String, palabras: &[String]) -> String {
    // hunspell lee la lista de palabras propia de un archivo (`-p`).
    let lista =
        std::env::temp_dir().join(format!("taller-palabras-{}-{modo}.dic", std::process::id()));
    std::fs::write(&lista, palabras.join("\n") + "\n")
        .expect("no se pudo escribir la lista de palabras temporal");
    let mut proceso = Command::new("hunspell")
        .args([modo, "-i", "UTF-8", "-d", DICCIONARIO, "-p"])
        .arg(&lista)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("no se pudo lanzar hunspell");
    // Se escribe desde otro hilo: si hunspell llena su salida mientras aún
    // se le escribe, los dos se quedarían esperando.
    let mut stdin = proceso.stdin.take().expect("stdin entubado");
    let escritor = std::thread::spawn(move || stdin.write_all(entrada.as_bytes()));
    let salida = proceso.wait_with_output().expect("hunspell falló");
    escritor
        .join()
        .expect("el hilo que escribe a hunspell")
        .expect("no se pudo escribir a hunspell");
    let _ = std::fs::remove_file(&lista);
    assert!(
        salida.status.success(),
        "hunspell {modo} terminó con {}: {}",
        salida.status,
        String::from_utf8_lossy(&salida.stderr)
    );
    String::from_utf8_lossy(&salida.stdout).into_owned()
}

/// Las palabras de las líneas que hunspell no conoce, con su línea.
///
/// Primero `hunspell -l`, que solo lista las palabras desconocidas y es
/// rápido; después se busca cada una en las líneas, y solo para esas pocas
/// se piden sugerencias (`hunspell -a`, que es lento porque las calcula).
fn revisar(lineas: &[comun::Linea], palabras: &[String]) -> Vec<Falta> {
    let texto: String = lineas
        .iter()
        .map(|l| l.texto.replace(['\t', '\r'], " ") + "\n")
        .collect();
    // Las letras sueltas no se revisan: son nombres (las tareas A y B),
    // variables (el resultado i) o unidades (5 s).
    let desconocidas: BTreeSet<String> = hunspell("-l", texto, palabras)
        .lines()
        .filter(|p| p.chars().count() > 1)
        .map(String::from)
        .collect();
    if desconocidas.is_empty() {
        return Vec::new();
    }

    // Las sugerencias: en el modo `-a`, cada línea que empieza por `^` se
    // revisa sin interpretar órdenes, y cada respuesta termina con una línea
    // vacía.
    let orden: Vec<&String> = desconocidas.iter().collect();
    let consulta: String = orden.iter().map(|p| format!("^{p}\n")).collect();
    let respuesta = hunspell("-a", consulta, palabras);
    let mut sugerencias = std::collections::BTreeMap::new();
    let mut bloques = respuesta.lines().skip(1);
    for palabra in &orden {
        for resultado in bloques.by_ref() {
            if resultado.is_empty() {
                break;
            }
            if let Some((_, lista)) = resultado.split_once(": ") {
                sugerencias.insert(palabra.as_str(), lista.to_string());
            }
        }
    }

    let mut faltas = Vec::new();
    for linea in lineas {
        for palabra in &orden {
            if contiene_palabra(&linea.texto, palabra) {
                faltas.push(Falta {
                    archivo: linea.archivo.clone(),
                    numero: linea.numero,
                    palabra: palabra.to_string(),
                    sugerencias: sugerencias
                        .get(palabra.as_str())
                        .cloned()
                        .unwrap_or_default(),
                });
            }
        }
    }
    faltas
}

/// ¿Aparece `palabra` en `texto` como palabra entera (sin letras ni cifras
/// pegadas)?
fn contiene_palabra(texto: &str, palabra: &str) -> bool {
    let es_de_palabra = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    texto.match_indices(palabra).any(|(i, _)| {
        !es_de_palabra(texto[..i].chars().next_back())
            && !es_de_palabra(texto[i + palabra.len()..].chars().next())
    })
}

#[test]
fn la_prosa_del_taller_no_tiene_faltas_de_ortografia() {
    if let Err(motivo) = hunspell_disponible() {
        let obligatoria = std::env::var("TALLER_ORTOGRAFIA").as_deref() == Ok("obligatoria");
        let instalar = "En Debian o Ubuntu: apt-get install hunspell hunspell-es";
        if obligatoria {
            panic!("{motivo}: la revisión de ortografía es obligatoria aquí. {instalar}");
        }
        eprintln!("AVISO: revisión de ortografía omitida: {motivo}. {instalar}");
        return;
    }

    let faltas = revisar(&comun::prosa(), &palabras_del_taller());
    if faltas.is_empty() {
        return;
    }
    let distintas: BTreeSet<&str> = faltas.iter().map(|f| f.palabra.as_str()).collect();
    let lista: Vec<String> = faltas
        .iter()
        .map(|f| {
            let sugerencias = if f.sugerencias.is_empty() {
                String::new()
            } else {
                format!(" (¿quizá {}?)", f.sugerencias)
            };
            format!("{}:{}: «{}»{sugerencias}", f.archivo, f.numero, f.palabra)
        })
        .collect();
    panic!(
        "\n{} palabra(s) que el diccionario {DICCIONARIO} no conoce ({} distintas):\n\n  {}\n\n\
         Para cada una:\n\
         - si es una errata o le falta una tilde, corrígela en su archivo;\n\
         - si es un nombre de código (una función, un tipo, un crate, una orden), escríbelo \
           entre comillas invertidas, `así`, y no se revisa;\n\
         - si es una palabra de otro idioma citada como tal, en cursiva, *así*;\n\
         - si es un término que el taller usa como palabra (future, waker...), añádelo a \
           {PALABRAS}, una palabra por línea.\n",
        faltas.len(),
        distintas.len(),
        lista.join("\n  ")
    );
}

#[test]
fn la_lista_de_palabras_no_tiene_repetidas_ni_espacios() {
    let palabras = palabras_del_taller();
    let mut vistas = BTreeSet::new();
    for palabra in &palabras {
        assert!(
            !palabra.contains(char::is_whitespace),
            "{PALABRAS}: «{palabra}» tiene espacios; va una palabra por línea"
        );
        assert!(
            vistas.insert(palabra),
            "{PALABRAS}: «{palabra}» está repetida"
        );
    }
}

#[test]
fn hunspell_encuentra_una_falta_y_su_linea() {
    if hunspell_disponible().is_err() {
        eprintln!("AVISO: prueba omitida: no hay hunspell con el diccionario {DICCIONARIO}");
        return;
    }
    let lineas = comun::de_markdown(
        "x.md",
        "El future se sondea.\n\n`codigo_sin_tilde` y una palabra mal escrita: asincrono.\n",
    );
    let faltas = revisar(&lineas, &["future".to_string()]);
    let halladas: Vec<(usize, &str)> = faltas
        .iter()
        .map(|f| (f.numero, f.palabra.as_str()))
        .collect();
    assert_eq!(halladas, [(3, "asincrono")]);
}
