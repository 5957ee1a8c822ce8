// The engine in Chrome: it lives in an offscreen document's worker
// (extension/engine/), which outlives the service worker Chrome stops when
// idle, and goes when no page has been read for a while.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { launch, openAndRun, stopServiceWorker, waitFor } from "./harness.mjs";

// The offscreen documents of the extension, as the service worker sees them.
async function engineDocuments(browser) {
  const [worker] = browser.context.serviceWorkers();
  return worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ["OFFSCREEN_DOCUMENT"] })).map((c) => c.documentId));
}

test("a reading after Chrome stopped the service worker finds the engine it left", async () => {
  const browser = await launch();
  try {
    await openAndRun(browser, `${browser.pagesUrl}lemonde-1/source.html`);
    const [before] = await waitFor(() => engineDocuments(browser), (ids) => ids.length === 1, "the engine's document");
    const sidebar = await browser.openExtensionPage("sidebar/sidebar.html");
    await stopServiceWorker(browser, sidebar);
    await openAndRun(browser, `${browser.pagesUrl}guardian-1/source.html`);
    assert.deepEqual(await engineDocuments(browser), [before], "the same document, not a new one");
  } finally {
    await browser.close();
  }
});

test("the engine's document is closed once idle, and made again by the next reading", async () => {
  // Idle after a second rather than a quarter of an hour.
  const alter = async (dir) => {
    const path = join(dir, "engine/host.js");
    const text = await readFile(path, "utf8");
    assert.match(text, /IDLE_MS = 15 \* 60 \* 1000/);
    await writeFile(path, text.replace(/IDLE_MS = 15 \* 60 \* 1000/, "IDLE_MS = 1000"));
  };
  const browser = await launch({ alter });
  try {
    await openAndRun(browser, `${browser.pagesUrl}lemonde-1/source.html`);
    await waitFor(() => engineDocuments(browser), (ids) => ids.length === 0, "the idle engine's document closed");
    await openAndRun(browser, `${browser.pagesUrl}guardian-1/source.html`);
    assert.equal((await engineDocuments(browser)).length, 1);
  } finally {
    await browser.close();
  }
});

test("a call the engine refuses gets its error, and the next reading is read", async () => {
  const browser = await launch();
  try {
    await openAndRun(browser, `${browser.pagesUrl}lemonde-1/source.html`);
    const [worker] = browser.context.serviceWorkers();
    const refused = await worker.evaluate(() =>
      globalThis.newslensMessages.invoke("engineAnalyze", { text: "Bonjour.", lang: "xx" }).then(() => null, (error) => String(error.message)),
    );
    assert.match(refused ?? "", /xx/);
    await openAndRun(browser, `${browser.pagesUrl}guardian-1/source.html`);
  } finally {
    await browser.close();
  }
});
