// The watchlist in Chromium (watchlist-checks.mjs says what each check does).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launch, openNamingPages, openSidebar, stopServiceWorker, waitFor } from "./harness.mjs";
import { starredEverywhere } from "./watchlist-checks.mjs";

/** @type {{ browser?: any, first?: any, second?: any }} */
const pages = {};
before(async () => Object.assign(pages, await openNamingPages(await launch())));
after(() => pages.browser?.close());

test("a star outlines, names, pins and counts the entity on every page, and unstarring takes it all back", () => starredEverywhere(pages, "watchlist"));

// Chrome stops an idle service worker; the star given next wakes it, and
// the badge still counts it.
test("a star given after Chrome stopped the service worker is counted on the badge", async () => {
  const { browser, first } = pages;
  const badge = () => browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), first.tabId);
  assert.equal(await badge(), "");
  const sidebar = await openSidebar(browser, first.tabId);
  await stopServiceWorker(browser, sidebar);
  await sidebar.click('.nl-type[data-label="PER"] .nl-star');
  await waitFor(badge, (text) => text === "1", "the badge counting the star");
  await sidebar.click(".nl-watchlist .nl-star");
  await waitFor(badge, (text) => text === "", "no badge");
  await sidebar.close();
});
