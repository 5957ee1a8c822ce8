// Safe by construction: no request leaves 127.0.0.1 while newslens reads,
// paints and answers the sidebar, which a proxy that refuses and logs every
// other request would see from any part of the extension (the third test
// proves it); pages in scripts the models do not cover get no entities, a
// clear status, and stay as they were.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CHROMIUM_OWN_HOSTS } from "./browser.mjs";
import { launch, readJson, tabIdOf, waitFor } from "./harness.mjs";
import { readingAsksNothing, remoteSince } from "./network-checks.mjs";

for (const name of ["lemonde-1", "guardian-1", "heise", "la-nacion"]) {
  test(`${name}: no request beyond 127.0.0.1 from reading to sidebar`, async () => {
    const browser = await launch();
    try {
      await readingAsksNothing(browser, name, CHROMIUM_OWN_HOSTS);
    } finally {
      await browser.close();
    }
  });
}

// A test build whose extension pages and service worker may reach
// *.example (the shipped CSP allows 'self' alone, so that they cannot make
// a request), and whose service worker asks for one such address as it
// starts.
async function fetchingBuild(dir) {
  const path = join(dir, "manifest.json");
  const manifest = await readJson(path);
  const csp = manifest.content_security_policy;
  csp.extension_pages = csp.extension_pages.replace("connect-src 'self'", "connect-src 'self' https://*.example");
  await writeFile(path, JSON.stringify(manifest, null, 2));
  await appendFile(join(dir, "background.js"), '\nfetch("https://service-worker.example/").catch(() => {});\n');
  // The engine's worker, in Chrome's offscreen document, which the service
  // worker creates as it starts.
  await appendFile(join(dir, "engine/worker.js"), '\nfetch("https://engine.example/").catch(() => {});\n');
}

test("the check sees a request from the service worker, the engine's worker, the sidebar, the options page and a content script", async () => {
  const browser = await launch({ alter: fetchingBuild });
  try {
    const seen = () => remoteSince(browser, 0, CHROMIUM_OWN_HOSTS);
    await waitFor(seen, (urls) => urls.length === 2, "the service worker's and the engine's requests in the log");

    for (const [path, address] of [["sidebar/sidebar.html", "https://sidebar.example/"], ["options/options.html", "https://options.example/"]]) {
      const page = await browser.openExtensionPage(path);
      await page.evaluate((a) => fetch(a).then(() => null, () => null), address);
    }

    // A content script's world, as newslens's own run in.
    const page = await browser.newPage();
    const url = `${browser.fixturesUrl}living/index.html`;
    await page.goto(url, { waitUntil: "load" });
    const tabId = await tabIdOf(browser.worker, url);
    await browser.worker.evaluate((id) => chrome.scripting.executeScript({
      target: { tabId: id },
      func: () => fetch("https://content-script.example/").then(() => null, () => null),
    }), tabId);

    // The first two in either order: they start together.
    assert.deepEqual(seen().slice(0, 2).sort(), ["https://engine.example:443/", "https://service-worker.example:443/"]);
    assert.deepEqual(seen().slice(2), [
      "https://sidebar.example:443/",
      "https://options.example:443/",
      "https://content-script.example:443/",
    ]);
  } finally {
    await browser.close();
  }
});

// Opens fixture page `name`, runs newslens on it and waits for the
// analysis to end; asserts it ended well. Gives the page, its tab, the
// analysis as the worker keeps it and the page's body before the run.
async function readFixture(browser, name) {
  const page = await browser.context.newPage();
  const url = `${browser.pagesUrl}${name}/source.html`;
  await page.goto(url, { waitUntil: "load" });
  const body = await page.evaluate(() => document.body.outerHTML);
  const tabId = await tabIdOf(browser.worker, url);
  await browser.worker.evaluate((id) => globalThis.newslensRunOnTab(id), tabId);
  const info = await waitFor(
    () => browser.worker.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`], tabId),
    (s) => s?.state === "done" || s?.state === "error",
    "analysis done",
  );
  assert.equal(info.state, "done", JSON.stringify(info));
  return { page, tabId, info, body };
}

// German and Spanish pages are read in their language, with names of
// each kind.
for (const [name, lang] of [
  ["heise", "de"],
  ["la-nacion", "es"],
]) {
  test(`${name}: read as ${lang}`, async () => {
    const browser = await launch();
    try {
      const { info } = await readFixture(browser, name);
      assert.equal(info.analysis.lang, lang);
      assert.equal(info.analysis.status, "ok");
      const labels = new Set(info.analysis.entities.map((e) => e.label));
      assert.ok(labels.has("PER") || labels.has("ORG"), [...labels].join());
      assert.ok(labels.has("DATE") || labels.has("NUM") || labels.has("LOC"), [...labels].join());
    } finally {
      await browser.close();
    }
  });
}

for (const name of ["rtl-1", "qq"]) {
  test(`${name}: no entities, a clear status, the page intact`, async () => {
    const browser = await launch();
    try {
      const { page, tabId, info, body } = await readFixture(browser, name);
      assert.equal(info.analysis.status, "language not supported");
      assert.equal(info.analysis.entities.length, 0);
      const sidebar = await browser.context.newPage();
      await sidebar.goto(`chrome-extension://${browser.extensionId}/sidebar/sidebar.html?tab=${tabId}`);
      await sidebar.waitForFunction(() => /not supported/.test(document.getElementById("status").textContent));
      assert.equal(await page.evaluate(() => document.body.outerHTML), body);
    } finally {
      await browser.close();
    }
  });
}
