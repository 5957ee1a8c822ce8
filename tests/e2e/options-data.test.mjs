// The options page's data (corrections, watchlist, memory of names) in
// Chromium (options-data-checks.mjs says what each check does).
import { after, before, test } from "node:test";
import { readFile } from "node:fs/promises";
import { CHROMIUM_OWN_HOSTS } from "./browser.mjs";
import { launch } from "./harness.mjs";
import { badImportsRefused, roundTrip, seed } from "./options-data-checks.mjs";

/** @type {{ browser?: any, options?: any, ignored?: Set<string> }} */
const pages = { ignored: CHROMIUM_OWN_HOSTS };

before(async () => {
  pages.browser = await launch();
  await seed(pages.browser);
  pages.options = await pages.browser.openExtensionPage("options/options.html");
});
after(() => pages.browser?.close());

// The export, as Chromium hands the download over.
async function exportText(options) {
  const [download] = await Promise.all([options.waitForEvent("download"), options.click("#export-data")]);
  return readFile(await download.path(), "utf8");
}

test("listed, exported, cleared and imported back to the same state", () => roundTrip(pages, exportText));
test("each bad import is refused with its reason, and changes nothing", () => badImportsRefused(pages));
