//! `cargo run -- reiniciar NOMBRE`: volver a empezar un ejercicio sin perder
//! lo hecho.
//!
//! El esbozo vuelve a estar como se entregó, copiado de
//! `exercises/originales/`, y no de la historia de git: el alumno puede no
//! tener git, o haber hecho commits, rebases o un `git reset` sobre sus
//! propios cambios. Esa carpeta guarda una copia de cada esbozo con el mismo
//! nombre que en `exercises/src/`: `exercises/originales/cheapo_request.rs`,
//! y, para un ejercicio de varios archivos, su carpeta entera
//! (`exercises/originales/chat/`). Qué es del ejercicio lo dice
//! [`Ejercicio::entrada_en_src`]. `cargo test --test taller` comprueba que
//! cada copia sea igual a su esbozo: quien cambia un esbozo copia también el
//! cambio allí, o la prueba falla y le dice con qué orden.
//!
//! Lo que había escrito el alumno no se pierde: antes de tocar nada se copia
//! a `exercises/guardados/`, con la fecha y la hora (UTC) en el nombre
//! (`cheapo_request-20261201-154056.rs`), y la orden dice dónde quedó. Si el
//! esbozo ya estaba como venía, no se toca ni se guarda nada.
//!
//! [`Ejercicio::entrada_en_src`]: taller_async::ejercicios::Ejercicio::entrada_en_src

use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use taller_async::ejercicios::Ejercicio;

use crate::archivos::{self, explicar, relativa};
use crate::cargo;

/// Dónde quedan las versiones del alumno que `reiniciar` reemplaza,
/// relativo a la raíz.
pub const GUARDADOS: &str = "exercises/guardados";

/// `cargo run -- reiniciar ARGS`.
pub fn orden(args: &[&str]) -> ExitCode {
    match args {
        [] => {
            eprintln!(
                "¿Qué ejercicio quieres reiniciar? Dime su nombre o su número: \
                 cargo run -- reiniciar cheapo_request (los nombres, en cargo run -- lista)."
            );
            ExitCode::from(2)
        }
        [cual] => match crate::elegir(cual) {
            Ok(ejercicio) => reiniciar(&ejercicio),
            Err(codigo) => codigo,
        },
        _ => {
            eprintln!(
                "No entiendo «reiniciar {}»: reiniciar toma un solo ejercicio, por su nombre \
                 o su número (cargo run -- reiniciar cheapo_request).",
                args.join(" ")
            );
            ExitCode::from(2)
        }
    }
}

/// Devuelve el esbozo de `ejercicio` a como se entregó, después de guardar la
/// versión del alumno.
fn reiniciar(ejercicio: &Ejercicio) -> ExitCode {
    let (Some(esbozo), Some(original)) = (ejercicio.esbozo(), ejercicio.original()) else {
        eprintln!(
            "exercises/info.toml dice que el archivo de {} es {}, que no está dentro de \
             exercises/src/: no sé qué reiniciar.",
            ejercicio.nombre, ejercicio.archivo
        );
        return ExitCode::FAILURE;
    };
    let raiz = cargo::raiz();
    let (ruta_esbozo, ruta_original) = (raiz.join(&esbozo), raiz.join(&original));

    if let Err(error) = std::fs::metadata(&ruta_original) {
        eprintln!(
            "No puedo reiniciar {}: su copia original, {original}, {}.\n\
             Esa carpeta viene con el taller; si tienes el repositorio de git, \
             `git checkout -- {original}` la recupera, y si no, está en una copia nueva del \
             taller. {esbozo} queda como estaba.",
            ejercicio.nombre,
            explicar(&error)
        );
        return ExitCode::FAILURE;
    }

    // Si el esbozo no está, no hay nada del alumno que guardar.
    if std::fs::symlink_metadata(&ruta_esbozo).is_err() {
        return match archivos::copiar(&ruta_original, &ruta_esbozo) {
            Ok(()) => {
                println!(
                    "{esbozo} no existía, y ya está de vuelta, como venía en el taller \
                     (copiado de {original})."
                );
                println!("Sus pruebas: {}", ejercicio.orden_de_pruebas());
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!(
                    "{esbozo} no existe, y no pude ponerlo de vuelta: al copiar {original}, {}.",
                    explicar(&error)
                );
                ExitCode::FAILURE
            }
        };
    }

    match archivos::iguales(&ruta_esbozo, &ruta_original) {
        Ok(true) => {
            println!(
                "{esbozo} ya está como venía en el taller: no hay nada que reiniciar, y no \
                 cambio nada."
            );
            return ExitCode::SUCCESS;
        }
        Ok(false) => {}
        Err(error) => {
            eprintln!(
                "No puedo comparar {esbozo} con su copia original, {original}: {}. No cambio \
                 nada.",
                explicar(&error)
            );
            return ExitCode::FAILURE;
        }
    }

    let guardado = match guardar(&ruta_esbozo, raiz) {
        Ok(guardado) => guardado,
        Err(error) => {
            eprintln!(
                "No puedo guardar tu versión de {esbozo} en {GUARDADOS}/: {}. Sin guardarla \
                 no reinicio nada: {esbozo} queda como estaba.",
                explicar(&error)
            );
            return ExitCode::FAILURE;
        }
    };
    let guardado = relativa(&guardado, raiz);

    if let Err(error) = restaurar(&ruta_original, &ruta_esbozo) {
        eprintln!(
            "Tu versión de {esbozo} está a salvo en {guardado}, pero no pude reescribir \
             {esbozo} con la original: {}. Puedes copiarla tú: cp {original} {esbozo}",
            explicar(&error)
        );
        return ExitCode::FAILURE;
    }
    println!("{esbozo} vuelve a estar como venía en el taller (copiado de {original}).");
    println!("Tu versión no se pierde: quedó guardada en {guardado}.");
    println!("Sus pruebas: {}", ejercicio.orden_de_pruebas());
    ExitCode::SUCCESS
}

/// Copia `esbozo` a `exercises/guardados/` con un nombre nuevo y devuelve
/// dónde quedó. Nunca sobrescribe otro guardado: si ya hay uno de ese
/// segundo, añade `-2`, `-3`...
fn guardar(esbozo: &Path, raiz: &Path) -> io::Result<PathBuf> {
    let carpeta = raiz.join(GUARDADOS);
    std::fs::create_dir_all(&carpeta)?;
    let nombre = esbozo
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (base, extension) = match nombre.rsplit_once('.') {
        Some((base, extension)) if !base.is_empty() && !esbozo.is_dir() => {
            (base.to_string(), format!(".{extension}"))
        }
        _ => (nombre.clone(), String::new()),
    };
    let fecha = fecha_y_hora(SystemTime::now());
    for intento in 1.. {
        let sufijo = if intento == 1 {
            String::new()
        } else {
            format!("-{intento}")
        };
        let destino = carpeta.join(format!("{base}-{fecha}{sufijo}{extension}"));
        if std::fs::symlink_metadata(&destino).is_ok() {
            continue;
        }
        if let Err(error) = archivos::copiar(esbozo, &destino) {
            // Lo que haya quedado a medias no es un guardado.
            let _ = archivos::borrar(&destino);
            return Err(error);
        }
        return Ok(destino);
    }
    unreachable!("`1..` no se acaba")
}

/// Pone `original` en lugar de `esbozo`: un archivo se sobrescribe; una
/// carpeta (o un archivo donde iba una carpeta) se borra y se copia entera.
fn restaurar(original: &Path, esbozo: &Path) -> io::Result<()> {
    if original.is_dir() || esbozo.is_dir() {
        archivos::borrar(esbozo)?;
    }
    archivos::copiar(original, esbozo)
}

/// `AAAAMMDD-HHMMSS`, en UTC: la biblioteca estándar no sabe de husos
/// horarios, y para ordenar los guardados basta.
fn fecha_y_hora(momento: SystemTime) -> String {
    let segundos = momento
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (dias, del_dia) = (segundos / 86_400, segundos % 86_400);
    let (anio, mes, dia) = civil(dias as i64);
    format!(
        "{anio:04}{mes:02}{dia:02}-{:02}{:02}{:02}",
        del_dia / 3600,
        del_dia % 3600 / 60,
        del_dia % 60
    )
}

/// El día del calendario gregoriano que cae `dias` días después del
/// 1970-01-01: el algoritmo `civil_from_days` de Howard Hinnant.
fn civil(dias: i64) -> (i64, u32, u32) {
    let z = dias + 719_468;
    let era = z.div_euclid(146_097);
    let dia_de_la_era = z.rem_euclid(146_097);
    let anio_de_la_era = (dia_de_la_era - dia_de_la_era / 1460 + dia_de_la_era / 36_524
        - dia_de_la_era / 146_096)
        / 365;
    let dia_del_anio =
        dia_de_la_era - (365 * anio_de_la_era + anio_de_la_era / 4 - anio_de_la_era / 100);
    let mes_desde_marzo = (5 * dia_del_anio + 2) / 153;
    let dia = (dia_del_anio - (153 * mes_desde_marzo + 2) / 5 + 1) as u32;
    let mes = if mes_desde_marzo < 10 {
        mes_desde_marzo + 3
    } else {
        mes_desde_marzo - 9
    } as u32;
    let anio = anio_de_la_era + era * 400 + i64::from(mes <= 2);
    (anio, mes, dia)
}

#[cfg(test)]
mod pruebas {
    use super::*;
    use std::time::Duration;

    #[test]
    fn la_fecha_es_la_del_calendario() {
        let en = |segundos: u64| fecha_y_hora(UNIX_EPOCH + Duration::from_secs(segundos));
        assert_eq!(en(0), "19700101-000000");
        // `date -u -d @951782400`: el 29 de febrero de un año bisiesto de
        // siglo, y el día siguiente.
        assert_eq!(en(951_782_400), "20000229-000000");
        assert_eq!(en(951_782_400 + 86_400), "20000301-000000");
        // `date -u -d @1796139296`.
        assert_eq!(en(1_796_139_296), "20261201-153456");
        // 2100 no es bisiesto: del 28 de febrero se pasa al 1 de marzo.
        assert_eq!(en(4_107_542_399), "21000228-235959");
        assert_eq!(en(4_107_542_400), "21000301-000000");
    }
}
