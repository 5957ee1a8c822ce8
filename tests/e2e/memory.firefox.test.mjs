// The memory of names in Firefox ESR 140 and Debian's current ESR
// (memory-checks.mjs says what each check does; they run in order).
import { after, before, describe, test } from "node:test";
import { openNamingPages } from "./harness.mjs";
import { FIREFOXES, launchFirefox } from "./firefox.mjs";
import { MEMORY_TESTS } from "./memory-checks.mjs";

for (const firefox of FIREFOXES) {
  describe(`${firefox.name}: memory of names`, () => {
    /** @type {{ browser?: any, first?: any, second?: any }} */
    const pages = {};
    before(async () => Object.assign(pages, await openNamingPages(await launchFirefox(firefox))));
    after(() => pages.browser?.close());

    for (const [title, check] of MEMORY_TESTS) {
      test(title, () => check(pages));
    }
  });
}
