// Never an empty click, in Firefox ESR 140 and Debian's current ESR: see
// whole-page-checks.mjs.
import { after, before, describe, test } from "node:test";
import { FIREFOXES, launchFirefox } from "./firefox.mjs";
import { noTextSaysSo, wholePageOffered } from "./whole-page-checks.mjs";

for (const firefox of FIREFOXES) {
  describe(`${firefox.name}: never an empty click`, () => {
    let browser;
    before(async () => {
      browser = await launchFirefox(firefox);
    });
    after(() => browser?.close());

    test("no article: the legend and the sidebar offer the whole page, remembered for the site", () => wholePageOffered({ browser, fixturesUrl: browser.fixturesUrl }));

    test("no text at all: the legend says so, and offers nothing", () => noTextSaysSo({ browser, fixturesUrl: browser.fixturesUrl }));
  });
}
