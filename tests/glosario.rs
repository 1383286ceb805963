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

use comun::{Linea, palabras};

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
    // concurrencia acotada y estructurada
    v(
        "concurrencia limitada",
        "concurrencia acotada",
        "concurrencia-acotada",
    ),
    v(
        "concurrencia estructural",
        "concurrencia estructurada",
        "concurrencia-estructurada",
    ),
    // buzón, canal acotado
    v("mailbox", "buzón", "buzon"),
    v("canal limitado", "canal acotado", "canal-acotado"),
    v("canal ilimitado", "canal sin límite", "canal-acotado"),
    v("canal no acotado", "canal sin límite", "canal-acotado"),
    // apagado ordenado
    v("apagado elegante", "apagado ordenado", "apagado-ordenado"),
    v("apagado grácil", "apagado ordenado", "apagado-ordenado"),
    v("cierre elegante", "apagado ordenado", "apagado-ordenado"),
];

/// Las variantes que se buscan también en el código, porque el alumno lee
/// los comentarios y los mensajes de los ejemplos: las palabras y los giros
/// de una sola región (casi siempre de España), con lo que entienden igual
/// todos los lectores, de América y de España; «rasgo» y «por defecto».
const TAMBIEN_EN_EL_CODIGO: &[Variante] = &[
    v("ordenador*", "computadora, equipo", "espanol-comun"),
    v(
        "sient* fatal",
        "le viene mal, no le conviene",
        "espanol-comun",
    ),
    v("sentar* fatal", "venir mal, no convenir", "espanol-comun"),
    v("sentó fatal", "le vino mal", "espanol-comun"),
    v("tumb*", "hacer caer, derribar", "espanol-comun"),
    v("coger", "tomar", "espanol-comun"),
    v("coge", "toma", "espanol-comun"),
    v("cogen", "toman", "espanol-comun"),
    v("cogi*", "tomó, tomado", "espanol-comun"),
    v("fichero*", "archivo", "espanol-comun"),
    v("vosotr*", "tú, como el resto del taller", "espanol-comun"),
    v("vuestr*", "tu, tus", "espanol-comun"),
    // trait
    v("rasgo*", "trait", "trait"),
    // por omisión
    v("por defecto", "por omisión", "por-omision"),
];

/// Las otras maneras de decir que un valor sigue vivo en un `.await` (y por
/// eso el future lo guarda): cada una, seguida a lo sumo de dos palabras y
/// del código `.await`. El glosario dice una sola: «cruzar un `.await`».
const OTRAS_FORMAS_DE_CRUZAR: &[&str] = &["a través de*", "sobreviv*", "viv* en", "durante"];

/// Lo que se usa en lugar de [`OTRAS_FORMAS_DE_CRUZAR`].
const CRUZAR: Variante = v(
    "",
    "cruzar un `.await` (el `Rc` cruza el `.await`)",
    "cruzar-await",
);

/// Lo que se escribe para el título del libro que sigue el taller.
const TITULO: Variante = v(
    "programming rust",
    "*Programming Rust*, en cursiva y sin comillas",
    "espanol-comun",
);

/// Las fuentes del taller que el alumno no tiene: unos apuntes de clase y
/// unas notas. Nombrarlas lo manda a buscar algo que no existe.
const FUENTES: &[&str] = &[
    "apuntes",
    "notas de clase",
    "notas del curso",
    "notas del libro",
];

/// Dónde se explica el recuadro que sustituye a las [`FUENTES`].
const MITO_FRECUENTE: &str = "book/src/como-usar.md#mito-frecuente";

/// ¿Aparece `variante` en estas palabras? Devuelve lo que encontró, tal como
/// está (en minúsculas).
fn buscar(variante: &str, palabras: &[(usize, String)]) -> Option<String> {
    let partes: Vec<&str> = variante.split(' ').collect();
    palabras.windows(partes.len()).find_map(|ventana| {
        let coincide = partes
            .iter()
            .zip(ventana)
            .all(|(parte, (_, palabra))| coincide(parte, palabra));
        coincide.then(|| {
            ventana
                .iter()
                .map(|(_, p)| p.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
    })
}

/// ¿Es `palabra` la `parte` de una variante? Un `*` final acepta cualquier
/// terminación.
fn coincide(parte: &str, palabra: &str) -> bool {
    match parte.strip_suffix('*') {
        Some(prefijo) => palabra.starts_with(prefijo),
        None => palabra == parte,
    }
}

/// Un trozo del texto con marcas ([`comun::Linea::marcas`]).
#[derive(Debug, PartialEq)]
enum Ficha {
    /// Una palabra, en minúsculas.
    Palabra(String),
    /// Un código en línea, sin sus comillas invertidas.
    Codigo(String),
    /// Cualquier otro signo: puntuación, comillas, asteriscos.
    Signo(char),
}

/// Las fichas de un texto con marcas, en orden, sin los espacios.
fn fichas(marcas: &str) -> Vec<Ficha> {
    let mut resultado = Vec::new();
    let mut caracteres = marcas.chars().peekable();
    while let Some(c) = caracteres.next() {
        if c == '`' {
            let codigo: String = caracteres.by_ref().take_while(|&c| c != '`').collect();
            resultado.push(Ficha::Codigo(codigo));
        } else if c.is_alphabetic() {
            let mut palabra: String = c.to_lowercase().collect();
            while let Some(&siguiente) = caracteres.peek().filter(|c| c.is_alphabetic()) {
                palabra.extend(siguiente.to_lowercase());
                caracteres.next();
            }
            resultado.push(Ficha::Palabra(palabra));
        } else if !c.is_whitespace() {
            resultado.push(Ficha::Signo(c));
        }
    }
    resultado
}

/// ¿Dice esta línea que algo sigue vivo en un `.await` sin decir que lo
/// cruza? Devuelve la frase hallada: una de [`OTRAS_FORMAS_DE_CRUZAR`], a lo
/// sumo dos palabras más y un código que contiene `await`.
fn cruza_sin_decirlo(marcas: &str) -> Option<String> {
    let fichas = fichas(marcas);
    for forma in OTRAS_FORMAS_DE_CRUZAR {
        let partes: Vec<&str> = forma.split(' ').collect();
        for inicio in 0..fichas.len() {
            let mut frase = Vec::new();
            let empieza =
                partes
                    .iter()
                    .enumerate()
                    .all(|(k, parte)| match fichas.get(inicio + k) {
                        Some(Ficha::Palabra(palabra)) if coincide(parte, palabra) => {
                            frase.push(palabra.clone());
                            true
                        }
                        _ => false,
                    });
            if !empieza {
                continue;
            }
            for ficha in fichas.iter().skip(inicio + partes.len()).take(3) {
                match ficha {
                    Ficha::Codigo(codigo) if codigo.contains("await") => {
                        frase.push(format!("`{codigo}`"));
                        return Some(frase.join(" "));
                    }
                    Ficha::Palabra(palabra) => frase.push(palabra.clone()),
                    _ => break,
                }
            }
        }
    }
    None
}

/// Las veces que una línea escribe el título *Programming Rust* de otra
/// manera que en cursiva: sin cursiva, en negrita, o entre comillas (dentro
/// o fuera de la cursiva). Devuelve cada una con lo que la rodea.
fn titulo_mal_escrito(marcas: &str) -> Vec<String> {
    let comillas = ['«', '»', '\'', '‘', '’', '"', '“', '”'];
    let minusculas = marcas.to_lowercase();
    let mut halladas = Vec::new();
    for (i, _) in minusculas.match_indices(TITULO.variante) {
        // `to_lowercase` no cambia las posiciones de este texto, que es
        // ASCII; del resto de la línea solo se miran los caracteres enteros.
        if !marcas.is_char_boundary(i) || !marcas.is_char_boundary(i + TITULO.variante.len()) {
            continue;
        }
        let antes = &marcas[..i];
        let despues = &marcas[i + TITULO.variante.len()..];
        // En cursiva si hay un número impar de asteriscos antes, sin contar
        // los que van dentro de un código.
        let mut en_codigo = false;
        let mut asteriscos = 0;
        for c in antes.chars() {
            match c {
                '`' => en_codigo = !en_codigo,
                '*' if !en_codigo => asteriscos += 1,
                _ => {}
            }
        }
        if en_codigo {
            continue;
        }
        let previo = antes.chars().next_back();
        let siguiente = despues.chars().next();
        let entre_comillas = previo.is_some_and(|c| comillas.contains(&c))
            || siguiente.is_some_and(|c| comillas.contains(&c));
        if asteriscos % 2 == 0 || entre_comillas {
            halladas.push(format!(
                "{}{}{}",
                previo.map(String::from).unwrap_or_default(),
                &marcas[i..i + TITULO.variante.len()],
                siguiente.map(String::from).unwrap_or_default()
            ));
        }
    }
    halladas
}

/// Un problema hallado en una línea, con el formato de todos: dónde, qué se
/// encontró, qué usar y la línea.
fn aviso(linea: &Linea, hallado: &str, usar: &str, donde: &str) -> String {
    format!(
        "{}:{}: «{hallado}» → usa «{usar}» ({donde})\n      {}",
        linea.archivo,
        linea.numero,
        linea.texto.trim()
    )
}

/// Los problemas de unas líneas, uno por variante encontrada: las de
/// `variantes` y, en todas, las formas de [`OTRAS_FORMAS_DE_CRUZAR`], el
/// título mal escrito y las [`FUENTES`].
fn problemas_con(lineas: &[Linea], variantes: &[&[Variante]]) -> Vec<String> {
    let glosario = |ancla: &str| format!("book/src/glosario.md#{ancla}");
    let mut encontrados = Vec::new();
    for linea in lineas {
        let palabras = palabras(&linea.texto);
        for v in variantes.iter().copied().flatten() {
            if let Some(hallada) = buscar(v.variante, &palabras) {
                encontrados.push(aviso(linea, &hallada, v.usar, &glosario(v.ancla)));
            }
        }
        if let Some(hallada) = cruza_sin_decirlo(&linea.marcas) {
            encontrados.push(aviso(linea, &hallada, CRUZAR.usar, &glosario(CRUZAR.ancla)));
        }
        for hallado in titulo_mal_escrito(&linea.marcas) {
            encontrados.push(aviso(linea, &hallado, TITULO.usar, &glosario(TITULO.ancla)));
        }
        for fuente in FUENTES {
            if let Some(hallada) = buscar(fuente, &palabras) {
                encontrados.push(aviso(
                    linea,
                    &hallada,
                    "la idea por sí misma (si corrige una creencia extendida, en un recuadro \
                     de Mito frecuente)",
                    MITO_FRECUENTE,
                ));
            }
        }
    }
    encontrados
}

/// Los problemas de unas líneas de prosa: todas las variantes.
fn problemas(lineas: &[Linea]) -> Vec<String> {
    problemas_con(lineas, &[VARIANTES, TAMBIEN_EN_EL_CODIGO])
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
             variantes están en VARIANTES y TAMBIEN_EN_EL_CODIGO, en tests/glosario.rs.\n",
            encontrados.len(),
            encontrados.join("\n  ")
        );
    }
}

#[test]
fn el_codigo_habla_el_mismo_espanol() {
    // Los comentarios y las cadenas del código que lee el alumno: no los
    // términos en inglés (un comentario puede nombrar `thread` a secas),
    // pero sí las palabras de una sola región, «trait», «por omisión», el
    // `.await` que se cruza, el título del libro y las fuentes que no tiene.
    let codigo: Vec<Linea> = comun::codigo()
        .into_iter()
        .filter(|l| l.archivo != "tests/glosario.rs")
        .collect();
    assert!(
        codigo.iter().any(|l| l.archivo.starts_with("examples/")),
        "no se encontró el código de los ejemplos: ¿se movió examples/?"
    );
    let encontrados = problemas_con(&codigo, &[TAMBIEN_EN_EL_CODIGO]);
    if !encontrados.is_empty() {
        panic!(
            "\n{} variante(s) desaconsejada(s) en los comentarios y los mensajes del \
             código:\n\n  {}\n\n\
             Cámbialas como en la prosa del libro (las reglas están en TAMBIEN_EN_EL_CODIGO, en \
             tests/glosario.rs).\n",
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
        .chain(TAMBIEN_EN_EL_CODIGO)
        .chain([&CRUZAR, &TITULO])
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
    let (pagina, ancla) = MITO_FRECUENTE
        .split_once('#')
        .expect("MITO_FRECUENTE es página#ancla");
    let texto = std::fs::read_to_string(comun::raiz().join(pagina))
        .unwrap_or_else(|e| panic!("no se pudo leer {pagina}: {e}"));
    assert!(
        texto.contains(&format!("{{#{ancla}}}")),
        "las FUENTES de tests/glosario.rs mandan a {MITO_FRECUENTE}, pero {pagina} no tiene \
         la sección {{#{ancla}}}"
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
    // Cada línea, con lo que pulldown-cmark (el analizador de mdBook) deja
    // ver al lector.
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
              Un [*enlace en cursiva*](glosario.md#x): y\n\
              la línea siguiente, con <span>HTML</span> y `cargo run` en línea.\n\
              \n\
              ~~~\n\
              hebra\n\
              ~~~\n\
              \n    \
                  hebra = \"sangrada\";\n\
              \n\
              > **Mito frecuente.** Una cita\n\
              > en dos líneas, con \"comillas\".\n\
              ## In English\n\
              English text.\n\
              ### Subsection\n\
              More English.\n\
              ## Otra sección\n\
              Vuelve el español.\n";
    let lineas = comun::de_markdown("x.md", md);
    let texto = normalizado(&lineas);
    assert_eq!(
        texto,
        [
            (1, "Título".to_string()),
            (2, "Texto con y un enlace a".to_string()),
            (7, "En este taller".to_string()),
            (9, "hilo".to_string()),
            (13, "Un hilo bloqueado,".to_string()),
            (14, "y una".to_string()),
            (15, "también.".to_string()),
            (16, "Un : y".to_string()),
            (17, "la línea siguiente, con HTML y en línea.".to_string()),
            (25, "Mito frecuente. Una cita".to_string()),
            (26, "en dos líneas, con “comillas”.".to_string()),
            (31, "Otra sección".to_string()),
            (32, "Vuelve el español.".to_string()),
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
    // Las pistas van en una lista de cadenas de varias líneas, de los dos
    // tipos de TOML, y cada una se lee como Markdown: sin su bloque de código
    // y con una cursiva que sigue en la línea siguiente.
    let toml = "# Un comentario.\n\
                [[ejercicio]]\n\
                nombre = \"x\"\n\
                pistas = [\n\
                \"\"\"\n\
                Usa `task::spawn` y espera.\n\
                \"\"\",\n\
                '''\n\
                1. Una lista, con *cursiva\n   \
                   que sigue* aquí.\n\
                \n\
                ```rust\n\
                let hilo = task::spawn(f);\n\
                ```\n\
                Y sin comillas: cargo run -- pista x 2.\n\
                ''', \"\"\"Una en una línea.\"\"\"]\n";
    let lineas = comun::de_info_toml("info.toml", toml);
    assert_eq!(
        normalizado(&lineas),
        [
            (1, "Un comentario.".to_string()),
            (6, "Usa y espera.".to_string()),
            (9, "Una lista, con".to_string()),
            (10, "aquí.".to_string()),
            (15, "Y sin comillas:".to_string()),
            (16, "Una en una línea.".to_string()),
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

/// El texto con marcas de un Markdown, todas sus líneas juntas.
fn marcas(md: &str) -> String {
    comun::de_markdown("x.md", md)
        .into_iter()
        .map(|l| l.marcas)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn encuentra_las_otras_formas_de_cruzar_un_await() {
    let cruza = |md: &str| cruza_sin_decirlo(&marcas(md));
    assert_eq!(
        cruza("El `Rc` sigue vivo a través de un `.await`."),
        Some("a través de un `.await`".into())
    );
    assert_eq!(
        cruza("el guardián, también durante el `.await` del brazo"),
        Some("durante el `.await`".into())
    );
    assert_eq!(
        cruza("valores que sobreviven a un `socket.read(&mut b).await`"),
        Some("sobreviven a un `socket.read(&mut b).await`".into())
    );
    assert_eq!(
        cruza("lo que está vivo en sus `.await`"),
        Some("vivo en sus `.await`".into())
    );
    // La forma del glosario, y las mismas palabras sin un `.await` detrás.
    assert_eq!(cruza("El `Rc` cruza el `.await`."), None);
    assert_eq!(
        cruza("Lo manda a través de un canal, y el `.await` espera."),
        None
    );
    assert_eq!(
        cruza("Vive durante mucho más tiempo que el `.await`."),
        None
    );
    assert_eq!(
        cruza("Durante la espera, el *future* `x.await` cede."),
        None
    );
}

#[test]
fn el_titulo_del_libro_va_en_cursiva_y_sin_comillas() {
    let titulo = |md: &str| titulo_mal_escrito(&marcas(md));
    assert!(titulo("Sigue a *Programming Rust* (2.ª ed.).").is_empty());
    assert!(titulo("el capítulo 20 de *Programming Rust, 2.ª edición*").is_empty());
    assert!(titulo("el libro `Programming Rust` en código").is_empty());
    assert_eq!(
        titulo("Sigue a «Programming Rust»."),
        ["«Programming Rust»"]
    );
    // mdBook convierte las comillas rectas en tipográficas.
    assert_eq!(
        titulo("Sigue a 'Programming Rust'."),
        ["‘Programming Rust’"]
    );
    assert_eq!(
        titulo("Sigue a *«Programming Rust»*."),
        ["«Programming Rust»"]
    );
    assert_eq!(
        titulo("Ni **Programming Rust** ni programming rust.").len(),
        2
    );
    // Lo citado entre comillas angulares sale del texto, pero no de las
    // marcas: la regla lo ve.
    let lineas = comun::sin_citas(comun::de_markdown("x.md", "Según\n«Programming Rust».\n"));
    let encontrados = problemas(&lineas);
    assert_eq!(encontrados.len(), 1, "{encontrados:?}");
    assert!(
        encontrados[0].starts_with("x.md:2: ««Programming Rust»» → usa «*Programming Rust*"),
        "{encontrados:?}"
    );
}

#[test]
fn avisa_de_las_palabras_regionales_y_de_las_fuentes_tambien_en_el_codigo() {
    let lineas = comun::sin_citas(comun::de_markdown(
        "x.md",
        "Según los apuntes, el ordenador\nse cuelga y el error tumba el servidor.\n",
    ));
    let encontrados = problemas(&lineas);
    assert_eq!(encontrados.len(), 3, "{encontrados:?}");
    assert!(encontrados[0].starts_with("x.md:1: «ordenador» → usa «computadora, equipo»"));
    assert!(encontrados[1].starts_with("x.md:1: «apuntes» → usa «la idea por sí misma"));
    assert!(encontrados[2].starts_with("x.md:2: «tumba» → usa «hacer caer, derribar»"));

    let rs = "// Un error no tumba el servidor.\n\
              let thread = 1; // un thread: en el código sí se puede\n\
              println!(\"el valor por defecto, vivo a través de un `.await`\");\n";
    let lineas = comun::sin_citas(comun::de_rust("x.rs", rs));
    let encontrados = problemas_con(&lineas, &[TAMBIEN_EN_EL_CODIGO]);
    let donde: Vec<&str> = encontrados
        .iter()
        .map(|e| e.split(" → ").next().unwrap_or(""))
        .collect();
    assert_eq!(
        donde,
        [
            "x.rs:1: «tumba»",
            "x.rs:3: «por defecto»",
            "x.rs:3: «a través de un `.await`»"
        ]
    );
}
