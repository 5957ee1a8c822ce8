// The demo page (dist/www) in headless Chromium: the seed article preloaded
// and highlighted, the entity list, live updates, nothing loaded from
// elsewhere.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { DIST, screenshot } from "./harness.mjs";
import { serve } from "../../www/serve.mjs";

let server;
let browser;
let page;
const requests = [];

before(async () => {
  server = await serve(join(DIST, "www"));
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(server.url);
  await page.waitForFunction(() => /mentions/.test(document.getElementById("status").textContent), null, { timeout: 15_000 });
});
after(async () => {
  await browser?.close();
  server?.server.close();
});

const marks = () => page.evaluate(() => [.../** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll("#preview mark"))].map((m) => [m.textContent, m.dataset.label]));

test("the seed article is preloaded and highlighted", async () => {
  const found = await marks();
  for (const [text, label] of [["Haider al-Abadi", "PER"], ["Syrie", "LOC"], ["AFP", "ORG"], ["jeudi", "DATE"], ["1.500", "NUM"]]) {
    assert.ok(found.some(([t, l]) => t === text && l === label), `${text} as ${label}`);
  }
  assert.match(await page.locator("#status").textContent(), /language fr/);
  await screenshot(page, "demo-seed");
});

test("the same summary view as the extension: brief, grouped mentions, aliases, figures", async () => {
  const alQaim = page.locator('.nl-type[data-label="LOC"] .nl-entity', { hasText: "Al-Qaïm" });
  assert.equal(await alQaim.locator(".nl-count").textContent(), "×6");
  assert.equal(await page.locator(".nl-brief li").count(), 3);
  assert.ok(await page.locator('.nl-type[data-label="ORG"] .nl-aliases', { hasText: "EI" }).count(), "EI an alias of Etat islamique");
  assert.ok((await page.locator('.nl-type[data-label="NUM"] .nl-name').allTextContents()).includes("1.500 terroristes"));
});

test("clicking an entity shows its mention in the preview; a toggle hides its type", async () => {
  await page.locator('.nl-type[data-label="LOC"] .nl-name', { hasText: "Syrie" }).click();
  assert.equal(await page.locator("#preview mark.current").textContent(), "Syrie");
  await page.locator('.nl-type[data-label="LOC"] .nl-toggle').uncheck();
  assert.ok(await page.locator('#preview mark[data-label="LOC"].hidden').count());
  await page.locator('.nl-type[data-label="LOC"] .nl-toggle').check();
  assert.equal(await page.locator('#preview mark[data-label="LOC"].hidden').count(), 0);
});

test("highlights follow the text as it is edited", async () => {
  await page.fill("#text", "The army entered Syria on Monday, said President Joe Biden.");
  await page.waitForFunction(() => /language en/.test(document.getElementById("status").textContent));
  const found = await marks();
  assert.deepEqual(found.map(([, l]) => l).sort(), ["DATE", "LOC", "PER"]);
  assert.ok(found.some(([t]) => t === "Joe Biden"));
});

test("page text is shown as text, never as HTML", async () => {
  await page.fill("#text", 'Paris <img src=x onerror="window.pwned=1"> <b>bold</b>');
  await page.waitForFunction(() => document.getElementById("preview").textContent.includes("<b>bold</b>"));
  assert.equal(await page.locator("#preview img, #preview b").count(), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
});

test("loads nothing but its own files", () => {
  const foreign = requests.filter((u) => !u.startsWith(server.url));
  assert.deepEqual(foreign, []);
});
