//! Los intentos: soluciones equivocadas y alternativas honestas de cada
//! ejercicio, en el paquete `intentos/`.
//!
//! Unas pruebas valen lo que los errores que atrapan. Para saberlo, el
//! taller guarda los errores que cometería un alumno, cada uno escrito como
//! una solución entera con un solo fallo, y las otras maneras correctas de
//! resolver el ejercicio, que las pruebas no deben rechazar:
//!
//! ```text
//! intentos/equivocadas/EJERCICIO/ERROR.rs     una solución equivocada
//! intentos/alternativas/EJERCICIO/NOMBRE.rs   una alternativa honesta
//! intentos/tests/EJERCICIO__ERROR.rs          su envoltorio (generado)
//! intentos/tests/EJERCICIO__alt_NOMBRE.rs
//! ```
//!
//! Cada archivo reemplaza entero a `solutions/src/EJERCICIO.rs`, y empieza
//! con una cabecera de comentarios `//!` que dice qué es ([`leer_cabecera`]):
//!
//! ```text
//! //! Error: lee la respuesta con una sola llamada a `read`.
//! //! Se espera: falla devuelve_la_respuesta_entera_del_servidor
//! ```
//!
//! o `//! Se espera: no compila`, o, en una alternativa,
//! `//! Alternativa: lo que cambia`. La cabecera termina en la primera línea
//! `//!` vacía (o en la primera que no es `//!`); lo que sigue es el código,
//! con los comentarios de la solución de la que sale.
//!
//! Los envoltorios de `intentos/tests/` son como los de `solutions/tests/`:
//! declaran con `#[path]` el módulo del ejercicio con el intento e incluyen
//! las pruebas de `exercises/tests/`, sin cambiar una línea. Los escribe
//! [`escribir_envoltorios`] (`cargo run -- intentos`), y una prueba de esta
//! biblioteca falla si falta alguno o si alguno no es el que saldría de aquí.
//! `cargo run -- comprobar` corre cada uno y comprueba que cada solución
//! equivocada falle como dice su cabecera y cada alternativa pase.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::ejercicios;

/// La orden que escribe los envoltorios de `intentos/tests/`.
pub const ORDEN_QUE_GENERA: &str = "cargo run -- intentos";

/// Lo que se espera de una solución equivocada.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Espera {
    /// Compila, y fallan estas pruebas (las demás pueden pasar o fallar).
    Fallan(Vec<String>),
    /// No compila: el error está en los tipos, y lo atrapa el compilador.
    NoCompila,
}

/// Lo que dice la cabecera de un intento.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cabecera {
    /// Una solución equivocada: qué error comete y cómo deben rechazarla.
    Equivocada { error: String, espera: Espera },
    /// Una alternativa honesta, que debe pasar todas las pruebas: en qué se
    /// diferencia de la solución.
    Alternativa { diferencia: String },
}

/// Un intento: una solución equivocada o una alternativa de un ejercicio.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intento {
    /// El ejercicio, por su nombre en `exercises/info.toml`.
    pub ejercicio: String,
    /// El nombre del archivo sin `.rs` (o de la carpeta, si el intento es
    /// de varios archivos): `una_sola_lectura`.
    pub nombre: String,
    /// El archivo con la cabecera, relativo a la raíz:
    /// `intentos/equivocadas/cheapo_request/una_sola_lectura.rs` (o
    /// `.../una_sola_lectura/mod.rs`).
    pub archivo: String,
    pub cabecera: Cabecera,
}

impl Intento {
    pub fn es_alternativa(&self) -> bool {
        matches!(self.cabecera, Cabecera::Alternativa { .. })
    }

    /// El objetivo de pruebas de su envoltorio: `cheapo_request__una_sola_lectura`
    /// o, para una alternativa, `cheapo_request__alt_NOMBRE`.
    pub fn objetivo(&self) -> String {
        let prefijo = if self.es_alternativa() { "alt_" } else { "" };
        format!("{}__{prefijo}{}", self.ejercicio, self.nombre)
    }

    /// Su envoltorio, relativo a la raíz: `intentos/tests/OBJETIVO.rs`.
    pub fn envoltorio(&self) -> String {
        format!("intentos/tests/{}.rs", self.objetivo())
    }

    /// La orden que corre sus pruebas.
    pub fn orden_de_pruebas(&self) -> String {
        format!("cargo test -p intentos --test {}", self.objetivo())
    }

    /// El texto del envoltorio: las pruebas del ejercicio, sin cambiar una
    /// línea, con el intento como módulo del ejercicio.
    pub fn texto_del_envoltorio(&self) -> String {
        let desde_tests = self
            .archivo
            .strip_prefix("intentos/")
            .unwrap_or(&self.archivo);
        let pruebas = format!("exercises/tests/{}.rs", self.ejercicio);
        let que = if self.es_alternativa() {
            "una alternativa, que debe pasarlas todas"
        } else {
            "una solución equivocada, que debe fallar como dice su cabecera"
        };
        let mut texto = format!(
            "//! Generado con `{ORDEN_QUE_GENERA}`: no lo edites a mano.\n\
             //!\n\
             //! Las pruebas de {pruebas}, sin cambiar una línea,\n\
             //! contra {que}\n\
             //! (lo comprueba `cargo run -- comprobar`):\n\
             //! {archivo}.\n",
            archivo = self.archivo,
        );
        if matches!(
            self.cabecera,
            Cabecera::Equivocada {
                espera: Espera::NoCompila,
                ..
            }
        ) {
            texto.push_str(
                "\n// No compila, a propósito. Clippy activa `cfg(clippy)` y así no lo mira:\n\
                 // `cargo clippy --workspace --all-targets` no se para aquí.\n\
                 #![cfg(not(clippy))]\n",
            );
        }
        texto.push_str(&format!(
            "\n#[path = \"../{desde_tests}\"]\npub mod {ejercicio};\n\n\
             include!(\"../../{pruebas}\");\n",
            ejercicio = self.ejercicio,
        ));
        texto
    }
}

/// Las claves de la cabecera, en el orden en que se escriben.
const ERROR: &str = "Error:";
const SE_ESPERA: &str = "Se espera:";
const ALTERNATIVA: &str = "Alternativa:";

/// Lee la cabecera de un intento: las primeras líneas `//!` del archivo,
/// hasta la primera `//!` vacía o la primera que no es `//!`.
///
/// Cada campo empieza en una línea `//! Clave: texto`, y las líneas que le
/// siguen sin clave lo continúan (se unen con un espacio). Una solución
/// equivocada tiene `Error:` y `Se espera:`, en ese orden; una alternativa,
/// solo `Alternativa:`. `Se espera:` es `no compila` o `falla` (o `fallan`)
/// seguido de los nombres de las pruebas, separados por comas, tal como los
/// escribe libtest (`modulo::prueba` si la prueba está en un módulo).
pub fn leer_cabecera(texto: &str) -> Result<Cabecera, String> {
    let mut campos: Vec<(&'static str, String)> = Vec::new();
    for linea in texto.lines() {
        let linea = linea.trim_end();
        let Some(resto) = linea.strip_prefix("//!") else {
            break;
        };
        let resto = resto.strip_prefix(' ').unwrap_or(resto);
        if resto.trim().is_empty() {
            break;
        }
        let clave = [ERROR, SE_ESPERA, ALTERNATIVA]
            .into_iter()
            .find(|clave| resto.starts_with(clave));
        match (clave, campos.last_mut()) {
            (Some(clave), _) => {
                if campos.iter().any(|(c, _)| *c == clave) {
                    return Err(format!("la cabecera tiene dos veces «{clave}»"));
                }
                campos.push((clave, resto[clave.len()..].trim().to_string()));
            }
            (None, Some((_, valor))) => {
                valor.push(' ');
                valor.push_str(resto.trim());
            }
            (None, None) => break,
        }
    }
    let claves: Vec<&str> = campos.iter().map(|(c, _)| *c).collect();
    let valor = |clave: &str| {
        let (_, valor) = campos.iter().find(|(c, _)| *c == clave)?;
        Some(valor.trim().to_string())
    };
    match claves.as_slice() {
        [] => Err(format!(
            "no empieza con una cabecera: su primera línea debe ser «//! {ERROR} …» \
             (una solución equivocada) o «//! {ALTERNATIVA} …» (una alternativa)"
        )),
        [ERROR, SE_ESPERA] => {
            let error = valor(ERROR).unwrap_or_default();
            if error.is_empty() {
                return Err(format!("«{ERROR}» está vacío: di qué error comete"));
            }
            let espera = leer_espera(&valor(SE_ESPERA).unwrap_or_default())?;
            Ok(Cabecera::Equivocada { error, espera })
        }
        [ALTERNATIVA] => {
            let diferencia = valor(ALTERNATIVA).unwrap_or_default();
            if diferencia.is_empty() {
                return Err(format!(
                    "«{ALTERNATIVA}» está vacío: di en qué se diferencia de la solución"
                ));
            }
            Ok(Cabecera::Alternativa { diferencia })
        }
        [ERROR] => Err(format!(
            "falta «//! {SE_ESPERA} falla NOMBRE_DE_LA_PRUEBA» (o «//! {SE_ESPERA} no \
             compila») después de «{ERROR}»"
        )),
        otras => Err(format!(
            "la cabecera tiene {}: una solución equivocada lleva «{ERROR}» y «{SE_ESPERA}», \
             en ese orden, y una alternativa solo «{ALTERNATIVA}»",
            otras
                .iter()
                .map(|c| format!("«{c}»"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// `no compila`, o `falla a, b` (o `fallan a, b`).
fn leer_espera(texto: &str) -> Result<Espera, String> {
    if texto == "no compila" {
        return Ok(Espera::NoCompila);
    }
    let Some(nombres) = texto
        .strip_prefix("fallan ")
        .or_else(|| texto.strip_prefix("falla "))
    else {
        return Err(format!(
            "«{SE_ESPERA} {texto}» no se entiende: escribe «falla NOMBRE_DE_LA_PRUEBA» \
             (con varias, separadas por comas) o «no compila»"
        ));
    };
    let mut pruebas: Vec<String> = Vec::new();
    for nombre in nombres.split(',').map(str::trim) {
        if !es_nombre_de_prueba(nombre) {
            return Err(format!(
                "«{nombre}» no es el nombre de una prueba (en «{SE_ESPERA} {texto}»): \
                 van separados por comas, tal como los escribe `cargo test`"
            ));
        }
        if pruebas.iter().any(|p| p == nombre) {
            return Err(format!(
                "la prueba «{nombre}» sale dos veces en «{SE_ESPERA}»"
            ));
        }
        pruebas.push(nombre.to_string());
    }
    Ok(Espera::Fallan(pruebas))
}

/// Un identificador de Rust, o varios unidos por `::`.
fn es_nombre_de_prueba(nombre: &str) -> bool {
    nombre.split("::").all(|parte| {
        let mut letras = parte.chars();
        letras
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && letras.all(|c| c.is_ascii_alphanumeric() || c == '_')
    })
}

/// Un nombre de archivo de intento: minúsculas, cifras y guiones bajos,
/// sin `__` (separa el ejercicio del intento en el objetivo de pruebas).
fn es_nombre_de_intento(nombre: &str) -> bool {
    nombre.starts_with(|c: char| c.is_ascii_lowercase())
        && !nombre.ends_with('_')
        && !nombre.contains("__")
        && nombre
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Todos los intentos de `raiz/intentos/`, en el orden de los ejercicios en
/// `exercises/info.toml` y, en cada ejercicio, primero las soluciones
/// equivocadas y después las alternativas, por nombre.
///
/// Devuelve todos los problemas a la vez, si los hay: una carpeta que no es
/// un ejercicio, un nombre que no vale, una cabecera que no se entiende o que
/// no es la de su carpeta, una prueba de `Se espera:` que no existe en las
/// pruebas del ejercicio.
pub fn todos(raiz: &Path) -> Result<Vec<Intento>, Vec<String>> {
    let ejercicios = ejercicios::todos();
    let mut intentos: Vec<(usize, Intento)> = Vec::new();
    let mut problemas: Vec<String> = Vec::new();
    for carpeta in ["equivocadas", "alternativas"] {
        let alternativas = carpeta == "alternativas";
        for (ejercicio, ruta) in entradas(&raiz.join("intentos").join(carpeta)) {
            let relativa = format!("intentos/{carpeta}/{ejercicio}");
            let Some(posicion) = ejercicios.iter().position(|e| e.nombre == ejercicio) else {
                problemas.push(format!(
                    "{relativa}: no hay ningún ejercicio «{ejercicio}» en exercises/info.toml"
                ));
                continue;
            };
            if !ruta.is_dir() {
                problemas.push(format!(
                    "{relativa}: debe ser una carpeta, con un archivo por intento"
                ));
                continue;
            }
            let mut pruebas_del_ejercicio =
                fs::read_to_string(raiz.join(&ejercicios[posicion].pruebas)).unwrap_or_default();
            // Las pruebas del chat (las del proyecto final, `chat_tokio`) las
            // escribe la macro `pruebas_del_chat!` a partir de las funciones
            // genéricas de src/chat/pruebas.rs: sus nombres están allí.
            if pruebas_del_ejercicio.contains("pruebas_del_chat!") {
                pruebas_del_ejercicio
                    .push_str(&fs::read_to_string(raiz.join(PRUEBAS_DEL_CHAT)).unwrap_or_default());
            }
            for (entrada, ruta) in entradas(&ruta) {
                let (nombre, archivo) = if ruta.is_dir() {
                    (entrada.clone(), format!("{relativa}/{entrada}/mod.rs"))
                } else if let Some(nombre) = entrada.strip_suffix(".rs") {
                    (nombre.to_string(), format!("{relativa}/{entrada}"))
                } else {
                    problemas.push(format!(
                        "{relativa}/{entrada}: aquí solo van intentos, archivos `.rs` (o \
                         carpetas con su `mod.rs`)"
                    ));
                    continue;
                };
                if !es_nombre_de_intento(&nombre) || (!alternativas && nombre.starts_with("alt_")) {
                    problemas.push(format!(
                        "{archivo}: «{nombre}» no vale como nombre de intento: minúsculas, \
                         cifras y guiones bajos, sin `__`{}",
                        if alternativas {
                            ""
                        } else {
                            " y sin empezar por `alt_`"
                        }
                    ));
                    continue;
                }
                let texto = match fs::read_to_string(raiz.join(&archivo)) {
                    Ok(texto) => texto,
                    Err(error) => {
                        problemas.push(format!("{archivo}: no se pudo leer: {error}"));
                        continue;
                    }
                };
                let cabecera = match leer_cabecera(&texto) {
                    Ok(cabecera) => cabecera,
                    Err(problema) => {
                        problemas.push(format!("{archivo}: {problema}"));
                        continue;
                    }
                };
                match (&cabecera, alternativas) {
                    (Cabecera::Alternativa { .. }, false) => {
                        problemas.push(format!(
                            "{archivo}: tiene la cabecera de una alternativa y está entre las \
                             equivocadas: muévelo a intentos/alternativas/{ejercicio}/"
                        ));
                        continue;
                    }
                    (Cabecera::Equivocada { .. }, true) => {
                        problemas.push(format!(
                            "{archivo}: tiene la cabecera de una solución equivocada y está \
                             entre las alternativas: muévelo a intentos/equivocadas/{ejercicio}/"
                        ));
                        continue;
                    }
                    _ => {}
                }
                if let Cabecera::Equivocada {
                    espera: Espera::Fallan(pruebas),
                    ..
                } = &cabecera
                {
                    for prueba in pruebas {
                        let funcion = prueba.rsplit("::").next().unwrap_or(prueba);
                        if !define_la_funcion(&pruebas_del_ejercicio, funcion) {
                            problemas.push(format!(
                                "{archivo}: dice que falla «{prueba}», y {} no tiene ninguna \
                                 prueba con ese nombre",
                                ejercicios[posicion].pruebas
                            ));
                        }
                    }
                }
                intentos.push((
                    posicion,
                    Intento {
                        ejercicio: ejercicio.clone(),
                        nombre,
                        archivo,
                        cabecera,
                    },
                ));
            }
        }
    }
    if !problemas.is_empty() {
        return Err(problemas);
    }
    intentos.sort_by(|(a, x), (b, y)| {
        (a, x.es_alternativa(), &x.nombre).cmp(&(b, y.es_alternativa(), &y.nombre))
    });
    Ok(intentos.into_iter().map(|(_, intento)| intento).collect())
}

/// Donde están, genéricas, las pruebas que escribe la macro `pruebas_del_chat!`.
const PRUEBAS_DEL_CHAT: &str = "src/chat/pruebas.rs";

/// Si `codigo` define `fn nombre(` (o `fn nombre<`, una función genérica,
/// como las de las pruebas del chat): una búsqueda de texto, que basta para
/// atrapar un nombre mal escrito o una prueba que cambió de nombre.
fn define_la_funcion(codigo: &str, nombre: &str) -> bool {
    codigo.match_indices(&format!("fn {nombre}")).any(|(i, m)| {
        let antes = codigo[..i].chars().next_back();
        let despues = codigo[i + m.len()..].trim_start().chars().next();
        !antes.is_some_and(|c| c.is_alphanumeric() || c == '_')
            && matches!(despues, Some('(' | '<'))
    })
}

/// Las entradas de una carpeta, por nombre (ninguna si no existe). Los
/// archivos ocultos (`.gitkeep`) no cuentan.
fn entradas(carpeta: &Path) -> Vec<(String, std::path::PathBuf)> {
    let mut entradas: Vec<(String, std::path::PathBuf)> = fs::read_dir(carpeta)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entrada| {
            let nombre = entrada.file_name().into_string().ok()?;
            (!nombre.starts_with('.')).then(|| (nombre, entrada.path()))
        })
        .collect();
    entradas.sort();
    entradas
}

/// Los envoltorios que deberían estar en `intentos/tests/`, con su texto.
fn envoltorios(intentos: &[Intento]) -> BTreeMap<String, String> {
    intentos
        .iter()
        .map(|intento| (intento.envoltorio(), intento.texto_del_envoltorio()))
        .collect()
}

/// Los envoltorios `.rs` que hay en `intentos/tests/`, relativos a la raíz.
fn envoltorios_en_disco(raiz: &Path) -> Vec<String> {
    entradas(&raiz.join("intentos/tests"))
        .into_iter()
        .filter(|(nombre, _)| nombre.ends_with(".rs"))
        .map(|(nombre, _)| format!("intentos/tests/{nombre}"))
        .collect()
}

/// Lo que no está al día en `intentos/tests/`: cada envoltorio que falta,
/// que no es el que saldría de su intento o que sobra (su intento ya no
/// existe). Vacío si está todo al día.
pub fn envoltorios_pendientes(raiz: &Path, intentos: &[Intento]) -> Vec<String> {
    let esperados = envoltorios(intentos);
    let mut pendientes = Vec::new();
    for (envoltorio, texto) in &esperados {
        match fs::read_to_string(raiz.join(envoltorio)) {
            Err(_) => pendientes.push(format!("falta {envoltorio}")),
            Ok(en_disco) if en_disco != *texto => {
                pendientes.push(format!("{envoltorio} no es el que sale de su intento"))
            }
            Ok(_) => {}
        }
    }
    for envoltorio in envoltorios_en_disco(raiz) {
        if !esperados.contains_key(&envoltorio) {
            pendientes.push(format!(
                "sobra {envoltorio}: no es de ningún intento de intentos/equivocadas/ ni de \
                 intentos/alternativas/"
            ));
        }
    }
    pendientes
}

/// Escribe en `intentos/tests/` el envoltorio de cada intento y borra los
/// que sobran. Devuelve lo que cambió, una línea por archivo.
pub fn escribir_envoltorios(raiz: &Path, intentos: &[Intento]) -> std::io::Result<Vec<String>> {
    let esperados = envoltorios(intentos);
    fs::create_dir_all(raiz.join("intentos/tests"))?;
    let mut cambios = Vec::new();
    for (envoltorio, texto) in &esperados {
        let ruta = raiz.join(envoltorio);
        match fs::read_to_string(&ruta) {
            Ok(en_disco) if en_disco == *texto => continue,
            Ok(_) => cambios.push(format!("actualizado {envoltorio}")),
            Err(_) => cambios.push(format!("nuevo       {envoltorio}")),
        }
        fs::write(&ruta, texto)?;
    }
    for envoltorio in envoltorios_en_disco(raiz) {
        if !esperados.contains_key(&envoltorio) {
            fs::remove_file(raiz.join(&envoltorio))?;
            cambios.push(format!("borrado     {envoltorio}"));
        }
    }
    Ok(cambios)
}

#[cfg(test)]
mod pruebas {
    use super::*;

    fn equivocada(error: &str, espera: Espera) -> Cabecera {
        Cabecera::Equivocada {
            error: error.to_string(),
            espera,
        }
    }

    fn fallan(pruebas: &[&str]) -> Espera {
        Espera::Fallan(pruebas.iter().map(|p| p.to_string()).collect())
    }

    #[test]
    fn una_equivocada_con_una_prueba_que_falla() {
        let texto = "//! Error: lee con un solo `read`.\n\
                     //! Se espera: falla devuelve_la_respuesta_entera\n\
                     //!\n\
                     //! Solución del ejercicio: esto ya no es la cabecera.\n\
                     \n\
                     use std::io;\n";
        assert_eq!(
            leer_cabecera(texto),
            Ok(equivocada(
                "lee con un solo `read`.",
                fallan(&["devuelve_la_respuesta_entera"])
            ))
        );
    }

    #[test]
    fn varias_pruebas_separadas_por_comas_y_en_modulos() {
        let texto = "//! Error: x\n//! Se espera: fallan a,  b_2 , modulo::c\nuse x;\n";
        assert_eq!(
            leer_cabecera(texto),
            Ok(equivocada("x", fallan(&["a", "b_2", "modulo::c"])))
        );
    }

    #[test]
    fn una_que_no_compila() {
        let texto = "//! Error: el `Rc` cruza el `.await`.\n//! Se espera: no compila\n";
        assert_eq!(
            leer_cabecera(texto),
            Ok(equivocada("el `Rc` cruza el `.await`.", Espera::NoCompila))
        );
    }

    #[test]
    fn un_campo_sigue_en_las_lineas_sin_clave() {
        let texto = "//! Error: espera cada petición\n\
                     //!   antes de lanzar la siguiente.\n\
                     //! Se espera: falla una,\n\
                     //!   otra\n\
                     //! Solución del ejercicio many_requests.\n";
        // La última línea no tiene clave: continúa «Se espera» y la
        // estropea. La cabecera termina en una línea `//!` vacía.
        assert!(leer_cabecera(texto).is_err());
        let texto = texto.replace("//! Solución", "//!\n//! Solución");
        assert_eq!(
            leer_cabecera(&texto),
            Ok(equivocada(
                "espera cada petición antes de lanzar la siguiente.",
                fallan(&["una", "otra"])
            ))
        );
    }

    #[test]
    fn una_alternativa() {
        let texto = "//! Alternativa: `+ use<>` en lugar de `+ 'static`.\n\n//! Otra cosa.\n";
        assert_eq!(
            leer_cabecera(texto),
            Ok(Cabecera::Alternativa {
                diferencia: "`+ use<>` en lugar de `+ 'static`.".to_string()
            })
        );
    }

    #[test]
    fn las_cabeceras_que_no_valen() {
        let errores = [
            ("use std::io;\n", "no empieza con una cabecera"),
            (
                "//! Solución del ejercicio.\n//! Error: x\n",
                "no empieza con una cabecera",
            ),
            ("//! Error: x\n", "falta «//! Se espera:"),
            ("//! Error: x\n//! Se espera: pasa\n", "no se entiende"),
            ("//! Error: x\n//! Se espera: falla\n", "no se entiende"),
            ("//! Error: x\n//! Se espera: falla a b\n", "«a b» no es"),
            ("//! Error: x\n//! Se espera: falla a,\n", "«» no es"),
            ("//! Error: x\n//! Se espera: falla a, a\n", "dos veces"),
            ("//! Error:\n//! Se espera: no compila\n", "está vacío"),
            ("//! Error: x\n//! Error: y\n", "dos veces «Error:»"),
            ("//! Se espera: no compila\n//! Error: x\n", "en ese orden"),
            ("//! Alternativa: x\n//! Se espera: no compila\n", "solo"),
            ("//! Alternativa:\n", "está vacío"),
        ];
        for (texto, debe_decir) in errores {
            match leer_cabecera(texto) {
                Err(problema) => assert!(
                    problema.contains(debe_decir),
                    "{texto:?} dio «{problema}», que no dice «{debe_decir}»"
                ),
                Ok(cabecera) => panic!("{texto:?} se leyó como {cabecera:?}"),
            }
        }
    }

    #[test]
    fn los_nombres_de_los_intentos() {
        for bueno in ["una_sola_lectura", "v2", "sin_static"] {
            assert!(es_nombre_de_intento(bueno), "{bueno}");
        }
        for malo in [
            "",
            "_x",
            "x_",
            "dos__partes",
            "Mayuscula",
            "con-guion",
            "2x",
        ] {
            assert!(!es_nombre_de_intento(malo), "{malo}");
        }
    }

    #[test]
    fn define_la_funcion_busca_el_nombre_entero() {
        let codigo = "#[test]\nfn una_prueba() {}\nfn otra_prueba_mas () {}\n";
        assert!(define_la_funcion(codigo, "una_prueba"));
        assert!(define_la_funcion(codigo, "otra_prueba_mas"));
        assert!(!define_la_funcion(codigo, "prueba"));
        assert!(!define_la_funcion(codigo, "otra_prueba"));
    }

    #[test]
    fn el_envoltorio_de_una_equivocada_y_el_de_una_alternativa() {
        let intento = Intento {
            ejercicio: "cheapo_request".to_string(),
            nombre: "una_sola_lectura".to_string(),
            archivo: "intentos/equivocadas/cheapo_request/una_sola_lectura.rs".to_string(),
            cabecera: equivocada("x", fallan(&["a"])),
        };
        assert_eq!(intento.objetivo(), "cheapo_request__una_sola_lectura");
        let texto = intento.texto_del_envoltorio();
        assert!(texto.ends_with(
            "\n#[path = \"../equivocadas/cheapo_request/una_sola_lectura.rs\"]\n\
             pub mod cheapo_request;\n\n\
             include!(\"../../exercises/tests/cheapo_request.rs\");\n"
        ));
        assert!(!texto.contains("cfg(not(clippy))"), "{texto}");

        let no_compila = Intento {
            cabecera: equivocada("x", Espera::NoCompila),
            ..intento.clone()
        };
        assert!(
            no_compila
                .texto_del_envoltorio()
                .contains("#![cfg(not(clippy))]\n")
        );

        let alternativa = Intento {
            nombre: "use_vacio".to_string(),
            archivo: "intentos/alternativas/async_blocks/use_vacio.rs".to_string(),
            ejercicio: "async_blocks".to_string(),
            cabecera: Cabecera::Alternativa {
                diferencia: "x".to_string(),
            },
        };
        assert_eq!(alternativa.objetivo(), "async_blocks__alt_use_vacio");
        assert_eq!(
            alternativa.envoltorio(),
            "intentos/tests/async_blocks__alt_use_vacio.rs"
        );
        assert!(alternativa.texto_del_envoltorio().contains(
            "#[path = \"../alternativas/async_blocks/use_vacio.rs\"]\npub mod async_blocks;"
        ));
    }

    /// Un taller de mentira en una carpeta temporal, con un ejercicio de
    /// verdad (`cheapo_request`) y sus pruebas.
    fn taller_de_prueba(nombre: &str) -> std::path::PathBuf {
        let raiz =
            std::env::temp_dir().join(format!("taller-intentos-{nombre}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&raiz);
        fs::create_dir_all(raiz.join("exercises/tests")).unwrap();
        fs::write(
            raiz.join("exercises/tests/cheapo_request.rs"),
            "#[test]\nfn devuelve_la_respuesta() {}\n",
        )
        .unwrap();
        raiz
    }

    fn escribir(raiz: &Path, archivo: &str, texto: &str) {
        let ruta = raiz.join(archivo);
        fs::create_dir_all(ruta.parent().unwrap()).unwrap();
        fs::write(ruta, texto).unwrap();
    }

    #[test]
    fn los_envoltorios_se_generan_y_se_ven_desactualizados() {
        let raiz = taller_de_prueba("envoltorios");
        let equivocada = "intentos/equivocadas/cheapo_request/una_sola_lectura.rs";
        escribir(
            &raiz,
            equivocada,
            "//! Error: lee una vez.\n//! Se espera: falla devuelve_la_respuesta\n",
        );
        escribir(
            &raiz,
            "intentos/alternativas/cheapo_request/otra.rs",
            "//! Alternativa: otra forma.\n",
        );
        let lista = todos(&raiz).unwrap();
        assert_eq!(
            lista.iter().map(Intento::objetivo).collect::<Vec<_>>(),
            [
                "cheapo_request__una_sola_lectura",
                "cheapo_request__alt_otra"
            ]
        );
        assert_eq!(
            envoltorios_pendientes(&raiz, &lista),
            [
                "falta intentos/tests/cheapo_request__alt_otra.rs",
                "falta intentos/tests/cheapo_request__una_sola_lectura.rs"
            ]
        );
        assert_eq!(escribir_envoltorios(&raiz, &lista).unwrap().len(), 2);
        assert_eq!(envoltorios_pendientes(&raiz, &lista), Vec::<String>::new());
        assert_eq!(escribir_envoltorios(&raiz, &lista).unwrap().len(), 0);

        // Si cambia a «no compila», su envoltorio cambia (Clippy no lo mira).
        escribir(
            &raiz,
            equivocada,
            "//! Error: lee una vez.\n//! Se espera: no compila\n",
        );
        let lista = todos(&raiz).unwrap();
        assert_eq!(
            envoltorios_pendientes(&raiz, &lista),
            ["intentos/tests/cheapo_request__una_sola_lectura.rs no es el que sale de su intento"]
        );
        // Y si se borra, sobra.
        fs::remove_file(raiz.join(equivocada)).unwrap();
        let lista = todos(&raiz).unwrap();
        let pendientes = envoltorios_pendientes(&raiz, &lista);
        assert_eq!(pendientes.len(), 1);
        assert!(
            pendientes[0].starts_with("sobra intentos/tests/cheapo_request__una_sola_lectura.rs"),
            "{pendientes:?}"
        );
        assert_eq!(
            escribir_envoltorios(&raiz, &lista).unwrap(),
            ["borrado     intentos/tests/cheapo_request__una_sola_lectura.rs"]
        );
        let _ = fs::remove_dir_all(&raiz);
    }

    #[test]
    fn los_problemas_de_los_intentos_salen_todos_a_la_vez() {
        let raiz = taller_de_prueba("problemas");
        let cabecera = "//! Error: x.\n//! Se espera: falla no_existe\n";
        escribir(
            &raiz,
            "intentos/equivocadas/cheapo_request/mal.rs",
            cabecera,
        );
        escribir(
            &raiz,
            "intentos/equivocadas/no_es_un_ejercicio/x.rs",
            cabecera,
        );
        escribir(
            &raiz,
            "intentos/equivocadas/cheapo_request/alt_x.rs",
            "//! Error: x.\n//! Se espera: no compila\n",
        );
        escribir(
            &raiz,
            "intentos/equivocadas/cheapo_request/es_alternativa.rs",
            "//! Alternativa: x.\n",
        );
        escribir(
            &raiz,
            "intentos/alternativas/cheapo_request/sin_cabecera.rs",
            "use std::io;\n",
        );
        escribir(&raiz, "intentos/alternativas/cheapo_request/notas.md", "");
        let problemas = todos(&raiz).unwrap_err();
        let debe_haber = [
            "cheapo_request/mal.rs: dice que falla «no_existe», y exercises/tests/cheapo_request.rs no",
            "intentos/equivocadas/no_es_un_ejercicio: no hay ningún ejercicio",
            "alt_x.rs: «alt_x» no vale como nombre",
            "es_alternativa.rs: tiene la cabecera de una alternativa",
            "sin_cabecera.rs: no empieza con una cabecera",
            "notas.md: aquí solo van intentos",
        ];
        assert_eq!(problemas.len(), debe_haber.len(), "{problemas:#?}");
        for texto in debe_haber {
            assert!(
                problemas.iter().any(|p| p.contains(texto)),
                "falta «{texto}» en {problemas:#?}"
            );
        }
        let _ = fs::remove_dir_all(&raiz);
    }

    /// La prueba que vigila el repositorio: cada intento tiene una cabecera
    /// que se entiende y su envoltorio al día.
    #[test]
    fn los_intentos_del_taller_y_sus_envoltorios_estan_al_dia() {
        let raiz = Path::new(env!("CARGO_MANIFEST_DIR"));
        let intentos = todos(raiz).unwrap_or_else(|problemas| {
            panic!(
                "Los intentos de intentos/ tienen problemas:\n\n  - {}\n",
                problemas.join("\n  - ")
            )
        });
        let pendientes = envoltorios_pendientes(raiz, &intentos);
        assert!(
            pendientes.is_empty(),
            "Los envoltorios de intentos/tests/ no están al día con los intentos de \
             intentos/equivocadas/ e intentos/alternativas/:\n\n  - {}\n\n\
             Se generan; vuelve a escribirlos con:\n\n    {ORDEN_QUE_GENERA}\n",
            pendientes.join("\n  - ")
        );
    }
}
