// The built extension in headless Chromium, on real news pages served from
// 127.0.0.1: highlights, legend, sidebar, automatic runs, the fallback
// painter, unsupported scripts, and no request beyond 127.0.0.1.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { DIST, launch, paintedByLabel, readJson, screenshot, tabIdOf } from "./harness.mjs";

describe("the shipped manifests", () => {
  for (const browser of ["chrome", "firefox"]) {
    test(`${browser}: MV3, no host access at install, wasm allowed, network closed`, async () => {
      const m = await readJson(join(DIST, browser, "manifest.json"));
      assert.equal(m.manifest_version, 3);
      assert.equal(m.host_permissions, undefined, "no blanket host access");
      assert.deepEqual(m.optional_host_permissions, ["http://*/*", "https://*/*"]);
      assert.ok(m.permissions.includes("activeTab"));
      const csp = m.content_security_policy.extension_pages;
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
      assert.match(csp, /connect-src 'self'/);
      assert.equal(m.content_scripts, undefined, "content scripts only on demand");
      if (browser === "chrome") {
        assert.equal(m.background.service_worker, "background.js");
        assert.equal(m.side_panel.default_path, "sidebar/sidebar.html");
      } else {
        assert.deepEqual(m.background.scripts, ["background.js"]);
        assert.equal(m.sidebar_action.default_panel, "sidebar/sidebar.html");
        assert.ok(m.browser_specific_settings.gecko.id);
      }
    });
  }
});

describe("newslens on lemonde-1", () => {
  let browser;
  let page;
  let tabId;
  let painted;
  let triggeredAt;

  before(async () => {
    browser = await launch();
    page = await browser.context.newPage();
    const url = `${browser.pagesUrl}lemonde-1/source.html`;
    await page.goto(url, { waitUntil: "load" });
    tabId = await tabIdOf(browser.worker, url);
    triggeredAt = Date.now();
    // What the toolbar button runs.
    await browser.worker.evaluate((id) => globalThis.newslensRunOnTab(id), tabId);
    await page.waitForFunction(() => CSS.highlights.has("newslens-PER"), null, { timeout: 15_000 });
    painted = await paintedByLabel(page);
    await page.evaluate(() => [...CSS.highlights.get("newslens-PER")][0].startContainer.parentElement.scrollIntoView({ block: "center" }));
    await screenshot(page, "lemonde-1-page");
  });
  after(() => browser?.close());

  test("highlights the article's people, places and organisations", () => {
    // Named in the article; a model may miss one of each, not more.
    const people = ["François Hollande", "Sergio Coronado", "Patrick Devedjian", "Claude Goasguen", "Aurélie Filipetti"];
    const organisations = ["Sénat", "Conseil constitutionnel", "Assemblée nationale", "UMP", "CNIL"];
    assert.ok(people.filter((p) => painted.PER.includes(p)).length >= 4, `people highlighted: ${painted.PER}`);
    assert.ok(organisations.filter((o) => painted.ORG.includes(o)).length >= 4, `organisations highlighted: ${painted.ORG}`);
    assert.ok(painted.LOC.length >= 2, `places highlighted: ${painted.LOC}`);
    assert.ok(painted.DATE.includes("mardi 5 mai"), `dates: ${painted.DATE}`);
    assert.ok(painted.NUM.includes("438"), `figures: ${painted.NUM}`);
  });

  test("uses the Custom Highlight API, leaving the DOM untouched", async () => {
    assert.equal(await page.locator("newslens-mark").count(), 0);
  });

  test("shows a legend", async () => {
    assert.equal(await page.locator("newslens-legend").count(), 1);
  });

  test("the sidebar lists the entities grouped by type with mention counts", async () => {
    const sidebar = await browser.context.newPage();
    await sidebar.goto(`chrome-extension://${browser.extensionId}/sidebar/sidebar.html?tab=${tabId}`);
    await sidebar.waitForSelector(".nl-type");
    const list = await sidebar.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll(".nl-type")].map((section) => [
          section.dataset.label,
          [...section.querySelectorAll(".nl-entity")].map((item) => [item.querySelector(".nl-name").textContent, item.querySelector(".nl-count").textContent]),
        ]),
      ),
    );
    const names = (label) => (list[label] ?? []).map(([name]) => name);
    assert.ok(names("PER").includes("François Hollande"), `people: ${names("PER")}`);
    assert.ok(names("ORG").includes("Conseil constitutionnel"), `organisations: ${names("ORG")}`);
    assert.ok(names("LOC").length > 0, "places listed");
    assert.deepEqual(list.ORG.find(([name]) => name === "Conseil constitutionnel")[1], `×${painted.ORG.filter((o) => o === "Conseil constitutionnel").length}`);
    assert.match(await sidebar.locator("#status").textContent(), /language: fr/);
    await screenshot(sidebar, "lemonde-1-sidebar");
    await sidebar.close();
  });

  test("closing the legend removes every highlight", async () => {
    await browser.worker.evaluate((id) => chrome.scripting.executeScript({ target: { tabId: id }, func: () => globalThis.newslensContent.clear() }), tabId);
    assert.equal(await page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith("newslens-")).length), 0);
    assert.equal(await page.locator("newslens-legend").count(), 0);
  });

  test("made no request beyond 127.0.0.1", () => {
    const since = browser.requests.filter((r) => r.time >= triggeredAt);
    const remote = since.filter((r) => !r.local);
    assert.deepEqual(remote.map((r) => r.url), [], "requests after the trigger");
    const extension = browser.requests.filter((r) => r.url.startsWith("chrome-extension://") || r.fromWorker);
    assert.ok(extension.every((r) => r.url.startsWith("chrome-extension://")), JSON.stringify(extension));
  });
});

describe("pages on enabled sites", () => {
  test("run by themselves once the site is enabled, and stop when it is not", async () => {
    const browser = await launch();
    try {
      const origin = new URL(browser.pagesUrl).origin;
      await browser.worker.evaluate((o) => globalThis.newslensSetSiteEnabled(o, true), origin);
      const page = await browser.context.newPage();
      await page.goto(`${browser.pagesUrl}liberation-1/source.html`);
      await page.waitForFunction(() => CSS.highlights.size > 0, null, { timeout: 15_000 });
      const painted = await paintedByLabel(page);
      assert.ok(Object.values(painted).flat().length > 5, JSON.stringify(painted));

      await browser.worker.evaluate((o) => globalThis.newslensSetSiteEnabled(o, false), origin);
      await page.reload({ waitUntil: "load" });
      await page.waitForTimeout(1500);
      assert.equal(await page.evaluate(() => CSS.highlights.size), 0);
    } finally {
      await browser.close();
    }
  });
});

describe("where the Highlight API is missing", () => {
  test("marks keep the page's layout and text, and go away without a trace", async () => {
    const browser = await launch();
    try {
      const page = await browser.context.newPage();
      const url = `${browser.pagesUrl}lemonde-1/source.html`;
      await page.goto(url, { waitUntil: "load" });
      const tabId = await tabIdOf(browser.worker, url);
      const snapshot = () =>
        page.evaluate(() => {
          const body = document.querySelector('[itemprop="articleBody"]');
          return { text: body.textContent, height: body.getBoundingClientRect().height, paragraphs: [...body.querySelectorAll("p")].map((p) => p.getBoundingClientRect().height) };
        });
      const before = await snapshot();
      // Hide the API from newslens's isolated world, where its content scripts run.
      await browser.worker.evaluate((id) => chrome.scripting.executeScript({ target: { tabId: id }, func: () => { globalThis.Highlight = undefined; } }), tabId);
      await browser.worker.evaluate((id) => globalThis.newslensRunOnTab(id), tabId);
      await page.waitForSelector("newslens-mark", { state: "attached", timeout: 15_000 });
      const marked = await snapshot();
      const painted = await paintedByLabel(page);
      assert.ok(painted.PER.includes("François Hollande"), `${painted.PER}`);
      assert.equal(marked.text, before.text, "same text");
      assert.deepEqual(marked.paragraphs, before.paragraphs, "same paragraph heights");
      assert.equal(marked.height, before.height);
      await screenshot(page, "lemonde-1-marks");

      await browser.worker.evaluate((id) => chrome.scripting.executeScript({ target: { tabId: id }, func: () => globalThis.newslensContent.clear() }), tabId);
      assert.equal(await page.locator("newslens-mark").count(), 0);
      assert.deepEqual(await snapshot(), before);
    } finally {
      await browser.close();
    }
  });
});

describe("scripts the models do not cover", () => {
  for (const name of ["rtl-1", "qq"]) {
    test(`${name}: no entities, a clear status, the page intact`, async () => {
      const browser = await launch();
      try {
        const page = await browser.context.newPage();
        const url = `${browser.pagesUrl}${name}/source.html`;
        await page.goto(url, { waitUntil: "load" });
        const text = await page.evaluate(() => document.body.innerText);
        const tabId = await tabIdOf(browser.worker, url);
        await browser.worker.evaluate((id) => globalThis.newslensRunOnTab(id), tabId);
        const info = await browser.worker.evaluate(async (id) => {
          for (let i = 0; i < 100; i++) {
            const state = (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`];
            if (state?.state === "done" || state?.state === "error") {
              return state;
            }
            await new Promise((r) => setTimeout(r, 100));
          }
          return null;
        }, tabId);
        assert.equal(info?.state, "done", JSON.stringify(info));
        assert.equal(info.analysis.status, "language not supported");
        assert.equal(info.analysis.entities.length, 0);
        assert.equal(await page.evaluate(() => document.body.innerText), text);
      } finally {
        await browser.close();
      }
    });
  }
});
