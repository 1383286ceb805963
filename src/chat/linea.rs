//! Leer una línea sin dejar que crezca sin límite.
//!
//! El chat del libro lee cada conexión con `lines()`, que junta bytes hasta
//! encontrar un `\n`, sin límite. Un cliente que manda un gigabyte sin ningún
//! salto de línea (por error o a propósito) obliga al servidor a guardar ese
//! gigabyte en memoria, y mil clientes así lo hacen caer.
//!
//! [`leer_linea_acotada`] lee directamente del búfer del lector, con
//! `fill_buf` y `consume`, y se detiene en cuanto la línea supera el límite:
//! nunca guarda más de `limite` bytes, y no lee el resto de la línea. Quien
//! la llama decide qué hacer después; el servidor del chat responde con un
//! error y cierra la conexión.
//!
//! El ejercicio `linea_acotada` pide escribir esta misma función.

use futures::io::{AsyncBufRead, AsyncBufReadExt};
use std::io;

/// Lo que encontró [`leer_linea_acotada`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lectura {
    /// Una línea completa está en el búfer, sin el `\n` (ni el `\r` de un
    /// `\r\n`). También la última línea de la entrada si no acaba en `\n`.
    Linea,
    /// La entrada terminó y no quedaba nada por leer.
    Fin,
    /// La línea tiene más de `limite` bytes. El búfer guarda como mucho
    /// `limite` bytes de ella, y el resto sigue sin leer.
    DemasiadoLarga,
}

// ANCHOR: leer_linea_acotada
/// Lee la siguiente línea de `lector` en `linea` (que se vacía antes), sin
/// guardar nunca más de `limite` bytes.
pub async fn leer_linea_acotada<R>(
    lector: &mut R,
    linea: &mut Vec<u8>,
    limite: usize,
) -> io::Result<Lectura>
where
    R: AsyncBufRead + Unpin,
{
    linea.clear();
    loop {
        // Lo que el lector ya tiene en su búfer; si está vacío, espera a la
        // red. Un trozo vacío quiere decir que la entrada terminó.
        let disponible = lector.fill_buf().await?;
        if disponible.is_empty() {
            return Ok(if linea.is_empty() {
                Lectura::Fin
            } else {
                Lectura::Linea
            });
        }

        // Solo se mira hasta el primer `\n`: lo que venga detrás es de la
        // línea siguiente y se queda en el búfer del lector.
        let (trozo, fin_de_linea) = match disponible.iter().position(|&b| b == b'\n') {
            Some(i) => (&disponible[..i], true),
            None => (disponible, false),
        };
        // Se comprueba ANTES de copiar: así `linea` nunca pasa del límite.
        if linea.len() + trozo.len() > limite {
            return Ok(Lectura::DemasiadoLarga);
        }
        linea.extend_from_slice(trozo);
        let usados = trozo.len() + usize::from(fin_de_linea);
        lector.consume_unpin(usados);

        if fin_de_linea {
            if linea.last() == Some(&b'\r') {
                linea.pop();
            }
            return Ok(Lectura::Linea);
        }
    }
}
// ANCHOR_END: leer_linea_acotada

/// Lee y tira lo que queda de la línea actual, hasta su `\n` (que también se
/// consume) o hasta el final de la entrada, sin guardar nada.
///
/// Es lo que hace el cliente tras [`Lectura::DemasiadoLarga`]: el servidor
/// es de confianza, así que no se cierra la conexión, pero la línea que no
/// cabe se descarta entera para que la siguiente lectura empiece en el
/// paquete siguiente. La memoria no crece: solo se mira el búfer del lector.
pub async fn descartar_resto_de_linea<R>(lector: &mut R) -> io::Result<()>
where
    R: AsyncBufRead + Unpin,
{
    loop {
        let disponible = lector.fill_buf().await?;
        if disponible.is_empty() {
            return Ok(());
        }
        match disponible.iter().position(|&b| b == b'\n') {
            Some(i) => {
                lector.consume_unpin(i + 1);
                return Ok(());
            }
            None => {
                let todo = disponible.len();
                lector.consume_unpin(todo);
            }
        }
    }
}

#[cfg(test)]
mod pruebas {
    use super::*;
    use futures::io::Cursor;

    fn leer_todo(texto: &[u8], limite: usize) -> Vec<(Lectura, String)> {
        async_std::task::block_on(async {
            let mut lector = futures::io::BufReader::with_capacity(4, Cursor::new(texto));
            let mut linea = Vec::new();
            let mut resultado = Vec::new();
            loop {
                let lectura = leer_linea_acotada(&mut lector, &mut linea, limite)
                    .await
                    .unwrap();
                resultado.push((lectura, String::from_utf8_lossy(&linea).into_owned()));
                if lectura != Lectura::Linea {
                    return resultado;
                }
            }
        })
    }

    #[test]
    fn parte_en_lineas_aunque_lleguen_a_trozos() {
        let lecturas = leer_todo(b"hola\r\nque tal\n\nfin", 100);
        let esperado = [
            (Lectura::Linea, "hola"),
            (Lectura::Linea, "que tal"),
            (Lectura::Linea, ""),
            (Lectura::Linea, "fin"),
            (Lectura::Fin, ""),
        ];
        let lecturas: Vec<(Lectura, &str)> =
            lecturas.iter().map(|(l, t)| (*l, t.as_str())).collect();
        assert_eq!(lecturas, esperado);
    }

    #[test]
    fn descartar_el_resto_deja_el_lector_en_la_linea_siguiente() {
        async_std::task::block_on(async {
            let texto = b"aaaaaaaaaaaaaaaa\nhola\n";
            let mut lector = futures::io::BufReader::with_capacity(4, Cursor::new(&texto[..]));
            let mut linea = Vec::new();
            let lectura = leer_linea_acotada(&mut lector, &mut linea, 5)
                .await
                .unwrap();
            assert_eq!(lectura, Lectura::DemasiadoLarga);
            descartar_resto_de_linea(&mut lector).await.unwrap();
            let lectura = leer_linea_acotada(&mut lector, &mut linea, 5)
                .await
                .unwrap();
            assert_eq!((lectura, &linea[..]), (Lectura::Linea, &b"hola"[..]));
            let lectura = leer_linea_acotada(&mut lector, &mut linea, 5)
                .await
                .unwrap();
            assert_eq!(lectura, Lectura::Fin);
        })
    }

    #[test]
    fn el_limite_es_inclusivo() {
        assert_eq!(
            leer_todo(b"12345\n", 5)[0],
            (Lectura::Linea, "12345".into())
        );
        let lecturas = leer_todo(b"123456\n", 5);
        assert_eq!(lecturas.len(), 1);
        assert_eq!(lecturas[0].0, Lectura::DemasiadoLarga);
        assert!(lecturas[0].1.len() <= 5);
    }
}
