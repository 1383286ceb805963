//! Error: el latido va en una tarea aparte, lanzada con `tokio::spawn`: corre
//! en otro hilo del runtime, y sigue latiendo aunque `pedir_todas` bloquee
//! el hilo que la espera.
//! Se espera: falla rechaza_la_que_bloquea
//!
//! Una prueba de `PedirTodas` para el ejercicio `probar_y_depurar`.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
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

    // El latido, en una tarea aparte, hasta que `pedir_todas` termine.
    let terminada = Arc::new(AtomicBool::new(false));
    let latidos = Arc::new(AtomicUsize::new(0));
    let latido = tokio::spawn({
        let terminada = Arc::clone(&terminada);
        let latidos = Arc::clone(&latidos);
        async move {
            while !terminada.load(Ordering::SeqCst) {
                latidos.fetch_add(1, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        }
    });
    let resultados = imp.pedir_todas(urls).await;
    terminada.store(true, Ordering::SeqCst);
    latido.await.expect("el latido entró en pánico");

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

    // 3. Sin bloquear el hilo: el latido corrió mientras esperaba.
    assert!(
        latidos.load(Ordering::SeqCst) > 0,
        "el latido no latió ni una vez: pedir_todas bloqueó el hilo"
    );
}
