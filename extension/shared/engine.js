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

// Each language's model, added to the engine once: a promise per language,
// so that a warm-up and a first analysis never fetch the same file twice.
const models = new Map();
function loadModel({ newslens }, code) {
  if (!models.has(code)) {
    const adding = (async () => {
      const bytes = new Uint8Array(await (await fetch(pkg(`models/${code}.bin`))).arrayBuffer());
      newslens.addModel(code, bytes);
    })();
    // As with the engine, a failure is not kept.
    adding.catch(() => models.delete(code));
    models.set(code, adding);
  }
  return models.get(code);
}

// Starts loading the wasm and every model without waiting for them, so
// that the first page read does not wait on them: the readers newslens is
// made for read French and English news, a few MB in memory.
export function warmUp() {
  load()
    .then((loaded) => Promise.all(loaded.available.map((code) => loadModel(loaded, code))))
    .catch(() => {});
}

// Analyses `text` and resolves to { lang, status, entities, summary }, with
// entity offsets in UTF-16 code units of `text`.
export async function analyze(text, lang) {
  const loaded = await load();
  const needed = lang ? [lang] : loaded.newslens.languagesNeeded(text);
  await Promise.all(needed.filter((code) => loaded.available.includes(code)).map((code) => loadModel(loaded, code)));
  return loaded.newslens.analyze(text, lang ?? undefined);
}
