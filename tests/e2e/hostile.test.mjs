// Pages that get in newslens's way: one that defined its interface's
// element name first, one whose CSS aims at its highlights and hides
// foreign elements under a banner, one whose root and body are transformed
// and contained. The reader still gets visible highlights and a legend in
// the window's corner with a reachable ×, or, where the page refuses any
// interface, the page as it was and a sidebar that says so.
import { test } from "node:test";
import assert from "node:assert/strict";
import { describe as describeContent, launch, paintedByLabel, screenshot, tabIdOf, waitFor } from "./harness.mjs";
import { highlightsVisible, legendInCorner, legendWorks, onTestPage, styledByNewslens, tabState } from "./hostile-checks.mjs";

for (const how of ["shadow", "disabled"]) {
  test(`a page that defined newslens-ui first (${how}) still gets the legend, and × removes it`, () =>
    onTestPage(`hostile/squat.html?how=${how}`, async (on) => {
      await waitFor(() => tabState(on.browser, on.tabId), (s) => s?.state === "done", "the sidebar told done");
      assert.equal(await on.page.evaluate(() => customElements.get("newslens-ui") !== undefined), true, "the page's own definition stands");
      await legendWorks(on);
    }));
}

test("a page that refuses any interface is left as it was, and the sidebar is not told done", async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const url = `${browser.fixturesUrl}hostile/squat.html?how=disabled`;
    await page.goto(url, { waitUntil: "load" });
    const tabId = await tabIdOf(browser.worker, url);
    const body = await page.evaluate(() => document.body.outerHTML);
    // Every shadow root refused, in newslens's own world: no element name
    // can help.
    await browser.worker.evaluate((id) => chrome.scripting.executeScript({
      target: { tabId: id },
      func: () => {
        Element.prototype.attachShadow = () => {
          throw new DOMException("refused", "NotSupportedError");
        };
      },
    }), tabId);
    await browser.worker.evaluate((id) => globalThis.newslensRunOnTab(id), tabId);
    // "running" until the page answers; never "done".
    const state = await waitFor(() => tabState(browser, tabId), (s) => s?.state !== "running", "the tab's state after the reading", 20_000);
    assert.equal(state.state, "error");
    assert.match(state.error, /could not show its legend/);
    assert.equal(state.page.url, url, "the sidebar still knows the page");
    assert.equal((await describeContent(browser, tabId)).active, false);
    assert.deepEqual(Object.values(await paintedByLabel(page)).flat(), [], "no highlight without a legend");
    assert.equal(await page.evaluate(() => document.body.outerHTML), body);
    assert.equal(await page.evaluate(() => document.documentElement.children.length), 2, "head and body, nothing of newslens's");
    await waitFor(() => styledByNewslens(page), (styled) => !styled, "the stylesheet gone");
  } finally {
    await browser.close();
  }
});

test("page CSS aimed at newslens's highlights with !important: they still show", () =>
  onTestPage("hostile/hostile-css.html", async (on) => {
    await highlightsVisible(on);
    await screenshot(on.page, "hostile-css");
  }));

test("page CSS hiding foreign elements under a banner: the legend is drawn over it, × reachable", () =>
  onTestPage("hostile/hostile-css.html", legendWorks));

test("under a transformed, contained root and body, the legend stays in the window's corner", () =>
  onTestPage("hostile/transformed.html", async (on) => {
    await legendInCorner(on);
    await screenshot(on.page, "transformed");
    await legendWorks(on);
  }));
