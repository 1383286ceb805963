//! Error: demasiado estricta. Exige que las N estén en vuelo en el primer
//! latido, la primera vez que `pedir_todas` cede el hilo; pero entonces las
//! conexiones aún no se han abierto, y ninguna petición ha llegado al
//! servidor. La promesa es que estén todas en vuelo en algún momento, y
//! eso lo dice el pico.
//! Se espera: falla acepta_la_correcta, acepta_la_correcta_en_una_maquina_cargada
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

    // El latido corre en la misma tarea que `pedir_todas`, con `join!`:
    // solo puede latir cuando `pedir_todas` cede el hilo.
    let terminada = Cell::new(false);
    let latidos = Cell::new(0);
    let pedir = async {
        let resultados = imp.pedir_todas(urls).await;
        terminada.set(true);
        resultados
    };
    let latir = async {
        let mut primero = true;
        while !terminada.get() {
            if primero {
                let en_vuelo = servidor.en_vuelo();
                assert!(
                    en_vuelo == N,
                    "en el primer latido había {en_vuelo} peticiones en vuelo, y eran {N}"
                );
                primero = false;
            }
            latidos.set(latidos.get() + 1);
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    };
    let (resultados, ()) = futures::join!(pedir, latir);

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
        latidos.get() > 0,
        "el latido de la misma tarea no latió ni una vez: pedir_todas bloqueó el hilo"
    );
}
