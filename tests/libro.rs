//! Integridad del libro (`book/`), sin necesidad de mdBook.
//!
//! El libro no copia código: lo incluye desde los archivos que compilan, con
//! `{{#include ../../examples/NOMBRE.rs:ancla}}`. Eso garantiza que el código
//! del libro es el que compila, pero solo si cada inclusión apunta a algo que
//! existe: si alguien renombra un ejemplo o borra un `ANCHOR`, mdBook deja un
//! aviso en la consola y un hueco en la página, y nadie se entera. Estas
//! pruebas lo detectan en `cargo test`, en menos de un segundo:
//!
//! - cada enlace de `SUMMARY.md` lleva a un archivo que existe, y cada
//!   capítulo de `book/src/` aparece en `SUMMARY.md`;
//! - cada `{{#include ruta}}` y `{{#include ruta:ancla}}` encuentra su archivo
//!   (relativo al `.md` que lo incluye) y, si lleva ancla, el archivo tiene
//!   `ANCHOR: ancla` y `ANCHOR_END: ancla`, en ese orden;
//! - cada enlace relativo (`](capitulo.md)`, `](capitulo.md#seccion)`,
//!   `](#seccion)`) lleva a un archivo del libro que existe y, si tiene
//!   fragmento, a un encabezado que existe;
//! - cada capítulo que nombra `exercises/info.toml` existe, y el capítulo de
//!   cada ejercicio dice cómo pedir su pista (`cargo run -- pista NOMBRE`, o
//!   con su número), tiene una sección «Ejercicio `NOMBRE`» y enlaza a la
//!   sección del ejercicio en la página de pistas (`pistas.md#NOMBRE`);
//! - esa página, `pistas.md`, es la que se genera de `exercises/info.toml`
//!   con `cargo run -- pistas-md`: una sección por ejercicio, cada pista
//!   plegada en un `<details>`, y nada de TOML.
//!
//! Las pruebas recorren `book/src/` entero: un capítulo nuevo queda vigilado
//! sin tocar este archivo.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Component, Path, PathBuf};

use taller_async::ejercicios;

/// La raíz del repositorio.
fn raiz() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// La carpeta de las fuentes del libro.
fn fuentes() -> PathBuf {
    raiz().join("book").join("src")
}

/// Una ruta relativa a la raíz del repositorio, para los mensajes.
fn mostrar(ruta: &Path) -> String {
    let ruta = normalizar(ruta);
    ruta.strip_prefix(normalizar(&raiz()))
        .unwrap_or(&ruta)
        .display()
        .to_string()
}

/// Resuelve `.` y `..` sin tocar el disco, para comparar rutas que quizá no
/// existen.
fn normalizar(ruta: &Path) -> PathBuf {
    let mut resultado = PathBuf::new();
    for componente in ruta.components() {
        match componente {
            Component::CurDir => {}
            Component::ParentDir => {
                resultado.pop();
            }
            otro => resultado.push(otro),
        }
    }
    resultado
}

fn leer(ruta: &Path) -> String {
    fs::read_to_string(ruta).unwrap_or_else(|e| panic!("no se pudo leer {}: {e}", mostrar(ruta)))
}

/// Todos los `.md` de `book/src/`, en cualquier subcarpeta, ordenados.
fn paginas() -> Vec<PathBuf> {
    fn recorrer(carpeta: &Path, encontradas: &mut Vec<PathBuf>) {
        let entradas = fs::read_dir(carpeta)
            .unwrap_or_else(|e| panic!("no se pudo leer la carpeta {}: {e}", mostrar(carpeta)));
        for entrada in entradas {
            let ruta = entrada.expect("entrada de directorio ilegible").path();
            if ruta.is_dir() {
                recorrer(&ruta, encontradas);
            } else if ruta.extension().is_some_and(|e| e == "md") {
                encontradas.push(ruta);
            }
        }
    }
    let mut encontradas = Vec::new();
    recorrer(&fuentes(), &mut encontradas);
    encontradas.sort();
    assert!(
        !encontradas.is_empty(),
        "no hay ningún .md en {}",
        mostrar(&fuentes())
    );
    encontradas
}

fn es_resumen(pagina: &Path) -> bool {
    normalizar(pagina) == normalizar(&fuentes().join("SUMMARY.md"))
}

/// Falla con la lista entera de problemas, uno por línea, si hay alguno.
fn sin_problemas(que: &str, problemas: Vec<String>) {
    if !problemas.is_empty() {
        panic!(
            "\n{que}: {} problema(s)\n\n  {}\n",
            problemas.len(),
            problemas.join("\n  ")
        );
    }
}

// ---------------------------------------------------------------------------
// Lectura del Markdown: lo justo para encontrar enlaces, inclusiones y
// encabezados, sin un analizador completo.
// ---------------------------------------------------------------------------

/// Una línea de una página, con su número (desde 1) y si está dentro de un
/// bloque de código delimitado con ``` o ~~~.
struct Linea<'a> {
    numero: usize,
    texto: &'a str,
    en_codigo: bool,
}

fn lineas(texto: &str) -> Vec<Linea<'_>> {
    // El delimitador que abrió el bloque actual: su carácter y su longitud.
    let mut abierto: Option<(char, usize)> = None;
    let mut resultado = Vec::new();
    for (i, texto) in texto.lines().enumerate() {
        let recortada = texto.trim_start();
        let delimitador = ['`', '~'].into_iter().find_map(|c| {
            let n = recortada.chars().take_while(|&x| x == c).count();
            (n >= 3).then_some((c, n))
        });
        let es_valla = match (abierto, delimitador) {
            (None, Some(d)) => {
                abierto = Some(d);
                true
            }
            // Cierra el bloque una valla del mismo carácter, al menos tan
            // larga, y sin nada detrás.
            (Some((c, n)), Some((c2, n2)))
                if c == c2 && n2 >= n && recortada[n2..].trim().is_empty() =>
            {
                abierto = None;
                true
            }
            _ => false,
        };
        resultado.push(Linea {
            numero: i + 1,
            texto,
            en_codigo: es_valla || abierto.is_some(),
        });
    }
    resultado
}

/// Quita de una línea el código en línea (`entre comillas invertidas`), donde
/// un `](x)` no es un enlace.
fn sin_codigo_en_linea(texto: &str) -> String {
    let mut resultado = String::new();
    let mut resto = texto;
    while let Some(inicio) = resto.find('`') {
        resultado.push_str(&resto[..inicio]);
        let comillas = resto[inicio..].chars().take_while(|&c| c == '`').count();
        let despues = &resto[inicio + comillas..];
        match despues.find(&"`".repeat(comillas)) {
            Some(fin) => resto = &despues[fin + comillas..],
            None => {
                resto = despues;
                break;
            }
        }
    }
    resultado.push_str(resto);
    resultado
}

/// Los destinos de los enlaces de una página, fuera de los bloques de código:
/// `[texto](destino)`, `![imagen](destino)` y `[etiqueta]: destino`.
fn enlaces(texto: &str) -> Vec<(usize, String)> {
    let mut encontrados = Vec::new();
    for linea in lineas(texto).into_iter().filter(|l| !l.en_codigo) {
        let limpia = sin_codigo_en_linea(linea.texto);

        // Definición de referencia: `[etiqueta]: destino`.
        let recortada = limpia.trim_start();
        if recortada.starts_with('[')
            && let Some(fin) = recortada.find("]:")
        {
            let destino = recortada[fin + 2..].split_whitespace().next();
            if let Some(destino) = destino {
                let destino = destino.trim_start_matches('<').trim_end_matches('>');
                encontrados.push((linea.numero, destino.to_string()));
            }
        }

        // Enlaces en línea: `](destino)` o `](destino "título")`.
        let mut resto = limpia.as_str();
        while let Some(inicio) = resto.find("](") {
            let despues = &resto[inicio + 2..];
            let fin = despues.find(')').unwrap_or(despues.len());
            let destino = despues[..fin].split_whitespace().next().unwrap_or("");
            let destino = destino.trim_start_matches('<').trim_end_matches('>');
            encontrados.push((linea.numero, destino.to_string()));
            resto = &despues[fin..];
        }
    }
    encontrados
}

/// Un enlace externo o que no apunta a un archivo: `https://`, `mailto:`...
fn es_externo(destino: &str) -> bool {
    destino.contains("://") || destino.starts_with("mailto:") || destino.starts_with("data:")
}

/// Una orden de inclusión de mdBook: `{{#include ruta}}`,
/// `{{#include ruta:ancla}}`, `{{#include ruta:10:20}}` o las mismas con
/// `#rustdoc_include`.
struct Inclusion {
    linea: usize,
    ruta: String,
    ancla: Option<String>,
}

fn inclusiones(texto: &str) -> Vec<Inclusion> {
    let mut encontradas = Vec::new();
    let mut desde = 0;
    while let Some(relativo) = texto[desde..].find("{{") {
        let inicio = desde + relativo;
        desde = inicio + 2;
        // `\{{#include ...}}` es una inclusión escapada: mdBook la deja tal
        // cual, como texto.
        if texto[..inicio].ends_with('\\') {
            continue;
        }
        let Some(largo) = texto[inicio..].find("}}") else {
            break;
        };
        let dentro = texto[inicio + 2..inicio + largo].trim();
        let Some(dentro) = dentro.strip_prefix('#') else {
            continue;
        };
        let mut partes = dentro.split_whitespace();
        let tipo = partes.next().unwrap_or("");
        if tipo != "include" && tipo != "rustdoc_include" {
            continue;
        }
        let linea = texto[..inicio].matches('\n').count() + 1;
        let argumento = partes.next().unwrap_or("");
        let (ruta, resto) = match argumento.split_once(':') {
            Some((ruta, resto)) => (ruta, Some(resto)),
            None => (argumento, None),
        };
        // Como mdBook: si lo que sigue a los dos puntos empieza por un número
        // (o está vacío) es un rango de líneas; si no, es el nombre de un ancla.
        let ancla = resto.and_then(|resto| {
            let primero = resto.split(':').next().unwrap_or("");
            (!primero.is_empty() && primero.parse::<usize>().is_err()).then(|| primero.to_string())
        });
        encontradas.push(Inclusion {
            linea,
            ruta: ruta.to_string(),
            ancla,
        });
    }
    encontradas
}

/// Las líneas (desde 1) en que un archivo abre y cierra el ancla `nombre`,
/// con la misma regla que mdBook: `ANCHOR: nombre` y `ANCHOR_END: nombre`,
/// con espacios opcionales tras los dos puntos.
fn buscar_ancla(texto: &str, nombre: &str) -> (Option<usize>, Option<usize>) {
    fn nombra(linea: &str, marca: &str, nombre: &str) -> bool {
        linea.match_indices(marca).any(|(i, _)| {
            let resto = linea[i + marca.len()..].trim_start();
            let palabra: String = resto
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            palabra == nombre
        })
    }
    let mut inicio = None;
    let mut fin = None;
    for (i, linea) in texto.lines().enumerate() {
        if inicio.is_none() && nombra(linea, "ANCHOR:", nombre) {
            inicio = Some(i + 1);
        } else if inicio.is_some() && fin.is_none() && nombra(linea, "ANCHOR_END:", nombre) {
            fin = Some(i + 1);
        }
    }
    (inicio, fin)
}

/// Los identificadores de los encabezados de una página, como los genera
/// mdBook: el `{#id}` explícito si lo hay; si no, el texto en minúsculas, sin
/// signos, con guiones en lugar de espacios (y `-1`, `-2`... si se repite).
fn identificadores(texto: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut generados = BTreeSet::new();
    for linea in lineas(texto).into_iter().filter(|l| !l.en_codigo) {
        let recortada = linea.texto.trim_start();
        let almohadillas = recortada.chars().take_while(|&c| c == '#').count();
        if !(1..=6).contains(&almohadillas) {
            continue;
        }
        let resto = &recortada[almohadillas..];
        if !(resto.is_empty() || resto.starts_with(' ')) {
            continue;
        }
        let mut titulo = resto.trim().trim_end_matches('#').trim().to_string();

        // Atributos al final: `{#id .clase}`.
        if titulo.ends_with('}')
            && let Some(abre) = titulo.rfind('{')
        {
            let atributos = titulo[abre + 1..titulo.len() - 1].to_string();
            titulo.truncate(abre);
            if let Some(id) = atributos
                .split_whitespace()
                .find_map(|a| a.strip_prefix('#'))
            {
                ids.insert(id.to_string());
                continue;
            }
        }

        // El texto visible: sin marcas de código ni de énfasis, y de cada
        // enlace solo su texto.
        let mut visible = String::new();
        let mut resto = titulo.as_str();
        while let Some(i) = resto.find("](") {
            visible.push_str(&resto[..i]);
            let despues = &resto[i + 2..];
            resto = despues.find(')').map_or("", |f| &despues[f + 1..]);
        }
        visible.push_str(resto);
        let visible: String = visible
            .chars()
            .filter(|c| !matches!(c, '`' | '*' | '[' | ']'))
            .collect();

        let base: String = visible
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
            .collect();
        let mut id = base.clone();
        let mut n = 0;
        while !generados.insert(id.clone()) {
            n += 1;
            id = format!("{base}-{n}");
        }
        ids.insert(id);
    }
    ids
}

// ---------------------------------------------------------------------------
// Las pruebas.
// ---------------------------------------------------------------------------

/// Los destinos de `SUMMARY.md`, con su número de línea.
fn capitulos_del_resumen() -> Vec<(usize, String)> {
    let resumen = fuentes().join("SUMMARY.md");
    assert!(
        resumen.is_file(),
        "falta {}: mdBook no sabrá qué capítulos tiene el libro",
        mostrar(&resumen)
    );
    enlaces(&leer(&resumen))
}

#[test]
fn cada_enlace_del_resumen_lleva_a_un_capitulo_que_existe() {
    let resumen = fuentes().join("SUMMARY.md");
    let mut problemas = Vec::new();
    for (linea, destino) in capitulos_del_resumen() {
        // `[Capítulo]()` es un borrador de mdBook: todavía no tiene archivo.
        if destino.is_empty() || es_externo(&destino) {
            continue;
        }
        let ruta = fuentes().join(destino.split('#').next().unwrap_or(""));
        if !ruta.is_file() {
            problemas.push(format!(
                "{}:{linea}: el capítulo «{destino}» no existe (se buscó {})",
                mostrar(&resumen),
                mostrar(&ruta)
            ));
        }
    }
    sin_problemas("Enlaces rotos en SUMMARY.md", problemas);
}

#[test]
fn cada_capitulo_aparece_en_el_resumen() {
    let en_resumen: BTreeSet<PathBuf> = capitulos_del_resumen()
        .into_iter()
        .filter(|(_, destino)| !destino.is_empty() && !es_externo(destino))
        .map(|(_, destino)| normalizar(&fuentes().join(destino.split('#').next().unwrap_or(""))))
        .collect();
    let problemas = paginas()
        .into_iter()
        .filter(|pagina| !es_resumen(pagina) && !en_resumen.contains(&normalizar(pagina)))
        .map(|pagina| {
            format!(
                "{}: no aparece en book/src/SUMMARY.md, así que mdBook no lo publica \
                 (añádelo al resumen o bórralo)",
                mostrar(&pagina)
            )
        })
        .collect();
    sin_problemas("Capítulos fuera del resumen", problemas);
}

#[test]
fn cada_inclusion_encuentra_su_archivo_y_su_ancla() {
    let mut problemas = Vec::new();
    for pagina in paginas() {
        let texto = leer(&pagina);
        let carpeta = pagina.parent().expect("una página está en una carpeta");
        for inclusion in inclusiones(&texto) {
            let donde = format!("{}:{}", mostrar(&pagina), inclusion.linea);
            if inclusion.ruta.is_empty() {
                problemas.push(format!("{donde}: una inclusión sin ruta"));
                continue;
            }
            let archivo = carpeta.join(&inclusion.ruta);
            if !archivo.is_file() {
                let mut problema = format!(
                    "{donde}: incluye «{}», que no existe (se buscó {})",
                    inclusion.ruta,
                    mostrar(&archivo)
                );
                if normalizar(&archivo).starts_with(normalizar(&fuentes().join("salidas"))) {
                    problema.push_str(
                        "; las salidas de los ejemplos se generan con \
                         `bash book/regenerar-salidas.sh`",
                    );
                }
                problemas.push(problema);
                continue;
            }
            let Some(ancla) = &inclusion.ancla else {
                continue;
            };
            let contenido = leer(&archivo);
            match buscar_ancla(&contenido, ancla) {
                (Some(_), Some(_)) => {}
                (None, _) => problemas.push(format!(
                    "{donde}: incluye el ancla «{ancla}» de {}, pero ese archivo no tiene \
                     una línea `ANCHOR: {ancla}`",
                    mostrar(&archivo)
                )),
                (Some(inicio), None) => problemas.push(format!(
                    "{donde}: el ancla «{ancla}» se abre en {}:{inicio}, pero no hay \
                     una línea `ANCHOR_END: {ancla}` después",
                    mostrar(&archivo)
                )),
            }
        }
    }
    sin_problemas("Inclusiones rotas en el libro", problemas);
}

#[test]
fn cada_enlace_relativo_lleva_a_algo_que_existe() {
    let mut problemas = Vec::new();
    for pagina in paginas().into_iter().filter(|p| !es_resumen(p)) {
        let texto = leer(&pagina);
        let carpeta = pagina.parent().expect("una página está en una carpeta");
        for (linea, destino) in enlaces(&texto) {
            let donde = format!("{}:{linea}", mostrar(&pagina));
            if destino.is_empty() {
                problemas.push(format!("{donde}: un enlace sin destino, `[...]()`"));
                continue;
            }
            if es_externo(&destino) {
                continue;
            }
            let (ruta, fragmento) = match destino.split_once('#') {
                Some((ruta, fragmento)) => (ruta, Some(fragmento)),
                None => (destino.as_str(), None),
            };
            let archivo = if ruta.is_empty() {
                pagina.clone()
            } else {
                carpeta.join(ruta)
            };
            if !normalizar(&archivo).starts_with(normalizar(&fuentes())) {
                problemas.push(format!(
                    "{donde}: «{destino}» apunta fuera de book/src/, y en el libro publicado \
                     ese enlace no lleva a ninguna parte (nombra el archivo como `código`, \
                     o enlaza a una página del libro)"
                ));
                continue;
            }
            if !archivo.is_file() {
                problemas.push(format!(
                    "{donde}: el enlace «{destino}» lleva a {}, que no existe",
                    mostrar(&archivo)
                ));
                continue;
            }
            if let Some(fragmento) = fragmento
                && archivo.extension().is_some_and(|e| e == "md")
                && !identificadores(&leer(&archivo)).contains(fragmento)
            {
                problemas.push(format!(
                    "{donde}: el enlace «{destino}» busca la sección «#{fragmento}», \
                     que no existe en {}",
                    mostrar(&archivo)
                ));
            }
        }
    }
    sin_problemas("Enlaces rotos en el libro", problemas);
}

#[test]
fn cada_ejercicio_tiene_su_capitulo_y_su_pista() {
    let info = "exercises/info.toml";
    let todos = ejercicios::todos();
    assert!(!todos.is_empty(), "{info} no declara ningún ejercicio");
    let mut problemas = Vec::new();
    for (i, ejercicio) in todos.iter().enumerate() {
        let n = i + 1;
        let capitulo = raiz().join(&ejercicio.capitulo);
        let donde = format!("{info}, ejercicio {n} ({})", ejercicio.nombre);
        if !normalizar(&capitulo).starts_with(normalizar(&fuentes())) {
            problemas.push(format!(
                "{donde}: capitulo = «{}» no está en book/src/",
                ejercicio.capitulo
            ));
            continue;
        }
        if !capitulo.is_file() {
            problemas.push(format!(
                "{donde}: capitulo = «{}» no existe",
                ejercicio.capitulo
            ));
            continue;
        }
        let texto = leer(&capitulo);
        // La pista se pide por nombre (`pista reintentar`) o por número
        // (`pista async_blocks`). `pista cheapo_request` no vale por `pista group_table`, ni `pista mutex` por
        // `pista mutex_x`: detrás no puede venir otra letra, cifra o `_`.
        let menciona = |orden: &str| {
            texto.match_indices(orden).any(|(j, _)| {
                !texto[j + orden.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_')
            })
        };
        let por_nombre = format!("cargo run -- pista {}", ejercicio.nombre);
        if !menciona(&por_nombre) && !menciona(&format!("cargo run -- pista {n}")) {
            problemas.push(format!(
                "{}: es el capítulo del ejercicio {n} ({}), pero no dice cómo pedir su \
                 pista: falta «{por_nombre}»",
                ejercicio.capitulo, ejercicio.nombre
            ));
        }
        // Y enlaza a la sección del ejercicio en la página de pistas, con su
        // ancla: `pistas.md#NOMBRE`.
        let enlaza_su_pista = enlaces(&texto).iter().any(|(_, destino)| {
            let (ruta, fragmento) = destino.split_once('#').unwrap_or((destino, ""));
            !ruta.is_empty()
                && fragmento == ejercicio.nombre
                && normalizar(&capitulo.parent().unwrap().join(ruta))
                    == normalizar(&fuentes().join("pistas.md"))
        });
        if !enlaza_su_pista {
            problemas.push(format!(
                "{}: es el capítulo del ejercicio {n} ({}), pero no enlaza a su sección \
                 de la página de pistas: falta un enlace a «pistas.md#{}»",
                ejercicio.capitulo, ejercicio.nombre, ejercicio.nombre
            ));
        }
        // La última pista de `cargo run -- pista` y la página de pistas
        // remiten a la sección del capítulo que presenta el ejercicio.
        if ejercicio.seccion_del_capitulo(&raiz()).is_none() {
            problemas.push(format!(
                "{}: es el capítulo del ejercicio {n} ({}), pero no tiene una sección \
                 «## Ejercicio `{}`...», la que nombran sus pistas",
                ejercicio.capitulo, ejercicio.nombre, ejercicio.nombre
            ));
        }
    }
    sin_problemas("Ejercicios sin capítulo o sin pista", problemas);
}

/// Los capítulos de `SUMMARY.md`, en orden, como rutas normalizadas.
fn orden_de_los_capitulos() -> Vec<PathBuf> {
    capitulos_del_resumen()
        .into_iter()
        .filter(|(_, destino)| !destino.is_empty() && !es_externo(destino))
        .map(|(_, destino)| normalizar(&fuentes().join(destino.split('#').next().unwrap_or(""))))
        .collect()
}

/// Los ejercicios que van antes que uno de un capítulo anterior, dado el
/// orden de los capítulos.
fn fuera_de_orden(todos: &[ejercicios::Ejercicio], orden: &[PathBuf]) -> Vec<String> {
    let mut problemas = Vec::new();
    // El ejercicio del capítulo más avanzado visto hasta ahora.
    let mut mas_avanzado: Option<(usize, &ejercicios::Ejercicio)> = None;
    for ejercicio in todos {
        let capitulo = normalizar(&raiz().join(&ejercicio.capitulo));
        let Some(aqui) = orden.iter().position(|c| *c == capitulo) else {
            problemas.push(format!(
                "{}: su capítulo, {}, no está en book/src/SUMMARY.md",
                ejercicio.nombre, ejercicio.capitulo
            ));
            continue;
        };
        match mas_avanzado {
            Some((antes, previo)) if aqui < antes => problemas.push(format!(
                "exercises/info.toml pone {} ({}) después de {} ({}), pero su capítulo va \
                 antes en SUMMARY.md: mueve su entrada detrás de la del último ejercicio de \
                 un capítulo anterior",
                ejercicio.nombre, ejercicio.capitulo, previo.nombre, previo.capitulo
            )),
            _ => mas_avanzado = Some((aqui, ejercicio)),
        }
    }
    problemas
}

/// `taller siguiente` da el primer ejercicio sin resolver de `info.toml`: si
/// un ejercicio fuera antes que otro de un capítulo anterior, mandaría al
/// lector hacia delante en el libro y luego de vuelta atrás.
#[test]
fn los_ejercicios_siguen_el_orden_de_los_capitulos() {
    sin_problemas(
        "Ejercicios fuera del orden de los capítulos",
        fuera_de_orden(&ejercicios::todos(), &orden_de_los_capitulos()),
    );
}

#[test]
fn la_pagina_de_pistas_esta_al_dia_con_info_toml() {
    let ruta = fuentes().join("pistas.md");
    let esperada = ejercicios::pistas_md(&raiz());
    let actual = fs::read_to_string(&ruta).unwrap_or_default();
    if actual != esperada {
        let linea = actual
            .lines()
            .zip(esperada.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| actual.lines().count().min(esperada.lines().count()))
            + 1;
        panic!(
            "\n{} no está al día con exercises/info.toml (o con los títulos de los \
             capítulos): la primera diferencia está en su línea {linea}. Se genera, no se \
             edita a mano; vuelve a generarla con:\n\n    cargo run -- pistas-md\n",
            mostrar(&ruta)
        );
    }
}

#[test]
fn la_pagina_de_pistas_tiene_una_seccion_por_ejercicio_y_ningun_toml() {
    let pagina = leer(&fuentes().join("pistas.md"));
    let ids = identificadores(&pagina);
    let mut problemas = Vec::new();
    for (i, ejercicio) in ejercicios::todos().iter().enumerate() {
        if !ids.contains(&ejercicio.nombre) {
            problemas.push(format!(
                "pistas.md: falta la sección del ejercicio {} ({}), con el ancla «{{#{}}}»",
                i + 1,
                ejercicio.nombre,
                ejercicio.nombre
            ));
        }
    }
    let pistas: usize = ejercicios::todos().iter().map(|e| e.pistas.len()).sum();
    let plegadas = pagina.matches("<details>").count();
    if plegadas != pistas || pagina.matches("</details>").count() != pistas {
        problemas.push(format!(
            "pistas.md: hay {pistas} pistas en info.toml, y la página pliega {plegadas} en \
             un <details>"
        ));
    }
    // Sin una línea en blanco después de `</summary>`, mdBook deja el texto de
    // la pista como HTML, y su Markdown se ve en crudo.
    if pagina.matches("</summary>\n\n").count() != plegadas {
        problemas.push(
            "pistas.md: detrás de cada `</summary>` tiene que haber una línea en blanco"
                .to_string(),
        );
    }
    for crudo in [
        "[[ejercicio]]",
        "pistas = [",
        "{{#include ../../exercises/info.toml",
    ] {
        if pagina.contains(crudo) {
            problemas.push(format!("pistas.md muestra TOML en crudo: «{crudo}»"));
        }
    }
    sin_problemas("La página de pistas", problemas);
}

// Las herramientas de lectura también se prueban: si fallaran en silencio,
// las pruebas de arriba pasarían sin mirar nada.

#[test]
fn ve_un_ejercicio_fuera_del_orden_de_los_capitulos() {
    // El orden que tuvo info.toml: el chat de atrás hacia delante, del
    // capítulo de la difusión al del protocolo.
    let mut todos = ejercicios::todos();
    let nombres = ["handle_subscriber", "group_table", "linea_acotada"];
    let donde = |todos: &[ejercicios::Ejercicio], nombre: &str| {
        todos.iter().position(|e| e.nombre == nombre).unwrap()
    };
    let primero = nombres.iter().map(|n| donde(&todos, n)).min().unwrap();
    let movidos: Vec<_> = nombres
        .iter()
        .map(|n| todos.remove(donde(&todos, n)))
        .collect();
    for (i, ejercicio) in movidos.into_iter().enumerate() {
        todos.insert(primero + i, ejercicio);
    }
    let problemas = fuera_de_orden(&todos, &orden_de_los_capitulos());
    assert_eq!(problemas.len(), 2, "{problemas:#?}");
    assert!(
        problemas[0].contains(
            "pone group_table (book/src/14-chat-mutex.md) después de \
             handle_subscriber"
        ),
        "{problemas:#?}"
    );
    assert!(
        problemas[1].contains("pone linea_acotada"),
        "{problemas:#?}"
    );
}

#[test]
fn lee_enlaces_inclusiones_y_anclas() {
    let md = "Ver [el glosario](glosario.md#future) y `[no](codigo.md)`.\n\
              \n\
              ```rust,ignore\n\
              {{#include ../../examples/x.rs:ancla}}\n\
              [tampoco](dentro-de-codigo.md)\n\
              ```\n\
              \\{{#include escapada.rs}}\n\
              {{#include salidas/x.txt}} y {{#include y.rs:3:7}}\n\
              [ref]: otra.md\n";
    let destinos: Vec<String> = enlaces(md).into_iter().map(|(_, d)| d).collect();
    assert_eq!(destinos, ["glosario.md#future", "otra.md"]);

    let incluidas: Vec<(usize, String, Option<String>)> = inclusiones(md)
        .into_iter()
        .map(|i| (i.linea, i.ruta, i.ancla))
        .collect();
    assert_eq!(
        incluidas,
        [
            (
                4,
                "../../examples/x.rs".to_string(),
                Some("ancla".to_string())
            ),
            (8, "salidas/x.txt".to_string(), None),
            (8, "y.rs".to_string(), None),
        ]
    );

    let rs = "// ANCHOR: uno\nfn a() {}\n// ANCHOR_END: uno\n// ANCHOR: uno_mas\n";
    assert_eq!(buscar_ancla(rs, "uno"), (Some(1), Some(3)));
    assert_eq!(buscar_ancla(rs, "uno_mas"), (Some(4), None));
    assert_eq!(buscar_ancla(rs, "dos"), (None, None));
}

#[test]
fn genera_los_identificadores_como_mdbook() {
    let md = "# Introducción\n\
              ## Tareas con `spawn_local`\n\
              ## `'static` {#static}\n\
              ## Ejemplo\n\
              ## Ejemplo\n\
              ```text\n\
              # no es un encabezado\n\
              ```\n";
    let ids = identificadores(md);
    let esperados: BTreeSet<String> = [
        "introducción",
        "tareas-con-spawn_local",
        "static",
        "ejemplo",
        "ejemplo-1",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(ids, esperados);
}

// ---------------------------------------------------------------------------
// El marco de cada capítulo.
// ---------------------------------------------------------------------------

/// Los capítulos que todavía no tienen su marco. La lista solo puede
/// encoger: la prueba falla también si uno de ellos ya lo tiene, para que
/// salga de aquí.
const SIN_MARCO_TODAVIA: &[&str] = &[];

/// Los capítulos numerados: los de las partes de `SUMMARY.md` (`- [..](..)`),
/// no la introducción, el glosario ni los apéndices.
fn capitulos_numerados() -> Vec<String> {
    leer(&fuentes().join("SUMMARY.md"))
        .lines()
        .filter_map(|linea| linea.trim_start().strip_prefix("- ["))
        .filter_map(|resto| resto.split_once("](").map(|(_, destino)| destino))
        .filter_map(|destino| {
            destino
                .split_once(')')
                .map(|(archivo, _)| archivo.to_string())
        })
        .filter(|archivo| !archivo.is_empty())
        .collect()
}

/// Las secciones `## ...` de un capítulo, fuera de los bloques de código, con
/// las líneas de cada una.
fn secciones(texto: &str) -> Vec<(String, Vec<String>)> {
    let mut secciones: Vec<(String, Vec<String>)> = Vec::new();
    let mut en_codigo = false;
    for linea in texto.lines() {
        if linea.trim_start().starts_with("```") {
            en_codigo = !en_codigo;
        }
        if !en_codigo && let Some(titulo) = linea.strip_prefix("## ") {
            secciones.push((titulo.trim().to_string(), Vec::new()));
        } else if let Some((_, lineas)) = secciones.last_mut() {
            lineas.push(linea.to_string());
        }
    }
    secciones
}

/// Lo que le falta al marco de un capítulo: «Aprenderás» y «Necesitas»
/// arriba, «Para recordar» y «Ponte a prueba» al final, cada uno con lo suyo.
fn problemas_del_marco(archivo: &str, texto: &str) -> Vec<String> {
    let secciones = secciones(texto);
    let titulos: Vec<&str> = secciones.iter().map(|(t, _)| t.as_str()).collect();
    let mut problemas = Vec::new();
    let puntos = |lineas: &[String]| lineas.iter().filter(|l| l.starts_with("- ")).count();
    let mut pedir = |cumple: bool, que: String| {
        if !cumple {
            problemas.push(format!("book/src/{archivo}: {que}"));
        }
    };
    pedir(
        titulos.first() == Some(&"Aprenderás") && titulos.get(1) == Some(&"Necesitas"),
        format!(
            "sus dos primeras secciones deben ser «## Aprenderás» y «## Necesitas», y son {:?}",
            &titulos[..titulos.len().min(2)]
        ),
    );
    let n = titulos.len();
    pedir(
        n >= 4 && titulos[n - 2] == "Para recordar" && titulos[n - 1] == "Ponte a prueba",
        format!(
            "sus dos últimas secciones deben ser «## Para recordar» y «## Ponte a prueba», y son {:?}",
            &titulos[n.saturating_sub(2)..]
        ),
    );
    for (titulo, lineas) in &secciones {
        match titulo.as_str() {
            "Aprenderás" => {
                let k = puntos(lineas);
                pedir(
                    (2..=4).contains(&k),
                    format!("«Aprenderás» debe tener de 2 a 4 puntos (`- `), y tiene {k}"),
                );
            }
            "Necesitas" => pedir(
                puntos(lineas) >= 1,
                "«Necesitas» debe decir, en una lista, qué capítulos e ideas hacen falta"
                    .to_string(),
            ),
            "Para recordar" => {
                let k = puntos(lineas);
                pedir(
                    (3..=5).contains(&k),
                    format!("«Para recordar» debe tener de 3 a 5 puntos, y tiene {k}"),
                );
            }
            "Ponte a prueba" => {
                let cuerpo = lineas.join("\n");
                let abiertos = cuerpo.matches("<details>").count();
                let respuestas = cuerpo.matches("<summary>").count();
                pedir(
                    abiertos >= 3
                        && respuestas == abiertos
                        && cuerpo.matches("</details>").count() == abiertos,
                    format!(
                        "«Ponte a prueba» debe tener al menos tres preguntas, cada una con su \
                         respuesta plegada en `<details><summary>…</summary> … </details>`; \
                         tiene {abiertos} `<details>`"
                    ),
                );
            }
            _ => {}
        }
    }
    problemas
}

#[test]
fn cada_capitulo_tiene_su_marco() {
    let mut problemas = Vec::new();
    for archivo in capitulos_numerados() {
        let texto = leer(&fuentes().join(&archivo));
        let faltas = problemas_del_marco(&archivo, &texto);
        let pendiente = SIN_MARCO_TODAVIA.contains(&archivo.as_str());
        if pendiente && faltas.is_empty() {
            problemas.push(format!(
                "book/src/{archivo} ya tiene su marco: quítalo de SIN_MARCO_TODAVIA en tests/libro.rs"
            ));
        } else if !pendiente {
            problemas.extend(faltas);
        }
    }
    sin_problemas(
        "Capítulos sin su marco (Aprenderás, Necesitas, Para recordar, Ponte a prueba)",
        problemas,
    );
}

#[test]
fn ve_un_marco_incompleto() {
    let bien = "# T\n\n## Aprenderás\n\n- a\n- b\n\n## Necesitas\n\n- [x](x.md)\n\n## Cuerpo\n\n\
                ```text\n## no es una sección\n```\n\n## Para recordar\n\n- a\n- b\n- c\n\n\
                ## Ponte a prueba\n\n1. ¿?\n\n<details>\n<summary>Respuesta</summary>\n\nSí.\n\n</details>\n\n\
                2. ¿?\n\n<details>\n<summary>Respuesta</summary>\n\nNo.\n\n</details>\n\n\
                3. ¿?\n\n<details>\n<summary>Respuesta</summary>\n\nTal vez.\n\n</details>\n";
    assert_eq!(problemas_del_marco("bien.md", bien), Vec::<String>::new());
    let sin_tercera = bien.replace(
        "3. ¿?\n\n<details>\n<summary>Respuesta</summary>\n\nTal vez.\n\n</details>\n",
        "",
    );
    assert_eq!(problemas_del_marco("mal.md", &sin_tercera).len(), 1);
    let sin_necesitas = bien.replace("## Necesitas", "## Antes");
    assert!(!problemas_del_marco("mal.md", &sin_necesitas).is_empty());
}
