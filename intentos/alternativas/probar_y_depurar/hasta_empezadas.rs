//! Alternativa: mira si fueron a la vez con la ruta `/hasta_empezadas` del
//! servidor en lugar del pico en vuelo: la primera URL no responde hasta
//! que el servidor ve empezar las N, y su cuerpo dice si las vio.
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
        .map(|i| {
            // La primera espera a que empiecen las N (o a que pase 1 s).
            let ruta = if i == 0 {
                format!("/hasta_empezadas?total={N}&max_ms=1000")
            } else {
                format!("/{i}")
            };
            (servidor.host(), servidor.puerto(), ruta)
        })
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
        while !terminada.get() {
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
        let esperado = if i == 0 {
            "Liberada".to_string()
        } else {
            format!("GET /{i} ")
        };
        assert!(
            respuesta::estado(texto) == Some(200) && respuesta::cuerpo(texto).contains(&esperado),
            "la respuesta {i} no es la de /{i}:\n{texto}"
        );
    }

    // 2. Todas a la vez: la primera se liberó (lo mira el punto 1) porque,
    // mientras seguía en vuelo, empezaron las N.

    // 3. Sin bloquear el hilo: el latido corrió mientras esperaba.
    assert!(
        latidos.get() > 0,
        "el latido de la misma tarea no latió ni una vez: pedir_todas bloqueó el hilo"
    );
}
