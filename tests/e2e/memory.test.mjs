// The memory of names in Chromium (memory-checks.mjs says what each check
// does). The checks run in order: each starts from the state the one
// before it left.
import { after, before, test } from "node:test";
import { launch, openNamingPages } from "./harness.mjs";
import { MEMORY_TESTS } from "./memory-checks.mjs";

/** @type {{ browser?: any, first?: any, second?: any }} */
const pages = {};
before(async () => Object.assign(pages, await openNamingPages(await launch())));
after(() => pages.browser?.close());

for (const [title, check] of MEMORY_TESTS) {
  test(title, () => check(pages));
}
