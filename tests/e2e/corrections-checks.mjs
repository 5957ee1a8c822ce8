// What the corrections' tests check in Chromium (corrections.test.mjs) and
// Firefox (corrections.firefox.test.mjs): from a mention's card, a name
// given another type is read so on this page and on the next page that
// names it; "not a name" takes its highlights and its sidebar entry away;
// the legend's Undo brings it back; the corrections live in the extension's
// local storage. Each check takes { browser, first, second }: lemonde-1 and
// fixtures/corrections/ (written to name what lemonde-1 names), both read,
// as { page, tabId }; the pages' calls are those Playwright's and
// Puppeteer's pages share.
import assert from "node:assert/strict";
import { describe, openSidebar, paintedByLabel, runOn, screenshot, settled, toContent, waitFor } from "./harness.mjs";

const NAMED = ["PER", "ORG", "LOC"];
const ONE = { PER: "person", ORG: "organisation", LOC: "place", MISC: "other name" };

/** The label each name is painted with in `page`. */
async function labelsOf(page) {
  const painted = await paintedByLabel(page);
  const labels = new Map();
  for (const label of NAMED) {
    for (const name of painted[label]) labels.set(name, label);
  }
  return labels;
}

/** The part `part` of newslens's interface in tab `tabId`, once shown. */
const part = (browser, tabId, name) =>
  waitFor(() => describe(browser, tabId), (d) => d?.parts.some((p) => p.part === name), `the ${name}`).then((d) => d.parts.find((p) => p.part === name));

/**
 * Shows the card of the first mention of `name` in tab `tabId` and clicks
 * its buttons `texts` in turn (the last a
 * correction); waits for the page read again.
 * @param {any} browser
 * @param {{ page: any, tabId: number }} tab
 * @param {string} name
 * @param {string[]} texts
 */
async function correctFromCard(browser, { page, tabId }, name, texts, shot = "") {
  await page.bringToFront();
  // The pointer off the text: a card it rested on would go when moved away.
  await page.mouse.move(0, 0);
  const { names, runs } = await describe(browser, tabId);
  // Non-breaking spaces compare as spaces, as paintedByLabel reads them.
  const mention = names.findIndex((n) => n?.replace(/\s+/g, " ") === name);
  assert.ok(mention >= 0, `a mention of ${name}`);
  await toContent(browser, tabId, "revealMention", { mention });
  // The card follows the scroll (a timer): once nothing is pending, it is
  // this mention's.
  await settled(browser, tabId);
  let card = await part(browser, tabId, "card");
  assert.equal((await part(browser, tabId, "card-name")).text.replace(/\s+/g, " "), name);
  assert.ok(card, `a card for ${name}`);
  for (const text of texts) {
    const button = card.buttons.find((b) => b.text === text);
    assert.ok(button, `a ${text} button in ${JSON.stringify(card.buttons.map((b) => b.text))}`);
    // The pointer rests on the card first, as a reader's does: a card the
    // pointer has left (the page scrolled under it) goes after 300 ms.
    const [x, y] = [button.rect.x + button.rect.width / 2, button.rect.y + button.rect.height / 2];
    await page.mouse.move(x, y);
    const still = await part(browser, tabId, "card-name");
    assert.equal(still.text.replace(/\s+/g, " "), name, "the card stays under the pointer");
    if (shot && text === texts.at(-1)) await screenshot(page, shot);
    await page.mouse.click(x, y);
    if (text !== texts.at(-1)) {
      // The card as the click left it (a row of choices shown).
      card = await part(browser, tabId, "card");
    }
  }
  await waitFor(() => describe(browser, tabId), (d) => d.runs > runs && d.settled, "the page read again");
}

const stored = (browser) => browser.worker.evaluate(async () => (await chrome.storage.local.get("corrections")).corrections ?? []);

// A name given another type on one page (the test's own) is read so there,
// on the page already open (lemonde-1) and on the next page read.
/**
 * @param {{ browser?: any, first?: any, second?: any }} pages
 * @param {string} shot the name of its screenshot
 */
export async function retypedEverywhere({ browser, first, second }, shot) {
  const [a, b] = [await labelsOf(first.page), await labelsOf(second.page)];
  const name = "Conseil constitutionnel";
  assert.ok(a.get(name) && b.get(name) === a.get(name), `both pages read ${name} alike: ${a.get(name)}, ${b.get(name)}`);
  const now = a.get(name) === "LOC" ? "ORG" : "LOC";
  // Corrected on the page written for the test (its screenshots hold no
  // one else's text), then lemonde-1 read again.
  await correctFromCard(browser, second, name, [ONE[now]], `${shot}-card`);
  assert.equal((await labelsOf(second.page)).get(name), now, "corrected on this page");
  assert.deepEqual(await stored(browser), [{ name, lang: "fr", type: now }]);
  const legend = await part(browser, second.tabId, "corrected");
  assert.match(legend.text, new RegExp(`corrected ${name}`));
  await screenshot(second.page, `${shot}-corrected`);
  // The other page, already open, is read again by itself.
  await waitFor(() => labelsOf(first.page), (labels) => labels.get(name) === now, "the page already open corrected");
  await settled(browser, first.tabId);
  // And so is a page read from now on.
  await runOn(browser, first.tabId);
  await settled(browser, first.tabId);
  assert.equal((await labelsOf(first.page)).get(name), now, "and on the next page read");
}

// Not a name takes the highlights and the sidebar's entry away, and the
// legend's Undo brings them back.
/** @param {{ browser?: any, first?: any }} pages */
export async function notANameAndUndo({ browser, first }) {
  const before = await labelsOf(first.page);
  const name = [...before.keys()].find((n) => before.get(n) === "PER" && n.includes(" "));
  assert.ok(name, "a person's name");
  await correctFromCard(browser, first, name, ["Not a name"]);
  assert.equal((await labelsOf(first.page)).has(name), false, "no longer highlighted");
  const sidebar = await openSidebar(browser, first.tabId);
  const people = () =>
    sidebar.evaluate(() => [...document.querySelectorAll('.nl-type[data-label="PER"] .nl-name > span:first-child')].map((e) => e.textContent.replace(/\s+/g, " ")));
  // (The sidebar is empty while the page is read again: wait for its list.)
  await waitFor(people, (names) => names.length > 0 && !names.includes(name), "the sidebar without it");
  const { runs } = await describe(browser, first.tabId);
  const undo = (await part(browser, first.tabId, "corrected")).buttons.find((b) => b.text === "Undo");
  assert.ok(undo, "the legend's Undo");
  await first.page.bringToFront();
  await first.page.mouse.click(undo.rect.x + undo.rect.width / 2, undo.rect.y + undo.rect.height / 2);
  await waitFor(() => describe(browser, first.tabId), (d) => d.runs > runs && d.settled, "the page read again");
  assert.equal((await labelsOf(first.page)).get(name), "PER", "highlighted again");
  await waitFor(people, (names) => names.includes(name), "the sidebar with it again");
  assert.equal((await stored(browser)).filter((c) => c.type === "none").length, 0, "the correction taken back from storage");
}

/**
 * From the sidebar: an entity's ✎ shows its corrections; one is made as the
 * card makes it, and the legend's Undo takes it back.
 * @param {{ browser?: any, first?: any }} pages
 */
export async function fromTheSidebar({ browser, first }) {
  const before = await labelsOf(first.page);
  const name = [...before.keys()].find((n) => before.get(n) === "LOC");
  assert.ok(name, "a place");
  const sidebar = await openSidebar(browser, first.tabId);
  const { runs } = await describe(browser, first.tabId);
  const offered = await sidebar.evaluate((wanted) => {
    const row = [...document.querySelectorAll('.nl-type[data-label="LOC"] .nl-entity')].find((li) => li.querySelector(".nl-name > span")?.textContent.replace(/\s+/g, " ") === wanted);
    /** @type {HTMLButtonElement} */ (row.querySelector(".nl-correct")).click();
    const choices = /** @type {HTMLButtonElement[]} */ ([...row.querySelectorAll(".nl-corrections button")]);
    choices.find((b) => b.dataset.correct === "ORG").click();
    return choices.map((b) => b.textContent);
  }, name);
  assert.deepEqual(offered, ["Not a name", "person", "organisation", "other name"]);
  await waitFor(() => describe(browser, first.tabId), (d) => d.runs > runs && d.settled, "the page read again");
  assert.equal((await labelsOf(first.page)).get(name), "ORG", "corrected in the page");
  const undo = (await part(browser, first.tabId, "corrected")).buttons.find((b) => b.text === "Undo");
  const again = (await describe(browser, first.tabId)).runs;
  await first.page.bringToFront();
  await first.page.mouse.click(undo.rect.x + undo.rect.width / 2, undo.rect.y + undo.rect.height / 2);
  await waitFor(() => describe(browser, first.tabId), (d) => d.runs > again && d.settled, "the page read again");
  assert.equal((await labelsOf(first.page)).get(name), "LOC", "taken back");
}

/**
 * "Same as…" from the card: two entries of the sidebar become one, led by
 * the name chosen, the other its alias; the legend's Undo parts them again.
 * @param {{ browser?: any, first?: any }} pages
 */
export async function sameAs({ browser, first }) {
  const [short, long] = ["Assemblée", "Assemblée nationale"];
  const sidebar = await openSidebar(browser, first.tabId);
  const entries = () =>
    sidebar.evaluate(() =>
      [...document.querySelectorAll('.nl-type[data-label="ORG"] .nl-name')].map((b) => [b.firstElementChild.textContent, b.querySelector(".nl-aliases")?.textContent ?? ""]),
    );
  const before = await entries();
  assert.ok(before.some(([n]) => n === short) && before.some(([n]) => n === long), `two entries: ${JSON.stringify(before)}`);
  await correctFromCard(browser, first, short, ["Same as…", long]);
  // (The sidebar is empty while the page is read again: wait for its list.)
  const merged = await waitFor(entries, (list) => list.some(([n]) => n === long) && !list.some(([n]) => n === short), "one entry");
  assert.ok(merged.some(([n, aliases]) => n === long && aliases.includes(short)), JSON.stringify(merged));
  assert.ok((await stored(browser)).some((c) => c.name === short && c.same_as === long));
  const runs = (await describe(browser, first.tabId)).runs;
  const undo = (await part(browser, first.tabId, "corrected")).buttons.find((b) => b.text === "Undo");
  await first.page.bringToFront();
  await first.page.mouse.click(undo.rect.x + undo.rect.width / 2, undo.rect.y + undo.rect.height / 2);
  await waitFor(() => describe(browser, first.tabId), (d) => d.runs > runs && d.settled, "the page read again");
  await waitFor(entries, (list) => list.some(([n]) => n === short), "two entries again");
}
