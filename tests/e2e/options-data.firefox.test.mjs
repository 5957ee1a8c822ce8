// The options page's data (corrections, watchlist, memory of names) in
// Firefox ESR 140 and Debian's current ESR (options-data-checks.mjs says
// what each check does). The export itself is Chromium's test: Puppeteer
// hands over no download, so the import here reads the file an export
// writes.
import { after, before, describe, test } from "node:test";
import { FIREFOXES, launchFirefox } from "./firefox.mjs";
import { badImportsRefused, roundTrip, seed } from "./options-data-checks.mjs";

for (const firefox of FIREFOXES) {
  describe(`${firefox.name}: the options page's data`, () => {
    /** @type {{ browser?: any, options?: any }} */
    const pages = {};

    before(async () => {
      pages.browser = await launchFirefox(firefox);
      await seed(pages.browser);
      pages.options = await pages.browser.openExtensionPage("options/options.html");
    });
    after(() => pages.browser?.close());

    test("listed, exported, cleared and imported back to the same state", () => roundTrip(pages, null));
    test("each bad import is refused with its reason, and changes nothing", () => badImportsRefused(pages));
  });
}
