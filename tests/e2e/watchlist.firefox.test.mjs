// The watchlist in Firefox ESR 140 and Debian's current ESR
// (watchlist-checks.mjs says what each check does).
import { after, before, describe, test } from "node:test";
import { openNamingPages } from "./harness.mjs";
import { FIREFOXES, launchFirefox } from "./firefox.mjs";
import { starredEverywhere } from "./watchlist-checks.mjs";

for (const firefox of FIREFOXES) {
  describe(`${firefox.name}: watchlist`, () => {
    /** @type {{ browser?: any, first?: any, second?: any }} */
    const pages = {};
    before(async () => Object.assign(pages, await openNamingPages(await launchFirefox(firefox))));
    after(() => pages.browser?.close());

    test("a star outlines, names, pins and counts the entity on every page, and unstarring takes it all back", () =>
      starredEverywhere(pages, `firefox-${firefox.name.split(" ")[1]}-watchlist`));
  });
}
