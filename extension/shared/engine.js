// The wasm extractor, loaded once, on first use; each language's model is
// loaded the first time a text needs it. Shared by the extension's
// background and the demo page, which both keep the wasm package in pkg/
// beside this folder: fetching it is reading the extension's (or the
// page's) own files, not a network request.
import init, { Newslens } from "../pkg/newslens.js";

const pkg = (path) => new URL(`../pkg/${path}`, import.meta.url);
let engine = null;

function load() {
  engine ??= (async () => {
    await init({ module_or_path: pkg("newslens_bg.wasm") });
    const available = await (await fetch(pkg("models/index.json"))).json();
    return { newslens: new Newslens(), available };
  })();
  // A failed load must not stay cached: the next call tries again.
  engine.catch(() => (engine = null));
  return engine;
}

// Starts loading the wasm (and the models' index) without waiting for it.
export function warmUp() {
  load().catch(() => {});
}

// Analyses `text` and resolves to { lang, status, entities, summary }, with
// entity offsets in UTF-16 code units of `text`.
export async function analyze(text, lang) {
  const { newslens, available } = await load();
  const needed = lang ? [lang] : newslens.languagesNeeded(text);
  for (const code of needed) {
    if (available.includes(code) && !newslens.languages().includes(code)) {
      const bytes = new Uint8Array(await (await fetch(pkg(`models/${code}.bin`))).arrayBuffer());
      newslens.addModel(code, bytes);
    }
  }
  return newslens.analyze(text, lang ?? undefined);
}
