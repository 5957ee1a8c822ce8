// What building the engine costs, step by step, in Node: the wasm package
// as the extension's background loads it after its service worker wakes.
// Prints milliseconds per step as JSON.
//
//   node bench/engine_start.mjs [dist/pkg]      (after ./build.sh build)
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const dir = resolve(process.argv[2] ?? "dist/pkg");
// Node defines fetch, Request and Response lazily: the first look at them
// loads its HTTP client (20 to 30 ms), which the glue's `typeof Request`
// check would charge to compileAndInstantiate. A browser's service worker
// has them built in, so they are loaded before the clock starts.
void [globalThis.Request, globalThis.Response];

const text = "Le Premier ministre Haider al-Abadi a annoncé jeudi la reprise d'Al-Qaïm, près de la frontière syrienne.";
const steps = {};
let last = performance.now();
const step = (name) => {
  const now = performance.now();
  steps[name] = Number((now - last).toFixed(1));
  last = now;
};
const pkg = await import(pathToFileURL(join(dir, "newslens.js")).href);
const wasm = readFileSync(join(dir, "newslens_bg.wasm"));
step("read");
await pkg.default({ module_or_path: wasm });
step("compileAndInstantiate");
const newslens = new pkg.Newslens();
step("gazetteers");
newslens.addModel("fr", readFileSync(join(dir, "models/fr.bin")));
step("frenchModel");
newslens.addModel("en", readFileSync(join(dir, "models/en.bin")));
step("englishModel");
newslens.analyze(text, "fr");
step("firstAnalysis");
console.log(JSON.stringify(steps));
