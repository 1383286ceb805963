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

use std::sync::{Arc, Barrier};
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

#[test]
fn muchos_hilos_a_la_vez_acaban_en_el_mismo_grupo() {
    con_limite(20, SI_SE_CUELGA, || async {
        const HILOS: usize = 8;
        const NOMBRES: usize = 10;
        let tabla = GroupTable::new(16);
        // Todos los hilos empiezan a la vez, y cada uno pide los diez grupos
        // varias veces: si comprobar e insertar no son una sola operación
        // con el lock tomado, dos hilos pueden crear el mismo grupo dos veces.
        let salida = Barrier::new(HILOS);
        let vistos: Vec<Vec<Arc<_>>> = thread::scope(|s| {
            let hilos: Vec<_> = (0..HILOS)
                .map(|_| {
                    s.spawn(|| {
                        salida.wait();
                        let mut vistos = Vec::new();
                        for _ in 0..20 {
                            for i in 0..NOMBRES {
                                vistos.push(tabla.get_or_create(arc(&format!("g{i}"))));
                            }
                        }
                        vistos
                    })
                })
                .collect();
            hilos
                .into_iter()
                .map(|h| h.join().expect("un hilo de la prueba entró en pánico"))
                .collect()
        });

        assert_eq!(tabla.len(), NOMBRES);
        for grupo in vistos.iter().flatten() {
            let guardado = tabla.get(grupo.name()).expect("el grupo está en la tabla");
            assert!(
                Arc::ptr_eq(grupo, &guardado),
                "un hilo recibió un grupo «{}» que no es el de la tabla: dos hilos crearon el \
                 mismo grupo a la vez. Busca e inserta con el lock tomado una sola vez \
                 (`entry(...).or_insert_with(...)`)",
                grupo.name()
            );
        }
    })
}
