// Living pages in Firefox, ESR 140 and Debian's current ESR: text that
// arrives later is read in a batch, a single-page navigation is read anew,
// newslens's own changes and a ticking clock start nothing, and × stops the
// watching.
import { after, before, describe, test } from "node:test";
import { openAndRun } from "./harness.mjs";
import { FIREFOXES, launchFirefox } from "./firefox.mjs";
import { offStopsWatching, readAgainAfterChanges } from "./living-checks.mjs";

for (const firefox of FIREFOXES) {
  describe(`${firefox.name}: a living page`, () => {
    let browser;
    before(async () => {
      browser = await launchFirefox(firefox);
    });
    after(() => browser?.close());

    // The living page in a new tab, read, for `check`.
    async function onLivingPage(check) {
      const { page, tabId } = await openAndRun(browser, `${browser.fixturesUrl}living/index.html`);
      try {
        await check({ browser, page, tabId });
      } finally {
        await page.close();
      }
    }

    test("read again after it changes, and not after newslens changes it", () => onLivingPage(readAgainAfterChanges));

    test("turning newslens off removes every trace and stops watching", () => onLivingPage(offStopsWatching));
  });
}
