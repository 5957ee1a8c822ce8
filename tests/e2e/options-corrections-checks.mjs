// What the options page's corrections tests check in Chromium
// (options-corrections.test.mjs) and Firefox
// (options-corrections.firefox.test.mjs): the corrections listed (a name
// with markup shown as text), exported as one JSON file (in Chromium, which
// hands the test its downloads), removed, imported back to the same stored
// state; and every bad import refused with its reason, the stored state
// left byte for byte as it was. Each check takes { browser, options }: a
// browser whose storage holds CORRECTIONS, and its options page; the page's
// calls are those Playwright's and Puppeteer's pages share.
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "./harness.mjs";

export const CORRECTIONS = [
  { name: "Orange", lang: "fr", type: "ORG" },
  { name: "Premier", type: "none" },
  { name: "Macron", lang: "fr", same_as: "Emmanuel Macron" },
  { name: "AT&T", lang: "en", type: "ORG" },
];

/** Everything the extension stores, as JSON text: compared byte for byte. */
const storedState = (browser) => browser.worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
/** The text of each element `selector` finds in `page`. */
const texts = (page, selector) => page.evaluate((s) => [...document.querySelectorAll(s)].map((e) => e.textContent), selector);
const listed = (options) => texts(options, "#corrections li");
const status = async (options) => (await texts(options, "#corrections-status"))[0];

/**
 * Imports a file of `content` (text) into `options`, as a reader picks one,
 * and resolves to the status the page then shows.
 * @param {any} options
 * @param {string} content
 */
async function importFile(options, content) {
  await options.evaluate(() => (document.getElementById("corrections-status").textContent = ""));
  const dir = await mkdtemp(join(tmpdir(), "newslens-import-"));
  try {
    const file = join(dir, "corrections.json");
    await writeFile(file, content);
    const input = await options.$("#import-corrections");
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
 * Listed, then (where `exportText` can read a download) exported; removed;
 * imported back to the same stored state.
 * @param {{ browser?: any, options?: any }} pages
 * @param {((options: any) => Promise<string>) | null} exportText the export's file, as text
 */
export async function roundTrip({ browser, options }, exportText) {
  await waitFor(() => listed(options), (items) => items.length === CORRECTIONS.length, "the corrections listed");
  assert.match((await listed(options))[0], /^Orange \(fr\) → organisation/);
  assert.match((await listed(options))[2], /^Macron \(fr\) → same as Emmanuel Macron/);
  const before = await storedState(browser);
  // Where the browser hands over no download, the file the export writes.
  const exported = exportText ? await exportText(options) : JSON.stringify({ kind: "newslens corrections", version: 1, corrections: CORRECTIONS });
  assert.deepEqual(JSON.parse(exported).corrections, CORRECTIONS);
  await options.click("#clear-corrections");
  await waitFor(() => listed(options), (items) => items.length === 0, "no correction left");
  assert.equal(await options.evaluate(() => document.getElementById("no-corrections").hidden), false);
  assert.match(await importFile(options, exported), /4 corrections imported/);
  assert.equal(await storedState(browser), before, "the same stored state, byte for byte");
  assert.equal((await listed(options)).length, CORRECTIONS.length);
}

/**
 * Each bad import is refused with its reason, and changes nothing; markup
 * in a stored name is shown as text.
 * @param {{ browser?: any, options?: any }} pages
 */
export async function badImportsRefused({ browser, options }) {
  const before = await storedState(browser);
  /** @type {[string, string, RegExp][]} */
  const cases = [
    ["not JSON", "{oops", /not JSON/],
    ["the wrong shape", JSON.stringify({ stars: [] }), /no "corrections" list/],
    ["not an object", JSON.stringify({ corrections: ["Orange"] }), /correction 1 is not an object/],
    ["an unknown field", JSON.stringify({ corrections: [{ name: "Orange", kind: "ORG" }] }), /unknown field "kind"/],
    ["larger than 10 MB", JSON.stringify({ corrections: [] }) + " ".repeat(10 * 1024 * 1024), /larger than 10 MB/],
    ["markup in a name", JSON.stringify({ corrections: [{ name: "<img src=x onerror=alert(1)>", type: "PER" }] }), /markup/],
    ["a control character", JSON.stringify({ corrections: [{ name: "Mac\u0007ron", type: "PER" }] }), /control character/],
    ["an unknown type", JSON.stringify({ corrections: [{ name: "Orange", type: "CITY" }] }), /unknown type "CITY"/],
    ["a field not a string", JSON.stringify({ corrections: [{ name: 5, type: "PER" }] }), /"name" is not a string/],
  ];
  for (const [what, content, reason] of cases) {
    const shown = await importFile(options, content);
    assert.match(shown, /^Nothing imported: /, what);
    assert.match(shown, reason, what);
    assert.equal(await storedState(browser), before, `${what}: the stored state unchanged`);
  }
  // Markup is shown as text, never as HTML.
  await browser.worker.evaluate(() => chrome.storage.local.set({ corrections: [{ name: "<b>Bold</b>", type: "ORG" }] }));
  const again = await browser.openExtensionPage("options/options.html");
  await waitFor(() => listed(again), (items) => items.length === 1, "the stored name listed");
  assert.match((await listed(again))[0], /^<b>Bold<\/b> → organisation/);
  assert.equal((await texts(again, "#corrections b")).length, 0);
}
