//! Solución del ejercicio `probar_y_depurar`: una prueba de `PedirTodas`
//! que cuenta en lugar de cronometrar.
//!
//! Cada promesa se comprueba con una cuenta que no depende de lo rápida que
//! vaya la máquina:
//!
//! 1. una respuesta por URL, en su orden: se cuentan las respuestas y se
//!    mira que la `i` sea la de `/i`;
//! 2. todas a la vez: el pico de peticiones en vuelo del servidor local
//!    llega al número de URL (el servidor tarda `LATENCIA` en cada una, y
//!    eso da tiempo de sobra a que empiecen todas);
//! 3. sin bloquear el hilo: un latido en la misma tarea, que solo puede
//!    correr cuando `pedir_todas` cede el hilo, late al menos una vez.
//!
//! Ninguna cota superior de tiempo: la correcta, en una máquina cargada,
//! pasa igual.

use std::cell::Cell;
use std::time::Duration;

use taller_async::Servidor;
use taller_async::bajo_prueba::{PedirTodas, Url};
use taller_async::respuesta;

// ANCHOR: prueba
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
// ANCHOR_END: prueba
