// What the reader's lexicon costs, in the wasm build as the extension runs
// it: 10,000 corrections loaded with setLexicon, then a 1 MB text analysed
// with and without them. As a reader's would be, the corrections are of
// names: every distinct name the text's own analysis finds (another type
// for each in turn, every fifth not a name, every tenth another name of the
// one before it), then names of other texts, which this one never writes,
// up to 10,000. Fails
// (exit 1) when applying them costs 10% or more of the analysis, or
// loading them 20 ms or more (the budgets). The fastest of --runs
// each, with and without in turn: this machine's neighbours add tens of
// percent to a run, never take any away.
//
//   node bench/lexicon.mjs [--pkg dist/pkg] [--text FILE.jsonl] [--runs 5]
//
// The text is the speed benchmark's French (bench/make_text.py), made if
// missing, read as one text.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { encodeCorrections } from "../extension/shared/lexicon.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    pkg: { type: "string", default: join(ROOT, "dist/pkg") },
    text: { type: "string", default: join(ROOT, "target/bench/fr-news-1mb.jsonl") },
    runs: { type: "string", default: "7" },
  },
});
const CORRECTIONS = 10_000;
const APPLY_BUDGET = 0.1;
const LOAD_BUDGET_MS = 20;

if (!existsSync(values.text)) {
  mkdirSync(dirname(values.text), { recursive: true });
  writeFileSync(values.text, execFileSync("python3", [join(ROOT, "bench/make_text.py"), join(ROOT, "../shared")]));
}
const text = readFileSync(values.text, "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line).text)
  .join("\n\n");

/**
 * 10,000 corrections: the names `found` in the text, then names of other
 * texts.
 * @param {{text: string, label: string}[]} found
 * @returns {import("../extension/shared/lexicon.js").Fields[]}
 */
function corrections(found) {
  // Names that fold alike are one name for the lexicon.
  const fold = (name) => name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae");
  const seen = new Set();
  const names = [];
  for (const { text: name, label } of found) {
    if (names.length < CORRECTIONS && ["PER", "ORG", "LOC", "MISC"].includes(label) && !seen.has(fold(name))) {
      seen.add(fold(name));
      names.push(name);
    }
  }
  for (let k = 0; names.length < CORRECTIONS; k += 1) names.push(`Nomdautre${k} Ailleurs`);
  const types = ["PER", "ORG", "LOC", "MISC", "none"];
  return names.map((name, k) => (k % 10 === 9 ? { name, lang: "fr", same_as: names[k - 1] } : { name, lang: "fr", type: types[k % types.length] }));
}

const fastest = (xs) => Math.min(...xs);
const time = (f) => {
  const started = performance.now();
  const result = f();
  return [performance.now() - started, result];
};

const pkg = await import(pathToFileURL(join(values.pkg, "newslens.js")).href);
await pkg.default({ module_or_path: readFileSync(join(values.pkg, "newslens_bg.wasm")) });
const engine = new pkg.Newslens();
engine.addModel("fr", readFileSync(join(values.pkg, "models/fr.bin")));
const lexicon = corrections(engine.analyze(text, "fr").entities);
// What the extension does each time the corrections change: encode, load.
const load = () => {
  const { text: fields, lengths } = encodeCorrections(lexicon);
  return engine.setLexicon(fields, lengths);
};
const none = () => engine.setLexicon("", new Uint32Array(0));

const runs = Number(values.runs);
const loads = [];
const plain = [];
const corrected = [];
let held = 0;
let found = { plain: 0, corrected: 0 };
engine.analyze(text, "fr");
for (let run = 0; run < runs; run += 1) {
  none();
  const [msPlain, a] = time(() => engine.analyze(text, "fr"));
  plain.push(msPlain);
  const [msLoad, count] = time(load);
  loads.push(msLoad);
  held = count;
  const [msCorrected, b] = time(() => engine.analyze(text, "fr"));
  corrected.push(msCorrected);
  found = { plain: a.entities.length, corrected: b.entities.length };
}
const cost = fastest(corrected) / fastest(plain) - 1;
const report = {
  text_bytes: Buffer.byteLength(text),
  corrections: held,
  names_of_the_text: lexicon.filter((c) => !c.name.startsWith("Nomdautre")).length,
  entities: found,
  analyze_ms: Math.round(fastest(plain)),
  analyze_with_lexicon_ms: Math.round(fastest(corrected)),
  apply_cost: Number(cost.toFixed(3)),
  load_ms: Number(fastest(loads).toFixed(1)),
};
console.log(JSON.stringify(report));
const over = [];
if (cost >= APPLY_BUDGET) over.push(`applying costs ${(100 * cost).toFixed(1)}% of the analysis (budget ${100 * APPLY_BUDGET}%)`);
if (fastest(loads) >= LOAD_BUDGET_MS) over.push(`loading takes ${fastest(loads).toFixed(1)} ms (budget ${LOAD_BUDGET_MS} ms)`);
if (corrected.length && found.corrected >= found.plain) over.push("no name was taken away: the benchmark measures no lexicon");
if (over.length) {
  console.error(`lexicon benchmark: ${over.join("; ")}`);
  process.exit(1);
}
