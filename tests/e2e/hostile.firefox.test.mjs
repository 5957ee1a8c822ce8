// The hostile pages in Firefox, ESR 140 and Debian's current ESR, where the
// stylesheet goes in as a user sheet, the interface in the top layer from a
// closed shadow root, and the page is seen through Xray wrappers: page CSS
// aimed at newslens, a page that defined its element name first, a
// transformed page, a page dense with names, × after a single-page
// navigation, popstate events the page fakes and a page rewritten with
// document.open().
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { runOn, tabIdOf } from "./harness.mjs";
import { FIREFOXES, launchFirefox } from "./firefox.mjs";
import { denseCapped, fakePopstateIgnored, highlightsVisible, legendInCorner, legendWorks, rewrittenReadAnew, startTicker, styleLeavesAfterNavigation } from "./hostile-checks.mjs";

// As in dense.test.mjs: a bound on how long the page's own timer may wait,
// loose enough for a loaded machine.
const DENSE_LONGEST_HOLD_MS = 2500;

for (const firefox of FIREFOXES) {
  describe(`${firefox.name}: hostile pages`, () => {
    let browser;
    before(async () => {
      browser = await launchFirefox(firefox);
    });
    after(() => browser?.close());

    // Opens `path` among the project's test pages in a new tab, has
    // newslens read it, and runs `fn` on it.
    // `before(page)` runs once the page is loaded, before newslens reads it.
    /** @param {(page: any) => Promise<void>} [before] */
    async function onPage(path, fn, before = async () => {}) {
      const page = await browser.newPage();
      try {
        const url = `${browser.fixturesUrl}${path}`;
        await page.goto(url, { waitUntil: "load" });
        await before(page);
        const tabId = await tabIdOf(browser.worker, url);
        assert.ok(tabId, "the tab found");
        await runOn(browser, tabId);
        await fn({ browser, page, tabId });
      } finally {
        await page.close();
      }
    }

    test("page CSS aimed at newslens: highlights still show, the legend over the banner, × reachable", () =>
      onPage("hostile/hostile-css.html", async (on) => {
        await highlightsVisible(on);
        await legendWorks(on);
      }));

    test("a page that defined newslens-ui first still gets the legend", () =>
      onPage("hostile/squat.html?how=disabled", legendWorks));

    test("under a transformed, contained root and body, the legend stays in the window's corner", () =>
      onPage("hostile/transformed.html", legendInCorner));

    test("a page of 138,000 mentions: the first ones painted, the rest said, the page kept responsive", () =>
      onPage("hostile/dense.html", (on) => denseCapped(on, DENSE_LONGEST_HOLD_MS), startTicker));

    test("after a single-page navigation, × still takes the stylesheet away", () =>
      onPage("living/index.html", styleLeavesAfterNavigation));

    test("popstate events the page fakes start no reading; the browser's own does", () => onPage("living/index.html", fakePopstateIgnored));

    test("a page that rewrites itself with document.open() is read anew, its legend back", () => onPage("hostile/rewrite.html", rewrittenReadAnew));
  });
}
