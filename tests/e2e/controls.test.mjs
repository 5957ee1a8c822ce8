// Controls: "always run on this site", the options page (types shown,
// colours, the site list, the shortcuts), and the interface in the
// browser's language.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { describe as describeContent, launch, openAndRun, openSidebar, waitFor } from "./harness.mjs";

const inContent = (browser, tabId, label) =>
  browser.worker.evaluate(async ([id, l]) => {
    const [r] = await chrome.scripting.executeScript({ target: { tabId: id }, args: [l], func: (x) => globalThis.newslensPalette.colour(x) });
    return r.result;
  }, [tabId, label]);

describe("sites the reader enabled", () => {
  test("run by themselves once enabled, and stop when not", async () => {
    const browser = await launch();
    try {
      const origin = new URL(browser.pagesUrl).origin;
      await browser.worker.evaluate((o) => globalThis.newslensSetSiteEnabled(o, true), origin);
      const page = await browser.context.newPage();
      await page.goto(`${browser.pagesUrl}liberation-1/source.html`);
      await page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith("newslens-")), null, { timeout: 15_000 });

      await browser.worker.evaluate((o) => globalThis.newslensSetSiteEnabled(o, false), origin);
      await page.reload({ waitUntil: "load" });
      await page.waitForTimeout(1500);
      assert.equal(await page.evaluate(() => CSS.highlights.size), 0);
    } finally {
      await browser.close();
    }
  });
});

describe("the options page", () => {
  test("types shown and colours apply on the next run; sites and shortcuts are listed", async () => {
    const browser = await launch();
    try {
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
      await options.locator("#show-LOC").uncheck();
      await options.locator('input[type=color]').first().fill("#112233");
      await waitFor(() => browser.worker.evaluate(() => chrome.storage.local.get(["hiddenTypes", "colours"])), (s) => s.hiddenTypes?.includes("LOC") && s.colours?.PER === "#112233", "options saved");
      assert.equal(await options.locator("#shortcuts li").count(), 4);

      const { page, tabId } = await openAndRun(browser, `${browser.pagesUrl}lemonde-1/source.html`);
      assert.equal(await page.evaluate(() => CSS.highlights.has("newslens-LOC")), false, "places not highlighted");
      assert.ok((await describeContent(browser, tabId)).hidden.includes("LOC"));
      assert.equal(await inContent(browser, tabId, "PER"), "#112233");

      const origin = new URL(browser.pagesUrl).origin;
      await browser.worker.evaluate((o) => globalThis.newslensSetSiteEnabled(o, true), origin);
      await options.reload();
      await options.getByRole("button", { name: "Remove" }).click();
      await waitFor(() => browser.worker.evaluate(() => chrome.storage.local.get("sites")), (s) => (s.sites ?? []).length === 0, "site removed");
      await options.locator("#reset").click();
      await waitFor(() => browser.worker.evaluate(() => chrome.storage.local.get("colours")), (s) => !s.colours, "colours reset");
    } finally {
      await browser.close();
    }
  });
});

describe("the interface in French", () => {
  test("sidebar, legend and card speak the browser's language", async () => {
    const browser = await launch({ locale: "fr" });
    try {
      const { tabId } = await openAndRun(browser, `${browser.pagesUrl}lemonde-1/source.html`);
      const sidebar = await openSidebar(browser, tabId);
      assert.equal(await sidebar.locator("#run").textContent(), "Surligner cette page");
      assert.ok((await sidebar.locator(".nl-type-heading").allTextContents()).some((h) => h.includes("Personnes")));
      const legend = (await describeContent(browser, tabId)).parts.find((p) => p.part === "legend");
      assert.match(legend.text, /Personnes/);
    } finally {
      await browser.close();
    }
  });
});
