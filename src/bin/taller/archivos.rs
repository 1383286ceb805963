//! Comparar, copiar y leer lo que es de un ejercicio (un archivo o una
//! carpeta entera), y explicar en español por qué no se pudo.
//!
//! `reiniciar` y `solucion` trabajan con lo que un ejercicio tiene en
//! `exercises/src/`, `exercises/originales/` y `solutions/src/`: hoy, un
//! archivo por ejercicio; mañana, también una carpeta con varios (un
//! servidor de chat entero). Las funciones de aquí tratan igual los dos
//! casos, para que esas órdenes no tengan que distinguirlos.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// `a` y `b` tienen lo mismo: dos archivos con los mismos bytes, o dos
/// carpetas con los mismos nombres dentro y, cada uno, lo mismo. Un archivo y
/// una carpeta nunca son iguales. Falla si no se puede leer alguno.
pub fn iguales(a: &Path, b: &Path) -> io::Result<bool> {
    match (a.is_dir(), b.is_dir()) {
        (false, false) => Ok(fs::read(a)? == fs::read(b)?),
        (true, true) => {
            let nombres_a = nombres(a)?;
            if nombres_a != nombres(b)? {
                return Ok(false);
            }
            for nombre in &nombres_a {
                if !iguales(&a.join(nombre), &b.join(nombre))? {
                    return Ok(false);
                }
            }
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// Copia el archivo o la carpeta `desde` en `hasta`, que no debe existir
/// (si es una carpeta) o se sobrescribe (si es un archivo).
pub fn copiar(desde: &Path, hasta: &Path) -> io::Result<()> {
    if desde.is_dir() {
        fs::create_dir(hasta)?;
        for nombre in nombres(desde)? {
            copiar(&desde.join(&nombre), &hasta.join(&nombre))?;
        }
    } else {
        fs::copy(desde, hasta)?;
    }
    Ok(())
}

/// Borra el archivo o la carpeta `ruta`, si existe.
pub fn borrar(ruta: &Path) -> io::Result<()> {
    match fs::symlink_metadata(ruta) {
        Ok(datos) if datos.is_dir() => fs::remove_dir_all(ruta),
        Ok(_) => fs::remove_file(ruta),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(error),
    }
}

/// Los archivos de `ruta`: ella misma si es un archivo; si es una carpeta,
/// los de dentro, en cualquier subcarpeta, ordenados.
pub fn archivos(ruta: &Path) -> io::Result<Vec<PathBuf>> {
    if !ruta.is_dir() {
        fs::metadata(ruta)?;
        return Ok(vec![ruta.to_path_buf()]);
    }
    let mut encontrados = Vec::new();
    for nombre in nombres(ruta)? {
        encontrados.extend(archivos(&ruta.join(nombre))?);
    }
    Ok(encontrados)
}

/// `ruta` relativa a `raiz`, con `/`: como la escribe el resto de la
/// herramienta (`exercises/src/cheapo_request.rs`).
pub fn relativa(ruta: &Path, raiz: &Path) -> String {
    ruta.strip_prefix(raiz)
        .unwrap_or(ruta)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Los nombres de lo que hay en una carpeta, ordenados.
fn nombres(carpeta: &Path) -> io::Result<Vec<String>> {
    let mut nombres = Vec::new();
    for entrada in fs::read_dir(carpeta)? {
        nombres.push(entrada?.file_name().to_string_lossy().into_owned());
    }
    nombres.sort();
    Ok(nombres)
}

/// Qué le pasó a una operación con archivos, en español. Los mensajes de
/// `std::io::Error` vienen del sistema operativo, en inglés: para los casos
/// que un alumno se puede encontrar, una frase; para los demás, el del
/// sistema, entre paréntesis.
pub fn explicar(error: &io::Error) -> String {
    use io::ErrorKind::*;
    let frase = match error.kind() {
        NotFound => "no existe",
        PermissionDenied => "no hay permiso",
        AlreadyExists => "ya existe",
        IsADirectory => "es una carpeta, y se esperaba un archivo",
        NotADirectory => "una parte de la ruta es un archivo, y se esperaba una carpeta",
        ReadOnlyFilesystem => "el disco es de solo lectura",
        StorageFull => "el disco está lleno",
        InvalidData => "no es texto UTF-8",
        _ => return format!("algo falló ({error})"),
    };
    format!("{frase} ({error})")
}

#[cfg(test)]
mod pruebas {
    use super::*;

    /// Una carpeta temporal propia, que se borra al terminar.
    struct Temporal(PathBuf);

    impl Temporal {
        fn nueva(nombre: &str) -> Temporal {
            let ruta = std::env::temp_dir()
                .join(format!("taller-archivos-{nombre}-{}", std::process::id()));
            let _ = fs::remove_dir_all(&ruta);
            fs::create_dir_all(&ruta).unwrap();
            Temporal(ruta)
        }
    }

    impl Drop for Temporal {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    /// Una carpeta de ejercicio de varios archivos, como será la del chat.
    fn carpeta_de_ejercicio(en: &Path) {
        fs::create_dir_all(en.join("servidor")).unwrap();
        fs::write(en.join("mod.rs"), "pub mod servidor;\n").unwrap();
        fs::write(en.join("servidor/mod.rs"), "pub fn f() {}\n").unwrap();
    }

    #[test]
    fn una_carpeta_se_copia_entera_y_queda_igual() {
        let t = Temporal::nueva("copia");
        let (a, b) = (t.0.join("a"), t.0.join("b"));
        carpeta_de_ejercicio(&a);
        copiar(&a, &b).unwrap();
        assert!(iguales(&a, &b).unwrap());
        let vistos: Vec<String> = archivos(&b)
            .unwrap()
            .iter()
            .map(|r| r.strip_prefix(&b).unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(vistos, ["mod.rs", "servidor/mod.rs"]);
    }

    #[test]
    fn un_cambio_en_cualquier_archivo_de_la_carpeta_se_nota() {
        let t = Temporal::nueva("cambio");
        let (a, b) = (t.0.join("a"), t.0.join("b"));
        carpeta_de_ejercicio(&a);
        copiar(&a, &b).unwrap();
        fs::write(b.join("servidor/mod.rs"), "pub fn f() { todo!() }\n").unwrap();
        assert!(!iguales(&a, &b).unwrap(), "un archivo cambiado");
        copiar(&a.join("servidor/mod.rs"), &b.join("servidor/mod.rs")).unwrap();
        assert!(iguales(&a, &b).unwrap());
        fs::write(b.join("nuevo.rs"), "").unwrap();
        assert!(!iguales(&a, &b).unwrap(), "un archivo de más");
        borrar(&b.join("nuevo.rs")).unwrap();
        borrar(&b.join("servidor")).unwrap();
        assert!(!iguales(&a, &b).unwrap(), "una carpeta de menos");
        assert!(
            !iguales(&a.join("mod.rs"), &a).unwrap(),
            "un archivo y una carpeta"
        );
    }

    #[test]
    fn los_errores_se_explican_en_espanol() {
        let t = Temporal::nueva("errores");
        let error = fs::read(t.0.join("no_esta.rs")).unwrap_err();
        assert!(explicar(&error).starts_with("no existe ("), "{error}");
        let error = archivos(&t.0.join("no_esta")).unwrap_err();
        assert!(explicar(&error).starts_with("no existe ("), "{error}");
    }
}
