//! Prueba del ejemplo `canales`: que imprima lo que el capítulo «Canales como
//! herramienta de diseño» dice que imprime.
//!
//! Lo que el capítulo da por hecho: que con el consumidor en pausa terminan
//! exactamente tantos `send` como la capacidad, y que todo llega en orden;
//! que `try_send` distingue la cola llena (`Full`) del consumidor que se fue
//! (`Closed`), y que con cada política el consumidor lento lee menos que el
//! rápido; que la cola sin límite guarda al menos los 100 bytes de cada
//! mensaje, y mucho más en total que la acotada; lo que devuelven `oneshot`,
//! `watch` y `broadcast` en cada caso; que el actor da el mismo grupo a cien
//! tareas, termina al soltar el último handle, atiende de una en una, y que
//! un pánico dentro de él deja a todos sus handles con un error, mientras
//! que en el Mutex envenena el lock.

use crate::comun;

use std::time::Duration;

use comun::ejemplos::Ejemplos;

static EJEMPLOS: Ejemplos = Ejemplos::nuevos(
    env!("CARGO_PKG_NAME"),
    &["canales"],
    "un consumidor que espera un canal que nadie cierra (¿queda un emisor sin soltar?), o un \
     actor que no termina porque alguien guarda un clon de su handle.",
);

#[test]
fn canales_imprime_lo_que_dice_el_capitulo() {
    let salida = EJEMPLOS.correr("canales", &[], Duration::from_secs(120));
    assert!(
        salida.estado.success(),
        "el ejemplo canales terminó mal.\n{}",
        salida.describir()
    );
    let tiene = |linea: &str| {
        assert!(
            salida.stdout.lines().any(|l| l.trim() == linea),
            "la salida de canales debía tener la línea «{linea}».\n{}",
            salida.describir()
        );
    };

    // 1. Acotado: exactamente la capacidad.
    tiene("con el consumidor en pausa terminaron 4 send; la capacidad es 4");
    tiene("el consumidor, al volver, recibió [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]");

    // 2. try_send, con cada política.
    let seccion = |desde: &str, hasta: &str| -> String {
        let inicio = salida.stdout.find(desde).expect(desde);
        let fin = salida.stdout[inicio..].find(hasta).expect(hasta) + inicio;
        salida.stdout[inicio..fin].to_string()
    };
    for (desde, hasta) in [
        ("política Descartar", "política Desconectar"),
        ("política Desconectar", "3. Sin límite"),
    ] {
        let texto = seccion(desde, hasta);
        assert!(
            texto.contains("mensaje 1: «ido» ya no escucha (Closed): se le quita")
                && texto.contains("«rápido» leyó 20 de 20; descartados para él: 0"),
            "con la {desde}, «ido» debía dar Closed en el primer mensaje y «rápido» leer los \
             20.\n{texto}"
        );
        let lento = texto
            .lines()
            .find(|l| l.contains("«lento» leyó"))
            .expect("falta la línea de «lento»");
        let cifras: Vec<usize> = lento
            .split(|c: char| !c.is_ascii_digit())
            .filter(|t| !t.is_empty())
            .map(|t| t.parse().unwrap())
            .collect();
        let (leidos, descartados) = (cifras[0], cifras[2]);
        assert!(leidos < 20, "«lento» no debía poder leer los 20: {lento}");
        if desde.contains("Descartar") {
            assert!(
                leidos + descartados == 20 && descartados > 0,
                "con Descartar, lo leído más lo descartado debía sumar 20: {lento}"
            );
        } else {
            assert!(
                texto.contains("la cola de «lento» está llena: se desconecta")
                    && leidos <= 5
                    && descartados == 0,
                "con Desconectar, «lento» debía leer como mucho lo que tenía en su cola \
                 (4) y el que estaba leyendo.\n{texto}"
            );
        }
    }

    // 3. Sin límite: los bytes por mensaje y la comparación con el acotado.
    let por_mensaje = salida
        .tras("sin límite: 20000 mensajes en cola a la vez; pico de")
        .split_once('(')
        .map(|(_, r)| {
            r.chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
        })
        .and_then(|c| c.parse::<usize>().ok())
        .expect("falta «(N por mensaje)»");
    assert!(
        por_mensaje >= 100,
        "cada mensaje tiene 100 bytes de texto, y la cola sin límite guardó {por_mensaje} \
         por mensaje.\n{}",
        salida.describir()
    );
    let veces = salida
        .tras("acotado a 64: pico de")
        .split_once(", ")
        .map(|(_, r)| {
            r.chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
        })
        .and_then(|c| c.parse::<usize>().ok())
        .expect("falta «N veces menos»");
    assert!(
        veces >= 50,
        "la cola acotada a 64 debía guardar muchas veces menos que la de 20000, y fue {veces} \
         veces menos.\n{}",
        salida.describir()
    );

    // 4. oneshot, watch y broadcast.
    tiene("la respuesta: Ok(42)");
    tiene("send sin nadie que espere: Err(7)");
    tiene("esperar a un emisor que se soltó: Err(RecvError(()))");
    tiene("tres cambios, y quien mira ve: \"nivel=warn\"");
    tiene("changed() otra vez, sin cambios nuevos: Err(Elapsed(()))");
    tiene("apagar a los 35 ms: los trabajadores pararon tras [3, 3, 3] vueltas de 10 ms");
    tiene("changed() con el emisor suelto: Ok(()), y después Err(RecvError(()))");
    tiene("«¿qué tal?» se mandó a 2 receptores");
    tiene("ana recibió Ok(\"hola\") y Ok(\"¿qué tal?\"); beto, Ok(\"¿qué tal?\")");
    tiene("send sin receptores: Err(SendError(\"¿hay alguien?\"))");

    // 5. El actor.
    tiene("100 get_or_create a la vez: todos el mismo grupo: true");
    tiene("get(\"gatos\"), que nadie creó: None");
    tiene("soltado el último handle, el actor terminó: Ok(())");
    tiene("la lenta terminó a los 100 ms; la rápida, que llegó detrás, a los 100 ms");
    tiene("quien pidió el grupo sin nombre recibió: Err(ActorTerminado)");
    tiene("y la petición siguiente: Err(ActorTerminado)");
    tiene("el JoinHandle del actor: Err(\"pánico\")");
    tiene("el Mutex, tras el pánico con el lock tomado: envenenado: true");
    assert!(
        salida.stdout.contains("get_or_create: ") && salida.stdout.contains("con el actor ("),
        "falta la ida y vuelta medida.\n{}",
        salida.describir()
    );
}
