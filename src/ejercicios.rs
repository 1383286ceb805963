//! La lista de ejercicios, leída de `exercises/info.toml`.
//!
//! Como el `info.toml` de rustlings, un solo archivo dice qué ejercicios hay,
//! en qué orden, qué archivo se edita, qué pruebas lo comprueban, qué
//! capítulo lo explica y cuáles son sus pistas. La herramienta `taller` (y las
//! pruebas que vigilan que el libro y los ejercicios concuerden) lo leen de
//! aquí, así que nada de eso se repite en otro sitio.

use std::path::Path;

use serde::Deserialize;

/// El contenido de `exercises/info.toml`, incluido al compilar.
pub const INFO_TOML: &str = include_str!("../exercises/info.toml");

/// Un ejercicio del taller.
#[derive(Debug, Clone, Deserialize)]
pub struct Ejercicio {
    /// El nombre corto, igual al del ejemplo y al del módulo: `cheapo_request`.
    pub nombre: String,
    /// El archivo que edita el alumno, relativo a la raíz del repositorio.
    pub archivo: String,
    /// El archivo de pruebas, relativo a la raíz; su nombre sin `.rs` es el
    /// objetivo de `cargo test -p exercises --test ...`.
    pub pruebas: String,
    /// El capítulo del libro que lo explica, relativo a la raíz.
    pub capitulo: String,
    /// Las pistas, en niveles: de la idea, al camino, a casi el código (dos
    /// o tres). `cargo run -- pista NOMBRE` da la primera y
    /// `cargo run -- pista NOMBRE 2` (o 3) las siguientes; `book/src/pistas.md`
    /// las muestra todas, plegadas, y se genera de aquí con
    /// `cargo run -- pistas-md` (ver [`pistas_md`]).
    pub pistas: Vec<String>,
    /// Las etapas de un ejercicio largo (el proyecto final, `chat_tokio`), en
    /// orden; vacío en los demás. Cada etapa es un módulo de pruebas con su
    /// nombre, así que sus pruebas se llaman `etapa::prueba`; su sección del
    /// capítulo es la que nombra la etapa entre comillas invertidas. Ver
    /// [`Ejercicio::etapas_de`].
    #[serde(default)]
    pub etapas: Vec<String>,
}

impl Ejercicio {
    /// El nombre del objetivo de pruebas: `cheapo_request`.
    pub fn objetivo_de_pruebas(&self) -> &str {
        let archivo = self.pruebas.rsplit('/').next().unwrap_or(&self.pruebas);
        archivo.strip_suffix(".rs").unwrap_or(archivo)
    }

    /// La orden que corre sus pruebas.
    pub fn orden_de_pruebas(&self) -> String {
        format!(
            "cargo test -p exercises --test {}",
            self.objetivo_de_pruebas()
        )
    }
}

/// Cómo va una etapa, según los resultados de sus pruebas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Etapa {
    /// Su nombre, que es el del módulo de sus pruebas.
    pub nombre: String,
    /// Cuántas pruebas tiene y cuántas pasan.
    pub pruebas: usize,
    pub pasan: usize,
}

impl Etapa {
    /// Resuelta: tiene pruebas y pasan todas.
    pub fn resuelta(&self) -> bool {
        self.pruebas > 0 && self.pasan == self.pruebas
    }
}

impl Ejercicio {
    /// Cada etapa, en orden, con cuántas de sus pruebas pasan, a partir de
    /// los resultados de una corrida (`(nombre, "ok" | "FAILED" | ...)`, como
    /// los escribe libtest). Una prueba es de la etapa `e` si se llama
    /// `e::algo`. Una etapa sin pruebas en la corrida (no compiló, o se
    /// filtró) no está resuelta.
    pub fn etapas_de(&self, resultados: &[(String, String)]) -> Vec<Etapa> {
        self.etapas
            .iter()
            .map(|nombre| {
                let prefijo = format!("{nombre}::");
                let suyas: Vec<&(String, String)> = resultados
                    .iter()
                    .filter(|(prueba, _)| prueba.starts_with(&prefijo))
                    .collect();
                Etapa {
                    nombre: nombre.clone(),
                    pruebas: suyas.len(),
                    pasan: suyas.iter().filter(|(_, r)| r == "ok").count(),
                }
            })
            .collect()
    }

    /// La orden que corre solo las pruebas de una etapa.
    pub fn orden_de_la_etapa(&self, etapa: &str) -> String {
        format!("{} {etapa}", self.orden_de_pruebas())
    }

    /// La sección del capítulo que presenta la etapa: el primer encabezado
    /// que nombra la etapa entre comillas invertidas.
    pub fn seccion_de_la_etapa(&self, raiz: &Path, etapa: &str) -> Option<Encabezado> {
        let texto = std::fs::read_to_string(raiz.join(&self.capitulo)).ok()?;
        let nombrada = format!("`{etapa}`");
        encabezados(&texto)
            .into_iter()
            .find(|e| e.nivel > 1 && e.texto.contains(&nombrada))
    }
}

#[derive(Deserialize)]
struct Info {
    ejercicio: Vec<Ejercicio>,
}

/// Todos los ejercicios, en el orden en que se resuelven.
pub fn todos() -> Vec<Ejercicio> {
    let info: Info = toml::from_str(INFO_TOML)
        .unwrap_or_else(|e| panic!("exercises/info.toml no es un TOML válido: {e}"));
    info.ejercicio
}

/// El ejercicio número `n` (contando desde 1) o con ese nombre.
pub fn buscar(n_o_nombre: &str) -> Option<Ejercicio> {
    let todos = todos();
    if let Ok(n) = n_o_nombre.parse::<usize>() {
        return n.checked_sub(1).and_then(|i| todos.get(i).cloned());
    }
    todos.into_iter().find(|e| e.nombre == n_o_nombre)
}

// ---------------------------------------------------------------------------
// Sus archivos: el esbozo, la copia con la que se reinicia y la solución.
// ---------------------------------------------------------------------------

impl Ejercicio {
    /// Lo que es del ejercicio dentro de `exercises/src/`: el archivo que
    /// edita el alumno (`cheapo_request.rs`) o, si ese archivo vive en una
    /// carpeta (un ejercicio de varios archivos, `chat/mod.rs`), la carpeta
    /// entera (`chat`). Es lo que `cargo run -- reiniciar` devuelve a como
    /// venía, y lo que `cargo run -- solución` busca en `solutions/src/`.
    /// `None` si `archivo` no está dentro de `exercises/src/`.
    pub fn entrada_en_src(&self) -> Option<&str> {
        let resto = self.archivo.strip_prefix("exercises/src/")?;
        resto.split('/').next().filter(|e| !e.is_empty())
    }

    /// El esbozo entero, relativo a la raíz: `exercises/src/cheapo_request.rs`
    /// (o la carpeta, `exercises/src/chat`).
    pub fn esbozo(&self) -> Option<String> {
        Some(format!("exercises/src/{}", self.entrada_en_src()?))
    }

    /// La copia del esbozo tal como se entrega, relativa a la raíz:
    /// `exercises/originales/cheapo_request.rs` (o la carpeta,
    /// `exercises/originales/chat`). De ahí lo restaura
    /// `cargo run -- reiniciar`, y no de la historia de git, que el alumno
    /// puede haber reescrito; `cargo test --test taller` comprueba que cada
    /// copia sea igual a su esbozo.
    pub fn original(&self) -> Option<String> {
        Some(format!("exercises/originales/{}", self.entrada_en_src()?))
    }

    /// La solución, relativa a la raíz: `solutions/src/cheapo_request.rs` (o
    /// la carpeta, `solutions/src/chat`).
    pub fn solucion(&self) -> Option<String> {
        Some(format!("solutions/src/{}", self.entrada_en_src()?))
    }
}

// ---------------------------------------------------------------------------
// Las pistas, por niveles, y la página del libro que las muestra.
// ---------------------------------------------------------------------------

impl Ejercicio {
    /// Cómo se llama el nivel `nivel` (desde 1) de sus pistas: la primera da
    /// la idea, la última casi el código y, si hay tres, la del medio el
    /// camino.
    pub fn nombre_del_nivel(&self, nivel: usize) -> &'static str {
        match nivel {
            1 => "la idea",
            n if n == self.pistas.len() => "casi el código",
            _ => "el camino",
        }
    }

    /// El capítulo, relativo a `book/src/`: como se enlaza desde otra página
    /// del libro.
    pub fn capitulo_en_el_libro(&self) -> &str {
        self.capitulo
            .strip_prefix("book/src/")
            .unwrap_or(&self.capitulo)
    }

    /// El título del capítulo (su primer encabezado `# ...`), leído de su
    /// archivo bajo `raiz`, la raíz del repositorio.
    pub fn titulo_del_capitulo(&self, raiz: &Path) -> Option<String> {
        let texto = std::fs::read_to_string(raiz.join(&self.capitulo)).ok()?;
        encabezados(&texto)
            .into_iter()
            .find(|e| e.nivel == 1)
            .map(|e| e.texto)
    }

    /// La sección del capítulo que presenta el ejercicio (la que empieza por
    /// «Ejercicio `nombre`»), con su identificador en la página.
    pub fn seccion_del_capitulo(&self, raiz: &Path) -> Option<Encabezado> {
        let texto = std::fs::read_to_string(raiz.join(&self.capitulo)).ok()?;
        let prefijo = format!("Ejercicio `{}`", self.nombre);
        encabezados(&texto).into_iter().find(|e| {
            e.nivel > 1
                && e.texto.strip_prefix(&prefijo).is_some_and(|resto| {
                    resto.is_empty() || resto.starts_with(':') || resto.starts_with(' ')
                })
        })
    }
}

/// Un encabezado de una página del libro.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encabezado {
    /// 1 para `#`, 2 para `##`...
    pub nivel: usize,
    /// El texto tal como está en el Markdown, sin las almohadillas ni el
    /// `{#id}` del final.
    pub texto: String,
    /// El identificador que le da mdBook: el `{#id}` si lo tiene; si no, el
    /// que mdBook genera a partir del texto.
    pub id: String,
}

/// Los encabezados `#` de un Markdown, fuera de los bloques de código.
fn encabezados(markdown: &str) -> Vec<Encabezado> {
    let mut en_codigo = false;
    let mut resultado = Vec::new();
    for linea in markdown.lines() {
        let recortada = linea.trim_start();
        if recortada.starts_with("```") || recortada.starts_with("~~~") {
            en_codigo = !en_codigo;
            continue;
        }
        if en_codigo {
            continue;
        }
        let nivel = recortada.chars().take_while(|&c| c == '#').count();
        let resto = &recortada[nivel..];
        if !(1..=6).contains(&nivel) || !resto.starts_with(' ') {
            continue;
        }
        let mut texto = resto.trim().trim_end_matches('#').trim_end().to_string();
        let mut id = None;
        if texto.ends_with('}')
            && let Some(abre) = texto.rfind("{#")
        {
            id = Some(texto[abre + 2..texto.len() - 1].trim().to_string());
            texto = texto[..abre].trim_end().to_string();
        }
        let id = id.unwrap_or_else(|| id_de_mdbook(&texto));
        resultado.push(Encabezado { nivel, texto, id });
    }
    resultado
}

/// El identificador que mdBook 0.5 da a un encabezado sin `{#id}`: su texto
/// visible en minúsculas, con guiones en lugar de espacios y sin signos (la
/// función `id_from_content` de `mdbook-html`). Las marcas de Markdown que
/// usan los encabezados del libro (el código en línea y la cursiva) no
/// forman parte del texto visible.
fn id_de_mdbook(texto: &str) -> String {
    texto
        .replace(['`', '*'], "")
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| {
            if c.is_alphanumeric() || c == '_' || c == '-' {
                Some(c)
            } else if c.is_whitespace() {
                Some('-')
            } else {
                None
            }
        })
        .collect()
}

/// La página `book/src/pistas.md`, generada de `exercises/info.toml`: una
/// sección por ejercicio, con su número (su posición en la lista) y el
/// ancla `{#nombre}`, y cada nivel de pista plegado en un `<details>`. Lee
/// de `raiz` (la raíz del repositorio) el título y la sección de cada
/// capítulo, para enlazarlos.
///
/// La escribe `cargo run -- pistas-md`; `cargo test --test libro` falla si
/// la del repositorio no es la que sale de aquí.
pub fn pistas_md(raiz: &Path) -> String {
    let mut md = String::new();
    md.push_str(
        "<!-- Generado de exercises/info.toml con `cargo run -- pistas-md`: no lo edites\n\
         a mano; edita info.toml y vuelve a generarlo. -->\n\n",
    );
    md.push_str("# Pistas de los ejercicios\n\n");
    md.push_str(&parrafo(
        "Cada ejercicio tiene dos o tres pistas, de menos a más: la primera da la \
         idea, la siguiente el camino y la última casi el código. Ábrelas de una en \
         una, y la siguiente solo si con la anterior no te basta. Antes de abrir la \
         primera, lee con calma el fallo de las pruebas: casi siempre dice qué se \
         esperaba, qué llegó y por dónde mirar.",
    ));
    md.push_str(&parrafo(
        "Las mismas pistas se piden desde la terminal, por el nombre del ejercicio \
         o por su número:",
    ));
    md.push_str(
        "```text\n\
         cargo run -- pista cheapo_request      # la primera (o: cargo run -- pista 1)\n\
         cargo run -- pista cheapo_request 2    # la siguiente\n\
         ```\n\n",
    );
    md.push_str(&parrafo(
        "Todas viven en `exercises/info.toml`, el archivo que lee `cargo run -- pista`, \
         y esta página se genera de él. Los ejercicios van en el orden en que se \
         resuelven, que es el de los capítulos. Las soluciones están en \
         `solutions/src/`, para cuando hayas terminado.",
    ));
    for (i, ejercicio) in todos().iter().enumerate() {
        let nombre = &ejercicio.nombre;
        let capitulo = ejercicio.capitulo_en_el_libro();
        md.push_str(&format!("## {}. `{nombre}` {{#{nombre}}}\n\n", i + 1));
        let mut presentacion = format!(
            "Editas `{}` y lo pruebas con `{}`.",
            ejercicio.archivo,
            ejercicio.orden_de_pruebas()
        );
        if let Some(titulo) = ejercicio.titulo_del_capitulo(raiz) {
            presentacion.push_str(&format!(" Lo explica el capítulo [{titulo}]({capitulo})"));
            match ejercicio.seccion_del_capitulo(raiz) {
                Some(seccion) => presentacion.push_str(&format!(
                    ", y lo presenta su sección [{}]({capitulo}#{}).",
                    seccion.texto, seccion.id
                )),
                None => presentacion.push('.'),
            }
        }
        md.push_str(&parrafo(&presentacion));
        for (j, pista) in ejercicio.pistas.iter().enumerate() {
            let nivel = j + 1;
            // La línea en blanco tras `<summary>` hace que mdBook lea lo que
            // sigue como Markdown, y la de antes de `</details>` cierra el
            // último párrafo o bloque de código de la pista.
            md.push_str(&format!(
                "<details>\n<summary>Pista {nivel}: {}</summary>\n\n{}\n\n</details>\n\n",
                ejercicio.nombre_del_nivel(nivel),
                pista.trim()
            ));
        }
    }
    md.truncate(md.trim_end().len());
    md.push('\n');
    md
}

/// Un párrafo de Markdown partido en líneas de 80 columnas como mucho, y una
/// línea en blanco detrás. El código en línea no se parte (`cargo test -p
/// exercises` va entero en una línea), y una palabra que, al principio de una
/// línea, cambiaría lo que es esa línea (un `#`, un `-`, un `1.`) se queda al
/// final de la anterior.
fn parrafo(texto: &str) -> String {
    const ANCHO: usize = 80;
    let abre_un_bloque = |palabra: &str| {
        palabra.starts_with(['#', '>', '-', '+', '*', '=', '|', '<'])
            || palabra.trim_end_matches(['.', ')']).len() < palabra.len()
                && palabra
                    .trim_end_matches(['.', ')'])
                    .chars()
                    .all(|c| c.is_ascii_digit())
    };
    let mut resultado = String::new();
    let mut linea = String::new();
    // Las palabras, con el código en línea que tiene espacios en una sola.
    let mut palabras: Vec<String> = Vec::new();
    let mut abierta = false;
    for palabra in texto.split_whitespace() {
        match palabras.last_mut() {
            Some(anterior) if abierta => {
                anterior.push(' ');
                anterior.push_str(palabra);
            }
            _ => palabras.push(palabra.to_string()),
        }
        if palabra.matches('`').count() % 2 == 1 {
            abierta = !abierta;
        }
    }
    for palabra in &palabras {
        let palabra = palabra.as_str();
        let cabe = linea.chars().count() + 1 + palabra.chars().count() <= ANCHO;
        if !linea.is_empty() && !cabe && !abre_un_bloque(palabra) {
            resultado.push_str(&linea);
            resultado.push('\n');
            linea.clear();
        }
        if !linea.is_empty() {
            linea.push(' ');
        }
        linea.push_str(palabra);
    }
    resultado.push_str(&linea);
    resultado.push_str("\n\n");
    resultado
}

#[cfg(test)]
mod pruebas {
    use super::*;

    #[test]
    fn los_identificadores_son_los_de_mdbook() {
        // El de la sección a la que ya enlaza el capítulo del cliente del chat.
        assert_eq!(
            id_de_mdbook("Ejercicio `linea_acotada`: leer una línea con límite"),
            "ejercicio-linea_acotada-leer-una-línea-con-límite"
        );
        assert_eq!(
            id_de_mdbook("¿Por qué no `task::spawn`?"),
            "por-qué-no-taskspawn"
        );
    }

    #[test]
    fn lee_los_encabezados_fuera_del_codigo_y_con_su_id() {
        let md = "# Título\n\n```rust\n## no es un encabezado\n```\n\n\
                  ## Ejercicio `x`: algo {#propio}\n### Otro\n";
        let vistos: Vec<(usize, String, String)> = encabezados(md)
            .into_iter()
            .map(|e| (e.nivel, e.texto, e.id))
            .collect();
        assert_eq!(
            vistos,
            [
                (1, "Título".into(), "título".into()),
                (2, "Ejercicio `x`: algo".into(), "propio".into()),
                (3, "Otro".into(), "otro".into()),
            ]
        );
    }

    #[test]
    fn un_parrafo_no_parte_el_codigo_ni_empieza_un_bloque() {
        let largo = format!(
            "{} `cargo test -p exercises --test cheapo_request` y 1. también - esto",
            "palabra ".repeat(9)
        );
        let texto = parrafo(&largo);
        assert!(texto.ends_with("\n\n"), "{texto:?}");
        for linea in texto.lines() {
            assert!(
                linea.chars().count() <= 80 || !linea.contains(' '),
                "{linea:?}"
            );
            assert_eq!(
                linea.matches('`').count() % 2,
                0,
                "código partido: {linea:?}"
            );
            assert!(
                !linea.starts_with("1.") && !linea.starts_with('-'),
                "una línea que empieza un bloque: {linea:?}"
            );
        }
        assert_eq!(
            texto.split_whitespace().collect::<Vec<_>>(),
            largo.split_whitespace().collect::<Vec<_>>()
        );
    }
}
