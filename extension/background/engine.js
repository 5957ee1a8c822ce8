// The wasm extractor, loaded once per background lifetime, on first use.
import init, { Newslens } from "../pkg/newslens.js";

let engine = null;

function load() {
  // The wasm is a file of the extension: fetching it is not a network request.
  engine ??= init({ module_or_path: new URL("../pkg/newslens_bg.wasm", import.meta.url) }).then(() => new Newslens());
  // A failed load must not stay cached: the next call tries again.
  engine.catch(() => (engine = null));
  return engine;
}

// Analyses `text` and resolves to { lang, status, entities, summary }, with
// entity offsets in UTF-16 code units of `text`.
export async function analyze(text, lang) {
  const newslens = await load();
  return newslens.analyze(text, lang ?? undefined);
}
