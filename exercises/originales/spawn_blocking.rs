//! Ejercicio `spawn_blocking`: el hash de contraseñas fuera del ejecutor.
//!
//! Capítulo: book/src/07-spawn-blocking.md.
//! Pruebas: `cargo test -p exercises --test spawn_blocking`.
//! Pista: `cargo run -- pista spawn_blocking`.
//!
//! Argon2 es lento a propósito: cada hash cuesta decenas de milisegundos de
//! cálculo y varios MiB de memoria, para que probar contraseñas a ciegas
//! salga carísimo. Las funciones que hacen ese trabajo ya están escritas
//! (`hash_password_blocking` y `verify_password_blocking`), pero son
//! bloqueantes: llamadas desde una tarea, retienen el hilo del ejecutor
//! hasta que terminan, y no se les puede meter un `yield_now` dentro.
//!
//! Escribe `hash_password` y `verify_password`, las versiones asíncronas:
//! que el trabajo corra en otro hilo con `async_std::task::spawn_blocking`, y
//! que la tarea que las espera suelte el suyo mientras tanto.

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{self, PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};
#[allow(unused_imports)]
use async_std::task;

/// Argon2id con los parámetros recomendados por omisión y la clave secreta
/// del servidor, `key`.
fn argon2_con_clave(key: &[u8]) -> Result<Argon2<'_>, password_hash::Error> {
    Ok(Argon2::new_with_secret(
        key,
        Algorithm::Argon2id,
        Version::V0x13,
        Params::default(),
    )?)
}

/// Calcula el hash de `password` con la clave secreta `key` y una sal
/// aleatoria nueva, y lo devuelve como cadena PHC
/// (`$argon2id$v=19$m=19456,t=2,p=1$sal$hash`). Bloquea el hilo mientras
/// calcula.
///
/// Ya está escrita: úsala tal cual.
pub fn hash_password_blocking(password: &str, key: &str) -> Result<String, password_hash::Error> {
    // `hash_password` pone una sal nueva: 16 bytes aleatorios del sistema
    // operativo.
    let hash: PasswordHash =
        argon2_con_clave(key.as_bytes())?.hash_password(password.as_bytes())?;
    Ok(hash.to_string())
}

/// `Ok(true)` si `password` corresponde al hash PHC `hash` con la clave
/// secreta `key`, `Ok(false)` si no, y `Err` si `hash` no es un hash válido.
/// Bloquea el hilo mientras calcula.
///
/// Ya está escrita: úsala tal cual.
pub fn verify_password_blocking(
    password: &str,
    hash: &str,
    key: &str,
) -> Result<bool, password_hash::Error> {
    // El algoritmo, la versión, los costes y la sal vienen en el propio hash.
    let hash = PasswordHash::new(hash)?;
    match argon2_con_clave(key.as_bytes())?.verify_password(password.as_bytes(), &hash) {
        Ok(()) => Ok(true),
        Err(password_hash::Error::PasswordInvalid) => Ok(false),
        Err(otro) => Err(otro),
    }
}

/// Como [`hash_password_blocking`], pero sin retener el hilo de quien la
/// espera: el cálculo corre en un hilo de `spawn_blocking`.
pub async fn hash_password(password: &str, key: &str) -> Result<String, password_hash::Error> {
    todo!(
        "Ejercicio `spawn_blocking`: escribe `hash_password` en exercises/src/spawn_blocking.rs \
         (capítulo book/src/07-spawn-blocking.md; pista: cargo run -- pista spawn_blocking)"
    )
}

/// Como [`verify_password_blocking`], pero sin retener el hilo de quien la
/// espera: el cálculo corre en un hilo de `spawn_blocking`.
pub async fn verify_password(
    password: &str,
    hash: &str,
    key: &str,
) -> Result<bool, password_hash::Error> {
    todo!(
        "Ejercicio `spawn_blocking`: escribe `verify_password` en exercises/src/spawn_blocking.rs \
         (capítulo book/src/07-spawn-blocking.md; pista: cargo run -- pista spawn_blocking)"
    )
}
