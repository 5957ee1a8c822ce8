// The options page's export and import: the reader's corrections, watchlist
// and memory of names as one JSON file. An import is checked whole before
// anything is stored, each name by the engine as a correction's name is
// (so markup and control characters are refused with the engine's own
// reasons): a refused file changes nothing. It replaces what it holds: a
// file of corrections only (an older export, or the command line's
// --lexicon file, a bare list) leaves the watchlist and the memory as they
// are.
import "../shared/messages.js";
import "../shared/settings.js";
import init, { checkCorrections } from "../pkg/newslens.js";
import { encodeCorrections } from "../shared/lexicon.js";
import { CONTROL, DAY, LIMITS, NAMED } from "../shared/memory.js";

const { invoke } = globalThis.newslensMessages;
const settings = globalThis.newslensSettings;
const t = (...args) => globalThis.newslensI18n.t(...args);
const $ = (id) => document.getElementById(id);

// A file larger than this is refused before it is read: far more than any
// reader's data (100,000 corrections take some 6 MB, the memory 5 MB).
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
// What an export is (an older one, "newslens corrections", held
// corrections only).
const KIND = "newslens";
const FIELDS = ["name", "lang", "type", "same_as"];
// The engine checks this many names at a time (a lexicon's own bound is
// 100,000).
const CHUNK = 50_000;
const MAX_STARS = 10_000;

/**
 * @typedef {{ corrections?: Correction[], stars?: Star[], memory?: { remember: boolean, articles: RememberedArticle[] } }} ReadersData
 *   What a file holds, each part replacing the stored one.
 */

/** @param {string} text */
function status(text) {
  $("data-status").textContent = text;
}

/**
 * Throws `what`: `why` unless `ok`.
 * @param {unknown} ok
 * @param {string} what
 * @param {string} why
 */
function must(ok, what, why) {
  if (!ok) throw new Error(`${what} ${why}`);
}

/**
 * Checks that `value` is an object of no other fields than `fields`.
 * @param {unknown} value
 * @param {string} what
 * @param {string[]} fields
 */
function record(value, what, fields) {
  must(value && typeof value === "object" && !Array.isArray(value), what, "is not an object");
  const unknown = Object.keys(/** @type {object} */ (value)).find((key) => !fields.includes(key));
  must(!unknown, what, `has an unknown field "${unknown}"`);
}

const isText = (/** @type {unknown} */ v, max = Infinity) => typeof v === "string" && v.length <= max;

/**
 * Checks `names` as the engine checks a correction's name, with `what`
 * (their place in the file) in the reason.
 * @param {{ name: unknown, what: string }[]} names
 */
function checkNames(names) {
  for (let at = 0; at < names.length; at += CHUNK) {
    const chunk = names.slice(at, at + CHUNK);
    chunk.forEach(({ name, what }) => must(typeof name === "string", what, "is not a string"));
    const { text, lengths } = encodeCorrections(chunk.map(({ name }) => ({ name: /** @type {string} */ (name), type: "MISC" })));
    try {
      checkCorrections(text, lengths);
    } catch (error) {
      // "bad lexicon: correction K ("name"): reason"
      const message = String(error?.message ?? error);
      const k = Number(message.match(/correction (\d+)/)?.[1] ?? 1);
      throw new Error(`${chunk[k - 1]?.what ?? "a name"}: ${message.slice(message.lastIndexOf("): ") + 3)}`, { cause: error });
    }
  }
}

/**
 * The corrections of a file, checked by the engine as it will apply them.
 * @param {unknown} list
 * @returns {Correction[]}
 */
function parseCorrections(list) {
  must(Array.isArray(list), '"corrections"', "is not a list");
  /** @type {unknown[]} */ (list).forEach((c, k) => record(c, `correction ${k + 1}`, FIELDS));
  const corrections = /** @type {Correction[]} */ (list);
  const { text: fields, lengths } = encodeCorrections(corrections);
  checkCorrections(fields, lengths);
  return corrections.map((c) => /** @type {Correction} */ (Object.fromEntries(FIELDS.filter((f) => c[f] !== undefined).map((f) => [f, c[f]]))));
}

/**
 * The watchlist of a file.
 * @param {unknown} list
 * @returns {Star[]}
 */
function parseStars(list) {
  must(Array.isArray(list) && list.length <= MAX_STARS, '"stars"', `is not a list of at most ${MAX_STARS}`);
  const stars = /** @type {Star[]} */ (list);
  const names = [];
  stars.forEach((star, k) => {
    const what = `star ${k + 1}`;
    record(star, what, ["name", "also"]);
    must(star.also === undefined || Array.isArray(star.also), what, '"also" is not a list');
    names.push({ name: star.name, what }, ...(star.also ?? []).map((name) => ({ name, what })));
  });
  checkNames(names);
  return stars.map((star) => (star.also?.length ? { name: star.name, also: [...star.also] } : { name: star.name }));
}

/**
 * The memory of names of a file: whether it is on, and its articles.
 * @param {unknown} memory
 * @returns {ReadersData["memory"]}
 */
function parseMemory(memory) {
  record(memory, '"memory"', ["remember", "articles"]);
  const { remember, articles } = /** @type {{ remember: unknown, articles: unknown }} */ (memory);
  must(typeof remember === "boolean", '"remember"', "is not true or false");
  must(Array.isArray(articles), '"articles"', "is not a list");
  const names = [];
  /** @type {RememberedArticle[]} */ (articles).forEach((a, k) => {
    const what = `remembered article ${k + 1}`;
    record(a, what, ["url", "title", "site", "date", "lang", "names"]);
    must(isText(a.url, LIMITS.url) && /^https?:\/\//.test(a.url), what, "has no web address");
    must(isText(a.title, LIMITS.title) && !a.title.match(CONTROL), what, "has a bad title");
    must(isText(a.site, 300) && isText(a.lang, 8), what, "has a bad site or language");
    // A day ahead at most: clocks differ; a date to come would never expire.
    must(Number.isFinite(a.date) && a.date <= Date.now() + DAY, what, "has no date, or one to come");
    must(Array.isArray(a.names) && a.names.length <= LIMITS.names, what, `has no list of at most ${LIMITS.names} names`);
    a.names.forEach((n, j) => {
      const where = `${what}, name ${j + 1}`;
      record(n, where, ["name", "type", "count", "aliases"]);
      must(NAMED.includes(n.type), where, `has an unknown type "${n.type}"`);
      must(Number.isInteger(n.count) && n.count > 0, where, "has no count");
      must(Array.isArray(n.aliases) && n.aliases.length <= LIMITS.aliases, where, "has no list of other names");
      names.push({ name: n.name, what: where }, ...n.aliases.map((alias) => ({ name: alias, what: where })));
    });
  });
  checkNames(names);
  return { remember: Boolean(remember), articles: /** @type {RememberedArticle[]} */ (articles) };
}

/**
 * What an imported file's text holds, or why it is refused.
 * @param {string} text
 * @returns {Promise<ReadersData>}
 */
async function parseImport(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error("the file is not JSON");
  }
  await init({ module_or_path: new URL("../pkg/newslens_bg.wasm", import.meta.url) });
  if (Array.isArray(data)) {
    return { corrections: parseCorrections(data) };
  }
  record(data, "the file", ["kind", "version", "corrections", "stars", "memory"]);
  must(data.corrections || data.stars || data.memory, "the file", 'holds no "corrections", "stars" or "memory"');
  return {
    corrections: data.corrections === undefined ? undefined : parseCorrections(data.corrections),
    stars: data.stars === undefined ? undefined : parseStars(data.stars),
    memory: data.memory === undefined ? undefined : parseMemory(data.memory),
  };
}

/**
 * Stores what a file holds, each part in place of the stored one (the
 * memory through the background, its one writer; none of it when the
 * file's memory is off); resolves to how many remembered articles it kept.
 * @param {ReadersData} data
 */
async function store({ corrections, stars, memory }) {
  await settings.write({ ...(corrections && { corrections }), ...(stars && { stars }) });
  return memory ? invoke("importMemory", memory) : 0;
}

/**
 * Sets up the export and import; `changed()` shows the page's lists again
 * after an import.
 * @param {() => Promise<void>} changed
 */
export function setUpData(changed) {
  $("data-heading").textContent = t("optionsData");
  $("data-help").textContent = t("optionsDataHelp");
  $("export-data").textContent = t("optionsExport");
  $("import-label").textContent = t("optionsImport");

  $("export-data").addEventListener("click", async () => {
    const [{ corrections, stars, remember }, articles] = await Promise.all([settings.read("corrections", "stars", "remember"), invoke("exportMemory", {})]);
    const data = { kind: KIND, version: 2, corrections, stars, memory: { remember, articles } };
    // Compact: a full memory and many corrections stay under the import's
    // 10 MB (indented, 5 MB of memory alone would pass it).
    const file = new Blob([`${JSON.stringify(data)}\n`], { type: "application/json" });
    const link = Object.assign(document.createElement("a"), { href: URL.createObjectURL(file), download: "newslens-data.json" });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  });

  $("import-data").addEventListener("change", async (event) => {
    const input = /** @type {HTMLInputElement} */ (event.target);
    const [file] = input.files ?? [];
    input.value = "";
    if (!file) return;
    try {
      if (file.size > MAX_IMPORT_BYTES) {
        throw new Error(`the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
      }
      const data = await parseImport(await file.text());
      const kept = await store(data);
      await changed();
      status(t("optionsImportedAll", data.corrections?.length ?? 0, data.stars?.length ?? 0, kept));
    } catch (error) {
      status(t("optionsImportRefused", String(error?.message ?? error)));
    }
  });
}
