// The options page's corrections in Chromium: listed (a name with markup
// shown as text), exported as one JSON file, removed, imported back to the
// same stored state; and every bad import refused with its reason, the
// stored state left byte for byte as it was.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { launch, waitFor } from "./harness.mjs";

const CORRECTIONS = [
  { name: "Orange", lang: "fr", type: "ORG" },
  { name: "Premier", type: "none" },
  { name: "Macron", lang: "fr", same_as: "Emmanuel Macron" },
  { name: "AT&T", lang: "en", type: "ORG" },
];

let browser;
let options;

before(async () => {
  browser = await launch();
  await browser.worker.evaluate((corrections) => chrome.storage.local.set({ corrections }), CORRECTIONS);
  options = await browser.openExtensionPage("options/options.html");
});
after(() => browser?.close());

/** Everything the extension stores, as JSON text: compared byte for byte. */
const storedState = () => browser.worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
const listed = () => options.locator("#corrections li").allTextContents();
const status = () => options.locator("#corrections-status").textContent();

/**
 * Imports a file of `content` (text, or a buffer) and resolves to the status
 * the page then shows.
 * @param {string | Buffer} content
 */
async function importFile(content) {
  await options.evaluate(() => (document.getElementById("corrections-status").textContent = ""));
  await options.setInputFiles("#import-corrections", { name: "corrections.json", mimeType: "application/json", buffer: Buffer.from(content) });
  return waitFor(status, Boolean, "the import's status");
}

test("listed, exported, removed and imported back to the same state", async () => {
  await waitFor(listed, (items) => items.length === CORRECTIONS.length, "the corrections listed");
  assert.match((await listed())[0], /^Orange \(fr\) → organisation/);
  assert.match((await listed())[2], /^Macron \(fr\) → same as Emmanuel Macron/);
  const before = await storedState();
  const [download] = await Promise.all([options.waitForEvent("download"), options.click("#export-corrections")]);
  const exported = await readFile(await download.path(), "utf8");
  assert.deepEqual(JSON.parse(exported).corrections, CORRECTIONS);
  await options.click("#clear-corrections");
  await waitFor(listed, (items) => items.length === 0, "no correction left");
  assert.equal(await options.locator("#no-corrections").isVisible(), true);
  assert.match(await importFile(exported), /4 corrections imported/);
  assert.equal(await storedState(), before, "the same stored state, byte for byte");
  assert.equal((await listed()).length, CORRECTIONS.length);
});

test("each bad import is refused with its reason, and changes nothing", async () => {
  const before = await storedState();
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
    const shown = await importFile(content);
    assert.match(shown, /^Nothing imported: /, what);
    assert.match(shown, reason, what);
    assert.equal(await storedState(), before, `${what}: the stored state unchanged`);
  }
  // Markup is shown as text, never as HTML.
  await browser.worker.evaluate(() => chrome.storage.local.set({ corrections: [{ name: "<b>Bold</b>", type: "ORG" }] }));
  await options.reload();
  await waitFor(listed, (items) => items.length === 1, "the stored name listed");
  assert.match((await listed())[0], /^<b>Bold<\/b> → organisation/);
  assert.equal(await options.locator("#corrections b").count(), 0);
});
