// El mismo programa que la primera parte de examples/otros_lenguajes.rs,
// escrito en JavaScript, para el capítulo «Otros lenguajes».
//
// No es parte del código Rust del taller. book/regenerar-salidas.sh lo corre
// con Node.js, si está instalado, y guarda lo que imprime en
// book/src/salidas/otros_lenguajes_js.txt, que el capítulo muestra al lado
// de la salida del ejemplo de Rust. A mano: `node book/js/otros_lenguajes.js`.

let eventos = 0;

function evento(quien, que) {
  eventos += 1;
  console.log(`  ${String(eventos).padStart(2)}. [${quien}] ${que}`);
}

async function saludar(nombre) {
  evento(nombre, "empieza el cuerpo");
  // Cede una vez: el resto del cuerpo va a la cola del bucle de eventos.
  await null;
  evento(nombre, "sigue después del await");
  return `hola, ${nombre}`;
}

evento("main", 'llamo a saludar("A")');
const a = saludar("A");
evento("main", 'saludar("A") devolvió una promesa');
saludar("C");
evento("main", 'llamé a saludar("C") y no guardé su promesa');
a.then((respuesta) => evento("main", `la promesa de A se cumplió: "${respuesta}"`));
evento("main", "el código de arriba terminó; ahora manda el bucle de eventos");
