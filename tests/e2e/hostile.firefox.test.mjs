// The hostile pages in Firefox, ESR 140 and Debian's current ESR, where the
// stylesheet goes in as a user sheet, the interface in the top layer from a
// closed shadow root, and the page is seen through Xray wrappers: page CSS
// aimed at newslens, a page that defined its element name first, a
// transformed page, and × after a single-page navigation.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { runOn, tabIdOf } from "./harness.mjs";
import { FIREFOXES, launchFirefox } from "./firefox.mjs";
import { highlightsVisible, legendInCorner, legendWorks, styleLeavesAfterNavigation } from "./hostile-checks.mjs";

for (const firefox of FIREFOXES) {
  describe(`${firefox.name}: hostile pages`, () => {
    let browser;
    before(async () => {
      browser = await launchFirefox(firefox);
    });
    after(() => browser?.close());

    // Opens `path` among the project's test pages in a new tab, has
    // newslens read it, and runs `fn` on it.
    async function onPage(path, fn) {
      const page = await browser.newPage();
      try {
        const url = `${browser.fixturesUrl}${path}`;
        await page.goto(url, { waitUntil: "load" });
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

    test("after a single-page navigation, × still takes the stylesheet away", () =>
      onPage("living/index.html", styleLeavesAfterNavigation));
  });
}
