// What the watchlist's tests check in Chromium (watchlist.test.mjs) and
// Firefox (watchlist.firefox.test.mjs): a star given from a mention's card
// outlines every mention of the entity, on this page, on the other page
// already open that names it, and on that page read again; the legend names it; the sidebar pins it
// first; the toolbar button's badge counts it on both tabs; unstarred from
// the sidebar, all of it goes. Each check takes { browser, first, second }:
// lemonde-1 and fixtures/corrections/ (written to name what lemonde-1
// names), both read, as { page, tabId }.
import assert from "node:assert/strict";
import { describe, openSidebar, screenshot, settled, toContent, waitFor } from "./harness.mjs";

const NAME = "François Hollande";
const same = (/** @type {string} */ text) => text.replace(/\s+/g, " ");

/** The text of each mention the page's starred highlight (or mark) covers. */
const outlined = (page) =>
  page.evaluate(() => {
    const highlight = globalThis.CSS?.highlights?.get("newslens-starred");
    const ranges = highlight ? [...highlight].map((r) => r.toString()) : [];
    const marks = [...document.querySelectorAll("newslens-mark[data-starred]")].map((m) => m.textContent);
    return [...ranges, ...marks].map((t) => t.replace(/\s+/g, " "));
  });

/** The toolbar button's badge on tab `tabId`. */
const badge = (browser, tabId) => browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

/** The names the page shows as mentions of NAME's entity. */
async function mentionsOf(browser, tabId) {
  const { names } = await describe(browser, tabId);
  return names.filter((n) => n && same(n) === NAME).length;
}

/**
 * Shows the card of the first mention of NAME in `tab` and clicks its star.
 * @param {any} browser
 * @param {{ page: any, tabId: number }} tab
 */
async function starFromCard(browser, { page, tabId }) {
  await page.bringToFront();
  await page.mouse.move(0, 0);
  const { names } = await describe(browser, tabId);
  const mention = names.findIndex((n) => n && same(n) === NAME);
  assert.ok(mention >= 0, `a mention of ${NAME}`);
  await toContent(browser, tabId, "revealMention", { mention });
  await settled(browser, tabId);
  const card = (await describe(browser, tabId)).parts.find((p) => p.part === "card");
  const star = card?.buttons.find((b) => b.text === "☆ Watch");
  assert.ok(star, `a star on the card: ${JSON.stringify(card?.buttons.map((b) => b.text))}`);
  const [x, y] = [star.rect.x + star.rect.width / 2, star.rect.y + star.rect.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.click(x, y);
}

/**
 * Star → outline, legend, pin, badge, on both pages; unstar → none of it.
 * @param {{ browser?: any, first?: any, second?: any }} pages
 * @param {string} shot the name of its screenshots
 */
export async function starredEverywhere({ browser, first, second }, shot) {
  assert.deepEqual(await outlined(first.page), [], "nothing outlined before");
  assert.equal(await badge(browser, first.tabId), "");
  await starFromCard(browser, second);
  for (const { page, tabId } of [second, first]) {
    await waitFor(() => describe(browser, tabId), (d) => d.starred.includes(NAME), `${NAME} starred in tab ${tabId}`);
    const count = await mentionsOf(browser, tabId);
    assert.ok(count > 0);
    assert.deepEqual(await outlined(page), Array(count).fill(NAME), "every mention outlined, and nothing else");
    const legend = (await describe(browser, tabId)).parts.find((p) => p.part === "watching");
    assert.match(legend?.text ?? "", new RegExp(`On your watchlist: ${NAME}`));
    await waitFor(() => badge(browser, tabId), (text) => text === "1", "the badge counting the star");
  }
  const card = (await describe(browser, second.tabId)).parts.find((p) => p.part === "card");
  assert.ok(card?.buttons.some((b) => b.text === "★ Watching"), "the card shows the star given");
  await screenshot(second.page, `${shot}-page`);
  assert.deepEqual(await browser.worker.evaluate(async () => (await chrome.storage.local.get("stars")).stars), [{ name: NAME }]);
  // A page read from now on has it starred too.
  const { runs } = await describe(browser, first.tabId);
  await browser.worker.evaluate((id) => globalThis.newslensRunOnTab(id), first.tabId);
  await waitFor(() => describe(browser, first.tabId), (d) => d.runs > runs && d.settled, "the page read again");
  assert.deepEqual((await describe(browser, first.tabId)).starred, [NAME]);

  const sidebar = await openSidebar(browser, first.tabId);
  const pinned = () => sidebar.evaluate(() => [...document.querySelectorAll(".nl-watchlist .nl-name > span:first-child")].map((e) => e.textContent));
  const people = () => sidebar.evaluate(() => [...document.querySelectorAll('.nl-type[data-label="PER"] .nl-name > span:first-child')].map((e) => e.textContent));
  assert.deepEqual((await pinned()).map(same), [NAME]);
  assert.ok(!(await people()).map(same).includes(NAME), "listed once, pinned");
  assert.equal(await sidebar.evaluate(() => document.querySelector(".nl-summary > section")?.className), "nl-watchlist", "pinned first");
  await screenshot(sidebar, `${shot}-sidebar`);

  await sidebar.click(".nl-watchlist .nl-star");
  for (const { page, tabId } of [first, second]) {
    await waitFor(() => describe(browser, tabId), (d) => d.starred.length === 0 && d.settled, `no star in tab ${tabId}`);
    assert.deepEqual(await outlined(page), []);
    assert.equal((await describe(browser, tabId)).parts.some((p) => p.part === "watching"), false);
    await waitFor(() => badge(browser, tabId), (text) => text === "", "no badge");
  }
  await waitFor(pinned, (names) => names.length === 0, "nothing pinned");
  await waitFor(people, (names) => names.map(same).includes(NAME), "listed with the people again");
  await sidebar.close();
}
