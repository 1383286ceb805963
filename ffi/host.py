#!/usr/bin/env python3
"""El anfitrión en Python (asyncio) de la biblioteca taller-ffi.

Existe para el capítulo «Callbacks a través de FFI» (book/src/22-callback-ffi.md):
la misma biblioteca de Rust que el ejemplo `callback_ffi` convierte en un
future de Rust, aquí se convierte en un `asyncio.Future`, a través de ctypes
y sin compilar nada más. Es el papel que en C# hace `TaskCompletionSource`.

Uso, desde la raíz del repositorio:

    cargo build -p taller-ffi
    python3 ffi/host.py                  # busca target/debug/libtaller_ffi.so
    python3 ffi/host.py RUTA/A/LA/BIBLIOTECA

Imprime, en este orden: en qué hilo llega el callback y en cuál sigue la
corrutina; diez operaciones a la vez; una cancelación por límite de tiempo y
otra con `Task.cancel()`, y los callbacks que llegaron tarde y se
descartaron sin tocar nada liberado.
"""

import asyncio
import ctypes
import itertools
import os
import sys
import threading

# La firma del callback en C: void (*)(void *user_data, int32_t resultado).
CALLBACK = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_int32)


def ruta_por_omision():
    """La biblioteca que deja `cargo build -p taller-ffi`."""
    raiz = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    objetivo = os.environ.get("CARGO_TARGET_DIR", os.path.join(raiz, "target"))
    nombre = {"darwin": "libtaller_ffi.dylib", "win32": "taller_ffi.dll"}.get(
        sys.platform, "libtaller_ffi.so"
    )
    return os.path.join(objetivo, "debug", nombre)


def cargar(ruta):
    """Carga la biblioteca y declara sus firmas, como haría un archivo .h."""
    biblioteca = ctypes.CDLL(ruta)
    biblioteca.taller_duplicar_tarde.argtypes = [
        ctypes.c_int32,
        ctypes.c_uint32,
        CALLBACK,
        ctypes.c_void_p,
    ]
    biblioteca.taller_duplicar_tarde.restype = ctypes.c_int32
    biblioteca.taller_en_vuelo.argtypes = []
    biblioteca.taller_en_vuelo.restype = ctypes.c_uint32
    return biblioteca


# ANCHOR: puente
# Las operaciones que esperan su callback: user_data -> (bucle, future).
# El user_data que viaja por la biblioteca es solo un número, una clave de
# este diccionario; el future vive aquí hasta que llega su callback, aunque
# ya nadie lo espere.
pendientes = {}
claves = itertools.count(1)
# Lo que anota el callback para que el programa lo pueda enseñar.
hilos_del_callback = set()
descartados = 0


@CALLBACK
def al_terminar(user_data, resultado):
    # Esto corre en un hilo de la biblioteca de Rust, no en el del bucle de
    # eventos: aquí no se puede tocar el future (asyncio no es seguro entre
    # hilos). Solo se le pide al bucle que lo haga él, en su hilo.
    hilos_del_callback.add(threading.get_ident())
    bucle, futuro = pendientes.pop(user_data)
    bucle.call_soon_threadsafe(resolver, futuro, resultado)


def resolver(futuro, resultado):
    # Esto ya corre en el hilo del bucle de eventos.
    global descartados
    if futuro.done():
        # Se canceló (un límite de tiempo, un cancel()): nadie lo espera.
        descartados += 1
    else:
        futuro.set_result(resultado)


async def duplicar(biblioteca, valor, retraso_ms):
    bucle = asyncio.get_running_loop()
    futuro = bucle.create_future()
    clave = next(claves)
    pendientes[clave] = (bucle, futuro)
    if biblioteca.taller_duplicar_tarde(valor, retraso_ms, al_terminar, clave) != 0:
        del pendientes[clave]
        raise RuntimeError("la biblioteca no aceptó la operación")
    return await futuro
# ANCHOR_END: puente


async def sin_callbacks_en_camino(biblioteca):
    """Espera a que la biblioteca termine de llamar a todos sus callbacks (el
    de una operación puede seguir en marcha un instante después de que su
    future haya terminado)."""
    while biblioteca.taller_en_vuelo() > 0:
        await asyncio.sleep(0.01)


def si_no(condicion):
    return "sí" if condicion else "no"


async def principal(biblioteca):
    hilo_del_bucle = threading.get_ident()

    print("1. Una operación: el callback llega en otro hilo")
    resultado = await duplicar(biblioteca, 21, 50)
    print(f"   duplicar(21) = {resultado}")
    print(f"   ¿el callback llegó en otro hilo? {si_no(hilo_del_bucle not in hilos_del_callback)}")
    print(
        "   ¿la corrutina siguió en el hilo del bucle? "
        f"{si_no(threading.get_ident() == hilo_del_bucle)}"
    )

    print("\n2. Diez operaciones a la vez, en un solo hilo de Python")
    await sin_callbacks_en_camino(biblioteca)
    tareas = [asyncio.ensure_future(duplicar(biblioteca, i, 200)) for i in range(10)]
    # Las corrutinas empiezan en la primera vuelta del bucle: se le cede una.
    await asyncio.sleep(0)
    print(f"   en vuelo en la biblioteca: {biblioteca.taller_en_vuelo()}")
    resultados = await asyncio.gather(*tareas)
    print(f"   resultados: {resultados}")

    # ANCHOR: cancelar
    print("\n3. Cancelar: un límite de tiempo y un cancel()")
    try:
        await asyncio.wait_for(duplicar(biblioteca, 5, 1000), timeout=0.05)
        print("   wait_for: terminó (¡no debería!)")
    except asyncio.TimeoutError:
        print("   wait_for: se agotó el límite y el future se canceló")
    tarea = asyncio.ensure_future(duplicar(biblioteca, 6, 1000))
    await asyncio.sleep(0.05)
    tarea.cancel()
    try:
        await tarea
    except asyncio.CancelledError:
        print("   cancel(): la tarea se canceló")
    # Los dos callbacks siguen en camino. Antes de cerrar el bucle hay que
    # esperarlos: si llegaran con el bucle cerrado, call_soon_threadsafe
    # fallaría en el hilo de Rust.
    print(f"   callbacks aún en camino: {biblioteca.taller_en_vuelo()}")
    await sin_callbacks_en_camino(biblioteca)
    await asyncio.sleep(0)  # la última llamada de resolver() que quedó en cola
    print(f"   llegaron tarde y se descartaron: {descartados}")
    print(f"   operaciones pendientes en el diccionario: {len(pendientes)}")
    # ANCHOR_END: cancelar


def main():
    if len(sys.argv) > 2:
        print("uso: python3 ffi/host.py [RUTA/A/libtaller_ffi.so]", file=sys.stderr)
        return 2
    ruta = sys.argv[1] if len(sys.argv) == 2 else ruta_por_omision()
    if not os.path.exists(ruta):
        print(
            f"error: no encuentro la biblioteca en {ruta}; compílala antes con "
            "`cargo build -p taller-ffi` o pasa su ruta como argumento",
            file=sys.stderr,
        )
        return 1
    asyncio.run(principal(cargar(ruta)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
