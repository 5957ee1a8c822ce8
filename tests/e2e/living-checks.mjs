// What the living-page tests check in Chromium (living.test.mjs) and
// Firefox (living.firefox.test.mjs), on fixtures/living/index.html once
// newslens has read it. Each check takes { browser, page, tabId }.
//
// That a change starts no reading is read from the content script's state
// once it has settled (harness.mjs settled()): a reading the change asked
// for is scheduled, running or counted in `runs` until then, however long
// a cold engine takes.
import assert from "node:assert/strict";
import { paintedByLabel, pressShortcut, settled, waitFor } from "./harness.mjs";
import { turnOff } from "./hostile-checks.mjs";

const people = async (page) => (await paintedByLabel(page)).PER;

async function assertNoReading(browser, tabId, runs, why) {
  assert.equal((await settled(browser, tabId)).runs, runs, why);
}

// Text that arrives later is read in one batch, and a single-page
// navigation is read anew; newslens's own changes and a clock ticking
// outside the article start nothing.
export async function readAgainAfterChanges({ browser, page, tabId }) {
  const first = await settled(browser, tabId);
  assert.ok((await people(page)).includes("Haider al-Abadi"));

  await pressShortcut(browser, tabId, "next-entity");
  await assertNoReading(browser, tabId, first.runs, "no reading after its own changes");

  for (let i = 0; i < 4; i++) {
    await page.evaluate(() => window.living.tick());
  }
  await assertNoReading(browser, tabId, first.runs, "no reading after a change outside the article");

  await page.evaluate(() => window.living.addParagraph());
  await waitFor(() => people(page), (p) => p.includes("Angela Merkel"), "the new paragraph's people");
  assert.equal((await settled(browser, tabId)).runs, first.runs + 1, "one reading for the batch");

  await page.evaluate(() => window.living.navigate());
  await waitFor(() => people(page), (p) => p.includes("Bernard Cazeneuve") && !p.includes("Haider al-Abadi"), "the new article read");
}

// × removes every trace and stops watching: once nothing of newslens is
// left to fire (a card's timer, the map's), nothing of it is in the page,
// and text that arrives afterwards is not read.
export async function offStopsWatching({ browser, page, tabId }) {
  const bodyWhileOn = await page.evaluate(() => document.body.outerHTML);
  await turnOff(browser, page, tabId);
  const off = await settled(browser, tabId);
  assert.deepEqual({ active: off.active, watching: off.watching, parts: off.parts }, { active: false, watching: false, parts: [] });
  assert.deepEqual(Object.values(await paintedByLabel(page)).flat(), [], "no highlight left");
  assert.equal(await page.evaluate(() => document.querySelectorAll("newslens-ui, newslens-mark").length), 0);
  assert.equal(await page.evaluate(() => document.body.outerHTML), bodyWhileOn, "the page's own DOM as it was");
  await page.evaluate(() => window.living.addParagraph());
  await assertNoReading(browser, tabId, off.runs, "no reading once off");
}
