#!/usr/bin/env bash
# Regenera las salidas de los ejemplos que muestra el libro.
#
# Los capítulos no copian a mano ninguna cifra medida: incluyen
# book/src/salidas/NOMBRE.txt, que es lo que imprimió una ejecución real de
# `cargo run --example NOMBRE`, o NOMBRE_release.txt, de
# `cargo run --release --example NOMBRE`, para los que el libro muestra
# optimizados. Este script vuelve a correr cada ejemplo y reescribe su
# archivo, precedido de una línea que dice en qué máquina, con qué
# compilación, cuándo y con qué compilador se obtuvo, para que quien lea sepa
# de dónde salen los números.
#
# Uso, desde cualquier sitio:
#
#     bash book/regenerar-salidas.sh                      # todas
#     bash book/regenerar-salidas.sh chat_carga send_rc   # solo esos ejemplos
#
# Con nombres, solo se corren esos ejemplos (en depuración, optimizados o
# los dos, según las listas de abajo), y no las salidas de clippy, Node.js y
# Python del final.
#
# Después, revisa el diff: si una salida cambia de forma (no solo de cifras),
# quizá el texto del capítulo que la comenta también deba cambiar.

set -euo pipefail

raiz="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
destino="$raiz/book/src/salidas"
ejemplos=(cheapo_request many_requests many_requests_spawn many_requests_surf futures_perezosos async_blocks async_closures edicion_2024 send_rc async_fn_en_traits yield_now spawn_blocking streams mutex otros_lenguajes chat_server chat_client waker spawn_blocking_propio block_on_propio pin pin_proyeccion maquina_de_estados no_hay_hilo callback_ffi tareas_vs_hilos many_requests_smol many_requests_tokio tokio_runtime select_timeout cancelacion many_requests_acotado canales apagado_ordenado probar_y_depurar)
# Los que el libro muestra optimizados, porque el capítulo que los comenta
# pide medir con `--release`: se corren así y se guardan en
# NOMBRE_release.txt, con su gráfica en NOMBRE_release.svg si la dibujan.
# tareas_vs_hilos está en las dos listas: su capítulo enseña las dos tablas.
optimizados=(tareas_vs_hilos many_requests_escalado spawn_blocking_latido chat_carga many_requests_acotado)
# Lo que reciben algunos de los optimizados: many_requests_acotado mide sus
# cifras solo con `--medir` (sin argumentos, la demostración, que está en la
# lista de arriba), y chat_carga compara los dos diseños del servidor solo
# con `--comparar` (tarda un minuto o dos).
declare -A argumentos_optimizados=([many_requests_acotado]="--medir" [chat_carga]="--comparar")

cd "$raiz"
mkdir -p "$destino"
# Los ejemplos que miden («¿Cuándo vale la pena async?») dibujan también una
# gráfica SVG de la misma ejecución, y los de los primeros capítulos
# (many_requests, many_requests_spawn, futures_perezosos, send_rc, yield_now y
# spawn_blocking), la cronología de sus sondeos (`src/cronologia.rs`); con
# esta variable la dejan aquí, junto a su salida, en lugar de en
# target/graficas/.
export TALLER_GRAFICAS="$destino"

# La máquina: modelo de procesador, núcleos, fecha y versión de rustc.
# Sin las marcas «(R)» y «(TM)», y con el compilador sin su commit: la línea
# cabe en la columna del libro (100 caracteres de código).
cpu="$(grep -m1 '^model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//; s/(R)//g; s/(TM)//g; s/  */ /g' || true)"
if [[ -z "$cpu" ]]; then
    cpu="procesador desconocido"
fi
nucleos="$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?')"
fecha="$(date '+%Y-%m-%d')"
compilador="$(rustc --version | cut -d' ' -f1-2)"
# La primera línea de cada salida: la máquina, cómo se compiló el ejemplo,
# la fecha y el compilador.
cabecera() {
    echo "# Máquina: ${cpu}, ${nucleos} núcleos · $1 · ${fecha} · ${compilador}"
}

# ¿Se pidió este ejemplo? Sin argumentos, todos.
pedido() {
    (( $# == 1 )) || return 1
    (( ${#pedidos[@]} == 0 )) && return 0
    local nombre
    for nombre in "${pedidos[@]}"; do
        [[ "$nombre" == "$1" ]] && return 0
    done
    return 1
}
pedidos=("$@")

# Corre un ejemplo y guarda su salida con la cabecera.
#   correr NOMBRE ARCHIVO COMPILACION [opciones de cargo run...]
# Los argumentos del programa, si los hay, van en el arreglo `programa`.
programa=()
correr() {
    local ejemplo="$1" salida="$2" compilacion="$3"
    shift 3
    echo "Corriendo el ejemplo ${ejemplo}, ${compilacion}..." >&2
    # Se compila antes, para que los avisos del compilador no se mezclen con
    # la salida. La primera compilación optimizada de las dependencias tarda
    # unos minutos.
    cargo build -q "$@" --example "$ejemplo"
    local temporal
    temporal="$(mktemp)"
    # Se guarda también la salida de errores: es parte de lo que ve el alumno.
    if ! cargo run -q "$@" --example "$ejemplo" -- "${programa[@]}" >"$temporal" 2>&1; then
        echo "error: el ejemplo ${ejemplo} terminó con error; su salida:" >&2
        cat "$temporal" >&2
        rm -f "$temporal"
        exit 1
    fi
    {
        cabecera "$compilacion"
        cat "$temporal"
    } >"$salida"
    rm -f "$temporal"
    echo "  escrito ${salida#"$raiz"/}" >&2
}

for ejemplo in "${ejemplos[@]}"; do
    pedido "$ejemplo" || continue
    # Los del apéndice son del paquete `migracion`, que no es miembro por
    # omisión del espacio de trabajo: cargo los encuentra con `-p`.
    paquete=()
    if [[ -e "$raiz/migracion/examples/${ejemplo}.rs" ]]; then
        paquete=(-p migracion)
    fi
    correr "$ejemplo" "$destino/${ejemplo}.txt" "sin optimizar (debug)" "${paquete[@]}"
done

# Optimizados: sin optimizar, el ejecutor de async-std, los canales y los
# clientes son varias veces más lentos, y las cifras no dirían lo que los
# capítulos comentan.
for ejemplo in "${optimizados[@]}"; do
    pedido "$ejemplo" || continue
    read -r -a programa <<<"${argumentos_optimizados[$ejemplo]:-}"
    correr "$ejemplo" "$destino/${ejemplo}_release.txt" "optimizado (--release)" --release
    programa=()
done

if (( ${#pedidos[@]} > 0 )); then
    exit 0
fi

# Capítulo «Mutex»: el aviso real de clippy sobre un guardián de
# `std::sync::Mutex` que cruza un `.await`. El ejemplo `mutex` lo calla a
# propósito con `#[allow(clippy::await_holding_lock)]`; `--force-warn` lo
# enciende por encima del `allow`, solo para esta salida. Sin cabecera: no
# depende de la máquina.
echo "Corriendo clippy sobre el ejemplo mutex..." >&2
salida="$destino/mutex_clippy.txt"
# Si el ejemplo ya estaba revisado, cargo repite los avisos guardados.
cargo clippy -q --example mutex -- --force-warn clippy::await_holding_lock 2>"$salida"
if ! grep -q 'await_holding_lock\|await-holding-lock' "$salida"; then
    echo "error: clippy no dio el aviso await_holding_lock; su salida:" >&2
    cat "$salida" >&2
    exit 1
fi
echo "  escrito ${salida#"$raiz"/}" >&2

# Capítulo «Otros lenguajes»: el programa de JavaScript que se compara con el
# ejemplo `otros_lenguajes`. Solo si hay Node.js; si no, se conserva la salida
# que ya estaba.
salida="$destino/otros_lenguajes_js.txt"
if command -v node >/dev/null 2>&1; then
    echo "Corriendo book/js/otros_lenguajes.js con Node.js..." >&2
    {
        echo "# Node.js $(node --version) · ${fecha}"
        node book/js/otros_lenguajes.js
    } >"$salida"
    echo "  escrito ${salida#"$raiz"/}" >&2
else
    echo "aviso: no hay Node.js (node); se conserva ${salida#"$raiz"/}" >&2
fi

# Capítulo «Callbacks a través de FFI»: el anfitrión en Python de la
# biblioteca taller-ffi. Se compila la biblioteca dinámica y se le pasa su
# ruta. Solo si hay python3; si no, se conserva la salida que ya estaba.
salida="$destino/callback_ffi_python.txt"
if command -v python3 >/dev/null 2>&1; then
    echo "Corriendo ffi/host.py con Python..." >&2
    biblioteca="$(cargo build -q -p taller-ffi --lib --message-format=json \
        | python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("reason") == "compiler-artifact" and "cdylib" in m["target"]["kind"]:
        print([f for f in m["filenames"] if not f.endswith(".rlib")][0])')"
    {
        echo "# Python $(python3 --version | cut -d' ' -f2) · ${fecha}"
        python3 ffi/host.py "$biblioteca"
    } >"$salida"
    echo "  escrito ${salida#"$raiz"/}" >&2
else
    echo "aviso: no hay python3; se conserva ${salida#"$raiz"/}" >&2
fi
