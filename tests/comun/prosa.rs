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
//! Las páginas se leen con pulldown-cmark, el analizador de Markdown que usa
//! mdBook, con sus mismas opciones: lo que se revisa es lo que ve el lector.
//! De cada página solo cuenta el texto, y de él se quita lo que no es prosa
//! en español: los bloques de código y el código en línea, las órdenes
//! `{{#include ...}}`, el HTML, los destinos de los enlaces, los
//! identificadores `{#id}` de los encabezados, las URL sueltas, el texto en
//! cursiva (en español, la cursiva marca las palabras de otro idioma:
//! *future*, *to block*), lo citado entre comillas angulares (un título o un
//! mensaje del compilador citados tal cual: «future cannot be sent between
//! threads»), la columna «En inglés» de las tablas y la sección «In English»
//! del `README.md`. Las pistas y las cadenas de Rust se leen igual, línea a
//! línea, y además sin el código que va suelto en ellas (rutas, órdenes de
//! cargo). Cada línea conserva su archivo y su número, para que un fallo diga
//! dónde está.

use std::fs;
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Una línea de prosa, con su origen.
pub struct Linea {
    /// El archivo, relativo a la raíz del repositorio.
    pub archivo: String,
    /// El número de línea, desde 1.
    pub numero: usize,
    /// El texto, ya sin código ni URL: lo que revisan el corrector y las
    /// variantes de una palabra del glosario.
    pub texto: String,
    /// El mismo texto con sus marcas, para las reglas que tienen que verlas:
    /// el código en línea entre comillas invertidas (`` `.await` ``), la
    /// cursiva entre asteriscos (`*Programming Rust*`) y lo citado entre
    /// comillas angulares, que [`sin_citas`] no quita de aquí.
    pub marcas: String,
}

impl Linea {
    fn nueva(archivo: &str, numero: usize, visible: Visible) -> Linea {
        Linea {
            archivo: archivo.to_string(),
            numero,
            texto: visible.texto,
            marcas: visible.marcas,
        }
    }

    /// ¿Queda algo que revisar en la línea?
    fn tiene_algo(&self) -> bool {
        !self.texto.trim().is_empty() || !self.marcas.trim().is_empty()
    }
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

/// Los comentarios y las cadenas con espacios del resto del código de Rust
/// del taller, que el alumno también lee aunque no sean páginas del libro:
/// los ejemplos, la biblioteca, los ejercicios y sus soluciones, el apéndice,
/// el FFI, las pruebas de la raíz y los casos de `compila/` (los errores del
/// compilador que cita el libro). Las pruebas de los ejercicios ya están en
/// [`prosa`].
pub fn codigo() -> Vec<Linea> {
    let carpetas = [
        "examples",
        "src",
        "exercises/src",
        "solutions",
        "migracion",
        "ffi",
        "tests",
        "compila",
    ];
    let mut lineas = Vec::new();
    for carpeta in carpetas {
        for archivo in archivos(&raiz().join(carpeta), "rs") {
            lineas.extend(sin_citas(de_rust(&relativa(&archivo), &leer(&archivo))));
        }
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
            linea.tiene_algo().then_some(linea)
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

/// Las opciones con las que mdBook 0.5 lee cada página (las de
/// `mdbook_markdown::new_cmark_parser` con la configuración por omisión):
/// tablas, notas al pie, tachado, listas de tareas, identificadores de
/// encabezado, puntuación tipográfica, listas de definiciones y las
/// extensiones de GitHub (los avisos `> [!NOTE]`).
fn opciones_de_mdbook() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_GFM
}

/// La prosa de una página Markdown, tal como la ve el lector en el libro.
///
/// La página se lee con pulldown-cmark, el analizador de mdBook, y de lo que
/// produce solo cuenta el texto: no el código (bloques ni en línea), ni el
/// HTML (etiquetas y comentarios), ni los destinos de los enlaces, ni los
/// `{#id}` de los encabezados. Tampoco lo que no está en español: la cursiva
/// (marca las palabras de otro idioma), la columna «En inglés» de las tablas
/// y la sección «In English». Las órdenes `{{#include ...}}` se quitan antes,
/// como hace mdBook, y las URL sueltas del texto, después.
pub fn de_markdown(archivo: &str, texto: &str) -> Vec<Linea> {
    texto_por_linea(texto, opciones_de_mdbook())
        .into_iter()
        .enumerate()
        .map(|(i, visible)| {
            let visible = Visible {
                texto: sin_urls(&visible.texto),
                marcas: sin_urls(&visible.marcas),
            };
            Linea::nueva(archivo, i + 1, visible)
        })
        .filter(Linea::tiene_algo)
        .collect()
}

/// Lo que se ve de una línea, de las dos maneras que guarda [`Linea`].
#[derive(Clone, Default)]
struct Visible {
    /// Solo la prosa.
    texto: String,
    /// La prosa con el código en línea, la cursiva y las citas marcados.
    marcas: String,
}

/// El texto visible de un Markdown, repartido por las líneas del original:
/// el elemento `i` es lo que se ve de la línea `i + 1`. Donde había algo que
/// no cuenta (un código, una cursiva, una etiqueta) queda un espacio, para
/// que las palabras de los dos lados no se junten.
fn texto_por_linea(markdown: &str, opciones: Options) -> Vec<Visible> {
    let fuente = sin_directivas(markdown);
    // El byte donde empieza cada línea: un desplazamiento se convierte en
    // línea buscando la última que empieza antes.
    let inicios: Vec<usize> = std::iter::once(0)
        .chain(fuente.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let linea_de = |byte: usize| inicios.partition_point(|&inicio| inicio <= byte) - 1;

    let mut extraccion = Extraccion {
        por_linea: vec![Visible::default(); inicios.len()],
        retenido: None,
        codigo: 0,
        cursiva: 0,
        en_ingles: None,
    };
    // La tabla actual: ¿se está en la fila de cabecera?, la columna de la
    // celda actual y la columna «En inglés», si la tiene.
    let mut en_cabecera = false;
    let mut columna = 0;
    let mut columna_en_ingles: Option<usize> = None;

    for (evento, rango) in Parser::new_ext(&fuente, opciones).into_offset_iter() {
        let linea = linea_de(rango.start);
        match evento {
            Event::Text(texto) => {
                for (k, parte) in texto.split('\n').enumerate() {
                    extraccion.anotar(linea + k, parte, parte);
                }
            }
            Event::Code(codigo) => extraccion.anotar(linea, " ", &format!(" `{codigo}` ")),
            Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::Html(_)
            | Event::InlineHtml(_)
            | Event::FootnoteReference(_) => extraccion.anotar(linea, " ", " "),
            Event::Start(Tag::CodeBlock(_)) => extraccion.codigo += 1,
            Event::End(TagEnd::CodeBlock) => extraccion.codigo -= 1,
            Event::Start(Tag::Emphasis) => {
                extraccion.anotar(linea, " ", " *");
                extraccion.cursiva += 1;
            }
            Event::End(TagEnd::Emphasis) => {
                extraccion.cursiva -= 1;
                extraccion.anotar(linea, " ", "* ");
            }
            Event::Start(Tag::Heading { level, .. }) => {
                // La sección «In English» acaba en el siguiente encabezado
                // de su nivel o de uno mayor.
                if extraccion.en_ingles.is_some_and(|nivel| level <= nivel) {
                    extraccion.en_ingles = None;
                }
                extraccion.retenido = Some(Vec::new());
            }
            Event::End(TagEnd::Heading(level)) => {
                let piezas = extraccion.retenido.take().unwrap_or_default();
                if unidas(&piezas).contains("In English") {
                    extraccion.en_ingles = Some(level);
                } else {
                    extraccion.soltar(piezas);
                }
            }
            Event::Start(Tag::Table(_)) => columna_en_ingles = None,
            Event::Start(Tag::TableHead) => {
                en_cabecera = true;
                columna = 0;
            }
            Event::End(TagEnd::TableHead) => en_cabecera = false,
            Event::Start(Tag::TableRow) => columna = 0,
            Event::Start(Tag::TableCell) => extraccion.retenido = Some(Vec::new()),
            Event::End(TagEnd::TableCell) => {
                let piezas = extraccion.retenido.take().unwrap_or_default();
                if en_cabecera && unidas(&piezas).trim() == "En inglés" {
                    columna_en_ingles = Some(columna);
                } else if columna_en_ingles != Some(columna) {
                    extraccion.soltar(piezas);
                    extraccion.anotar(linea, " ", " ");
                }
                columna += 1;
            }
            _ => {}
        }
    }
    extraccion.por_linea
}

/// Un trozo de una línea: el número de línea (desde 0), el texto y las
/// marcas.
type Pieza = (usize, String, String);

/// El estado de [`texto_por_linea`] mientras recorre los eventos.
struct Extraccion {
    /// Lo visible de cada línea, hasta ahora.
    por_linea: Vec<Visible>,
    /// Las piezas de un encabezado o de una celda de tabla, que se guardan
    /// hasta su final: solo entonces se sabe si son «In English» o «En
    /// inglés».
    retenido: Option<Vec<Pieza>>,
    /// Dentro de cuántos bloques de código y cursivas se está.
    codigo: usize,
    cursiva: usize,
    /// El nivel del encabezado «In English», dentro de esa sección.
    en_ingles: Option<HeadingLevel>,
}

impl Extraccion {
    /// Añade a la línea `linea` un trozo visible: `texto` a la prosa (si no
    /// está en cursiva) y `marcas` a la prosa con marcas.
    fn anotar(&mut self, linea: usize, texto: &str, marcas: &str) {
        if self.codigo > 0 || self.en_ingles.is_some() {
            return;
        }
        let texto = if self.cursiva > 0 { "" } else { texto };
        match &mut self.retenido {
            Some(piezas) => piezas.push((linea, texto.to_string(), marcas.to_string())),
            None => {
                self.por_linea[linea].texto.push_str(texto);
                self.por_linea[linea].marcas.push_str(marcas);
            }
        }
    }

    /// Pasa a sus líneas unas piezas que estaban retenidas.
    fn soltar(&mut self, piezas: Vec<Pieza>) {
        for (linea, texto, marcas) in piezas {
            self.por_linea[linea].texto.push_str(&texto);
            self.por_linea[linea].marcas.push_str(&marcas);
        }
    }
}

fn unidas(piezas: &[Pieza]) -> String {
    piezas
        .iter()
        .map(|(_, _, marcas)| marcas.as_str())
        .collect()
}

/// Las órdenes de mdBook (`{{#include ...}}`, `{{#rustdoc_include ...}}`),
/// cambiadas por espacios: mdBook las sustituye antes de leer el Markdown, y
/// lo que traen es código. Los saltos de línea se quedan, para que los
/// números de línea no cambien.
fn sin_directivas(texto: &str) -> String {
    let mut resultado = String::with_capacity(texto.len());
    let mut resto = texto;
    while let Some(inicio) = resto.find("{{#") {
        let Some(fin) = resto[inicio..].find("}}") else {
            break;
        };
        resultado.push_str(&resto[..inicio]);
        let orden = &resto[inicio..inicio + fin + 2];
        resultado.extend(orden.chars().map(|c| if c == '\n' { '\n' } else { ' ' }));
        resto = &resto[inicio + fin + 2..];
    }
    resultado.push_str(resto);
    resultado
}

/// Quita las URL sueltas del texto (`https://...`, `www...`): el lector las
/// ve, pero no son palabras.
fn sin_urls(texto: &str) -> String {
    texto
        .split(' ')
        .filter(|palabra| !(palabra.contains("://") || palabra.starts_with("www.")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Quita de una línea de texto (una pista de `info.toml`, un comentario o
/// una cadena de Rust) lo que no es prosa. La línea se lee como Markdown,
/// igual que una página del libro pero sin la puntuación tipográfica (la
/// terminal muestra las comillas tal cual), y de su texto se quita además el
/// código que va suelto, sin comillas invertidas: rutas, URL, órdenes.
pub fn limpiar(linea: &str) -> String {
    limpiar_con_marcas(linea).texto
}

/// Lo mismo que [`limpiar`], con las marcas también.
fn limpiar_con_marcas(linea: &str) -> Visible {
    // Sin la sangría: cuatro espacios al principio harían de la línea un
    // bloque de código.
    let lineas = texto_por_linea(
        linea.trim_start(),
        opciones_de_mdbook() - Options::ENABLE_SMART_PUNCTUATION,
    );
    let unir = |parte: fn(&Visible) -> &str| lineas.iter().map(parte).collect::<Vec<_>>().join(" ");
    Visible {
        texto: quitar_codigo_suelto(&unir(|v| &v.texto)),
        marcas: unir(|v| &v.marcas),
    }
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

// ---------------------------------------------------------------------------
// exercises/info.toml.
// ---------------------------------------------------------------------------

/// Las pistas y los comentarios de `info.toml`.
///
/// Cada pista es una cadena de varias líneas (`"""..."""` o `'''...'''`)
/// escrita en Markdown, y se lee entera como Markdown, igual que la muestra
/// la página de pistas del libro: así un bloque de código de la pista no se
/// revisa como si fuera prosa, y una cursiva o un código en línea que siguen
/// en la línea siguiente se reconocen. Se lee sin la puntuación tipográfica
/// (la terminal muestra las comillas tal cual) y sin el código que va suelto,
/// como [`limpiar`]. Cada comentario se lee solo, como una línea.
pub fn de_info_toml(archivo: &str, texto: &str) -> Vec<Linea> {
    const DELIMITADORES: [&str; 2] = ["\"\"\"", "'''"];
    let mut resultado = Vec::new();
    // La cadena abierta: su delimitador, la línea en que empieza (desde 0) y
    // lo que lleva de cada línea.
    let mut abierta: Option<(&str, usize, Vec<&str>)> = None;
    for (i, linea) in texto.lines().enumerate() {
        let mut resto = linea;
        loop {
            if let Some((delimitador, _, partes)) = &mut abierta {
                match resto.find(*delimitador) {
                    Some(fin) => {
                        partes.push(&resto[..fin]);
                        resto = &resto[fin + delimitador.len()..];
                        let (_, inicio, partes) = abierta.take().expect("hay una cadena abierta");
                        resultado.extend(de_una_pista(archivo, inicio, &partes));
                    }
                    None => {
                        partes.push(resto);
                        break;
                    }
                }
            } else if let Some(comentario) = resto.trim_start().strip_prefix('#') {
                let linea = Linea::nueva(archivo, i + 1, limpiar_con_marcas(comentario));
                if linea.tiene_algo() {
                    resultado.push(linea);
                }
                break;
            } else {
                let primera = DELIMITADORES
                    .iter()
                    .filter_map(|d| resto.find(d).map(|donde| (donde, *d)))
                    .min();
                let Some((donde, delimitador)) = primera else {
                    break;
                };
                resto = &resto[donde + delimitador.len()..];
                abierta = Some((delimitador, i, Vec::new()));
            }
        }
    }
    resultado
}

/// Las líneas de prosa de una pista, que empieza en la línea `inicio` (desde
/// 0) del archivo: `partes` es lo que la pista tiene en cada línea.
fn de_una_pista(archivo: &str, inicio: usize, partes: &[&str]) -> Vec<Linea> {
    texto_por_linea(
        &partes.join("\n"),
        opciones_de_mdbook() - Options::ENABLE_SMART_PUNCTUATION,
    )
    .into_iter()
    .enumerate()
    .map(|(k, visible)| {
        let visible = Visible {
            texto: quitar_codigo_suelto(&visible.texto),
            marcas: visible.marcas,
        };
        Linea::nueva(archivo, inicio + k + 1, visible)
    })
    .filter(Linea::tiene_algo)
    .collect()
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
        .map(|(n, texto)| {
            Linea::nueva(
                archivo,
                n + 1,
                limpiar_con_marcas(&sin_huecos_de_formato(&texto)),
            )
        })
        .filter(Linea::tiene_algo)
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
