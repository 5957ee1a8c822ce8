// The watchlist in Chromium (watchlist-checks.mjs says what each check does).
import { after, before, test } from "node:test";
import { launch, openNamingPages } from "./harness.mjs";
import { starredEverywhere } from "./watchlist-checks.mjs";

/** @type {{ browser?: any, first?: any, second?: any }} */
const pages = {};
before(async () => Object.assign(pages, await openNamingPages(await launch())));
after(() => pages.browser?.close());

test("a star outlines, names, pins and counts the entity on every page, and unstarring takes it all back", () => starredEverywhere(pages, "watchlist"));
