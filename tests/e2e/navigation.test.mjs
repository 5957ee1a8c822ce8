// Pages that change what they are without loading a new page: a
// single-page navigation (pushState) keeps newslens's stylesheet known, so
// that × still takes it away; popstate events the page fakes start no
// reading, the browser's own do; a page that writes itself anew with
// document.open() is read anew, legend included.
import { test } from "node:test";
import assert from "node:assert/strict";
import { describe as describeContent, paintedByLabel, settled, waitFor } from "./harness.mjs";
import { legendOf, onTestPage, styleLeavesAfterNavigation, styledByNewslens, turnOff } from "./hostile-checks.mjs";

const people = async (page) => (await paintedByLabel(page)).PER;

test("after a single-page navigation, × still takes newslens's stylesheet away", () =>
  onTestPage("living/index.html", styleLeavesAfterNavigation));

test("popstate events the page fakes start no reading; the browser's own does", () =>
  onTestPage("living/index.html", async ({ browser, page, tabId }) => {
    const before = await describeContent(browser, tabId);
    await page.evaluate(() => {
      for (let i = 0; i < 200; i++) {
        dispatchEvent(new PopStateEvent("popstate", { state: { i } }));
      }
    });
    // A reading they asked for would be scheduled, running or counted in
    // runs until newslens settles.
    assert.equal((await settled(browser, tabId)).runs, before.runs, "no reading started");

    // The browser's own, for a history entry at another address.
    await page.evaluate(() => window.living.navigate());
    await waitFor(() => describeContent(browser, tabId), (d) => d.runs === before.runs + 1 && !d.scheduled, "the navigation read");
    await page.goBack({ waitUntil: "commit" });
    await waitFor(() => describeContent(browser, tabId), (d) => d.runs === before.runs + 2, "the way back read");
  }));

test("a page that rewrites itself with document.open() is read anew, its legend back", () =>
  onTestPage("hostile/rewrite.html", async ({ browser, page, tabId }) => {
    assert.ok((await people(page)).includes("Haider al-Abadi"));
    await page.evaluate(() => window.rewrite());
    await waitFor(() => people(page), (p) => p.includes("Bernard Cazeneuve") && !p.includes("Haider al-Abadi"), "the new document read");
    const dead = await page.evaluate(() => [...CSS.highlights.values()].flatMap((h) => [...h]).filter((r) => !r.startContainer.isConnected).length);
    assert.equal(dead, 0, "no range left in the old document");
    const legend = await waitFor(() => legendOf(browser, tabId), (l) => l?.ticks.includes("PER"), "the legend back");
    assert.ok(legend.rect.width > 50, JSON.stringify(legend.rect));
    assert.ok(await styledByNewslens(page), "the stylesheet still applies");
    await turnOff(browser, page, tabId);
    assert.equal((await describeContent(browser, tabId)).active, false);
  }));
