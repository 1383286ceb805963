//! Error: mira que cada respuesta que llegó sea un 200, pero no cuántas
//! llegaron: un bucle sobre las que llegaron no ve la que falta.
//! Se espera: falla rechaza_la_que_pierde_un_mensaje
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
        while !terminada.get() {
            latidos.set(latidos.get() + 1);
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    };
    let (resultados, ()) = futures::join!(pedir, latir);

    // 1. Cada respuesta, un 200.
    for resultado in &resultados {
        let texto = resultado
            .as_ref()
            .unwrap_or_else(|error| panic!("una URL dio un error: {error}"));
        assert!(
            respuesta::estado(texto) == Some(200),
            "una respuesta no es un 200:\n{texto}"
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
