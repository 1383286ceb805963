#!/usr/bin/env python3
"""El libro del taller tal como lo ve el alumno: en un navegador de verdad.

    python3 .ci/navegador/navegador.py              # el libro (book/)
    python3 .ci/navegador/navegador.py --libro-roto # el libro roto: debe fallar

Por qué está aquí, en .ci/ y en Python, y no en tests/: necesita Chromium,
chromedriver y selenium, que el alumno no tiene ni necesita para hacer los
ejercicios. Si fuera una prueba de cargo, `cargo test` (la orden del alumno)
fallaría o compilaría un cliente de WebDriver que no usa. Lo corre la
integración continua (`.ci/run`, su propio paso), que instala lo necesario:
los paquetes de Debian `chromium`, `chromium-driver` y `fonts-dejavu-core`, y
selenium en target/navegador/venv (versiones fijas en requirements.txt).
`cargo test --test libro` revisa lo mismo que se puede revisar sin navegador
(que cada enlace, inclusión y ancla exista); esto revisa lo que solo se ve
con la página dibujada.

Construye el libro con `mdbook build` en target/navegador/, lo sirve en
127.0.0.1 (un http.server en un puerto libre, en un hilo), lo abre en
Chromium sin ventana, a 1280 px de ancho, y comprueba:

1. cada página de SUMMARY.md (y la de imprimir) carga sin errores de
   JavaScript en la consola del navegador;
2. cada imagen y cada SVG (en <img>, dentro de la página o enlazado) carga,
   tiene tamaño y texto alternativo (alt, o un nombre accesible: <title>,
   aria-label o aria-labelledby en un SVG dentro de la página);
3. ningún bloque de código está vacío (un `{{#include}}` que no encontró nada
   se ve como un <pre><code> vacío);
4. ningún bloque de código ni diagrama es más ancho que la columna del texto
   (<main>): el <pre> de mdBook se desplaza de lado cuando no cabe, y eso es
   justo lo que se busca (`scrollWidth` > `clientWidth`); y ningún bloque usa
   un carácter que la letra de código no tiene y se dibuja más ancho que las
   demás (desalinearía un diagrama);
5. la búsqueda de mdBook, con «sondear», «waker» y «contrapresión», da como
   primer resultado la definición del término. «Define» quiere decir, para
   que se pueda comprobar: el resultado es la entrada del término en el
   glosario (glosario.html#ancla), o lleva a una sección cuyo título contiene
   el término, o en cuyo texto el término aparece en negrita (<strong>, <b>)
   o marcado como definición (<dfn>). Es la convención del libro: un término
   se pone en negrita donde se define;
6. la página de imprimir (print.html) tiene texto y el título de cada
   capítulo.

Los mensajes nombran la página (el .md de book/src/ y su .html) y lo que se
rompió. Los bloques anchos que ya se conocen y tienen su porqué (mensajes
literales de rustc y de clippy) están en PENDIENTES, más abajo: se cuentan
sin fallar, y la prueba falla cuando uno de ellos ya cabe, para que se quite
de la lista. Además guarda capturas de algunas páginas, con el tema claro y
uno oscuro, en target/navegador/capturas/ (no se guardan en git): sirven
para mirar el libro como lo ve el alumno.

Con --libro-roto corre sobre .ci/navegador/libro-roto/, un libro pequeño con
una imagen que no existe, un bloque demasiado ancho, un bloque vacío, un
error de JavaScript y una búsqueda sin definición, y comprueba que cada
revisión falla donde debe, nombrando la página, y que su página buena no
falla: así se sabe que la prueba no aprueba cualquier cosa.
"""

import argparse
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[2]
AQUI = Path(__file__).resolve().parent
SALIDA = RAIZ / "target" / "navegador"

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
# Sin estas opciones, Chromium intenta conexiones de fondo (actualizaciones,
# sincronización, QUIC) que la red cerrada de la CI rechaza una y otra vez.
OPCIONES_CHROMIUM = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
ANCHO = 1280
ALTO = 1000
# Un tema claro y uno oscuro de mdBook.
TEMAS = ["light", "navy"]


@dataclass
class Libro:
    """Un libro que revisar y lo que se espera de él."""

    carpeta: Path
    # Término buscado -> ancla de su entrada en el glosario (o None).
    busquedas: dict
    # Páginas (.html) que se fotografían, en cada tema.
    capturas: list


LIBRO = Libro(
    carpeta=RAIZ / "book",
    busquedas={"sondear": "sondear", "waker": "waker", "contrapresión": "contrapresion"},
    capturas=["01-cheapo-request.html", "16-waker.html", "glosario.html"],
)

LIBRO_ROTO = Libro(
    carpeta=AQUI / "libro-roto",
    busquedas={"pepinillo": None, "berenjena": None},
    capturas=["bloque-ancho.html"],
)

# Lo que la prueba debe encontrar en el libro roto: (página, tipo de problema).
ESPERADO_EN_EL_LIBRO_ROTO = [
    ("imagen-rota.html", "imagen"),  # no-existe.svg
    ("imagen-rota.html", "texto alternativo"),  # ![](bien.svg)
    ("imagen-rota.html", "svg"),  # un <svg> sin nombre accesible
    ("imagen-rota.html", "enlace a svg"),  # un enlace a un .svg que no existe
    ("bloque-ancho.html", "ancho"),  # un bloque de 150 columnas
    ("bloque-ancho.html", "diagrama ancho"),  # un <svg> de 1200 px
    ("bloque-ancho.html", "desalineado"),  # un «⋮», más ancho que las letras
    ("bloque-vacio.html", "bloque vacío"),  # {{#include vacio.txt}}
    ("error-js.html", "javascript"),  # noExiste()
    ("error-js.html", "búsqueda"),  # «berenjena» sin negrita ni título
]
# La página del libro roto que está bien: si falla, la prueba se equivoca.
PAGINA_BUENA = "bien.html"


@dataclass
class Problema:
    pagina: str  # el .html
    tipo: str
    detalle: str
    # La primera línea de un bloque de código, para reconocerlo en PENDIENTES.
    primera_linea: str = ""


# Bloques que todavía no caben en la columna y se sabe por qué: mensajes
# literales de rustc y de clippy (las salidas .stderr de compila/ y
# book/src/salidas/mutex_clippy.txt), con líneas de más de 100 caracteres
# que son las palabras del compilador y el libro muestra tal cual. Cada una
# es (página, cómo empieza la primera línea del bloque, por qué): la prueba
# las cuenta aparte y no falla por ellas, pero sí por cualquier otro bloque
# ancho, y también cuando una de estas ya cabe (entonces hay que quitarla de
# aquí). Lo demás se arregla en su origen: el ejemplo que imprime la línea
# (y se regenera su salida con book/regenerar-salidas.sh), el código que se
# incluye, el mensaje del esbozo del ejercicio.
RUSTC = "mensaje literal de rustc o clippy (líneas de más de 100 caracteres)"
PENDIENTES = [
    ("04-async-blocks.html", "error", RUSTC),
    ("05-send-rc.html", "error", RUSTC),
    ("09-mutex.html", "error", RUSTC),
    ("09-mutex.html", "warning", RUSTC),
    ("19-pin.html", "error", RUSTC),
]


def pendiente(problema):
    return next(
        (
            p
            for p in PENDIENTES
            if problema.tipo == "ancho"
            and p[0] in ("*", problema.pagina)
            and problema.primera_linea.startswith(p[1])
        ),
        None,
    )


class Pagina:
    """Una entrada de SUMMARY.md: su .md y el .html que genera mdBook."""

    def __init__(self, titulo, md):
        self.titulo = titulo
        self.md = md
        self.html = re.sub(r"\.md$", ".html", md)
        if self.html.endswith("README.html"):
            self.html = self.html[: -len("README.html")] + "index.html"


def paginas_del_resumen(libro):
    """Las páginas de SUMMARY.md, en orden; los borradores (`[título]()`),
    que mdBook no publica, se cuentan aparte."""
    resumen = (libro / "src" / "SUMMARY.md").read_text(encoding="utf-8")
    paginas, borradores = [], []
    for titulo, destino in re.findall(r"\[([^\]]+)\]\(([^)]*)\)", resumen):
        titulo = titulo.replace("`", "")
        if destino.strip():
            paginas.append(Pagina(titulo, destino.strip()))
        else:
            borradores.append(titulo)
    return paginas, borradores


def construir(libro):
    destino = SALIDA / ("libro-roto" if libro.carpeta != LIBRO.carpeta else "libro")
    if destino.exists():
        shutil.rmtree(destino)
    mdbook = shutil.which("mdbook") or str(Path.home() / ".cargo/bin/mdbook")
    hecho = subprocess.run(
        [mdbook, "build", str(libro.carpeta), "--dest-dir", str(destino)],
        capture_output=True,
        text=True,
    )
    if hecho.returncode != 0:
        sys.exit(f"`mdbook build {libro.carpeta}` falló:\n{hecho.stderr}")
    return destino


class Silencioso(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def servir(carpeta):
    manejador = functools.partial(Silencioso, directory=str(carpeta))
    servidor = http.server.ThreadingHTTPServer(("127.0.0.1", 0), manejador)
    threading.Thread(target=servidor.serve_forever, daemon=True).start()
    return servidor, f"http://127.0.0.1:{servidor.server_address[1]}/"


def abrir_navegador(perfil):
    # Que selenium no busque por la red un chromedriver ni un navegador: se
    # le dan los dos, y su gestor de drivers queda fuera de línea.
    os.environ["SE_OFFLINE"] = "true"
    os.environ["SE_AVOID_STATS"] = "true"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opciones = webdriver.ChromeOptions()
    opciones.binary_location = CHROMIUM
    for opcion in OPCIONES_CHROMIUM:
        opciones.add_argument(opcion)
    opciones.add_argument(f"--window-size={ANCHO},{ALTO}")
    opciones.add_argument(f"--user-data-dir={perfil}")
    opciones.add_argument("--lang=es")
    opciones.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    navegador = webdriver.Chrome(options=opciones, service=Service(executable_path=CHROMEDRIVER))
    # La página de imprimir llama a window.print() al cargar: aquí no hay
    # impresora ni diálogo que esperar.
    navegador.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument",
        {"source": "window.print = function () {};"},
    )
    navegador.set_page_load_timeout(30)
    navegador.set_script_timeout(30)
    return navegador


def errores_de_consola(navegador):
    """Los mensajes de error de la consola desde la última llamada."""
    return [
        e["message"]
        for e in navegador.get_log("browser")
        if e.get("level") == "SEVERE"
    ]


# Lo que se mide dentro de la página, ya cargada y con sus fuentes. Devuelve
# los problemas de esa página (tipo, detalle), el título y los SVG enlazados.
REVISAR_PAGINA = r"""
const listo = arguments[arguments.length - 1];
(async () => {
  await document.fonts.ready;
  const main = document.querySelector('main');
  if (!main) { listo({problemas: [['página', 'no tiene <main>: ¿cargó?']], titulo: '', enlaces: []}); return; }
  // Lo plegado en <details> (las respuestas de «Ponte a prueba») también se
  // lee: se abre para medirlo.
  main.querySelectorAll('details').forEach(d => { d.open = true; });
  const problemas = [];
  const m = main.getBoundingClientRect();
  const px = x => Math.round(x) + ' px';
  const inicio = t => {
    const l = (t || '').trim().split('\n')[0].trim();
    return '«' + (l.length > 50 ? l.slice(0, 50) + '…' : l) + '»';
  };
  const anchos = new Map();
  const medir = (code, c) => {
    const clave = getComputedStyle(code).font + c;
    if (!anchos.has(clave)) {
      const s = document.createElement('span');
      s.textContent = c.repeat(20);
      code.appendChild(s);
      anchos.set(clave, s.getBoundingClientRect().width / 20);
      s.remove();
    }
    return anchos.get(clave);
  };
  const fuera = r => r.right > m.right + 1 || r.left < m.left - 1;

  // Imágenes: que carguen, que tengan tamaño y alt, que quepan.
  // mdBook 0.5 repite cada imagen dentro de un .img-wrapper oculto (la copia
  // que se amplía al pulsarla): se mide la que se ve.
  for (const img of main.querySelectorAll('img')) {
    if (img.closest('.img-wrapper')) continue;
    const src = img.getAttribute('src') || '';
    let carga = true;
    try { await img.decode(); } catch (e) { carga = false; }
    if (!carga || !img.complete) {
      problemas.push(['imagen', `la imagen «${src}» no carga`]);
    }
    const r = img.getBoundingClientRect();
    if (carga && (r.width === 0 || r.height === 0)) {
      problemas.push(['imagen', `la imagen «${src}» se ve con tamaño cero (${px(r.width)} × ${px(r.height)})`]);
    }
    if (!(img.getAttribute('alt') || '').trim()) {
      problemas.push(['texto alternativo', `la imagen «${src}» no tiene texto alternativo (alt)`]);
    }
    if (fuera(r)) {
      problemas.push(['diagrama ancho', `la imagen «${src}» mide ${px(r.width)} y la columna ${px(m.width)}`]);
    }
  }

  // SVG dentro de la página (no los iconos de los botones de mdBook).
  const svgs = [...main.querySelectorAll('svg')].filter(s =>
    !s.parentElement.closest('svg') && !s.closest('button, .buttons, a.header'));
  svgs.forEach((svg, i) => {
    const r = svg.getBoundingClientRect();
    const titulo = svg.querySelector(':scope > title');
    let nombre = (svg.getAttribute('aria-label') || '').trim();
    const ids = (svg.getAttribute('aria-labelledby') || '').trim();
    if (!nombre && ids) {
      nombre = ids.split(/\s+/).map(id => (document.getElementById(id) || {}).textContent || '').join(' ').trim();
    }
    if (!nombre && titulo) nombre = titulo.textContent.trim();
    const cual = `el SVG n.º ${i + 1} de la página` + (nombre ? ` («${nombre.slice(0, 40)}»)` : '');
    if (svg.getAttribute('aria-hidden') !== 'true' && !nombre) {
      problemas.push(['svg', `${cual} no tiene nombre accesible (<title>, aria-label o aria-labelledby)`]);
    }
    if (r.width === 0 || r.height === 0) {
      problemas.push(['svg', `${cual} se ve con tamaño cero (${px(r.width)} × ${px(r.height)})`]);
    }
    if (fuera(r)) {
      problemas.push(['diagrama ancho', `${cual} mide ${px(r.width)} y la columna ${px(m.width)}`]);
    }
  });

  // Bloques de código: no vacíos y sin barra de desplazamiento lateral.
  for (const pre of main.querySelectorAll('pre')) {
    const code = pre.querySelector('code') || pre;
    // Sin las líneas ocultas que añade mdBook (el `fn main() {` alrededor
    // de un bloque de Rust): un bloque con solo eso está vacío.
    const copia = code.cloneNode(true);
    copia.querySelectorAll('.boring').forEach(b => b.remove());
    const texto = copia.textContent;
    if (!texto.trim()) {
      problemas.push(['bloque vacío', 'un bloque de código está vacío (¿un {{#include}} que no encontró nada?)'
        + (pre.previousElementSibling ? `; va después de ${inicio(pre.previousElementSibling.textContent)}` : '')]);
      continue;
    }
    // Un carácter que la letra de código no tiene se dibuja con otra letra,
    // a veces más ancha: desalinea lo que va detrás en su línea (un «⋮» en
    // un diagrama, por ejemplo). Se mide cada uno contra la «a».
    for (const c of new Set([...texto].filter(c => c > '\u007f' && c.trim()))) {
      const ancho = medir(code, c);
      if (Math.abs(ancho - medir(code, 'a')) > 0.5) {
        problemas.push(['desalineado', `el bloque que empieza por ${inicio(texto)} usa «${c}» (U+`
          + c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0') + `), que mide ${ancho.toFixed(1)} px `
          + `y no ${medir(code, 'a').toFixed(1)} como las demás letras: desalinea lo que va detrás`]);
      }
    }
    const exceso = Math.max(pre.scrollWidth - pre.clientWidth, code.scrollWidth - code.clientWidth);
    const r = pre.getBoundingClientRect();
    if (exceso > 1 || fuera(r)) {
      problemas.push(['ancho', `el bloque que empieza por ${inicio(texto)} no cabe en la columna: `
        + `le sobran ${px(Math.max(exceso, r.right - m.right))} de ${px(code.clientWidth)} `
        + `(su línea más larga tiene ${Math.max(...texto.split('\n').map(l => [...l].length))} caracteres)`,
        texto.trim().split('\n')[0].trim()]);
    }
  }

  // SVG enlazados u objetos: se revisan desde Python (por HTTP).
  const enlaces = [...main.querySelectorAll('a[href], object[data], embed[src]')]
    .map(e => [e.href || e.data || e.src, (e.textContent || e.getAttribute('aria-label') || '').trim()])
    .filter(([u]) => /\.svg(#.*)?$/i.test(u.split('?')[0]));
  const h1 = main.querySelector('h1');
  listo({problemas, titulo: h1 ? h1.textContent.trim() : '', enlaces,
         ancho_ventana: window.innerWidth, ancho_columna: m.width});
})().catch(e => listo({problemas: [['javascript', 'la revisión misma falló: ' + e]], titulo: '', enlaces: []}));
"""


def revisar_svg_enlazado(url, texto):
    """Un SVG enlazado: que exista, que sea un SVG con tamaño, que el enlace
    diga qué es."""
    nombre = urllib.parse.urlparse(url).path.rsplit("/", 1)[-1]
    problemas = []
    try:
        with urllib.request.urlopen(url, timeout=10) as respuesta:
            cuerpo = respuesta.read()
    except urllib.error.HTTPError as e:
        return [("enlace a svg", f"el enlace a «{nombre}» no lleva a nada (HTTP {e.code})")]
    try:
        raiz = ET.fromstring(cuerpo)
    except ET.ParseError as e:
        return [("enlace a svg", f"«{nombre}» no es un SVG que se pueda leer: {e}")]
    medidas = [raiz.get("width"), raiz.get("height")]
    caja = (raiz.get("viewBox") or "").split()
    if not (all(medidas) and all(float(re.sub(r"[^\d.]", "", x) or 0) > 0 for x in medidas)) and not (
        len(caja) == 4 and float(caja[2]) > 0 and float(caja[3]) > 0
    ):
        problemas.append(("enlace a svg", f"«{nombre}» no tiene tamaño (ni width y height ni viewBox)"))
    if not texto:
        problemas.append(("texto alternativo", f"el enlace a «{nombre}» no tiene texto que diga qué es"))
    return problemas


def normalizar(texto):
    return unicodedata.normalize("NFC", texto).casefold()


# Dónde lleva un resultado de búsqueda, y si allí se define el término.
DEFINE = r"""
const [ancla, termino] = arguments;
const norm = t => t.normalize('NFC').toLowerCase();
const main = document.querySelector('main');
const titulo = ancla ? document.getElementById(ancla) : null;
let seccion = [];
if (titulo && /^H[1-6]$/.test(titulo.tagName)) {
  seccion.push(titulo);
  const nivel = +titulo.tagName[1];
  for (let e = titulo.nextElementSibling; e; e = e.nextElementSibling) {
    if (/^H[1-6]$/.test(e.tagName) && +e.tagName[1] <= nivel) break;
    seccion.push(e);
  }
} else if (main) {
  seccion = [main];
}
const enTitulo = seccion.length && /^H[1-6]$/.test(seccion[0].tagName)
  && norm(seccion[0].textContent).includes(norm(termino));
const marcado = seccion.some(e => [...e.querySelectorAll('strong, b, dfn'), e]
  .some(x => /^(STRONG|B|DFN)$/.test(x.tagName) && norm(x.textContent).includes(norm(termino))));
return {
  en_titulo: !!enTitulo, marcado,
  seccion: titulo ? titulo.textContent.trim() : (document.querySelector('main h1') || {textContent: ''}).textContent.trim(),
};
"""


def buscar(navegador, base, termino, ancla_glosario):
    """Escribe el término en la búsqueda de mdBook y sigue el primer
    resultado. Devuelve (página, problema o None, descripción)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    navegador.get(base + "index.html")
    navegador.find_element(By.ID, "mdbook-search-toggle").click()
    caja = WebDriverWait(navegador, 10).until(lambda n: n.find_element(By.ID, "mdbook-searchbar"))
    WebDriverWait(navegador, 10).until(lambda n: caja.is_displayed())
    caja.send_keys(termino)
    try:
        WebDriverWait(navegador, 15).until(
            lambda n: n.find_elements(By.CSS_SELECTOR, "#mdbook-searchresults li a")
        )
    except Exception:
        return ("index.html", ("búsqueda", f"buscar «{termino}» no da ningún resultado"), "")
    primero = navegador.find_elements(By.CSS_SELECTOR, "#mdbook-searchresults li a")[0]
    url = primero.get_attribute("href")
    partes = urllib.parse.urlparse(url)
    pagina = partes.path.rsplit("/", 1)[-1] or "index.html"
    ancla = urllib.parse.unquote(partes.fragment)
    donde = f"{pagina}#{ancla}" if ancla else pagina
    if pagina == "glosario.html" and ancla_glosario and ancla == ancla_glosario:
        return (pagina, None, f"«{termino}» → {donde}: la entrada del glosario")
    navegador.get(url)
    visto = navegador.execute_script(DEFINE, ancla, termino)
    if visto["en_titulo"]:
        return (pagina, None, f"«{termino}» → {donde}: el título de la sección lo nombra")
    if visto["marcado"]:
        return (pagina, None, f"«{termino}» → {donde}: la sección lo pone en negrita")
    return (
        pagina,
        (
            "búsqueda",
            f"buscar «{termino}» da primero {donde} (sección «{visto['seccion']}»), que no lo "
            f"define: ni es su entrada del glosario, ni su título lo nombra, ni lo pone en negrita",
        ),
        "",
    )


def revisar_impresion(navegador, base, titulos):
    """La página de imprimir: que tenga texto y el título de cada capítulo."""
    navegador.get(base + "print.html")
    visto = navegador.execute_script(
        "const m = document.querySelector('main');"
        "return m ? {texto: m.innerText.length,"
        " titulos: [...m.querySelectorAll('h1')].map(h => h.textContent.trim())} : null;"
    )
    problemas = [("javascript", f"error en la consola: {e}") for e in errores_de_consola(navegador)]
    if not visto or visto["texto"] < 200:
        problemas.append(("impresión", "la página de imprimir está vacía"))
        return problemas
    presentes = {normalizar(t) for t in visto["titulos"]}
    for pagina, titulo in titulos:
        if titulo and normalizar(titulo) not in presentes:
            problemas.append(("impresión", f"no tiene el título de {pagina}: «{titulo}»"))
    return problemas


def capturar(navegador, base, libro, paginas):
    """Capturas de algunas páginas, en cada tema: el principio de la página y
    cada diagrama (imagen, SVG o bloque de texto con dibujo) centrado."""
    from selenium.webdriver.common.by import By

    carpeta = SALIDA / "capturas" / ("libro" if libro is LIBRO else "libro-roto")
    if carpeta.exists():
        shutil.rmtree(carpeta)
    carpeta.mkdir(parents=True)
    hechas = []
    for tema in TEMAS:
        navegador.get(base + "index.html")
        navegador.execute_script("localStorage.setItem('mdbook-theme', arguments[0]);", tema)
        for pagina in paginas:
            navegador.get(base + pagina)
            navegador.execute_script("return document.fonts.ready.then(() => true);")
            nombre = pagina.removesuffix(".html")
            ruta = carpeta / f"{nombre}-{tema}.png"
            navegador.save_screenshot(str(ruta))
            hechas.append(ruta)
            dibujos = navegador.find_elements(
                By.CSS_SELECTOR, "main img, main pre:has(code.language-text), main > svg, main p > svg"
            )
            n = 0
            for dibujo in dibujos:
                texto = dibujo.text
                if dibujo.tag_name == "pre" and not re.search(r"[─│┌┐└┘├┤┬┴┼▶►→←↓↑]|-->|\+--|\|", texto):
                    continue
                n += 1
                navegador.execute_script("arguments[0].scrollIntoView({block: 'center'});", dibujo)
                ruta = carpeta / f"{nombre}-{tema}-dibujo{n}.png"
                navegador.save_screenshot(str(ruta))
                hechas.append(ruta)
    return hechas


def revisar(libro):
    """Todas las revisiones; devuelve (problemas, resumen de lo hecho)."""
    paginas, borradores = paginas_del_resumen(libro.carpeta)
    construido = construir(libro)
    servidor, base = servir(construido)
    fuente = {p.html: f"{libro.carpeta.relative_to(RAIZ)}/src/{p.md}" for p in paginas}
    problemas = []
    titulos = []
    notas = []
    perfil = tempfile.mkdtemp(prefix="navegador-perfil-")
    navegador = abrir_navegador(perfil)
    try:
        errores_de_consola(navegador)
        medidas = None
        for pagina in paginas:
            try:
                navegador.get(base + pagina.html)
            except Exception as e:
                problemas.append(Problema(pagina.html, "carga", f"no termina de cargar: {e}"))
                continue
            visto = navegador.execute_async_script(REVISAR_PAGINA)
            medidas = medidas or (visto.get("ancho_ventana"), visto.get("ancho_columna"))
            for tipo, detalle, *clave in visto["problemas"]:
                problemas.append(Problema(pagina.html, tipo, detalle, clave[0] if clave else ""))
            for url, texto in visto["enlaces"]:
                for tipo, detalle in revisar_svg_enlazado(url, texto):
                    problemas.append(Problema(pagina.html, tipo, detalle))
            for error in errores_de_consola(navegador):
                problemas.append(Problema(pagina.html, "javascript", f"error en la consola: {error}"))
            titulos.append((pagina.html, visto["titulo"]))
        if medidas:
            notas.append(f"ventana de {medidas[0]} px; columna del texto de {round(medidas[1] or 0)} px")
        for tipo, detalle in revisar_impresion(navegador, base, titulos):
            problemas.append(Problema("print.html", tipo, detalle))
        for termino, ancla in libro.busquedas.items():
            pagina, problema, como = buscar(navegador, base, termino, ancla)
            if problema:
                problemas.append(Problema(pagina, *problema))
            else:
                notas.append(f"búsqueda: {como}")
            for error in errores_de_consola(navegador):
                problemas.append(Problema(pagina, "javascript", f"error en la consola al buscar: {error}"))
        hechas = capturar(navegador, base, libro, libro.capturas)
        notas.append(f"{len(hechas)} capturas en {hechas[0].parent.relative_to(RAIZ)}/")
    finally:
        navegador.quit()
        servidor.shutdown()
        shutil.rmtree(perfil, ignore_errors=True)
    notas.insert(0, f"{len(paginas)} páginas de SUMMARY.md y print.html")
    if borradores:
        notas.append(
            f"{len(borradores)} borradores de SUMMARY.md sin página todavía (no se revisan): "
            + "; ".join(f"«{b}»" for b in borradores)
        )
    return problemas, fuente, notas


def nombrar(problema, fuente):
    if problema.pagina in fuente:
        return f"{fuente[problema.pagina]} ({problema.pagina})"
    return problema.pagina


def main():
    argumentos = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    argumentos.add_argument(
        "--libro-roto",
        action="store_true",
        help="revisar el libro roto de .ci/navegador/libro-roto/ y comprobar que falla donde debe",
    )
    opciones = argumentos.parse_args()
    libro = LIBRO_ROTO if opciones.libro_roto else LIBRO
    inicio = time.monotonic()
    problemas, fuente, notas = revisar(libro)
    for nota in notas:
        print(f"  {nota}")
    segundos = time.monotonic() - inicio

    if not opciones.libro_roto:
        conocidos = [p for p in problemas if pendiente(p)]
        problemas = [p for p in problemas if not pendiente(p)]
        if conocidos:
            print(f"  {len(conocidos)} bloques anchos ya conocidos (PENDIENTES en {Path(__file__).name}):")
            for p in conocidos:
                print(f"    {nombrar(p, fuente)}: {pendiente(p)[2]}")
        for pagina, inicio, _ in PENDIENTES:
            if not any(pendiente(p) == (pagina, inicio, _) for p in conocidos):
                problemas.append(
                    Problema(
                        pagina,
                        "pendiente",
                        f"ya no tiene ningún bloque ancho que empiece por «{inicio}»: "
                        f"quítalo de PENDIENTES en .ci/navegador/{Path(__file__).name}",
                    )
                )
        for p in problemas:
            print(f"{nombrar(p, fuente)}: {p.detalle}")
        if problemas:
            print(f"\nEl libro en el navegador: {len(problemas)} problemas ({segundos:.0f} s).")
            return 1
        print(f"El libro en el navegador: sin problemas ({segundos:.0f} s).")
        return 0

    # El libro roto: cada revisión debe fallar donde se rompió, y solo allí.
    for p in problemas:
        print(f"  visto: {nombrar(p, fuente)} [{p.tipo}]: {p.detalle}")
    faltan = [
        (pagina, tipo)
        for pagina, tipo in ESPERADO_EN_EL_LIBRO_ROTO
        if not any(p.pagina == pagina and p.tipo == tipo for p in problemas)
    ]
    de_mas = [p for p in problemas if p.pagina == PAGINA_BUENA]
    for pagina, tipo in faltan:
        print(f"La prueba no vio lo que está roto en {fuente.get(pagina, pagina)} ({pagina}): [{tipo}]")
    for p in de_mas:
        print(f"La prueba ve un problema en la página buena, {nombrar(p, fuente)}: {p.detalle}")
    if faltan or de_mas:
        print("\nEl libro roto no falla como debe: la prueba del navegador no es de fiar.")
        return 1
    print(
        f"El libro roto falla donde debe: {len(ESPERADO_EN_EL_LIBRO_ROTO)} roturas vistas, "
        f"cada una en su página, y ninguna en {PAGINA_BUENA} ({segundos:.0f} s)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
