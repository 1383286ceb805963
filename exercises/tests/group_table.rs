// Pruebas del ejercicio `group_table`: `GroupTable::get_or_create`.
//
// Archivo que editas: exercises/src/group_table.rs
// Capítulo: book/src/14-chat-mutex.md · Pista: cargo run -- pista group_table
//
// Que dos llamadas devuelven «el mismo grupo» se comprueba con
// `Arc::ptr_eq`: los dos `Arc` apuntan al mismo `Group` en memoria, no a dos
// grupos iguales.

// Tu archivo entra en estas pruebas como el módulo `group_table`, y ningún
// otro ejercicio entra con él: si otro no compila, estas pruebas compilan y
// corren igual. Las mismas pruebas corren contra la solución:
// solutions/tests/group_table.rs incluye este archivo (por eso no tiene
// comentarios `//!`) y declara el módulo con solutions/src/group_table.rs; allí
// está activo `cfg(solucion)`, que apaga esta declaración.
#[cfg(not(solucion))]
#[path = "../src/group_table.rs"]
#[allow(unused_variables)] // el esbozo aún no usa sus parámetros
pub mod group_table;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use async_std::net::TcpListener;
use futures::future;
use group_table::GroupTable;
use taller_async::chat::FromServer;
use taller_async::chat::cliente_simple::ClienteSimple;
use taller_async::chat::servidor::connection::Outbound;
use taller_async::prueba::con_limite;

const SI_SE_CUELGA: &str = "get_or_create no volvió. ¿Pides el lock dos veces? Llamar a \
    `self.get(...)` (o a `self.groups.lock()`) con el lock ya tomado bloquea el hilo para \
    siempre: el Mutex de std no se puede volver a tomar desde quien ya lo tiene.";

fn arc(texto: &str) -> Arc<String> {
    Arc::new(texto.to_string())
}

#[test]
fn crea_el_grupo_la_primera_vez_y_lo_guarda() {
    con_limite(10, SI_SE_CUELGA, || async {
        let tabla = GroupTable::new(16);
        let nombre = arc("perros");
        assert!(tabla.get(&nombre).is_none());

        let grupo = tabla.get_or_create(nombre.clone());
        assert_eq!(
            grupo.name(),
            &nombre,
            "el grupo creado debería llamarse «perros»"
        );
        let guardado = tabla.get(&nombre).expect(
            "get_or_create creó el grupo pero no lo guardó en la tabla: `get` no lo encuentra",
        );
        assert!(
            Arc::ptr_eq(&grupo, &guardado),
            "el grupo guardado en la tabla no es el que devolvió get_or_create"
        );
        assert_eq!(tabla.len(), 1);
    })
}

#[test]
fn la_segunda_vez_devuelve_el_mismo_grupo() {
    con_limite(10, SI_SE_CUELGA, || async {
        let tabla = GroupTable::new(16);
        let primero = tabla.get_or_create(arc("perros"));
        let segundo = tabla.get_or_create(arc("perros"));
        assert!(
            Arc::ptr_eq(&primero, &segundo),
            "dos get_or_create(«perros») devolvieron grupos distintos: si el grupo ya \
             existe, hay que devolver ese, no crear otro"
        );
        assert_eq!(tabla.len(), 1, "la tabla debería tener un solo grupo");
    })
}

#[test]
fn cada_nombre_tiene_su_grupo() {
    con_limite(10, SI_SE_CUELGA, || async {
        let tabla = GroupTable::new(16);
        let perros = tabla.get_or_create(arc("perros"));
        let gatos = tabla.get_or_create(arc("gatos"));
        assert!(!Arc::ptr_eq(&perros, &gatos));
        assert_eq!(perros.name().as_str(), "perros");
        assert_eq!(gatos.name().as_str(), "gatos");
        assert_eq!(tabla.len(), 2);
    })
}

#[test]
fn el_grupo_nuevo_tiene_la_capacidad_de_la_tabla() {
    con_limite(10, SI_SE_CUELGA, || async {
        let tabla = GroupTable::new(64);
        let grupo = tabla.get_or_create(arc("perros"));
        assert_eq!(
            grupo.capacity(),
            64,
            "el grupo se creó con otra capacidad: usa `Group::new(name, self.capacity)`"
        );
    })
}

#[test]
fn quien_se_une_y_quien_publica_acaban_en_el_mismo_grupo() {
    con_limite(10, SI_SE_CUELGA, || async {
        // Una conexión de verdad en 127.0.0.1, como la de un miembro.
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let direccion = listener.local_addr().unwrap();
        let (cliente, aceptada) =
            future::join(ClienteSimple::conectar(direccion), listener.accept()).await;
        let mut cliente = cliente.unwrap();
        let outbound = Arc::new(Outbound::new(aceptada.unwrap().0));

        let tabla = GroupTable::new(16);
        // Una conexión se une (como hace `serve` con un `Join`)...
        let _suscripcion = tabla.get_or_create(arc("perros")).join(outbound);
        // ...y otra publica en el grupo con el mismo nombre.
        let para_publicar = tabla.get_or_create(arc("perros"));
        assert_eq!(
            para_publicar.suscriptores(),
            1,
            "el grupo en el que se publica no tiene al miembro que se unió: son dos grupos \
             distintos con el mismo nombre"
        );
        para_publicar.post(arc("¡hola!"));
        match cliente.recibir().await {
            Some(Ok(FromServer::Message { message, .. })) => assert_eq!(*message, "¡hola!"),
            otro => panic!("el miembro debería haber recibido «¡hola!», y llegó {otro:?}"),
        }
    })
}

/// Espera, girando, a que lleguen los `hilos` de esta ronda: cuando llega el
/// último, todos salen a la vez, en el mismo instante en cada núcleo. (Una
/// `std::sync::Barrier` duerme a los que esperan, y despertarlos cuesta más
/// que lo que dura un `get_or_create`: el último en llegar saldría solo.)
fn salir_todos_a_la_vez(llegados: &AtomicUsize, hilos: usize) {
    llegados.fetch_add(1, Ordering::SeqCst);
    let mut vueltas = 0_u32;
    while llegados.load(Ordering::SeqCst) < hilos {
        vueltas = vueltas.wrapping_add(1);
        // Ceder el núcleo a menudo haría que, con la máquina cargada, el
        // sistema durmiera a este hilo justo cuando llega el último, y saldría
        // solo. Pero si uno tarda mucho en llegar (más hilos que núcleos
        // libres), se le deja correr de vez en cuando.
        if vueltas.is_multiple_of(1 << 16) {
            thread::yield_now();
        } else {
            std::hint::spin_loop();
        }
    }
}

#[test]
fn muchos_hilos_a_la_vez_acaban_en_el_mismo_grupo() {
    con_limite(30, SI_SE_CUELGA, || async {
        // Cada ronda estrena una tabla y un nombre, y todos los hilos lo piden
        // a la vez: todos lo buscan antes de que exista. Si buscar e insertar
        // no son una sola operación con el lock tomado, entre las dos otro
        // hilo también lo ha buscado sin encontrarlo, y los dos crean «su»
        // grupo. Una cola muy grande hace que crear un grupo lleve su rato
        // (reservar y preparar sus 32 768 huecos), y en ese hueco entran los
        // demás hilos. Con la máquina cargada, en algunas rondas un hilo llega
        // tarde y no coincide con nadie; en doscientas rondas, coinciden
        // decenas de veces.
        const RONDAS: usize = 200;
        const CAPACIDAD: usize = 1 << 15;
        let hilos = thread::available_parallelism()
            .map_or(2, usize::from)
            .clamp(2, 4);
        let mut rondas_con_dos_grupos = Vec::new();
        for ronda in 0..RONDAS {
            let tabla = GroupTable::new(CAPACIDAD);
            let nombre = arc(&format!("nuevo{ronda}"));
            let llegados = AtomicUsize::new(0);
            let vistos: Vec<Arc<_>> = thread::scope(|s| {
                let en_marcha: Vec<_> = (0..hilos)
                    .map(|_| {
                        s.spawn(|| {
                            salir_todos_a_la_vez(&llegados, hilos);
                            tabla.get_or_create(Arc::clone(&nombre))
                        })
                    })
                    .collect();
                en_marcha
                    .into_iter()
                    .map(|h| h.join().expect("un hilo de la prueba entró en pánico"))
                    .collect()
            });
            assert_eq!(
                tabla.len(),
                1,
                "{hilos} hilos pidieron el mismo nombre y la tabla tiene {} grupos",
                tabla.len()
            );
            let guardado = tabla.get(&nombre).expect("el grupo está en la tabla");
            if vistos.iter().any(|grupo| !Arc::ptr_eq(grupo, &guardado)) {
                rondas_con_dos_grupos.push(ronda);
            }
        }

        assert!(
            rondas_con_dos_grupos.is_empty(),
            "En cada una de {RONDAS} rondas, {hilos} hilos pidieron a la vez un grupo \
             nuevo, y se esperaba que todos recibieran el grupo de la tabla. En {} \
             rondas (la primera, la {}) algún hilo recibió otro grupo con el mismo \
             nombre: dos hilos lo crearon a la vez, y cada uno se quedó con el suyo. \
             ¿Buscas con un `lock()` (o con `self.get`) e insertas con otro? Entre los \
             dos, otro hilo puede buscar y no encontrarlo. Busca e inserta con el lock \
             tomado una sola vez: `entry(...).or_insert_with(...)`.",
            rondas_con_dos_grupos.len(),
            rondas_con_dos_grupos[0]
        );
    })
}
