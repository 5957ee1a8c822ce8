// What the reading tests check in Chromium (highlights.test.mjs,
// sidebar.test.mjs) and Firefox (reading.firefox.test.mjs): the legend's
// fold, the keyboard's walk, the sidebar's toggles and exports. Each check takes
// { browser, page, tabId } on a page newslens has read; the page's calls
// are those Playwright's and Puppeteer's pages share.
import assert from "node:assert/strict";
import { describe as describeContent, pressShortcut, waitFor } from "./harness.mjs";

const legendOf = async (browser, tabId) => (await describeContent(browser, tabId)).parts.find((p) => p.part === "legend");
const click = (page, button) => page.mouse.click(button.rect.x + button.rect.width / 2, button.rect.y + button.rect.height / 2);

// The legend's title folds it to its name and × and unfolds it again.
export async function legendFolds({ browser, page, tabId }) {
  const unfolded = await legendOf(browser, tabId);
  const fold = unfolded.buttons[0];
  assert.equal(fold.text, "newslens");
  await click(page, fold);
  const folded = await waitFor(() => legendOf(browser, tabId), (l) => l.ticks.length === 0, "a folded legend");
  assert.ok(folded.rect.width < unfolded.rect.width / 2, `${folded.rect.width} vs ${unfolded.rect.width}`);
  assert.equal(folded.buttons.length, 2, "its title and ×");
  await click(page, folded.buttons[0]);
  const again = await waitFor(() => legendOf(browser, tabId), (l) => l.ticks.length > 0, "an unfolded legend");
  assert.deepEqual(again.ticks, unfolded.ticks);
}

// A type's toggle in `sidebar` (the sidebar on the page's tab) hides its
// highlights in the page and shows them again.
export async function toggleHidesType({ page, sidebar }) {
  const has = () => page.evaluate(() => CSS.highlights.has("newslens-LOC"));
  await sidebar.bringToFront();
  await sidebar.click('.nl-type[data-label="LOC"] .nl-toggle');
  await waitFor(has, (yes) => !yes, "places hidden");
  await sidebar.click('.nl-type[data-label="LOC"] .nl-toggle');
  await waitFor(has, Boolean, "places shown");
}

// The page's legend and `sidebar` agree on which types are hidden: a chip
// unticks the sidebar's toggle, and a toggle keeps what a chip hid.
export async function legendAndSidebarAgree({ browser, page, tabId, sidebar }) {
  const toggle = async (label) => {
    await sidebar.bringToFront();
    await sidebar.click(`.nl-type[data-label="${label}"] .nl-toggle`);
  };
  const ticked = () => sidebar.evaluate(() => /** @type {HTMLInputElement} */ (document.querySelector('.nl-type[data-label="PER"] .nl-toggle')).checked);
  const hidden = async () => [...(await describeContent(browser, tabId)).hidden].sort();
  const clickPeople = async () => {
    await page.bringToFront();
    await click(page, (await legendOf(browser, tabId)).buttons.find((b) => b.text.startsWith("People")));
  };
  await clickPeople();
  await waitFor(ticked, (yes) => !yes, "people unticked in the sidebar");
  await toggle("ORG");
  const both = await waitFor(hidden, (h) => h.includes("ORG"), "organisations hidden");
  assert.deepEqual(both, ["ORG", "PER"], "the sidebar's toggle keeps what the legend hid");
  await toggle("ORG");
  await waitFor(hidden, (h) => !h.includes("ORG"), "organisations shown");
  await clickPeople();
  await waitFor(hidden, (h) => h.length === 0, "all shown again");
  await waitFor(ticked, Boolean, "people ticked again in the sidebar");
}

// The current mention's place in the window, once it is on screen.
const currentInView = (page) =>
  page.evaluate(() => {
    const r = /** @type {Range} */ ([...CSS.highlights.get("newslens-current")][0]).getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });

// The keyboard's next and previous entity (the commands the background
// passes on) walk the page, scrolling to each.
export async function keyboardWalks({ browser, page, tabId }) {
  const walk = async (command, from) => {
    await pressShortcut(browser, tabId, command);
    const d = await waitFor(() => describeContent(browser, tabId), (x) => x.current >= 0 && x.current !== from, `${command} moving from ${from}`);
    return d.current;
  };
  const first = await walk("next-entity", (await describeContent(browser, tabId)).current);
  const second = await walk("next-entity", first);
  assert.equal(await walk("previous-entity", second), first, "previous goes back to where next came from");
  await waitFor(() => currentInView(page), Boolean, "the current mention scrolled into view");
}

// The sidebar's exports of the entity table, as files read back: the JSON
// lists `person`, the CSV has its header and a row for `person`.
export function assertExports({ json, csv }, person) {
  const data = JSON.parse(json);
  assert.ok(data.entities.some((e) => e.type === "PER" && e.name === person), "person exported");
  const lines = csv.trim().split("\n");
  assert.equal(lines[0], "type,name,aliases,mentions,salience,first");
  assert.ok(lines.some((l) => l.startsWith(`PER,${person},`)), lines.slice(0, 5).join("\n"));
}
