//! Alternativa: en lugar de un latido, cuenta los sondeos del future de
//! `pedir_todas`: si da `Pending` alguna vez (dos sondeos o más), cedió el
//! hilo; uno que bloquea el hilo hasta terminar da `Ready` en el primero.
//!
//! Una prueba de `PedirTodas` para el ejercicio `probar_y_depurar`.

use std::cell::Cell;
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

    // Cada sondeo del future de `pedir_todas`, contado.
    let sondeos = Cell::new(0);
    let mut pedir = imp.pedir_todas(urls);
    let resultados = std::future::poll_fn(|cx| {
        sondeos.set(sondeos.get() + 1);
        pedir.as_mut().poll(cx)
    })
    .await;

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

    // 2. Todas a la vez: el servidor las vio todas en vuelo.
    let pico = servidor.pico_en_vuelo();
    assert!(
        pico == N,
        "el servidor atendió como mucho {pico} peticiones a la vez, y eran {N}"
    );

    // 3. Sin bloquear el hilo: dio `Pending` al menos una vez.
    assert!(
        sondeos.get() > 1,
        "pedir_todas terminó en su primer sondeo, sin ceder el hilo ni una vez: lo bloqueó"
    );
}
