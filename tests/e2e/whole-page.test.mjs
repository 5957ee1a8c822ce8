// Never an empty click, in Chromium: see whole-page-checks.mjs.
import { after, before, test } from "node:test";
import { launch } from "./harness.mjs";
import { noTextSaysSo, wholePageOffered } from "./whole-page-checks.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser?.close());

test("no article: the legend and the sidebar offer the whole page, remembered for the site", () => wholePageOffered({ browser, fixturesUrl: browser.fixturesUrl }));

test("no text at all: the legend says so, and offers nothing", () => noTextSaysSo({ browser, fixturesUrl: browser.fixturesUrl }));
