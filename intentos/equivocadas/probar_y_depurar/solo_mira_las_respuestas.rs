//! Error: solo mira las respuestas (cuántas son y que cada una sea la de su
//! URL): no mira si fueron a la vez ni si el hilo quedó libre.
//! Se espera: falla rechaza_la_secuencial, rechaza_la_que_bloquea
//!
//! Una prueba de `PedirTodas` para el ejercicio `probar_y_depurar`.

use std::time::Duration;

use taller_async::Servidor;
use taller_async::bajo_prueba::{PedirTodas, Url};
use taller_async::respuesta;

/// Cuántas URL se piden.
const N: usize = 5;
/// Lo que tarda el servidor en cada petición: da tiempo a que empiecen
/// todas mientras la primera sigue en vuelo.
const LATENCIA: Duration = Duration::from_millis(200);

/// Entra en pánico si `imp` no cumple lo que promete `PedirTodas`.
pub async fn probar_pedir_todas(imp: &dyn PedirTodas) {
    let servidor = Servidor::con_latencia(LATENCIA)
        .await
        .expect("no se pudo arrancar el servidor local");
    let urls: Vec<Url> = (0..N)
        .map(|i| (servidor.host(), servidor.puerto(), format!("/{i}")))
        .collect();

    let resultados = imp.pedir_todas(urls).await;

    // 1. Una respuesta por URL, y la de cada una en su sitio.
    assert!(
        resultados.len() == N,
        "se pidieron {N} URL y llegaron {} respuestas",
        resultados.len()
    );
    for (i, resultado) in resultados.iter().enumerate() {
        let texto = resultado
            .as_ref()
            .unwrap_or_else(|error| panic!("la URL {i} dio un error: {error}"));
        assert!(
            respuesta::estado(texto) == Some(200)
                && respuesta::cuerpo(texto).contains(&format!("GET /{i} ")),
            "la respuesta {i} no es la de /{i}:\n{texto}"
        );
    }
}
