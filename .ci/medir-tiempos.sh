#!/usr/bin/env bash
# Cuánto tarda el taller en una copia recién clonada: el presupuesto de
# tiempo del issue 10 (punto 7), medido.
#
#   bash .ci/medir-tiempos.sh            # el árbol de trabajo tal como está
#   bash .ci/medir-tiempos.sh --head     # lo que hay en el último commit
#   bash .ci/medir-tiempos.sh --sin-ci   # sin el paso más largo: .ci/run entero
#
# Copia el taller (sin target/ ni .git) a una carpeta temporal y allí, con
# las dependencias ya descargadas (`cargo fetch`, que no se mide) y un
# CARGO_TARGET_DIR nuevo para cada medida, toma el tiempo de:
#
#   1. `cargo test --no-run`: compilar lo que necesita `cargo test`;
#   2. `cargo test` justo después: correr las pruebas (1 + 2 es el
#      `cargo test` de una copia nueva);
#   3. `cargo test -p exercises --test cheapo_request` tras tocar el esbozo
#      (compilado ya una vez), cinco veces: el ciclo del alumno, editar y ver
#      el resultado (el resumen da la primera y la mediana);
#   4. `cargo run --example many_requests` con un target/ vacío: la primera
#      orden del alumno; y justo después, la segunda, las pruebas de un
#      ejercicio;
#   5. `bash .ci/run` con un target/ vacío, y cada uno de sus pasos (la CI
#      imprime los segundos que lleva al empezar cada paso).
#
# No es una prueba: no falla por pasarse del presupuesto, lo imprime al lado.
# El equipo importa (núcleos, carga): el informe empieza por él.
set -euo pipefail
# TALLER_RAIZ: medir otro taller que el de este script (por ejemplo, con
# una copia del script fuera del árbol, que se puede editar mientras mide).
raiz="${TALLER_RAIZ:-$(cd "$(dirname "$0")/.." && pwd)}"

desde=arbol
con_ci=1
for argumento in "$@"; do
  case "$argumento" in
    --head) desde=head ;;
    --sin-ci) con_ci=0 ;;
    *) echo "uso: bash .ci/medir-tiempos.sh [--head] [--sin-ci]" >&2; exit 2 ;;
  esac
done

trabajo="$(mktemp -d /tmp/taller-medida.XXXXXX)"
copia="$trabajo/taller"
mkdir -p "$copia"
if [ "$desde" = head ]; then
  git -C "$raiz" archive HEAD | tar -x -C "$copia"
else
  # Los archivos con seguimiento y los nuevos que .gitignore no excluye: lo
  # que tendría un clon si se hiciera commit ahora mismo.
  # (Sin los borrados: un archivo movido sigue en el índice hasta el commit.)
  (cd "$raiz" && git ls-files -z --cached --others --exclude-standard \
    | while IFS= read -r -d '' archivo; do
        if [ -e "$archivo" ]; then printf '%s\0' "$archivo"; fi
      done \
    | tar --null -T - -cf -) | tar -x -C "$copia"
fi
echo "Copia en $copia ($desde); los target/ de cada medida, en $trabajo."

cd "$copia"
cargo fetch --quiet

declare -a nombres=() segundos=()
apuntar() { nombres+=("$1"); segundos+=("$2"); }

# `medir NOMBRE TARGET ORDEN...`: corre ORDEN con ese CARGO_TARGET_DIR, guarda
# su salida en $trabajo/NOMBRE.log y apunta los segundos. Si la orden falla,
# lo dice (con el final del registro) y sigue con las demás.
medir() {
  local nombre="$1" objetivo="$2"
  shift 2
  local registro="$trabajo/${nombre//[^A-Za-z0-9-]/_}.log" inicio fin estado=0
  printf '\n==> %s: %s (%s)\n' "$nombre" "$*" "$(carga)"
  inicio=$(date +%s.%N)
  CARGO_TARGET_DIR="$objetivo" "$@" >"$registro" 2>&1 || estado=$?
  fin=$(date +%s.%N)
  local s
  s=$(python3 -c "print(f'{$fin - $inicio:.1f}')")
  printf '    %s s (salida %d, registro: %s)\n' "$s" "$estado" "$registro"
  if [ "$estado" -ne 0 ]; then
    tail -n 15 "$registro" | sed 's/^/    | /'
  fi
  apuntar "$nombre" "$s"
  return 0
}

carga() { uptime | sed 's/.*load average/carga/'; }

echo
echo "Equipo: $(nproc) núcleos, $(lscpu | sed -n 's/^Model name: *//p' | head -n1)"
echo "Memoria: $(free -g | awk '/^Mem:/ {print $2}') GB; $(carga)"
cargo --version
rustc --version

medir "cargo test --no-run" "$trabajo/t-prueba" cargo test --no-run
# `--no-fail-fast`: si una prueba falla (un cambio a medio hacer), las que
# vienen detrás corren igual y el tiempo es el de todas. La cifra solo vale
# como la de `cargo test` si la salida es 0.
medir "cargo test (correr)" "$trabajo/t-prueba" cargo test --no-fail-fast
# El esbozo sin resolver falla sus pruebas (salida 101): lo que se mide es
# cuánto tarda el resultado. La primera orden compila el paquete `exercises`
# (no es miembro por omisión, `cargo test` no lo compila) y no cuenta; luego,
# cinco veces, tocar el esbozo y volver a probar, como quien edita y guarda.
CARGO_TARGET_DIR="$trabajo/t-prueba" cargo test -q -p exercises --test cheapo_request \
  >/dev/null 2>&1 || true
for vez in 1 2 3 4 5; do
  touch exercises/src/cheapo_request.rs
  medir "editar y probar un ejercicio ($vez)" "$trabajo/t-prueba" \
    cargo test -q -p exercises --test cheapo_request
done
medir "cargo run --example many_requests" "$trabajo/t-ejemplo" \
  cargo run -q --example many_requests
# La segunda orden del alumno, justo después: si las dos eligen las mismas
# features para las dependencias, solo compila el ejercicio y su prueba.
medir "después, cargo test -p exercises --test cheapo_request" "$trabajo/t-ejemplo" \
  cargo test -q -p exercises --test cheapo_request
if [ "$con_ci" = 1 ]; then
  medir "bash .ci/run" "$trabajo/t-ci" bash .ci/run
fi

# Los target/ de cada medida ocupan varios GB: se borran al terminar (los
# registros se quedan, para leerlos después).
rm -rf "$trabajo"/t-prueba "$trabajo"/t-ejemplo "$trabajo"/t-ci

# Los segundos de una medida, por su nombre.
de() {
  local i
  for i in "${!nombres[@]}"; do
    if [ "${nombres[$i]}" = "$1" ]; then echo "${segundos[$i]}"; return; fi
  done
}
fila() { printf '%-44s %8s %11s\n' "$@"; }

echo
echo "== Resumen ($desde; $(nproc) núcleos; $(carga)) =="
fila "medida" "segundos" "presupuesto"
fila "cargo test --no-run" "$(de "cargo test --no-run")" ""
fila "cargo test (correr)" "$(de "cargo test (correr)")" ""
fila "cargo test (copia nueva: las dos)" \
  "$(python3 -c "print(f'{$(de "cargo test --no-run") + $(de "cargo test (correr)"):.1f}')")" "180"
ediciones=()
for vez in 1 2 3 4 5; do ediciones+=("$(de "editar y probar un ejercicio ($vez)")"); done
fila "editar y probar un ejercicio (la primera)" "${ediciones[0]}" "1"
fila "editar y probar un ejercicio (mediana de 5)" \
  "$(printf '%s\n' "${ediciones[@]}" | sort -n | sed -n 3p)" "1"
fila "cargo run --example many_requests" "$(de "cargo run --example many_requests")" "90"
fila "  y después, las pruebas de cheapo_request" \
  "$(de "después, cargo test -p exercises --test cheapo_request")" ""
if [ "$con_ci" = 1 ]; then
  fila "bash .ci/run" "$(de "bash .ci/run")" "900"
  echo
  echo "Pasos de .ci/run (segundos de cada uno):"
  # «==> [  12 s] 3. Pruebas...»: el segundo en que empieza cada paso; la
  # duración de uno es la diferencia con el siguiente (o con el final).
  python3 - "$trabajo/bash__ci_run.log" "$(de "bash .ci/run")" <<'FIN'
import re, sys
texto = open(sys.argv[1], encoding="utf-8", errors="replace").read()
pasos = [(int(s), nombre) for s, nombre in re.findall(r"^==> \[\s*(\d+) s\] (.*)$", texto, re.M)]
final = re.search(r"CI en verde en (\d+) s", texto)
fin = int(final.group(1)) if final else round(float(sys.argv[2]))
for (inicio, nombre), siguiente in zip(pasos, pasos[1:] + [(fin, None)]):
    print(f"  {siguiente[0] - inicio:5d}  {nombre}")
if not final:
    print("  (la CI no terminó en verde: mira el registro)")
FIN
fi
