// The no-network check, in Chromium (safety.test.mjs) and Firefox
// (safety.firefox.test.mjs): both browsers send every request that leaves
// 127.0.0.1 to a proxy that refuses it and logs it in `browser.requests`
// (harness.mjs, firefox.mjs), whichever page, extension page, background or
// content script makes it. Each tier has a test that this check fires on a
// request newslens's own code cannot make.
import assert from "node:assert/strict";
import { describe as describeContent, openSidebar, runOn, tabIdOf, pressShortcut, waitFor } from "./harness.mjs";

// The addresses asked for since the log held `since` entries, but for
// `ignored` hosts (the browser's own services).
export function remoteSince(browser, since, ignored = new Set()) {
  return browser.requests.slice(since).map((r) => r.url).filter((url) => !ignored.has(new URL(url).hostname));
}

// Turns the memory of names on in the options page; reads fixture page
// `name`, opens the sidebar on it, shows an entity from the sidebar, walks
// to the next mention with the keyboard's command, stars an entity from the
// sidebar (the page outlines it), shows a card (which looks the entity up
// in the memory), corrects an entity from the sidebar (the page read again
// with it, and remembered) and opens the options page again (which lists
// the correction, the star and the memory); asserts that none of it asked
// for anything beyond 127.0.0.1.
export async function readingAsksNothing(browser, name, ignored) {
  const page = await browser.newPage();
  const url = `${browser.pagesUrl}${name}/source.html`;
  await page.goto(url, { waitUntil: "load" });
  // The page's own remote assets (fonts are asked for once the text is
  // laid out, after "load") are refused before newslens runs.
  await browser.networkIdle(page);
  const since = browser.requests.length;
  const settings = await browser.openExtensionPage("options/options.html");
  // Once the page shows the memory's state (its box unticked until then).
  await waitFor(() => settings.evaluate(() => document.getElementById("memory-size")?.textContent), Boolean, "the options page shown");
  // (Firefox's test reads every page in one browser: it is on after the first.)
  if (!(await settings.evaluate(() => /** @type {HTMLInputElement} */ (document.getElementById("remember")).checked))) {
    await settings.click("#remember");
  }
  await settings.close();
  const tabId = await tabIdOf(browser.worker, url);
  await runOn(browser, tabId);
  const sidebar = await openSidebar(browser, tabId);
  await sidebar.click(".nl-name");
  // Its card, which looks the entity up in the memory.
  const shown = await waitFor(() => describeContent(browser, tabId), (d) => d.current >= 0 && d.parts.some((p) => p.part === "card"), "the entity shown in the page, with its card");
  await pressShortcut(browser, tabId, "next-entity");
  await waitFor(() => describeContent(browser, tabId), (d) => d.current !== shown.current, "the next mention");
  const stars = (await describeContent(browser, tabId)).starred.length;
  await sidebar.click('.nl-type .nl-star[aria-pressed="false"]');
  await waitFor(() => describeContent(browser, tabId), (d) => d.starred.length > stars, "the entity starred in the page");
  // The sidebar shown again with it pinned, before its next click.
  await sidebar.waitForSelector(".nl-watchlist");
  const { runs } = await describeContent(browser, tabId);
  await sidebar.click(".nl-correct");
  await sidebar.click('.nl-corrections button[data-correct="none"]');
  await waitFor(() => describeContent(browser, tabId), (d) => d.runs > runs && d.settled, "the page read again, corrected");
  const options = await browser.openExtensionPage("options/options.html");
  await options.waitForSelector("#shortcuts li");
  await options.waitForSelector("#corrections li");
  await options.waitForSelector("#stars li");
  await waitFor(() => options.evaluate(() => document.getElementById("memory-size").textContent), (s) => /^[1-9]\d* articles? remembered/.test(s), "the article remembered");
  assert.deepEqual(remoteSince(browser, since, ignored), []);
  await options.close();
  await sidebar.close();
  await page.close();
}
