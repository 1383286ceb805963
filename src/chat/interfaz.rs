//! Lo que un servidor de chat ofrece a las pruebas: arrancar, decir su
//! dirección, contar lo que vive y detenerse.
//!
//! # Por qué existe
//!
//! Las pruebas del chat ([`crate::chat::pruebas`]) califican a más de un
//! servidor: el de async-std que construyen los capítulos del chat
//! ([`ServidorChat`](crate::chat::servidor::ServidorChat)) y el de tokio que
//! escribe el alumno en el proyecto final. Para que sean las mismas pruebas,
//! de una sola fuente, no pueden mirar dentro de ningún servidor concreto:
//! le hablan por TCP, como un cliente cualquiera (con
//! [`ClienteSimple`](crate::chat::cliente_simple::ClienteSimple)), y le
//! preguntan solo lo que este trait deja preguntar. Son cuentas, no
//! estructuras: cuántas conexiones y cuántas suscripciones siguen vivas,
//! cuántos grupos hay, cuántos mensajes llegó a guardar una cola, cuántos
//! pánicos hubo. Con ellas se demuestra, sin medir tiempos, que un cliente
//! que se va no deja nada atrás y que un lector lento no hace crecer la
//! memoria.
//!
//! # En qué runtime corre
//!
//! Las pruebas corren cada cuerpo dentro de
//! [`con_limite_tokio`](crate::prueba::con_limite_tokio): un runtime de tokio
//! de varios hilos, con la red y los relojes. Así, un servidor de tokio
//! puede lanzar sus tareas con `tokio::spawn` desde [`ServidorDeChat::iniciar`]
//! (corren en ese runtime, y mueren con él al terminar la prueba). El de
//! async-std también funciona ahí: async-std tiene sus propios hilos de
//! ejecutor y su propio reactor, y no necesita que quien lo llama esté en
//! ningún runtime. `ClienteSimple` es de async-std (sockets de `async-io`),
//! y por lo mismo funciona desde cualquier ejecutor. Lo único que no se
//! puede hacer es bloquear el hilo: los dos hilos de trabajo del runtime
//! son los de todas las tareas de tokio de la prueba.
//!
//! # Lo que cada servidor promete (y las pruebas comprueban)
//!
//! - El protocolo y sus límites son los de [`crate::chat`]:
//!   [`LIMITE_LINEA`](crate::chat::LIMITE_LINEA),
//!   [`LIMITE_NOMBRE_GRUPO`](crate::chat::LIMITE_NOMBRE_GRUPO),
//!   [`LIMITE_MENSAJE`](crate::chat::LIMITE_MENSAJE) y
//!   [`LIMITE_GRUPOS_POR_CONEXION`](crate::chat::servidor::connection::LIMITE_GRUPOS_POR_CONEXION).
//!   Son constantes y no configuración porque los dos extremos los
//!   necesitan: el cliente lee con el mismo límite de línea.
//! - Lo que cambia de una prueba a otra va en [`Config`]: la capacidad de la
//!   cola de cada grupo y el límite de una línea a medias.
//! - Al cerrar una conexión por una línea desmesurada o a medias, el
//!   `FromServer::Error` que lo explica tiene que llegar: primero se manda,
//!   después se cierra el lado de escritura, y se lee y se tira (con un
//!   límite de bytes y de tiempo) lo que el cliente siga mandando antes de
//!   soltar el socket. Ver
//!   [`cerrar_con_cortesia`](crate::chat::servidor::connection::cerrar_con_cortesia).

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::time::Duration;

/// Cómo se comporta el servidor.
#[derive(Debug, Clone)]
pub struct Config {
    /// Cuántos mensajes guarda como mucho la cola de cada grupo (el libro usa
    /// 1000; tokio la redondea a la potencia de dos siguiente).
    pub capacidad: usize,
    /// Si se escriben en la salida de errores los errores de cada conexión
    /// (clientes que cortan, líneas desmesuradas...). Las pruebas, que los
    /// provocan a propósito, los callan.
    pub registrar_errores: bool,
    /// Cuánto puede quedarse una línea a medias. Si un cliente manda el
    /// principio de una línea y su final no llega en este tiempo, el
    /// servidor le manda un `FromServer::Error` y cierra la conexión: si no,
    /// un cliente colgado (o uno que lo hace a propósito, mil veces) tendría
    /// ocupada para siempre una conexión y su búfer.
    ///
    /// Entre dos líneas no hay límite: un cliente que solo escucha sus
    /// grupos puede pasar horas sin mandar nada. Por omisión, 60 s: de sobra
    /// para que una persona termine de escribir a mano, con `nc`, una línea
    /// que ya empezó; las pruebas usan 200 ms.
    pub limite_linea_a_medias: Duration,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            capacidad: 1000,
            registrar_errores: true,
            limite_linea_a_medias: Duration::from_secs(60),
        }
    }
}

// ANCHOR: servidor_de_chat
/// Un servidor de chat que las pruebas de [`crate::chat::pruebas`] saben
/// arrancar, contar y detener.
///
/// Los futures que devuelve son `Send`, como los de cualquier tarea de tokio:
/// en la implementación se puede escribir `async fn` sin más, y el
/// compilador comprueba que lo sean.
pub trait ServidorDeChat: Sized + Send + Sync + 'static {
    /// Arranca un servidor que escucha en `direccion` (las pruebas usan
    /// `127.0.0.1:0`: el sistema elige un puerto libre) y atiende en segundo
    /// plano, hasta [`detener`](ServidorDeChat::detener) o hasta soltarlo.
    fn iniciar(
        direccion: SocketAddr,
        config: Config,
    ) -> impl Future<Output = io::Result<Self>> + Send;

    /// La dirección en la que escucha, con el puerto de verdad.
    fn direccion(&self) -> SocketAddr;

    /// Cuántas conexiones se están atendiendo ahora mismo.
    fn conexiones(&self) -> usize;

    /// Cuántas suscripciones (un miembro de un grupo, con lo que le reenvía
    /// los mensajes) siguen vivas, sumando todos los grupos.
    fn suscriptores(&self) -> usize;

    /// Cuántos grupos existen.
    fn grupos(&self) -> usize;

    /// El mayor número de mensajes que llegó a guardar la cola de un grupo.
    fn retenidos_max(&self) -> usize;

    /// Cuántas conexiones terminaron en pánico (tiene que ser siempre 0).
    fn panicos(&self) -> usize;

    /// Deja de aceptar conexiones, termina las que hay (los clientes ven el
    /// final de la conexión) y vuelve cuando no queda ninguna conexión ni
    /// ninguna suscripción.
    fn detener(self) -> impl Future<Output = ()> + Send;

    /// Espera a que se cumpla `condicion`, mirándola cada pocos milisegundos.
    /// No tiene límite de tiempo: lo pone quien llama (las pruebas, con
    /// `con_limite_tokio`).
    ///
    /// Duerme con `async_std::task::sleep`, que funciona desde cualquier
    /// ejecutor, también desde uno de tokio.
    fn esperar_hasta(
        &self,
        condicion: impl Fn(&Self) -> bool + Send,
    ) -> impl Future<Output = ()> + Send {
        async move {
            while !condicion(self) {
                async_std::task::sleep(Duration::from_millis(2)).await;
            }
        }
    }
}
// ANCHOR_END: servidor_de_chat
