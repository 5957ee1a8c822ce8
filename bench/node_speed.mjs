// The wasm build in Node, as the extension runs it: the wasm from
// dist/pkg, the French model file, every document of a JSONL file
// analysed. Prints JSON {seconds, documents, entities}; time the whole
// process from outside for whole-process figures.
//
//   node bench/node_speed.mjs dist/pkg fr-news-1mb.jsonl fr
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [pkgDir, jsonl, lang = "fr"] = process.argv.slice(2);
const started = performance.now();
const pkg = await import(pathToFileURL(resolve(pkgDir, "newslens.js")).href);
await pkg.default({ module_or_path: readFileSync(join(pkgDir, "newslens_bg.wasm")) });
const newslens = new pkg.Newslens();
newslens.addModel(lang, readFileSync(join(pkgDir, "models", `${lang}.bin`)));
const loaded = performance.now();
let documents = 0;
let entities = 0;
for (const line of readFileSync(jsonl, "utf8").split("\n")) {
  if (line.trim()) {
    entities += newslens.analyze(JSON.parse(line).text, lang).entities.length;
    documents += 1;
  }
}
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ seconds, load_seconds: (loaded - started) / 1000, documents, entities }));
