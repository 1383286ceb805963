//! `taller`: la herramienta del alumno, en español.
//!
//! Como `rustlings`, responde a «¿qué hago ahora?» sin que haya que recordar
//! nombres de archivos ni órdenes de cargo:
//!
//! ```text
//! cargo run -- lista          # todos los ejercicios, ✓ o ✗, y el progreso
//! cargo run -- siguiente      # el primero sin resolver: qué editar y qué leer
//! cargo run -- pista mutex    # la primera pista de un ejercicio (o por su
//!                             # número); de la idea a casi el código:
//! cargo run -- pista mutex 2  # la siguiente, y la 3 si la hay
//! cargo run -- reiniciar mutex  # vuelve a empezarlo desde el esbozo original
//!                             # (tu versión queda en exercises/guardados/)
//! cargo run -- solución mutex # su solución, cuando sus pruebas ya pasan
//! cargo run -- vigila         # corre las pruebas del ejercicio actual cada vez
//!                             # que guardas, y pasa al siguiente cuando pasan
//! cargo run -- comprobar      # el contrato: cada prueba falla con el esbozo
//!                             # y pasa con la solución (para quien mantiene)
//! cargo run -- pistas-md      # genera book/src/pistas.md de info.toml (ídem)
//! ```
//!
//! La lista de ejercicios y sus pistas vienen de `exercises/info.toml`, a
//! través de [`taller_async::ejercicios`]. Para saber si un ejercicio está
//! resuelto no hay estado guardado: se corren sus pruebas.

mod archivos;
mod cargo;
mod contrato;
mod reiniciar;
mod solucion;
mod vigila;

use std::process::ExitCode;

use taller_async::ejercicios::{self, Ejercicio};

const USO: &str = "\
Uso: cargo run -- <orden>

Órdenes:
  lista        todos los ejercicios, con ✓ (resuelto) o ✗ (pendiente)
  siguiente    el primer ejercicio sin resolver: qué editar, qué leer, cómo probarlo
  pista N      la primera pista del ejercicio N (un nombre, como many_requests, o su número)
  pista N 2    la siguiente pista (hay dos o tres, de la idea a casi el código)
  reiniciar N  devuelve el archivo del ejercicio N a como venía en el taller; tu versión
               queda guardada en exercises/guardados/
  solución N   la solución del ejercicio N y la sección del capítulo que la explica,
               cuando ya pasan sus pruebas (con --sin-haberlo-resuelto, aunque no pasen)
               (sin tilde, solucion, también vale)
  vigila       corre las pruebas del ejercicio actual cada vez que guardas un archivo
               de exercises/, y pasa al siguiente cuando pasan (Ctrl-C para salir)
               (vigila --backtrace: muestra además la traza de cada pánico)
  comprobar    el contrato: cada prueba falla con el esbozo y pasa con la solución, y
               rechaza cada solución equivocada de intentos/ (--repetir N: N corridas)
  intentos     vuelve a generar los envoltorios de intentos/tests/
  pistas-md    vuelve a generar book/src/pistas.md a partir de exercises/info.toml";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["lista"] => lista(),
        ["siguiente"] => siguiente(),
        ["pista"] => {
            eprintln!(
                "¿La pista de qué ejercicio? Dime su nombre o su número: \
                 cargo run -- pista cheapo_request (los nombres, en cargo run -- lista)."
            );
            ExitCode::from(2)
        }
        ["pista", cual] => pista(cual, None),
        ["pista", cual, nivel] => pista(cual, Some(nivel)),
        ["reiniciar", resto @ ..] => reiniciar::orden(resto),
        ["solucion" | "solución", resto @ ..] => solucion::orden(resto),
        ["pistas-md"] => pistas_md(),
        ["comprobar", resto @ ..] => contrato::orden(resto),
        ["intentos"] => contrato::generar_intentos(),
        ["vigila"] => vigila::vigila(false),
        ["vigila", "--backtrace"] => vigila::vigila(true),
        [] | ["ayuda"] | ["--help"] | ["-h"] => {
            println!("{USO}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("No entiendo «{}».\n\n{USO}", args.join(" "));
            ExitCode::from(2)
        }
    }
}

/// Corre las pruebas de cada ejercicio y muestra ✓ o ✗ con una barra de
/// progreso.
fn lista() -> ExitCode {
    let todos = ejercicios::todos();
    println!("Ejercicios del taller (compilando y corriendo sus pruebas...)\n");
    // Compilarlos todos de una vez, en una sola orden de cargo, aprovecha
    // todos los núcleos; si cargo no arranca, lo dirá la primera prueba.
    let _ = cargo::compilar_pruebas_sin_parar("exercises");
    let mut resueltos = 0;
    for (i, ejercicio) in todos.iter().enumerate() {
        let (estado, resultados) = estado(ejercicio);
        if estado == Estado::Resuelto {
            resueltos += 1;
        }
        let (marca, nota) = match &estado {
            Estado::Resuelto => ("✓", String::new()),
            Estado::Pendiente => ("✗", String::new()),
            Estado::NoCompila(error) => (
                "✗",
                match error.as_ref().and_then(|e| e.lugar.as_deref()) {
                    // En su propio archivo basta la línea; si no, la ruta.
                    Some(lugar) => match lugar.strip_prefix(&format!("{}:", ejercicio.archivo)) {
                        Some(resto) => {
                            let linea = resto.split(':').next().unwrap_or(resto);
                            format!("  (no compila: línea {linea})")
                        }
                        None => format!("  (no compila: {lugar})"),
                    },
                    None => "  (no compila)".to_string(),
                },
            ),
        };
        println!(
            "  {marca} {:>2}. {:<22} {}{nota}{}",
            i + 1,
            ejercicio.nombre,
            ejercicio.archivo,
            nota_de_etapas(ejercicio, &resultados)
        );
    }
    println!("\n{}", progreso(resueltos, todos.len()));
    if resueltos < todos.len() {
        println!("¿Qué sigue? cargo run -- siguiente");
    }
    ExitCode::SUCCESS
}

/// Dice cuál es el primer ejercicio sin resolver, en el orden de
/// `exercises/info.toml` (el del libro), y cómo ponerse con él. Nunca uno ya
/// resuelto, ni uno que venga después de otro pendiente: cada ejercicio se
/// prueba por su cuenta, así que uno que no compila no hace parecer
/// pendientes a los demás.
fn siguiente() -> ExitCode {
    let todos = ejercicios::todos();
    for (i, ejercicio) in todos.iter().enumerate() {
        let (estado, resultados) = estado(ejercicio);
        if estado == Estado::Resuelto {
            continue;
        }
        println!("{}\n", progreso(i, todos.len()));
        println!("Te toca el ejercicio {}: {}\n", i + 1, ejercicio.nombre);
        println!("  Edita:     {}", ejercicio.archivo);
        println!("  Lee:       {}", ejercicio.capitulo);
        println!("  Prueba:    {}", ejercicio.orden_de_pruebas());
        println!("  ¿Atascado? cargo run -- pista {}", ejercicio.nombre);
        match estado {
            Estado::NoCompila(error) => no_compila(ejercicio, error.as_ref()),
            _ => siguiente_etapa(ejercicio, &resultados),
        }
        return ExitCode::SUCCESS;
    }
    println!("{}\n", progreso(todos.len(), todos.len()));
    println!(
        "¡Has resuelto todos los ejercicios! Compara tus soluciones con las de solutions/src/."
    );
    ExitCode::SUCCESS
}

/// Muestra una pista de un ejercicio: la primera si no se dice cuál, y
/// después la que se pida, hasta la última. Cada una termina diciendo cómo
/// pedir la siguiente; la última, dónde lo explica el capítulo.
fn pista(cual: &str, nivel: Option<&str>) -> ExitCode {
    let ejercicio = match elegir(cual) {
        Ok(ejercicio) => ejercicio,
        Err(codigo) => return codigo,
    };
    let nombre = &ejercicio.nombre;
    let total = ejercicio.pistas.len();
    let nivel = match nivel.map(str::parse::<usize>) {
        None => 1,
        Some(Ok(n)) if (1..=total).contains(&n) => n,
        Some(leido) => {
            let que = match leido {
                Ok(_) => format!("{nombre} no tiene la pista «{}»", nivel.unwrap_or("")),
                Err(_) => format!("«{}» no es un número de pista", nivel.unwrap_or("")),
            };
            eprintln!(
                "{que}: {nombre} tiene {total} pistas, de la 1 a la {total}. La primera es \
                 `cargo run -- pista {nombre}`, y la siguiente, `cargo run -- pista {nombre} 2`."
            );
            return ExitCode::from(2);
        }
    };
    let Some(texto) = ejercicio.pistas.get(nivel - 1) else {
        eprintln!("{nombre} no tiene pistas en exercises/info.toml.");
        return ExitCode::from(2);
    };
    println!(
        "Pista {nivel} de {total} para {nombre} ({}): {}\n",
        ejercicio.archivo,
        ejercicio.nombre_del_nivel(nivel)
    );
    println!("{}\n", texto.trim());
    if nivel < total {
        println!("¿Necesitas más? cargo run -- pista {nombre} {}", nivel + 1);
    } else {
        println!("No hay más pistas para {nombre}: esta era la última.");
        match ejercicio.seccion_del_capitulo(cargo::raiz()) {
            Some(seccion) => println!(
                "Lo demás lo explica el capítulo, en {},\nsección «{}».",
                ejercicio.capitulo, seccion.texto
            ),
            None => println!(
                "Lo demás lo explica el capítulo, en {}.",
                ejercicio.capitulo
            ),
        }
    }
    ExitCode::SUCCESS
}

/// El ejercicio con ese nombre o ese número. Si no lo hay, lo explica y
/// devuelve el código con el que terminar.
fn elegir(cual: &str) -> Result<Ejercicio, ExitCode> {
    ejercicios::buscar(cual).ok_or_else(|| {
        let total = ejercicios::todos().len();
        eprintln!(
            "No hay ningún ejercicio «{cual}». Hay {total} ejercicios: usa un número del 1 \
             al {total} o un nombre de `cargo run -- lista`."
        );
        ExitCode::from(2)
    })
}

/// Escribe `book/src/pistas.md` a partir de `exercises/info.toml` (para quien
/// mantiene el taller: `cargo test --test libro` avisa cuando hace falta).
fn pistas_md() -> ExitCode {
    let ruta = cargo::raiz().join("book/src/pistas.md");
    match std::fs::write(&ruta, ejercicios::pistas_md(cargo::raiz())) {
        Ok(()) => {
            println!(
                "Escrita book/src/pistas.md, con las pistas de {} ejercicios.",
                ejercicios::todos().len()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("No se pudo escribir {}: {error}", ruta.display());
            ExitCode::FAILURE
        }
    }
}

/// Cuántas líneas del primer error enseña `siguiente`: lo bastante para ver
/// el código señalado y las primeras notas, sin tapar lo demás.
const LINEAS_DEL_ERROR: usize = 20;

/// Dice que el ejercicio no compila y enseña dónde: el principio del primer
/// error, con su `archivo:línea:columna`.
fn no_compila(ejercicio: &Ejercicio, error: Option<&cargo::ErrorDeCompilacion>) {
    let Some(error) = error else {
        println!(
            "\nAhora mismo no compila: `{}` te dice dónde.",
            ejercicio.orden_de_pruebas()
        );
        return;
    };
    let donde = error.lugar.as_deref().unwrap_or(&ejercicio.archivo);
    let otros = match error.cuantos {
        1 => String::new(),
        2 => " (hay otro después)".to_string(),
        n => format!(" (hay {} más después)", n - 1),
    };
    println!("\nAhora mismo no compila. El primer error, en {donde}{otros}:\n");
    let lineas: Vec<&str> = error.texto.lines().collect();
    for linea in lineas.iter().take(LINEAS_DEL_ERROR) {
        println!("    {linea}");
    }
    if lineas.len() > LINEAS_DEL_ERROR {
        println!("    [... {} líneas más]", lineas.len() - LINEAS_DEL_ERROR);
    }
    println!(
        "\nEl error entero, y los demás: {}",
        ejercicio.orden_de_pruebas()
    );
}

#[derive(Debug, PartialEq, Eq)]
enum Estado {
    Resuelto,
    Pendiente,
    /// No compila; con el primer error, si cargo dijo alguno.
    NoCompila(Option<cargo::ErrorDeCompilacion>),
}

/// Un ejercicio está resuelto si todas sus pruebas pasan. Si cargo falla sin
/// que corra ninguna prueba, es que no compila. Cada ejercicio se prueba por
/// separado (`cargo test -p exercises --test NOMBRE`), y cada objetivo de
/// pruebas compila solo su ejercicio: el estado de uno no depende de los
/// demás.
///
/// Devuelve también el resultado de cada prueba, para contar las etapas.
fn estado(ejercicio: &Ejercicio) -> (Estado, Vec<(String, String)>) {
    match cargo::pruebas("exercises", ejercicio.objetivo_de_pruebas()) {
        Ok(corrida) if corrida.exito => (Estado::Resuelto, corrida.pruebas),
        Ok(corrida) if corrida.pruebas.is_empty() => (
            Estado::NoCompila(cargo::primer_error(&corrida.stderr)),
            Vec::new(),
        ),
        Ok(corrida) => (Estado::Pendiente, corrida.pruebas),
        Err(_) => (Estado::Pendiente, Vec::new()),
    }
}

/// Lo que `lista` añade a un ejercicio por etapas: `  etapas: 2/7`.
fn nota_de_etapas(ejercicio: &Ejercicio, resultados: &[(String, String)]) -> String {
    let etapas = ejercicio.etapas_de(resultados);
    if etapas.is_empty() {
        return String::new();
    }
    let hechas = etapas.iter().filter(|e| e.resuelta()).count();
    format!("  etapas: {hechas}/{}", etapas.len())
}

/// En un ejercicio por etapas, cuáles pasan ya y cuál sigue: su sección del
/// capítulo, la orden que la prueba sola y la pista.
fn siguiente_etapa(ejercicio: &Ejercicio, resultados: &[(String, String)]) {
    let etapas = ejercicio.etapas_de(resultados);
    let total = etapas.len();
    let Some(posicion) = etapas.iter().position(|e| !e.resuelta()) else {
        return;
    };
    println!(
        "
  Etapas:"
    );
    for (i, etapa) in etapas.iter().enumerate() {
        let marca = if etapa.resuelta() { "✓" } else { "✗" };
        let cuenta = if etapa.pruebas == 0 {
            String::new()
        } else {
            format!("  ({} de {} pruebas)", etapa.pasan, etapa.pruebas)
        };
        println!("    {marca} {}. {}{cuenta}", i + 1, etapa.nombre);
    }
    let etapa = &etapas[posicion];
    println!(
        "
  Sigue con la etapa {} de {total}: {}",
        posicion + 1,
        etapa.nombre
    );
    match ejercicio.seccion_de_la_etapa(cargo::raiz(), &etapa.nombre) {
        Some(seccion) => println!(
            "    Lee:     {}, sección «{}»",
            ejercicio.capitulo, seccion.texto
        ),
        None => println!("    Lee:     {}", ejercicio.capitulo),
    }
    println!(
        "    Prueba:  {}",
        ejercicio.orden_de_la_etapa(&etapa.nombre)
    );
    println!("    Pista:   cargo run -- pista {}", ejercicio.nombre);
}

fn progreso(hechos: usize, total: usize) -> String {
    const ANCHO: usize = 30;
    let llenos = (hechos * ANCHO).checked_div(total).unwrap_or(0);
    format!(
        "Progreso: [{}{}] {hechos}/{total}",
        "#".repeat(llenos),
        "-".repeat(ANCHO - llenos)
    )
}
