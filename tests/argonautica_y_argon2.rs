//! argonautica y argon2 se entienden: cada uno lee los hashes PHC del otro.
//!
//! El libro verifica contraseñas con `argonautica`; el taller usa por omisión
//! `argon2`, de RustCrypto. El capítulo 7 afirma que se puede pasar de uno a
//! otro sin tirar la base de datos de hashes, con un límite: argonautica
//! solo acepta una memoria que sea potencia de dos, y la de argon2 por
//! omisión (19456 KiB) no lo es. Estas pruebas lo comprueban.
//!
//! Solo se compilan con la feature `argonautica`, porque argonautica
//! necesita libclang para compilarse (Debian: `apt-get install libclang-dev`):
//!
//! ```text
//! cargo test --features argonautica --test argonautica_y_argon2
//! ```
//!
//! `.ci/run` las corre. Sin la feature, este archivo queda vacío.

#![cfg(feature = "argonautica")]

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{self, PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};

const CLAVE: &str = "clave secreta del servidor";
const CONTRASENA: &str = "correcto caballo batería grapa";

/// Un hash de argonautica con memoria potencia de dos, con clave o sin ella.
fn hash_argonautica(password: &str, key: Option<&str>) -> String {
    let mut hasher = argonautica::Hasher::default();
    hasher
        .configure_memory_size(16 * 1024)
        .configure_iterations(2)
        .configure_lanes(1)
        .with_password(password);
    match key {
        Some(key) => hasher.with_secret_key(key),
        None => hasher.opt_out_of_secret_key(true),
    };
    hasher.hash().expect("argonautica no pudo calcular el hash")
}

/// ¿Verifica argonautica `password` contra `hash` con la clave `key`?
fn verifica_argonautica(password: &str, hash: &str, key: &str) -> Result<bool, argonautica::Error> {
    argonautica::Verifier::default()
        .with_hash(hash)
        .with_password(password)
        .with_secret_key(key)
        .verify()
}

/// ¿Verifica argon2 `password` contra `hash` con la clave `key`?
fn verifica_argon2(password: &str, hash: &str, key: &str) -> Result<bool, password_hash::Error> {
    let hash = PasswordHash::new(hash)?;
    let argon2 = Argon2::new_with_secret(
        key.as_bytes(),
        Algorithm::Argon2id,
        Version::V0x13,
        Params::default(),
    )?;
    match argon2.verify_password(password.as_bytes(), &hash) {
        Ok(()) => Ok(true),
        Err(password_hash::Error::PasswordInvalid) => Ok(false),
        Err(otro) => Err(otro),
    }
}

/// Un hash de argon2 con los parámetros dados y la clave `key`.
fn hash_argon2(password: &str, key: &str, params: Params) -> String {
    let argon2 =
        Argon2::new_with_secret(key.as_bytes(), Algorithm::Argon2id, Version::V0x13, params)
            .unwrap();
    let hash: PasswordHash = argon2.hash_password(password.as_bytes()).unwrap();
    hash.to_string()
}

#[test]
fn argon2_verifica_los_hashes_de_argonautica_con_clave() {
    let hash = hash_argonautica(CONTRASENA, Some(CLAVE));
    assert_eq!(
        verifica_argon2(CONTRASENA, &hash, CLAVE),
        Ok(true),
        "{hash}"
    );
    assert_eq!(verifica_argon2("otra", &hash, CLAVE), Ok(false), "{hash}");
    assert_eq!(
        verifica_argon2(CONTRASENA, &hash, "otra clave"),
        Ok(false),
        "{hash}"
    );
}

#[test]
fn argon2_verifica_los_hashes_de_argonautica_sin_clave() {
    let hash = hash_argonautica(CONTRASENA, None);
    // Sin clave es lo mismo que con la clave vacía.
    assert_eq!(verifica_argon2(CONTRASENA, &hash, ""), Ok(true), "{hash}");
    assert_eq!(verifica_argon2("otra", &hash, ""), Ok(false), "{hash}");
}

#[test]
fn argonautica_verifica_los_hashes_de_argon2_con_memoria_potencia_de_dos() {
    let params = Params::new(16 * 1024, 2, 1, None).unwrap();
    let hash = hash_argon2(CONTRASENA, CLAVE, params);
    assert!(
        verifica_argonautica(CONTRASENA, &hash, CLAVE).unwrap(),
        "argonautica no verificó {hash}"
    );
    assert!(
        !verifica_argonautica("otra", &hash, CLAVE).unwrap(),
        "argonautica aceptó otra contraseña para {hash}"
    );
}

#[test]
fn argonautica_rechaza_la_memoria_por_omision_de_argon2() {
    assert_eq!(Params::DEFAULT_M_COST, 19 * 1024);
    let hash = hash_argon2(CONTRASENA, CLAVE, Params::default());
    assert!(hash.contains("m=19456"), "{hash}");
    let error = verifica_argonautica(CONTRASENA, &hash, CLAVE)
        .expect_err("argonautica aceptó m=19456, que no es potencia de dos");
    assert_eq!(
        error.kind(),
        argonautica::ErrorKind::MemorySizeInvalidError,
        "{error}"
    );
}
