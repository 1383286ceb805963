//! La prosa del taller: lo que lee el alumno, sin el código.
//!
//! Dos pruebas leen lo mismo con ojos distintos: `tests/glosario.rs` busca
//! variantes de los términos del glosario y `tests/ortografia.rs` pasa el
//! corrector de hunspell. Las dos tienen que ver exactamente el mismo texto, y
//! por eso lo extraen aquí, una sola vez:
//!
//! - cada página del libro (`book/src/**/*.md`) y el `README.md`;
//! - las pistas y los comentarios de `exercises/info.toml`;
//! - los mensajes de las pruebas de los ejercicios, las que ve el alumno:
//!   las cadenas con espacios (las que no los tienen son datos: una ruta, un
//!   hash, un nombre) y los comentarios de `exercises/tests/*.rs`.
//!
//! De cada línea se quita lo que no es prosa en español: los bloques de
//! código y el código en línea (entre comillas invertidas), las órdenes
//! `{{#include ...}}`, las URL y los destinos de los enlaces, las etiquetas
//! HTML, los identificadores `{#id}` de los encabezados, el texto en cursiva
//! (en español, la cursiva marca las palabras de otro idioma: *future*,
//! *to block*), lo citado entre comillas angulares (un título o un mensaje
//! del compilador citados tal cual: «future cannot be sent between
//! threads»), la columna «En inglés» de las tablas y la sección «In English»
//! del `README.md`. Cada línea conserva su archivo y su número, para que un
//! fallo diga dónde está.

use std::fs;
use std::path::{Path, PathBuf};

/// Una línea de prosa, con su origen.
pub struct Linea {
    /// El archivo, relativo a la raíz del repositorio.
    pub archivo: String,
    /// El número de línea, desde 1.
    pub numero: usize,
    /// El texto, ya sin código ni URL.
    pub texto: String,
}

/// La raíz del repositorio.
pub fn raiz() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Toda la prosa del taller, en un orden estable.
pub fn prosa() -> Vec<Linea> {
    let mut lineas = Vec::new();
    let mut paginas = archivos(&raiz().join("book/src"), "md");
    paginas.push(raiz().join("README.md"));
    for pagina in paginas {
        lineas.extend(sin_citas(de_markdown(&relativa(&pagina), &leer(&pagina))));
    }
    let info = raiz().join("exercises/info.toml");
    lineas.extend(sin_citas(de_info_toml(&relativa(&info), &leer(&info))));
    for prueba in archivos(&raiz().join("exercises/tests"), "rs") {
        lineas.extend(sin_citas(de_rust(&relativa(&prueba), &leer(&prueba))));
    }
    lineas
}

/// Quita lo citado entre «comillas angulares», aunque la cita empiece en una
/// línea y termine en otra. Las líneas son las de un solo archivo, en orden.
pub fn sin_citas(lineas: Vec<Linea>) -> Vec<Linea> {
    let mut dentro = false;
    lineas
        .into_iter()
        .filter_map(|mut linea| {
            let mut texto = String::new();
            for c in linea.texto.chars() {
                match c {
                    '«' => dentro = true,
                    '»' => {
                        dentro = false;
                        texto.push(' ');
                    }
                    _ if !dentro => texto.push(c),
                    _ => {}
                }
            }
            linea.texto = texto;
            (!linea.texto.trim().is_empty()).then_some(linea)
        })
        .collect()
}

fn leer(ruta: &Path) -> String {
    fs::read_to_string(ruta).unwrap_or_else(|e| panic!("no se pudo leer {}: {e}", relativa(ruta)))
}

/// Una ruta relativa a la raíz, con `/`.
pub fn relativa(ruta: &Path) -> String {
    ruta.strip_prefix(raiz())
        .unwrap_or(ruta)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Los archivos con esa extensión bajo `carpeta`, en cualquier subcarpeta,
/// ordenados.
fn archivos(carpeta: &Path, extension: &str) -> Vec<PathBuf> {
    let mut encontrados = Vec::new();
    let mut pendientes = vec![carpeta.to_path_buf()];
    while let Some(actual) = pendientes.pop() {
        let Ok(entradas) = fs::read_dir(&actual) else {
            continue;
        };
        for entrada in entradas.flatten() {
            let ruta = entrada.path();
            if ruta.is_dir() {
                pendientes.push(ruta);
            } else if ruta.extension().is_some_and(|e| e == extension) {
                encontrados.push(ruta);
            }
        }
    }
    encontrados.sort();
    encontrados
}

// ---------------------------------------------------------------------------
// Markdown.
// ---------------------------------------------------------------------------

/// La prosa de una página Markdown.
pub fn de_markdown(archivo: &str, texto: &str) -> Vec<Linea> {
    let mut resultado = Vec::new();
    // La valla que abrió el bloque de código actual: carácter y longitud.
    let mut valla: Option<(char, usize)> = None;
    let mut en_comentario = false;
    // Dentro de «## In English» (con su nivel), hasta el siguiente encabezado
    // de ese nivel o mayor.
    let mut en_ingles: Option<usize> = None;
    // La columna «En inglés» de la tabla actual, si la tiene.
    let mut columna_en_ingles: Option<usize> = None;
    // Un código en línea o una cursiva que empezó en una línea anterior del
    // párrafo y todavía no se ha cerrado.
    let mut codigo_abierto = false;
    let mut cursiva_abierta = false;

    for (i, linea) in texto.lines().enumerate() {
        let recortada = linea.trim_start();

        // Bloques de código.
        let delimitador = ['`', '~'].into_iter().find_map(|c| {
            let n = recortada.chars().take_while(|&x| x == c).count();
            (n >= 3).then_some((c, n))
        });
        match (valla, delimitador) {
            (None, Some(d)) => {
                valla = Some(d);
                continue;
            }
            (Some((c, n)), Some((c2, n2))) if c == c2 && n2 >= n => {
                valla = None;
                continue;
            }
            (Some(_), _) => continue,
            _ => {}
        }

        // Comentarios HTML, quizá de varias líneas.
        let mut linea = linea.to_string();
        if en_comentario {
            match linea.find("-->") {
                Some(fin) => {
                    linea = linea[fin + 3..].to_string();
                    en_comentario = false;
                }
                None => continue,
            }
        }
        while let Some(inicio) = linea.find("<!--") {
            match linea[inicio..].find("-->") {
                Some(fin) => linea.replace_range(inicio..inicio + fin + 3, " "),
                None => {
                    linea.truncate(inicio);
                    en_comentario = true;
                }
            }
        }

        // Encabezados: la sección «In English» no se revisa.
        let almohadillas = recortada.chars().take_while(|&c| c == '#').count();
        if (1..=6).contains(&almohadillas) && recortada[almohadillas..].starts_with(' ') {
            if en_ingles.is_some_and(|nivel| almohadillas <= nivel) {
                en_ingles = None;
            }
            if recortada.contains("In English") {
                en_ingles = Some(almohadillas);
            }
        }
        if en_ingles.is_some() {
            continue;
        }

        // Tablas: sin la columna «En inglés».
        if linea.trim_start().starts_with('|') {
            let celdas: Vec<&str> = linea.split('|').collect();
            if let Some(j) = celdas.iter().position(|c| c.trim() == "En inglés") {
                columna_en_ingles = Some(j);
            }
            if let Some(j) = columna_en_ingles {
                linea = celdas
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| *k != j)
                    .map(|(_, c)| *c)
                    .collect::<Vec<_>>()
                    .join("|");
            }
        } else {
            columna_en_ingles = None;
        }

        // Un código en línea puede partirse entre dos líneas del mismo
        // párrafo: `así
        // partido`.
        if linea.trim().is_empty() {
            codigo_abierto = false;
            cursiva_abierta = false;
        }
        if codigo_abierto {
            match linea.find('`') {
                Some(fin) => {
                    linea.replace_range(..=fin, " ");
                    codigo_abierto = false;
                }
                None => continue,
            }
        }
        if let Some(inicio) = codigo_sin_cerrar(&linea) {
            linea.truncate(inicio);
            codigo_abierto = true;
        }
        // Lo mismo con la cursiva, ya sin el código (un `*` dentro del código
        // no abre nada).
        let mut linea = sin_codigo_en_linea(&linea);
        if cursiva_abierta {
            match cierre_de_cursiva(&linea, 0) {
                Some(fin) => {
                    linea.replace_range(..=fin, " ");
                    cursiva_abierta = false;
                }
                None => continue,
            }
        }
        if let Some(inicio) = cursiva_sin_cerrar(&linea) {
            linea.truncate(inicio);
            cursiva_abierta = true;
        }

        let limpia = limpiar(&linea);
        if !limpia.trim().is_empty() {
            resultado.push(Linea {
                archivo: archivo.to_string(),
                numero: i + 1,
                texto: limpia,
            });
        }
    }
    resultado
}

/// Dónde empieza un código en línea de una sola comilla invertida que no se
/// cierra en esta línea, si lo hay.
fn codigo_sin_cerrar(linea: &str) -> Option<usize> {
    let mut abierto: Option<(usize, usize)> = None;
    let bytes = linea.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let n = bytes[i..].iter().take_while(|&&b| b == b'`').count();
            match abierto {
                None => abierto = Some((i, n)),
                Some((_, m)) if m == n => abierto = None,
                Some(_) => {}
            }
            i += n;
        } else {
            i += 1;
        }
    }
    abierto.filter(|&(_, n)| n == 1).map(|(inicio, _)| inicio)
}

/// Quita de una línea lo que no es prosa: código en línea, inclusiones,
/// URL, destinos de enlaces, etiquetas HTML, `{#id}` y cursivas.
pub fn limpiar(linea: &str) -> String {
    let mut texto = sin_codigo_en_linea(linea);
    texto = quitar_entre(&texto, "{{", "}}");
    texto = quitar_entre(&texto, "{#", "}");
    // Destinos de enlaces e imágenes: `](destino)`; se queda el texto.
    while let Some(inicio) = texto.find("](") {
        let fin = texto[inicio..]
            .find(')')
            .map_or(texto.len(), |f| inicio + f + 1);
        texto.replace_range(inicio..fin, "]");
    }
    // Definiciones de referencias: `[etiqueta]: destino`.
    if texto.trim_start().starts_with('[') && texto.contains("]: ") {
        texto.clear();
    }
    texto = quitar_codigo_suelto(&texto);
    texto = quitar_etiquetas_html(&texto);
    texto = sin_cursivas(&texto);
    texto
}

/// Quita el código en línea, con cualquier número de comillas invertidas.
fn sin_codigo_en_linea(texto: &str) -> String {
    let mut resultado = String::new();
    let mut resto = texto;
    while let Some(inicio) = resto.find('`') {
        resultado.push_str(&resto[..inicio]);
        let comillas = resto[inicio..].chars().take_while(|&c| c == '`').count();
        let despues = &resto[inicio + comillas..];
        match despues.find(&"`".repeat(comillas)) {
            Some(fin) => {
                resultado.push(' ');
                resto = &despues[fin + comillas..];
            }
            None => {
                resto = despues;
                break;
            }
        }
    }
    resultado.push_str(resto);
    resultado
}

/// Quita lo que va de `abre` a `cierra`, ambos incluidos.
fn quitar_entre(texto: &str, abre: &str, cierra: &str) -> String {
    let mut texto = texto.to_string();
    while let Some(inicio) = texto.find(abre) {
        match texto[inicio + abre.len()..].find(cierra) {
            Some(fin) => texto.replace_range(inicio..inicio + abre.len() + fin + cierra.len(), " "),
            None => break,
        }
    }
    texto
}

/// Quita el código que va suelto, sin comillas invertidas (sobre todo en los
/// mensajes de las pruebas): las URL y direcciones (`https://...`,
/// `127.0.0.1:8080`, `example.com`), las rutas (`exercises/src/x.rs`), los
/// nombres de código (`cheapo_request`, `task::spawn`, `Ok(true)`,
/// `&password`) y las órdenes de cargo (`cargo run -- pista 1`, hasta el
/// final de la frase).
fn quitar_codigo_suelto(texto: &str) -> String {
    let mut resultado = Vec::new();
    let mut en_orden = false;
    for palabra in texto.split(' ') {
        if en_orden {
            // La orden sigue hasta una palabra que cierra la frase.
            en_orden = !palabra.ends_with([',', ';', ')', '.', '»', ':']);
            continue;
        }
        if palabra == "cargo" {
            en_orden = true;
            continue;
        }
        let llamada = palabra.char_indices().any(|(i, c)| {
            c == '('
                && palabra[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        });
        let es_codigo = palabra.contains("://")
            || palabra.starts_with("www.")
            || palabra.contains(".com")
            || palabra.contains(".org")
            || palabra.chars().filter(|&c| c == '.').count() >= 3
                && palabra.chars().any(|c| c.is_ascii_digit())
            || palabra.contains(['_', '/', '&', '=', '|', '\\'])
            || palabra.contains("::")
            || palabra.starts_with("--")
            || llamada
            || [".rs", ".md", ".toml", ".txt", ".svg"].iter().any(|e| {
                palabra
                    .trim_end_matches(['.', ',', ';', ':', ')'])
                    .ends_with(e)
            });
        if !es_codigo {
            resultado.push(palabra);
        }
    }
    resultado.join(" ")
}

/// Quita las etiquetas HTML (`<br>`, `<span class="x">`), pero no un `<` o
/// un `>` sueltos.
fn quitar_etiquetas_html(texto: &str) -> String {
    let mut resultado = String::new();
    let mut resto = texto;
    while let Some(inicio) = resto.find('<') {
        let despues = &resto[inicio + 1..];
        let es_etiqueta = despues
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/');
        match (es_etiqueta, despues.find('>')) {
            (true, Some(fin)) => {
                resultado.push_str(&resto[..inicio]);
                resultado.push(' ');
                resto = &despues[fin + 1..];
            }
            _ => {
                resultado.push_str(&resto[..=inicio]);
                resto = despues;
            }
        }
    }
    resultado.push_str(resto);
    resultado
}

/// ¿Abre una cursiva el `*` en la posición `i` (en bytes)? Sí si es simple
/// (no parte de `**`) y lo sigue algo que no es un espacio.
fn abre_cursiva(texto: &str, i: usize) -> bool {
    let bytes = texto.as_bytes();
    bytes[i] == b'*'
        && (i == 0 || bytes[i - 1] != b'*')
        && bytes
            .get(i + 1)
            .is_some_and(|&b| b != b'*' && !b.is_ascii_whitespace())
}

/// La posición (en bytes) del `*` que cierra una cursiva, desde `desde`: uno
/// simple tras algo que no es un espacio.
fn cierre_de_cursiva(texto: &str, desde: usize) -> Option<usize> {
    let bytes = texto.as_bytes();
    (desde..bytes.len()).find(|&j| {
        bytes[j] == b'*'
            && bytes.get(j + 1) != Some(&b'*')
            && (j == 0 || (bytes[j - 1] != b'*' && !bytes[j - 1].is_ascii_whitespace()))
    })
}

/// Dónde empieza una cursiva que no se cierra en esta línea, si la hay.
fn cursiva_sin_cerrar(texto: &str) -> Option<usize> {
    let mut i = 0;
    while i < texto.len() {
        if abre_cursiva(texto, i) {
            match cierre_de_cursiva(texto, i + 1) {
                Some(fin) => i = fin + 1,
                None => return Some(i),
            }
        } else {
            i += 1;
        }
    }
    None
}

/// Quita el texto en cursiva (`*así*`); conserva el de la negrita
/// (`**así**`) y los asteriscos de las listas.
fn sin_cursivas(texto: &str) -> String {
    let caracteres: Vec<char> = texto.chars().collect();
    let mut resultado = String::new();
    let mut i = 0;
    while i < caracteres.len() {
        let c = caracteres[i];
        if c == '*' && caracteres.get(i + 1) == Some(&'*') {
            // Negrita: se quitan los asteriscos y se deja el texto.
            i += 2;
            continue;
        }
        let abre = c == '*'
            && caracteres
                .get(i + 1)
                .is_some_and(|s| !s.is_whitespace() && *s != '*');
        if abre {
            // Busca el asterisco que cierra: simple, tras algo que no es
            // espacio.
            let cierre = (i + 1..caracteres.len()).find(|&j| {
                caracteres[j] == '*'
                    && !caracteres[j - 1].is_whitespace()
                    && caracteres.get(j + 1) != Some(&'*')
                    && (j == 0 || caracteres[j - 1] != '*')
            });
            if let Some(j) = cierre {
                resultado.push(' ');
                i = j + 1;
                continue;
            }
        }
        resultado.push(c);
        i += 1;
    }
    resultado
}

// ---------------------------------------------------------------------------
// exercises/info.toml.
// ---------------------------------------------------------------------------

/// Las pistas (cadenas de varias líneas) y los comentarios de `info.toml`.
pub fn de_info_toml(archivo: &str, texto: &str) -> Vec<Linea> {
    let mut resultado = Vec::new();
    let mut en_pista = false;
    for (i, linea) in texto.lines().enumerate() {
        let mut prosa = None;
        if en_pista {
            if let Some(fin) = linea.find("\"\"\"") {
                prosa = Some(&linea[..fin]);
                en_pista = false;
            } else {
                prosa = Some(linea);
            }
        } else if let Some(comentario) = linea.trim_start().strip_prefix('#') {
            prosa = Some(comentario);
        } else if let Some((_, valor)) = linea.split_once("= \"\"\"") {
            prosa = Some(valor);
            en_pista = !valor.contains("\"\"\"");
        }
        if let Some(prosa) = prosa {
            let limpia = limpiar(prosa);
            if !limpia.trim().is_empty() {
                resultado.push(Linea {
                    archivo: archivo.to_string(),
                    numero: i + 1,
                    texto: limpia,
                });
            }
        }
    }
    resultado
}

// ---------------------------------------------------------------------------
// Rust: cadenas y comentarios.
// ---------------------------------------------------------------------------

/// Las cadenas literales con algún espacio y los comentarios de un archivo
/// de Rust, línea a línea. De las cadenas se quitan los huecos de formato
/// (`{nombre}`, `{:?}`) y los escapes (`\n`).
pub fn de_rust(archivo: &str, texto: &str) -> Vec<Linea> {
    let mut por_linea: Vec<String> = vec![String::new(); texto.lines().count() + 1];
    let caracteres: Vec<char> = texto.chars().collect();
    let mut linea = 0;
    let mut i = 0;
    // Dentro de un bloque de código de un comentario de documentación.
    let mut codigo_en_comentario = false;
    while i < caracteres.len() {
        let c = caracteres[i];
        match c {
            '\n' => {
                linea += 1;
                i += 1;
            }
            '/' if caracteres.get(i + 1) == Some(&'/') => {
                // Un comentario: hasta el final de la línea.
                let fin = (i..caracteres.len())
                    .find(|&j| caracteres[j] == '\n')
                    .unwrap_or(caracteres.len());
                let comentario: String = caracteres[i..fin].iter().collect();
                let comentario = comentario.trim_start_matches('/').trim_start_matches('!');
                if comentario.trim_start().starts_with("```") {
                    codigo_en_comentario = !codigo_en_comentario;
                } else if !codigo_en_comentario {
                    por_linea[linea].push(' ');
                    por_linea[linea].push_str(comentario);
                }
                i = fin;
            }
            '\'' => {
                // Un carácter (`'"'`) o un tiempo de vida (`'static`): se
                // salta el carácter si lo es, para no confundir `'"'` con el
                // principio de una cadena.
                if caracteres.get(i + 2) == Some(&'\'') {
                    i += 3;
                } else if caracteres.get(i + 1) == Some(&'\\') {
                    let fin = (i + 2..caracteres.len())
                        .find(|&j| caracteres[j] == '\'')
                        .unwrap_or(caracteres.len());
                    i = fin + 1;
                } else {
                    i += 1;
                }
            }
            'r' if !es_identificador(caracteres.get(i.wrapping_sub(1)).copied())
                && matches!(caracteres.get(i + 1), Some('"' | '#')) =>
            {
                // Una cadena cruda: r"..." o r#"..."#.
                let almohadillas = caracteres[i + 1..]
                    .iter()
                    .take_while(|&&c| c == '#')
                    .count();
                let inicio = i + 1 + almohadillas;
                if caracteres.get(inicio) != Some(&'"') {
                    i += 1;
                    continue;
                }
                let cierre: Vec<char> = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', almohadillas))
                    .collect();
                let mut j = inicio + 1;
                while j < caracteres.len() && !caracteres[j..].starts_with(&cierre) {
                    if caracteres[j] == '\n' {
                        linea += 1;
                    } else {
                        por_linea[linea].push(caracteres[j]);
                    }
                    j += 1;
                }
                por_linea[linea].push(' ');
                i = j + cierre.len();
            }
            '"' => {
                // Una cadena normal, quizá de varias líneas. Solo es prosa si
                // tiene algún espacio: sin espacios es un dato (una ruta, un
                // hash, un nombre, `{:?}`).
                let mut fin = i + 1;
                while fin < caracteres.len() && caracteres[fin] != '"' {
                    fin += if caracteres[fin] == '\\' { 2 } else { 1 };
                }
                let fin = fin.min(caracteres.len());
                // Un `b"..."` o un `"...".as_bytes()` también son datos.
                let de_bytes = i > 0
                    && caracteres[i - 1] == 'b'
                    && !es_identificador(caracteres.get(i.wrapping_sub(2)).copied());
                let despues: String = caracteres[(fin + 1).min(caracteres.len())..]
                    .iter()
                    .take(11)
                    .collect();
                let sin_espacios = !caracteres[i + 1..fin]
                    .iter()
                    .any(|&c| c == ' ' || c == '\n');
                if sin_espacios || de_bytes || despues == ".as_bytes()" {
                    i = fin + 1;
                    continue;
                }
                let mut j = i + 1;
                while j < caracteres.len() && caracteres[j] != '"' {
                    match caracteres[j] {
                        '\\' => {
                            // Un escape: `\n`, `\"`, `\\`, `\u{...}`, o la
                            // barra al final de la línea que la continúa.
                            let siguiente = caracteres.get(j + 1).copied();
                            match siguiente {
                                Some('\n') => {
                                    linea += 1;
                                    j += 2;
                                }
                                Some('u') => {
                                    j = (j..caracteres.len())
                                        .find(|&k| caracteres[k] == '}')
                                        .map_or(caracteres.len(), |k| k + 1);
                                }
                                _ => {
                                    por_linea[linea].push(' ');
                                    j += 2;
                                }
                            }
                        }
                        '\n' => {
                            linea += 1;
                            j += 1;
                        }
                        otro => {
                            por_linea[linea].push(otro);
                            j += 1;
                        }
                    }
                }
                por_linea[linea].push(' ');
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    por_linea
        .into_iter()
        .enumerate()
        .filter_map(|(n, texto)| {
            let texto = limpiar(&sin_huecos_de_formato(&texto));
            (!texto.trim().is_empty()).then(|| Linea {
                archivo: archivo.to_string(),
                numero: n + 1,
                texto,
            })
        })
        .collect()
}

fn es_identificador(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// Quita los huecos de `format!` (`{}`, `{nombre}`, `{:?}`, `{0:>5}`) y lo
/// que va entre llaves escapadas (`{{ campo, otro }}`), que es código.
fn sin_huecos_de_formato(texto: &str) -> String {
    let texto = quitar_entre(texto, "{{", "}}");
    quitar_entre(&texto, "{", "}")
}

// ---------------------------------------------------------------------------
// Palabras.
// ---------------------------------------------------------------------------

/// Las palabras de una línea de prosa, en minúsculas, con su posición (en
/// caracteres). Una palabra es una secuencia de letras (con tildes y ñ).
pub fn palabras(texto: &str) -> Vec<(usize, String)> {
    let mut resultado = Vec::new();
    let mut actual = String::new();
    let mut inicio = 0;
    for (i, c) in texto.chars().enumerate() {
        if c.is_alphabetic() {
            if actual.is_empty() {
                inicio = i;
            }
            actual.extend(c.to_lowercase());
        } else if !actual.is_empty() {
            resultado.push((inicio, std::mem::take(&mut actual)));
        }
    }
    if !actual.is_empty() {
        resultado.push((inicio, actual));
    }
    resultado
}
