// The options page's corrections in Firefox ESR 140 and Debian's current
// ESR (options-corrections-checks.mjs says what each check does). The
// export itself is Chromium's test: Puppeteer hands over no download, so
// the import here reads the file an export writes.
import { after, before, describe, test } from "node:test";
import { FIREFOXES, launchFirefox } from "./firefox.mjs";
import { CORRECTIONS, badImportsRefused, roundTrip } from "./options-corrections-checks.mjs";

for (const firefox of FIREFOXES) {
  describe(`${firefox.name}: the options page's corrections`, () => {
    /** @type {{ browser?: any, options?: any }} */
    const pages = {};

    before(async () => {
      pages.browser = await launchFirefox(firefox);
      await pages.browser.worker.evaluate((corrections) => chrome.storage.local.set({ corrections }), CORRECTIONS);
      pages.options = await pages.browser.openExtensionPage("options/options.html");
    });
    after(() => pages.browser?.close());

    test("listed, exported, removed and imported back to the same state", () => roundTrip(pages, null));
    test("each bad import is refused with its reason, and changes nothing", () => badImportsRefused(pages));
  });
}
