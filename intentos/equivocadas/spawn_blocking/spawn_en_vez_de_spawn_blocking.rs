//! Error: lanza el cálculo bloqueante con `task::spawn(async move { ... })` en
//! lugar de `task::spawn_blocking`: el hash deja libre el hilo de quien
//! espera, pero ocupa entero un hilo del ejecutor de async-std, que
//! debería estar sondeando otras tareas.
//! Se espera: fallan hash_password_no_ocupa_un_hilo_del_ejecutor,
//!   verify_password_no_ocupa_un_hilo_del_ejecutor
//!
//! Solución del ejercicio `spawn_blocking`: `spawn_blocking`, el hash de contraseñas fuera
//! del ejecutor.
//!
//! `spawn_blocking` corre el closure en un hilo aparte, reservado para
//! trabajo bloqueante, y devuelve un `JoinHandle` que es un future. Esperarlo
//! con `.await` suspende la tarea sin retener su hilo. El closure puede vivir
//! más que quien llama, así que tiene que ser `'static`: se lleva copias
//! propias de los argumentos, no préstamos.

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{self, PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};
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
/// aleatoria nueva, y lo devuelve como cadena PHC. Bloquea el hilo.
pub fn hash_password_blocking(password: &str, key: &str) -> Result<String, password_hash::Error> {
    // `hash_password` pone una sal nueva: 16 bytes aleatorios del sistema
    // operativo.
    let hash: PasswordHash =
        argon2_con_clave(key.as_bytes())?.hash_password(password.as_bytes())?;
    Ok(hash.to_string())
}

/// `Ok(true)` si `password` corresponde al hash PHC `hash` con la clave
/// secreta `key`, `Ok(false)` si no, y `Err` si `hash` no es un hash válido.
/// Bloquea el hilo.
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

/// Como [`hash_password_blocking`], en un hilo de `spawn_blocking`.
pub async fn hash_password(password: &str, key: &str) -> Result<String, password_hash::Error> {
    // Copias propias: el closure no toma nada prestado, así que es 'static.
    let password = password.to_string();
    let key = key.to_string();

    task::spawn(async move { hash_password_blocking(&password, &key) }).await
}

/// Como [`verify_password_blocking`], en un hilo de `spawn_blocking`. Es la
/// `verify_password` del libro, con el crate `argon2` en lugar de
/// `argonautica`.
pub async fn verify_password(
    password: &str,
    hash: &str,
    key: &str,
) -> Result<bool, password_hash::Error> {
    let password = password.to_string();
    let hash = hash.to_string();
    let key = key.to_string();

    task::spawn(async move { verify_password_blocking(&password, &hash, &key) }).await
}
