// Pruebas del ejercicio `linea_acotada`: leer una línea sin dejar que crezca sin límite.
//
// Archivo que editas: exercises/src/linea_acotada.rs
// Capítulo: book/src/11-chat-protocolo.md · Pista: cargo run -- pista linea_acotada
//
// Las pruebas leen de un `Goteo`: una conexión simulada que entrega los bytes
// a trozos pequeños, como llegan por la red, con un `Poll::Pending` antes de
// cada trozo nuevo. Y cuenta cuántos bytes le ha consumido el lector: así se
// ve si la función leyó de más (la línea siguiente, o una línea eterna
// entera) sin medir ningún tiempo.

// Tu archivo entra en estas pruebas como el módulo `linea_acotada`, y ningún
// otro ejercicio entra con él: si otro no compila, estas pruebas compilan y
// corren igual. Las mismas pruebas corren contra la solución:
// solutions/tests/linea_acotada.rs incluye este archivo (por eso no tiene
// comentarios `//!`) y declara el módulo con solutions/src/linea_acotada.rs; allí
// está activo `cfg(solucion)`, que apaga esta declaración.
#[cfg(not(solucion))]
#[path = "../src/linea_acotada.rs"]
#[allow(unused_variables)] // el esbozo aún no usa sus parámetros
pub mod linea_acotada;

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures::io::{AsyncBufRead, AsyncRead};
use linea_acotada::{Lectura, leer_linea_acotada};
use taller_async::prueba::con_limite;

const SI_SE_CUELGA: &str = "leer_linea_acotada no volvió. ¿Un bucle que no avanza? Cada \
    vuelta tiene que consumir lo que usa (`consume_unpin`) o volver; y un trozo vacío de \
    `fill_buf` quiere decir que la entrada terminó.";

/// De dónde salen los bytes del goteo.
enum Fuente {
    /// Estos bytes y después el final de la entrada.
    Bytes(Vec<u8>),
    /// Estos bytes y después un error de lectura.
    ConError(Vec<u8>),
    /// `tope` letras «a» sin ningún salto de línea, y el final.
    Eterna { tope: usize },
}

/// Una conexión simulada que entrega los bytes de `trozo` en `trozo`.
struct Goteo {
    fuente: Fuente,
    trozo: usize,
    /// Cuántos bytes de la fuente han pasado ya al búfer.
    servidos: usize,
    /// El trozo actual, y cuánto de él se ha consumido.
    bufer: Vec<u8>,
    inicio: usize,
    /// Antes de cada trozo nuevo, un `Pending`: los datos «aún no llegan».
    esperar: bool,
    /// Cuántos bytes ha consumido el lector en total.
    consumidos: usize,
}

impl Goteo {
    fn new(fuente: Fuente, trozo: usize) -> Goteo {
        Goteo {
            fuente,
            trozo,
            servidos: 0,
            bufer: Vec::new(),
            inicio: 0,
            esperar: true,
            consumidos: 0,
        }
    }

    fn bytes(texto: &[u8], trozo: usize) -> Goteo {
        Goteo::new(Fuente::Bytes(texto.to_vec()), trozo)
    }

    /// El siguiente trozo de la fuente: `Ok(vacío)` al final.
    fn siguiente_trozo(&mut self) -> io::Result<Vec<u8>> {
        let desde = self.servidos;
        let trozo = match &self.fuente {
            Fuente::Bytes(datos) | Fuente::ConError(datos) => {
                let hasta = (desde + self.trozo).min(datos.len());
                if desde == hasta && matches!(self.fuente, Fuente::ConError(_)) {
                    return Err(io::Error::new(
                        io::ErrorKind::ConnectionReset,
                        "la conexión se cortó (error simulado)",
                    ));
                }
                datos[desde..hasta].to_vec()
            }
            Fuente::Eterna { tope } => vec![b'a'; self.trozo.min(tope - desde.min(*tope))],
        };
        self.servidos += trozo.len();
        Ok(trozo)
    }
}

impl AsyncBufRead for Goteo {
    fn poll_fill_buf(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<&[u8]>> {
        let this = self.get_mut();
        if this.inicio == this.bufer.len() {
            if this.esperar {
                this.esperar = false;
                cx.waker().wake_by_ref();
                return Poll::Pending;
            }
            this.esperar = true;
            match this.siguiente_trozo() {
                Ok(trozo) => {
                    this.bufer = trozo;
                    this.inicio = 0;
                }
                Err(error) => return Poll::Ready(Err(error)),
            }
        }
        Poll::Ready(Ok(&this.bufer[this.inicio..]))
    }

    fn consume(self: Pin<&mut Self>, n: usize) {
        let this = self.get_mut();
        assert!(
            this.inicio + n <= this.bufer.len(),
            "se consumieron {n} bytes y el búfer solo tenía {}",
            this.bufer.len() - this.inicio
        );
        this.inicio += n;
        this.consumidos += n;
    }
}

impl AsyncRead for Goteo {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        destino: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        let disponible = match self.as_mut().poll_fill_buf(cx) {
            Poll::Ready(Ok(disponible)) => disponible,
            Poll::Ready(Err(error)) => return Poll::Ready(Err(error)),
            Poll::Pending => return Poll::Pending,
        };
        let n = disponible.len().min(destino.len());
        destino[..n].copy_from_slice(&disponible[..n]);
        self.consume(n);
        Poll::Ready(Ok(n))
    }
}

/// Lee con `leer_linea_acotada` y devuelve lo leído como texto.
async fn leer(lector: &mut Goteo, limite: usize) -> (Lectura, String) {
    let mut linea = Vec::new();
    let lectura = leer_linea_acotada(lector, &mut linea, limite)
        .await
        .expect("leer_linea_acotada devolvió un error con una entrada que no falla");
    (lectura, String::from_utf8_lossy(&linea).into_owned())
}

#[test]
fn lee_las_lineas_una_a_una_aunque_lleguen_a_trozos() {
    con_limite(10, SI_SE_CUELGA, || async {
        let mut lector = Goteo::bytes("hola\nqué tal\r\n\núltima, sin salto".as_bytes(), 3);
        let mut leidas = Vec::new();
        for _ in 0..6 {
            leidas.push(leer(&mut lector, 100).await);
        }
        let esperadas: Vec<(Lectura, String)> = [
            (Lectura::Linea, "hola"),
            (Lectura::Linea, "qué tal"),
            (Lectura::Linea, ""),
            (Lectura::Linea, "última, sin salto"),
            (Lectura::Fin, ""),
            (Lectura::Fin, ""),
        ]
        .into_iter()
        .map(|(l, t)| (l, t.to_string()))
        .collect();
        assert_eq!(
            leidas, esperadas,
            "cada llamada debería dar una línea, sin el `\\n` ni el `\\r` final; la \
             última, aunque no acabe en `\\n`; y después, Fin"
        );
    })
}

#[test]
fn no_lee_nada_de_la_linea_siguiente() {
    con_limite(10, SI_SE_CUELGA, || async {
        // Todo llega en un solo trozo: el búfer del lector tiene las tres
        // líneas a la vez.
        let mut lector = Goteo::bytes(b"uno\ndos\ntres\n", 100);
        assert_eq!(leer(&mut lector, 100).await, (Lectura::Linea, "uno".into()));
        assert_eq!(
            lector.consumidos, 4,
            "tras leer «uno\\n» se consumieron {} bytes: consume solo la línea y su `\\n`; \
             lo demás es de la línea siguiente",
            lector.consumidos
        );
        assert_eq!(leer(&mut lector, 100).await, (Lectura::Linea, "dos".into()));
        assert_eq!(
            leer(&mut lector, 100).await,
            (Lectura::Linea, "tres".into())
        );
        assert_eq!(leer(&mut lector, 100).await.0, Lectura::Fin);
    })
}

#[test]
fn el_limite_cabe_y_un_byte_mas_no() {
    con_limite(10, SI_SE_CUELGA, || async {
        let mut justa = Goteo::bytes(b"0123456789\n", 4);
        assert_eq!(
            leer(&mut justa, 10).await,
            (Lectura::Linea, "0123456789".into()),
            "una línea de exactamente `limite` bytes cabe"
        );
        let mut larga = Goteo::bytes(b"0123456789X\n", 4);
        assert_eq!(
            leer(&mut larga, 10).await.0,
            Lectura::DemasiadoLarga,
            "una línea de `limite + 1` bytes ya no cabe"
        );
    })
}

#[test]
fn una_linea_eterna_se_corta_en_el_limite() {
    con_limite(20, SI_SE_CUELGA, || async {
        const LIMITE: usize = 1000;
        const TROZO: usize = 64;
        // Ocho mebibytes sin ningún salto de línea.
        let mut lector = Goteo::new(Fuente::Eterna { tope: 8 << 20 }, TROZO);
        let mut linea = Vec::new();
        let lectura = leer_linea_acotada(&mut lector, &mut linea, LIMITE)
            .await
            .expect("leer_linea_acotada devolvió un error con una entrada que no falla");
        assert_eq!(lectura, Lectura::DemasiadoLarga);
        assert!(
            lector.consumidos <= LIMITE + TROZO,
            "para saber que la línea pasa de {LIMITE} bytes se leyeron {} bytes: no sigas \
             leyendo una línea que ya no cabe. Un cliente que manda bytes sin fin haría \
             crecer la memoria del servidor sin fin",
            lector.consumidos
        );
        assert!(
            linea.len() <= LIMITE,
            "el búfer de la línea llegó a {} bytes con un límite de {LIMITE}: comprueba el \
             límite antes de copiar el trozo, no después",
            linea.len()
        );
    })
}

#[test]
fn vacia_la_linea_antes_de_leer() {
    con_limite(10, SI_SE_CUELGA, || async {
        let mut lector = Goteo::bytes(b"hola\n", 8);
        let mut linea = b"restos de la anterior".to_vec();
        let lectura = leer_linea_acotada(&mut lector, &mut linea, 100)
            .await
            .expect("leer_linea_acotada devolvió un error con una entrada que no falla");
        assert_eq!(lectura, Lectura::Linea);
        assert_eq!(
            String::from_utf8_lossy(&linea),
            "hola",
            "`linea` tiene que empezar vacía: `linea.clear()`"
        );
    })
}

#[test]
fn un_error_de_lectura_se_devuelve() {
    con_limite(10, SI_SE_CUELGA, || async {
        let mut lector = Goteo::new(Fuente::ConError(b"a medi".to_vec()), 4);
        let mut linea = Vec::new();
        let resultado = leer_linea_acotada(&mut lector, &mut linea, 100).await;
        assert!(
            matches!(&resultado, Err(e) if e.kind() == io::ErrorKind::ConnectionReset),
            "la conexión falló a mitad de línea y se devolvió {resultado:?}: un error de \
             `fill_buf` se devuelve tal cual, con `?`"
        );
    })
}
