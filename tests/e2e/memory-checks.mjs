// What the memory of names' tests check in Chromium (memory.test.mjs) and
// Firefox (memory.firefox.test.mjs): off by default; turned on from the
// options page, the articles read are remembered (never their text) and a
// mention's card lists the other articles of the week that named the
// entity; nothing is remembered from a private window; an article older
// than 30 days goes; 2,000 articles recorded leave the memory under its
// 5 MB cap, the oldest gone; one button forgets it all. Each check takes
// { browser, first, second }: lemonde-1 and fixtures/corrections/ (which
// names what lemonde-1 names), both read, as { page, tabId }.
import assert from "node:assert/strict";
import { describe, runOn, settled, toContent, waitFor } from "./harness.mjs";

const NAME = "François Hollande";
const SECOND_TITLE = "Le Conseil constitutionnel saisi de la loi sur le renseignement";
const CAP = 5 * 1024 * 1024;
const DAY = 24 * 60 * 60 * 1000;

/**
 * What the memory holds in storage: its index, its articles' keys, and
 * their size as the cap counts it (UTF-8 of each key and JSON value).
 */
const held = (browser) =>
  browser.worker.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    const keys = Object.keys(all).filter((k) => k.startsWith("memory:"));
    const bytes = (v) => new TextEncoder().encode(v).length;
    const size = keys.reduce((sum, k) => sum + bytes(k) + bytes(JSON.stringify(all[k])), bytes(JSON.stringify(all.memoryIndex ?? [])));
    return { index: all.memoryIndex ?? [], keys, size, articles: keys.map((k) => all[k]) };
  });

/**
 * Records `count` made-up articles through the background's own function,
 * one a minute from `start`, each naming 80 entities; resolves to how many
 * it recorded. `tab` is the tab they are read in.
 */
const record = (browser, { count, start, incognito = false }) =>
  browser.worker.evaluate(
    async ([n, from, privately]) => {
      const summary = Array.from({ length: 80 }, (_, k) => ({ label: "PER", name: `Personne numéro ${k} de la liste`, aliases: [`Numéro ${k}`], count: 80 - k, salience: 0, mentions: [] }));
      const reading = { whole: false, short: false, words: 500, pageWords: 500 };
      let recorded = 0;
      for (let i = 0; i < n; i++) {
        const page = { url: `https://news.example/${from}/${i}`, title: `Article ${i}`, site: "news.example", words: 500, truncated: false, reading };
        if (await globalThis.newslensRemember({ incognito: privately }, page, { lang: "fr", status: "ok", entities: [], summary }, from + i * 60_000)) recorded += 1;
      }
      return recorded;
    },
    [count, start, incognito],
  );

/** @param {{ browser?: any, first?: any }} pages */
export async function offByDefault({ browser }) {
  assert.deepEqual((await held(browser)).index, [], "nothing remembered of the pages read");
  assert.equal(await record(browser, { count: 1, start: Date.now() }), 0, "nothing recorded while off");
}

/**
 * Turned on from the options page; both pages read again are remembered,
 * without their text; the card on one lists the other.
 * @param {{ browser?: any, first?: any, second?: any }} pages
 */
export async function seenOnTheCard({ browser, first, second }) {
  const options = await browser.openExtensionPage("options/options.html");
  // Once the page shows the memory's state (its box unticked until then).
  await waitFor(() => options.evaluate(() => document.getElementById("memory-size")?.textContent), Boolean, "the options page shown");
  await options.click("#remember");
  await waitFor(() => browser.worker.evaluate(async () => (await chrome.storage.local.get("remember")).remember), Boolean, "the memory on");
  for (const tab of [second, first]) {
    const { runs } = await describe(browser, tab.tabId);
    await runOn(browser, tab.tabId);
    await waitFor(() => describe(browser, tab.tabId), (d) => d.runs > runs && d.settled, "the page read again");
  }
  const { articles } = await waitFor(() => held(browser), (h) => h.index.length === 2, "both articles remembered");
  const text = JSON.stringify(articles);
  assert.ok(text.includes(SECOND_TITLE) && text.includes(NAME));
  assert.ok(!text.includes("a été saisi jeudi de la loi"), "never the article's text");
  await waitFor(() => options.evaluate(() => document.getElementById("memory-size").textContent), (s) => /^2 articles remembered/.test(s), "the options' count");
  await options.close();

  await first.page.bringToFront();
  await first.page.mouse.move(0, 0);
  const mention = (await describe(browser, first.tabId)).names.findIndex((n) => n?.replace(/\s+/g, " ") === NAME);
  await toContent(browser, first.tabId, "revealMention", { mention });
  await settled(browser, first.tabId);
  const seen = await waitFor(() => describe(browser, first.tabId), (d) => d.parts.some((p) => p.part === "seen"), "the card's other articles");
  assert.equal(seen.parts.find((p) => p.part === "seen").text, `Seen in 1 other article this week:${SECOND_TITLE}`);
}

/** @param {{ browser?: any }} pages */
export async function notFromPrivateWindows({ browser }) {
  const before = await held(browser);
  assert.equal(await record(browser, { count: 3, start: Date.now(), incognito: true }), 0);
  assert.deepEqual((await held(browser)).index, before.index);
}

/** @param {{ browser?: any }} pages */
export async function olderThan30DaysGoes({ browser }) {
  const old = Date.now() - 31 * DAY;
  assert.equal(await record(browser, { count: 1, start: old }), 1);
  assert.equal(await record(browser, { count: 1, start: Date.now() }), 1);
  const { index } = await held(browser);
  assert.ok(!index.some((e) => e.url.includes(`/${old}/`)), "the 31-day-old article gone");
}

/** @param {{ browser?: any }} pages */
export async function staysUnderItsCap({ browser }) {
  const start = Date.now() - 2000 * 60_000;
  assert.equal(await record(browser, { count: 2000, start }), 2000);
  const { index, keys, size } = await held(browser);
  assert.ok(size <= CAP, `${size} bytes, over the cap`);
  assert.ok(size > CAP * 0.9, `${size} bytes: the cap was reached, so the test tests it`);
  assert.equal(keys.length, index.length, "every article indexed, and no more");
  assert.ok(index.length < 2000);
  assert.ok(index.some((e) => e.url === `https://news.example/${start}/1999`), "the newest kept");
  assert.ok(!index.some((e) => e.url === `https://news.example/${start}/0`), "the oldest out first");
}

/** @param {{ browser?: any }} pages */
export async function forgottenWithOneButton({ browser }) {
  const options = await browser.openExtensionPage("options/options.html");
  await options.waitForSelector("#forget");
  await waitFor(() => options.evaluate(() => document.getElementById("memory-size").textContent), (s) => /^\d+ articles remembered/.test(s) && !s.startsWith("0 "), "the options' count");
  await options.click("#forget");
  // Some 900 articles, 5 MB, taken out of storage: longer than a page's
  // reading on a busy machine.
  await waitFor(() => options.evaluate(() => document.getElementById("memory-size").textContent), (s) => s.startsWith("0 articles"), "the options' count", 60_000);
  const { index, keys } = await held(browser);
  assert.deepEqual([index.length, keys.length], [0, 0], "the memory forgotten");
  await options.close();
}

/**
 * The checks, in the order they run, each with its test's title.
 * @type {[string, (pages: { browser?: any, first?: any, second?: any }) => Promise<void>][]}
 */
export const MEMORY_TESTS = [
  ["off by default: nothing is remembered", offByDefault],
  ["turned on, the articles read are remembered without their text, and a card lists the others", seenOnTheCard],
  ["nothing is remembered from a private window", notFromPrivateWindows],
  ["an article older than 30 days goes", olderThan30DaysGoes],
  ["2,000 articles recorded stay under the 5 MB cap, oldest out first", staysUnderItsCap],
  ["one button forgets it all", forgottenWithOneButton],
];
