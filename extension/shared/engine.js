// The wasm extractor, loaded once, on first use; each language's model is
// loaded the first time a text needs it. Shared by the extension's
// background and the demo page, which both keep the wasm package in pkg/
// beside this folder: fetching it is reading the extension's (or the
// page's) own files, not a network request.
import init, { Newslens, checkCorrections } from "../pkg/newslens.js";
import { encodeCorrections } from "./lexicon.js";

const pkg = (path) => new URL(`../pkg/${path}`, import.meta.url);
let engine = null;
let modelList = null;

// The languages that have a model (models/index.json), fetched once.
function listModels() {
  modelList ??= fetch(pkg("models/index.json")).then((reply) => reply.json());
  modelList.catch(() => (modelList = null));
  return modelList;
}

function load() {
  engine ??= (async () => {
    // The list of models is fetched while the wasm compiles.
    const available = listModels();
    await init({ module_or_path: pkg("newslens_bg.wasm") });
    return { newslens: new Newslens(), available: await available };
  })();
  // A failed load must not stay cached: the next call tries again.
  engine.catch(() => (engine = null));
  return engine;
}

// Each language's model file, fetched once: a promise per language, started
// by warmUp while the wasm compiles, so that adding a model never waits on
// the file.
const files = new Map();
function fileOf(code) {
  if (!files.has(code)) {
    const fetching = fetch(pkg(`models/${code}.bin`)).then(async (reply) => {
      if (!reply.ok) throw new Error(`no model for ${code}`);
      return new Uint8Array(await reply.arrayBuffer());
    });
    fetching.catch(() => files.delete(code));
    files.set(code, fetching);
  }
  return files.get(code);
}

// Each language's model, added to the engine once, when a text first needs
// it: a promise per language, so that two analyses never add it twice.
const models = new Map();
function loadModel({ newslens }, code) {
  if (!models.has(code)) {
    const adding = (async () => {
      newslens.addModel(code, await fileOf(code));
    })();
    // As with the engine, a failure is not kept.
    adding.catch(() => models.delete(code));
    models.set(code, adding);
  }
  return models.get(code);
}

// A sentence per language, analysed once while the page is being read: V8
// first runs wasm in its baseline compiler and optimises what runs often,
// so the reader's first analysis would otherwise run mostly unoptimised
// (several times slower).
const WARM_UP_TEXT = {
  fr: "Le 3 mars 2020, Emmanuel Macron a reçu à Paris la présidente de la Commission européenne, Ursula von der Leyen, et 12 ministres.",
  en: "On 3 March 2020, Joe Biden met the chief executive of Microsoft, Satya Nadella, in Washington with 12 senators.",
  de: "Am 3. März 2020 traf Angela Merkel in Berlin den Chef von Siemens, Joe Kaeser, und 12 Minister.",
  es: "El 3 de marzo de 2020, Pedro Sánchez recibió en Madrid a la presidenta del Banco Santander, Ana Botín, y a 12 ministros.",
  nl: "Op 3 maart 2020 ontving Mark Rutte in Den Haag de topman van Philips, Frans van Houten, en 12 ministers.",
};

// Starts building the engine (the wasm compiled, its word lists read),
// without waiting for it: what every page read needs, whatever its
// language. The background does this whenever it wakes; no model file is
// read until a page says which it needs.
export function prepare() {
  load().catch(() => {});
}

// Analyses waiting for the engine or a model. A warm-up sentence never
// runs ahead of one: the reader's own text warms the code as well, and on
// a worker just woken the sentence would cost its click some 10 ms.
let waiting = 0;

// The languages a page will likely be read in, from what it says of itself
// before it is read: its title and description, told by the engine's own
// detector (a page may declare a language it is not written in), and the
// language it declares. Only those with a model; French and English, the
// news newslens is made for, when neither tells.
function likelyLanguages({ newslens, available }, { declared, sample }) {
  const told = sample ? newslens.languagesNeeded(sample) : [];
  const likely = [...new Set([...told, declared])].filter((code) => available.includes(code));
  return likely.length ? likely : available.filter((code) => code === "fr" || code === "en");
}

// Starts fetching the model files a page will likely need (`hints`: the
// language it declares, and its title and description) while the page is
// being read, and adds and warms up the likeliest, so that the reader's
// first analysis waits on none of it. The declared language's file is
// fetched at once; the others once the engine can tell them. Any other
// model is fetched only when a text needs it.
export function warmUp({ declared = null, sample = "" } = {}) {
  listModels()
    .then((available) => available.includes(declared) && fileOf(declared))
    .catch(() => {});
  load()
    .then(async (loaded) => {
      const likely = likelyLanguages(loaded, { declared, sample });
      likely.forEach(fileOf);
      const [lang] = likely;
      if (WARM_UP_TEXT[lang] && !models.has(lang)) {
        await loadModel(loaded, lang);
        // A page's text that arrived while the model was being parsed is
        // queued as a task: let it be taken first.
        await new Promise((resolve) => setTimeout(resolve));
        if (!waiting) {
          // As the reader's text will go: its languages told, then read.
          loaded.newslens.languagesNeeded(WARM_UP_TEXT[lang]);
          loaded.newslens.analyze(WARM_UP_TEXT[lang]);
        }
      }
    })
    .catch(() => {});
}

// The revision of the reader's corrections the engine applies.
let applied = "";

// Gives the engine the reader's corrections if they changed since it was
// last given them. A correction the engine refuses (none should be: the
// card makes them from the engine's own names) is left out, alone: the
// others still apply, and every page is still read.
function useLexicon(newslens, lexicon) {
  if (!lexicon || lexicon.revision === applied) {
    return;
  }
  let list = lexicon.list;
  try {
    const { text, lengths } = encodeCorrections(list);
    newslens.setLexicon(text, lengths);
  } catch {
    list = list.filter((correction) => {
      try {
        const { text, lengths } = encodeCorrections([correction]);
        return checkCorrections(text, lengths) === 1;
      } catch {
        return false;
      }
    });
    const { text, lengths } = encodeCorrections(list);
    newslens.setLexicon(text, lengths);
  }
  applied = lexicon.revision;
}

// Analyses `text` and resolves to { lang, status, entities, summary }, with
// entity offsets in UTF-16 code units of `text`; the reader's corrections
// (`lexicon`) applied, if given.
export async function analyze(text, lang, lexicon) {
  waiting += 1;
  let loaded;
  try {
    loaded = await load();
    const needed = lang ? [lang] : loaded.newslens.languagesNeeded(text);
    await Promise.all(needed.filter((code) => loaded.available.includes(code)).map((code) => loadModel(loaded, code)));
  } finally {
    waiting -= 1;
  }
  useLexicon(loaded.newslens, lexicon);
  return loaded.newslens.analyze(text, lang ?? undefined);
}
