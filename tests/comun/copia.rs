//! Una copia de parte del taller en una carpeta aparte, para probar la
//! herramienta sobre un alumno a medio camino sin tocar el repositorio.
//!
//! `taller` trabaja sobre la carpeta que diga la variable `TALLER_RAIZ`, así
//! que basta copiar ahí lo que la orden necesita: para `reiniciar`, el esbozo
//! y su original; para `solucion`, además la solución y el capítulo; para
//! correr pruebas, `exercises/` entero y un `Cargo.toml` de espacio de
//! trabajo ([`Copia::como_espacio_de_trabajo`]).
//!
//! Las copias viven en `target/tmp/` (`CARGO_TARGET_TMPDIR`), y las pruebas
//! que corren cargo en ellas usan la carpeta `target` del taller: las
//! dependencias ya están compiladas ahí y se reutilizan, y solo se compilan
//! los objetivos de pruebas de la copia.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::{fs, io};

/// La raíz del taller de verdad.
pub fn raiz() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// La carpeta `target` del taller (`CARGO_TARGET_TMPDIR` es su `tmp/`).
pub fn carpeta_target() -> &'static Path {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("CARGO_TARGET_TMPDIR está dentro de la carpeta target")
}

/// Copia un archivo o una carpeta entera.
pub fn copiar(desde: &Path, hasta: &Path) -> io::Result<()> {
    if !desde.is_dir() {
        if let Some(padre) = hasta.parent() {
            fs::create_dir_all(padre)?;
        }
        fs::copy(desde, hasta)?;
        return Ok(());
    }
    fs::create_dir_all(hasta)?;
    for entrada in fs::read_dir(desde)? {
        let entrada = entrada?;
        copiar(&entrada.path(), &hasta.join(entrada.file_name()))?;
    }
    Ok(())
}

/// Una copia de parte del taller.
pub struct Copia {
    pub ruta: PathBuf,
}

impl Copia {
    /// Una copia vacía en `target/tmp/NOMBRE`; si quedaba una de otra
    /// corrida, la borra.
    pub fn nueva(nombre: &str) -> Copia {
        let ruta = Path::new(env!("CARGO_TARGET_TMPDIR")).join(nombre);
        if ruta.exists() {
            fs::remove_dir_all(&ruta)
                .unwrap_or_else(|e| panic!("borrar la copia anterior, {}: {e}", ruta.display()));
        }
        fs::create_dir_all(&ruta)
            .unwrap_or_else(|e| panic!("crear la copia {}: {e}", ruta.display()));
        Copia { ruta }
    }

    /// Copia ahí `relativa` (un archivo o una carpeta) del taller de verdad.
    pub fn traer(&self, relativa: &str) -> &Copia {
        copiar(&raiz().join(relativa), &self.ruta.join(relativa))
            .unwrap_or_else(|e| panic!("copiar {relativa} a la copia: {e}"));
        self
    }

    /// La ruta de `relativa` dentro de la copia.
    pub fn en(&self, relativa: &str) -> PathBuf {
        self.ruta.join(relativa)
    }

    /// Hace de la copia un espacio de trabajo de cargo con `exercises` como
    /// único miembro (que tiene que estar ya copiado), el mismo `Cargo.lock`
    /// que el taller y un `Cargo.toml` hecho con [`manifiesto`].
    pub fn como_espacio_de_trabajo(&self) -> &Copia {
        self.traer("Cargo.lock");
        fs::write(self.en("Cargo.toml"), manifiesto()).expect("escribir el Cargo.toml de la copia");
        self
    }

    /// Corre `programa` en la copia, con `TALLER_RAIZ` apuntando a ella y la
    /// carpeta `target` del taller.
    pub fn correr(&self, programa: &str, args: &[&str]) -> Output {
        Command::new(programa)
            .args(args)
            .current_dir(&self.ruta)
            .env("CARGO_TARGET_DIR", carpeta_target())
            .env("TALLER_RAIZ", &self.ruta)
            .env_remove("CARGO_TERM_COLOR")
            .output()
            .unwrap_or_else(|e| panic!("no se pudo ejecutar {programa}: {e}"))
    }
}

/// El `Cargo.toml` de una copia: un espacio de trabajo con `exercises` como
/// único miembro, las dependencias del de verdad con sus rutas absolutas y
/// sus perfiles. Los perfiles importan: con otro nivel de optimización para
/// `ring` o `argon2`, cargo no reutilizaría lo ya compilado. Quedan fuera los
/// ajustes de las dependencias opcionales de la raíz (argonautica), que la
/// copia nunca compila y de las que cargo avisaría.
pub fn manifiesto() -> String {
    let real: toml::Table = toml::from_str(
        &fs::read_to_string(raiz().join("Cargo.toml")).expect("leer el Cargo.toml del taller"),
    )
    .expect("el Cargo.toml del taller es TOML");
    let tabla = |valor: &toml::Value, que: &str| -> toml::Table {
        valor
            .as_table()
            .unwrap_or_else(|| panic!("en el Cargo.toml del taller, {que} no es una tabla"))
            .clone()
    };

    let mut dependencias = tabla(
        &real["workspace"]["dependencies"],
        "[workspace.dependencies]",
    );
    for (_, dependencia) in dependencias.iter_mut() {
        if let Some(dependencia) = dependencia.as_table_mut()
            && let Some(ruta) = dependencia.get("path").and_then(toml::Value::as_str)
        {
            // `components` quita el `.` de `path = "."`: la misma ruta que
            // escribe cargo para la raíz, y el mismo paquete para él.
            let absoluta: PathBuf = raiz().join(ruta).components().collect();
            let absoluta = absoluta.to_string_lossy().into_owned();
            dependencia.insert("path".into(), absoluta.into());
        }
    }

    let opcionales: Vec<String> = tabla(&real["dependencies"], "[dependencies]")
        .iter()
        .filter(|(_, d)| d.get("optional").and_then(toml::Value::as_bool) == Some(true))
        .map(|(nombre, _)| nombre.clone())
        .collect();
    let mut perfiles = tabla(&real["profile"], "[profile]");
    for (_, perfil) in perfiles.iter_mut() {
        if let Some(paquetes) = perfil
            .as_table_mut()
            .and_then(|p| p.get_mut("package"))
            .and_then(toml::Value::as_table_mut)
        {
            paquetes.retain(|nombre, _| !opcionales.iter().any(|o| o == nombre));
        }
    }

    let mut espacio = toml::Table::new();
    espacio.insert(
        "members".into(),
        vec![toml::Value::from("exercises")].into(),
    );
    espacio.insert("resolver".into(), "2".into());
    espacio.insert("dependencies".into(), dependencias.into());
    let mut manifiesto = toml::Table::new();
    manifiesto.insert("workspace".into(), espacio.into());
    manifiesto.insert("profile".into(), perfiles.into());
    toml::to_string(&manifiesto).expect("escribir el Cargo.toml de la copia")
}
