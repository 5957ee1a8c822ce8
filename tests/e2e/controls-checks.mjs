// What the controls tests check in Chromium (controls.test.mjs) and Firefox
// (controls.firefox.test.mjs): the sites that run by themselves, the
// options page and the interface in French. The pages' calls are those Playwright's and Puppeteer's pages
// share.
import assert from "node:assert/strict";
import { describe as describeContent, openAndRun, openSidebar, tabIdOf, waitFor } from "./harness.mjs";

const stored = (browser, keys) => browser.worker.evaluate((k) => chrome.storage.local.get(k), keys);

// The colour the content script of tab `tabId` paints `label` in.
const colourInPage = (browser, tabId, label) =>
  browser.worker.evaluate(async ([id, l]) => {
    const [r] = await chrome.scripting.executeScript({ target: { tabId: id }, args: [l], func: (x) => globalThis.newslensPalette.colour(x) });
    return r.result;
  }, [tabId, label]);

// A site the reader enabled is read as soon as one of its pages loads;
// once disabled, nothing is left registered to read it, and a page loaded
// then is not read.
export async function siteRunsByItself(browser) {
  const origin = new URL(browser.pagesUrl).origin;
  const url = `${browser.pagesUrl}guardian-1/source.html`;
  const registered = () => browser.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts().then((all) => all.map((s) => s.id)));
  await browser.worker.evaluate((o) => globalThis.newslensSetSiteEnabled(o, true), origin);
  assert.deepEqual(await registered(), ["newslens-auto"], "the site's content script registered");
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: "load" });
  const tabId = await tabIdOf(browser.worker, url);
  await waitFor(() => describeContent(browser, tabId), (d) => d?.active && d.mentions > 0, "the page read by itself");
  await page.close();

  await browser.worker.evaluate((o) => globalThis.newslensSetSiteEnabled(o, false), origin);
  // What would read the page by itself is gone before it loads: that is
  // the proof; the page's state below only confirms it.
  assert.deepEqual(await registered(), [], "no content script left registered");
  const again = await browser.newPage();
  await again.goto(url, { waitUntil: "load" });
  assert.equal(await describeContent(browser, await tabIdOf(browser.worker, url)), null, "the page not read");
  await again.close();
}

// The options page: types shown and colours apply on the next run; the
// shortcuts are listed; a site the reader enabled is listed and removed;
// the colours go back to the palette's.
export async function optionsApply(browser) {
  let options = await browser.openExtensionPage("options/options.html");
  await options.waitForSelector("#show-LOC");
  await options.click("#show-LOC");
  // What choosing a colour in the picker sends.
  await options.evaluate(() => {
    const picker = /** @type {HTMLInputElement} */ (document.querySelector("input[type=color]"));
    picker.value = "#112233";
    picker.dispatchEvent(new Event("input", { bubbles: true }));
    picker.dispatchEvent(new Event("change", { bubbles: true }));
  });
  await waitFor(() => stored(browser, ["hiddenTypes", "colours"]), (s) => s.hiddenTypes?.includes("LOC") && s.colours?.PER === "#112233", "options saved");
  await waitFor(() => options.evaluate(() => document.querySelectorAll("#shortcuts li").length), (n) => n === 4, "the four shortcuts listed");

  const { page, tabId } = await openAndRun(browser, `${browser.pagesUrl}lemonde-1/source.html`);
  assert.equal(await page.evaluate(() => CSS.highlights.has("newslens-LOC")), false, "places not highlighted");
  assert.ok((await describeContent(browser, tabId)).hidden.includes("LOC"));
  assert.equal(await colourInPage(browser, tabId, "PER"), "#112233");

  const origin = new URL(browser.pagesUrl).origin;
  await browser.worker.evaluate((o) => globalThis.newslensSetSiteEnabled(o, true), origin);
  // Opened anew (Firefox's WebDriver BiDi reloads no extension page).
  await options.close();
  options = await browser.openExtensionPage("options/options.html");
  await options.waitForSelector("#sites button");
  await options.click("#sites button");
  await waitFor(() => stored(browser, "sites"), (s) => (s.sites ?? []).length === 0, "site removed");
  await options.click("#reset");
  await waitFor(() => stored(browser, "colours"), (s) => !s.colours, "colours reset");
}

// In a browser whose interface is French, the sidebar and the page's legend
// speak French.
export async function speaksFrench(browser) {
  const { tabId } = await openAndRun(browser, `${browser.pagesUrl}lemonde-1/source.html`);
  const sidebar = await openSidebar(browser, tabId);
  assert.equal(await sidebar.evaluate(() => document.getElementById("run").textContent), "Surligner cette page");
  const headings = await sidebar.evaluate(() => [...document.querySelectorAll(".nl-type-heading")].map((h) => h.textContent));
  assert.ok(headings.some((h) => h.includes("Personnes")), headings.join(" | "));
  const legend = (await describeContent(browser, tabId)).parts.find((p) => p.part === "legend");
  assert.match(legend.text, /Personnes/);
}
