// What the whole-page tests check in Chromium (whole-page.test.mjs) and
// Firefox (whole-page.firefox.test.mjs), on fixtures/whole-page/: a
// programme with no article (the finder takes a box of prose beside it)
// and a live report, both on one site. Never an empty click: the legend
// and the sidebar say what was found and offer the whole page, which is
// then read on every page of the site until the reader goes back.
import assert from "node:assert/strict";
import { describe as describeContent, openAndRun, paintedByLabel, settled, tabIdOf, waitFor } from "./harness.mjs";

const readingPart = async (browser, tabId) => (await describeContent(browser, tabId))?.parts.find((p) => p.part === "reading") ?? null;
const people = async (page) => (await paintedByLabel(page)).PER;
const click = (page, button) => page.mouse.click(button.rect.x + button.rect.width / 2, button.rect.y + button.rect.height / 2);

// The sidebar of tab `tabId` once it shows a reading note (or, with
// `note` false, once it shows none after a reading).
async function sidebarNote(browser, tabId, note = true) {
  const sidebar = await browser.openExtensionPage(`sidebar/sidebar.html?tab=${tabId}`);
  // Null until the sidebar's document is there (Firefox opens it later).
  const read = () => sidebar.evaluate(() => {
    const [reading, meta] = ["reading", "meta"].map((id) => document.getElementById(id));
    return reading && meta && { hidden: reading.hidden, text: reading.textContent, meta: meta.textContent };
  });
  const shown = await waitFor(read, (s) => Boolean(s?.meta) && s.hidden !== note, note ? "the sidebar's note" : "a sidebar with no note");
  return { sidebar, shown };
}

export async function wholePageOffered({ browser, fixturesUrl }) {
  // 1. No article: the finder takes the box beside the programme. The
  // legend and the sidebar say so, and offer the whole page.
  const programme = `${fixturesUrl}whole-page/programme.html`;
  const { page, tabId } = await openAndRun(browser, programme);
  const offer = await waitFor(() => readingPart(browser, tabId), Boolean, "the legend's note");
  assert.match(offer.text, /found only \d+ words of this page's \d+ as its article/, offer.text);
  assert.deepEqual(offer.buttons.map((b) => b.text), ["Read the whole page"]);
  assert.ok(!(await people(page)).includes("Melody Gardot"), "the programme is not read yet");
  const { sidebar, shown } = await sidebarNote(browser, tabId);
  assert.match(shown.text, /Read the whole page$/, shown.text);
  await sidebar.close();

  // 2. The legend's offer: the whole page is read, its programme too,
  // and the note says so; not the menu, the banner, the footer.
  await page.bringToFront();
  await click(page, offer.buttons[0]);
  await waitFor(() => people(page), (p) => p.includes("Melody Gardot") && p.includes("Michel Portal"), "the programme's people");
  const whole = await waitFor(() => readingPart(browser, tabId), (p) => p?.buttons[0]?.text === "Read only the article", "the whole page's note");
  assert.match(whole.text, /^Reading the whole page on this site/);
  // The text read, from the content script's own world.
  const read = await browser.worker.evaluate(async (id) => {
    const [found] = await chrome.scripting.executeScript({ target: { tabId: id }, func: () => globalThis.newslensContent.state.view.text });
    return found.result;
  }, tabId);
  assert.ok(read.includes("Biréli Lagrène") && !read.includes("Billets") && !read.includes("Mentions légales"), read.slice(0, 200));
  await page.close();
  const host = new URL(fixturesUrl).host;
  await optionsListWholePage(browser, [host]);

  // 3. Remembered for the site: its live report is read whole at once,
  // and so is the entry it posts next.
  const live = await openAndRun(browser, `${fixturesUrl}whole-page/live.html`);
  const remembered = await waitFor(() => readingPart(browser, live.tabId), Boolean, "the whole page's note on the next page");
  assert.deepEqual(remembered.buttons.map((b) => b.text), ["Read only the article"]);
  assert.ok((await people(live.page)).includes("Alexandre Lacazette"), "the commentary read");
  const before = (await settled(browser, live.tabId)).runs;
  await live.page.evaluate(() => {
    const entry = document.createElement("li");
    entry.innerHTML = `<div class="minute">90+3'</div><div class="entry">Dernier arrêt de Geronimo Rulli devant Georges Mikautadze.</div>`;
    document.querySelector("ol.live").prepend(entry);
  });
  await waitFor(() => people(live.page), (p) => p.includes("Georges Mikautadze"), "the new entry's people");
  const quiet = (await settled(browser, live.tabId)).runs;
  assert.ok(quiet > before);
  // The banner's clock is not what the page says: its ticks start nothing.
  for (let second = 1; second <= 3; second++) {
    await live.page.evaluate((s) => {
      document.querySelector(".clock").textContent = `20:45:0${s}`;
    }, second);
  }
  assert.equal((await settled(browser, live.tabId)).runs, quiet, "no reading after the banner's clock ticks");

  // 4. The sidebar's way back: the article again, on this site's pages.
  const { sidebar: back } = await sidebarNote(browser, live.tabId);
  const runs = (await settled(browser, live.tabId)).runs;
  await back.click("#reading-offer");
  await waitFor(() => describeContent(browser, live.tabId), (d) => d.runs > runs && d.settled && d.active, "the article read again");
  assert.equal(await readingPart(browser, live.tabId), null, "no note over the live report's article");
  assert.ok((await people(live.page)).includes("Alexandre Lacazette"), "the finder reads the live report's commentary");
  await sidebarNote(browser, live.tabId, false).then(({ sidebar }) => sidebar.close());
  await back.close().catch(() => {});
  await live.page.close();
  const again = await openAndRun(browser, programme);
  const offeredAgain = await waitFor(() => readingPart(browser, again.tabId), Boolean, "the offer again");
  assert.deepEqual(offeredAgain.buttons.map((b) => b.text), ["Read the whole page"]);
  await again.page.close();
  await optionsListWholePage(browser, []);
}

// A page with no text to read: the legend says so, and offers nothing.
export async function noTextSaysSo({ browser, fixturesUrl }) {
  const url = `${fixturesUrl}whole-page/pictures.html`;
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: "load" });
  const tabId = await tabIdOf(browser.worker, url);
  await browser.worker.evaluate((id) => globalThis.newslensRunOnTab(id), tabId);
  const note = await waitFor(() => readingPart(browser, tabId), Boolean, "the legend's note");
  assert.equal(note.text, "newslens found no text to read on this page.");
  assert.deepEqual(note.buttons, []);
  await page.close();
}

// The options page lists the sites read whole: `hosts`.
async function optionsListWholePage(browser, hosts) {
  const options = await browser.openExtensionPage("options/options.html");
  const listed = () => options.evaluate(() => {
    const none = document.getElementById("no-whole");
    return none && { hosts: [...document.querySelectorAll("#whole li")].map((li) => li.firstChild?.textContent), none: !none.hidden };
  });
  await waitFor(listed, (l) => l?.hosts.join() === hosts.join() && l.none === !hosts.length, `the options listing ${hosts.join() || "no site"} read whole`);
  await options.close();
}
