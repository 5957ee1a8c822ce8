// What the options page's data tests check in Chromium
// (options-data.test.mjs) and Firefox (options-data.firefox.test.mjs): the
// corrections and the watchlist listed (a name with markup shown as text),
// the memory's size shown; all three exported as one JSON file (in
// Chromium, which hands the test its downloads), cleared, and imported back
// to the same state; a file of corrections only replacing the corrections
// alone, and nothing asked of the network meanwhile; every bad import
// refused with its reason, the stored state left byte for byte as it was.
// Each check takes { browser, options }: a browser whose storage holds what
// `seed` stores, and its options page opened after; the page's calls are
// those Playwright's and Puppeteer's pages share.
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "./harness.mjs";
import { remoteSince } from "./network-checks.mjs";

const CORRECTIONS = [
  { name: "Orange", lang: "fr", type: "ORG" },
  { name: "Premier", type: "none" },
  { name: "Macron", lang: "fr", same_as: "Emmanuel Macron" },
  { name: "AT&T", lang: "en", type: "ORG" },
];
const STARS = [{ name: "Emmanuel Macron", also: ["Macron"] }, { name: "Renault" }];
const ARTICLES = 3;

/**
 * Stores CORRECTIONS, STARS and ARTICLES remembered articles (through the
 * background's own recording, the memory turned on).
 * @param {any} browser
 */
export async function seed(browser) {
  await browser.worker.evaluate(
    async ([corrections, stars, n]) => {
      await chrome.storage.local.set({ corrections, stars, remember: true });
      const summary = [{ label: "PER", name: "Emmanuel Macron", aliases: ["Macron"], count: 3, salience: 1, mentions: [] }];
      const reading = { whole: false, short: false, words: 300, pageWords: 300 };
      for (let i = 0; i < n; i++) {
        const page = { url: `https://news.example/${i}`, title: `Article <${i}>`, site: "news.example", words: 300, truncated: false, reading };
        await globalThis.newslensRemember({}, page, { lang: "fr", status: "ok", entities: [], summary }, Date.now() - (n - i) * 60_000);
      }
    },
    [CORRECTIONS, STARS, ARTICLES],
  );
}

/** Everything the extension stores, as JSON text: compared byte for byte. */
const storedState = (browser) => browser.worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
/**
 * What the reader keeps, whatever its keys: the corrections, the stars,
 * whether the memory is on and its articles in order.
 */
const readersState = (browser) =>
  browser.worker.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    const index = /** @type {{ key: string }[]} */ (all.memoryIndex ?? []);
    return { corrections: all.corrections, stars: all.stars, remember: all.remember, articles: index.map((e) => all[e.key]) };
  });
/** The text of each element `selector` finds in `page`. */
const texts = (page, selector) => page.evaluate((s) => [...document.querySelectorAll(s)].map((e) => e.textContent), selector);
const listed = (options) => texts(options, "#corrections li");
const starred = (options) => texts(options, "#stars li");
const memorySize = async (options) => (await texts(options, "#memory-size"))[0];
const status = async (options) => (await texts(options, "#data-status"))[0];

/**
 * Imports a file of `content` (text) into `options`, as a reader picks one,
 * and resolves to the status the page then shows.
 * @param {any} options
 * @param {string} content
 */
async function importFile(options, content) {
  await options.evaluate(() => (document.getElementById("data-status").textContent = ""));
  const dir = await mkdtemp(join(tmpdir(), "newslens-import-"));
  try {
    const file = join(dir, "newslens-data.json");
    await writeFile(file, content);
    const input = await options.$("#import-data");
    // Puppeteer's handle uploads; Playwright's sets the files.
    if (input.uploadFile) {
      await input.uploadFile(file);
    } else {
      await input.setInputFiles(file);
    }
    return await waitFor(() => status(options), Boolean, "the import's status");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Listed, then (where `exportText` can read a download) exported; cleared;
 * imported back to the same state; and none of it asked for anything
 * beyond 127.0.0.1 (but the browser's own `ignored` hosts).
 * @param {{ browser?: any, options?: any, ignored?: Set<string> }} pages
 * @param {((options: any) => Promise<string>) | null} exportText the export's file, as text
 */
export async function roundTrip({ browser, options, ignored }, exportText) {
  const since = browser.requests.length;
  await waitFor(() => listed(options), (items) => items.length === CORRECTIONS.length, "the corrections listed");
  assert.match((await listed(options))[0], /^Orange \(fr\) → organisation/);
  assert.match((await listed(options))[2], /^Macron \(fr\) → same as Emmanuel Macron/);
  assert.deepEqual((await starred(options)).map((s) => s.replace(/Remove$/, "")), ["★ Emmanuel Macron (Macron)", "★ Renault"]);
  await waitFor(() => memorySize(options), (s) => s.startsWith(`${ARTICLES} articles remembered`), "the memory's size");
  const before = await readersState(browser);
  assert.equal(before.articles.length, ARTICLES);
  // Where the browser hands over no download, the file the export writes.
  const exported = exportText
    ? await exportText(options)
    : JSON.stringify({ kind: "newslens", version: 2, corrections: before.corrections, stars: before.stars, memory: { remember: true, articles: before.articles } });
  const file = JSON.parse(exported);
  assert.deepEqual([file.corrections, file.stars, file.memory.remember, file.memory.articles], [CORRECTIONS, STARS, true, before.articles]);

  await options.click("#clear-corrections");
  await options.click("#clear-stars");
  await options.click("#forget");
  await waitFor(() => readersState(browser), (s) => !s.corrections.length && !s.stars.length && !s.articles.length, "everything cleared");
  await waitFor(() => listed(options), (items) => items.length === 0, "no correction listed");
  assert.equal(await options.evaluate(() => document.getElementById("no-stars").hidden), false);

  assert.match(await importFile(options, exported), /Imported: 4 corrections, 2 stars, 3 remembered articles/);
  assert.deepEqual(await readersState(browser), before, "the same state");
  await waitFor(() => starred(options), (items) => items.length === STARS.length, "the stars listed again");
  await waitFor(() => memorySize(options), (s) => s.startsWith(`${ARTICLES} articles remembered`), "the memory's size again");

  // The command line's lexicon file (a bare list) replaces the corrections alone.
  assert.match(await importFile(options, JSON.stringify([CORRECTIONS[0]])), /Imported: 1 corrections, 0 stars, 0 remembered articles/);
  assert.deepEqual(await readersState(browser), { ...before, corrections: [CORRECTIONS[0]] });
  assert.deepEqual(remoteSince(browser, since, ignored), [], "nothing asked of the network");
}

/**
 * Each bad import is refused with its reason, and changes nothing; markup
 * in a stored name is shown as text.
 * @param {{ browser?: any, options?: any }} pages
 */
export async function badImportsRefused({ browser, options }) {
  const before = await storedState(browser);
  const article = { url: "https://news.example/a", title: "A", site: "news.example", date: Date.now(), lang: "fr", names: [] };
  const memory = (changes, name = null) => JSON.stringify({ memory: { remember: true, articles: [{ ...article, ...changes, names: name ? [name] : [] }] } });
  /** @type {[string, string, RegExp][]} */
  const cases = [
    ["not JSON", "{oops", /not JSON/],
    ["the wrong shape", JSON.stringify({ entities: [] }), /unknown field "entities"/],
    ["nothing of newslens's", JSON.stringify({ kind: "newslens", version: 2 }), /holds no "corrections", "stars" or "memory"/],
    ["not an object", JSON.stringify({ corrections: ["Orange"] }), /correction 1 is not an object/],
    ["an unknown field", JSON.stringify({ corrections: [{ name: "Orange", kind: "ORG" }] }), /unknown field "kind"/],
    ["larger than 10 MB", JSON.stringify({ corrections: [] }) + " ".repeat(10 * 1024 * 1024), /larger than 10 MB/],
    ["markup in a name", JSON.stringify({ corrections: [{ name: "<img src=x onerror=alert(1)>", type: "PER" }] }), /markup/],
    ["a control character", JSON.stringify({ corrections: [{ name: "Mac\u0007ron", type: "PER" }] }), /control character/],
    ["an unknown type", JSON.stringify({ corrections: [{ name: "Orange", type: "CITY" }] }), /unknown type "CITY"/],
    ["a field not a string", JSON.stringify({ corrections: [{ name: 5, type: "PER" }] }), /"name" is not a string/],
    ["markup in a star", JSON.stringify({ stars: [{ name: "Renault" }, { name: "<script>alert(1)</script>" }] }), /^.*star 2: a name holds markup/],
    ["a control character in a star's other name", JSON.stringify({ stars: [{ name: "Renault", also: ["Re\u0000nault"] }] }), /star 1: a name holds a control character/],
    ["a star not an object", JSON.stringify({ stars: ["Renault"] }), /star 1 is not an object/],
    ["an article without a web address", memory({ url: "javascript:alert(1)" }), /remembered article 1 has no web address/],
    ["an article without a date", memory({ date: "yesterday" }), /remembered article 1 has no date/],
    ["an article dated to come, which would never expire", memory({ date: Date.now() + 10 * 24 * 3600 * 1000 }), /remembered article 1 has no date, or one to come/],
    ["an unknown type in the memory", memory({}, { name: "Orange", type: "CITY", count: 1, aliases: [] }), /name 1 has an unknown type "CITY"/],
    ["markup in a remembered name", memory({}, { name: "<b>Orange</b>", type: "ORG", count: 1, aliases: [] }), /name 1: a name holds markup/],
    ["the memory's switch not a boolean", JSON.stringify({ memory: { remember: "yes", articles: [] } }), /"remember" is not true or false/],
  ];
  for (const [what, content, reason] of cases) {
    const shown = await importFile(options, content);
    assert.match(shown, /^Nothing imported: /, what);
    assert.match(shown, reason, what);
    assert.equal(await storedState(browser), before, `${what}: the stored state unchanged`);
  }
  // Markup is shown as text, never as HTML.
  await browser.worker.evaluate(() => chrome.storage.local.set({ corrections: [{ name: "<b>Bold</b>", type: "ORG" }], stars: [{ name: "<i>Star</i>" }] }));
  const again = await browser.openExtensionPage("options/options.html");
  await waitFor(() => listed(again), (items) => items.length === 1, "the stored name listed");
  assert.match((await listed(again))[0], /^<b>Bold<\/b> → organisation/);
  await waitFor(() => starred(again), (items) => items.length === 1, "the stored star listed");
  assert.match((await starred(again))[0], /^★ <i>Star<\/i>/);
  assert.equal((await texts(again, "#corrections b, #stars i")).length, 0);
}
