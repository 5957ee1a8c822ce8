// What the living-page tests check in Chromium (living.test.mjs) and
// Firefox (living.firefox.test.mjs), on fixtures/living/index.html once
// newslens has read it. Each check takes { browser, page, tabId }.
//
// That a change starts no reading is read from the content script's state
// at once: its observer sees a change before the page's next task, and a
// reading it wants is then `scheduled` (it waits for the page to settle)
// or already counted in `runs`.
import assert from "node:assert/strict";
import { M, describe as describeContent, paintedByLabel, toContent, waitFor } from "./harness.mjs";
import { turnOff } from "./hostile-checks.mjs";

const people = async (page) => (await paintedByLabel(page)).PER;

async function assertNoReading(browser, tabId, runs, why) {
  const d = await describeContent(browser, tabId);
  assert.deepEqual({ scheduled: d.scheduled, runs: d.runs }, { scheduled: false, runs }, why);
}

// Text that arrives later is read in one batch, and a single-page
// navigation is read anew; newslens's own changes and a clock ticking
// outside the article start nothing.
export async function readAgainAfterChanges({ browser, page, tabId }) {
  const first = await describeContent(browser, tabId);
  assert.ok((await people(page)).includes("Haider al-Abadi"));

  await toContent(browser, tabId, { type: M.BACKGROUND_TO_CONTENT_COMMAND, command: "next-entity" });
  await assertNoReading(browser, tabId, first.runs, "no reading after its own changes");

  for (let i = 0; i < 4; i++) {
    await page.evaluate(() => window.living.tick());
  }
  await assertNoReading(browser, tabId, first.runs, "no reading after a change outside the article");

  await page.evaluate(() => window.living.addParagraph());
  await waitFor(() => people(page), (p) => p.includes("Angela Merkel"), "the new paragraph's people");
  assert.equal((await describeContent(browser, tabId)).runs, first.runs + 1, "one reading for the batch");

  await page.evaluate(() => window.living.navigate());
  await waitFor(() => people(page), (p) => p.includes("Bernard Cazeneuve") && !p.includes("Haider al-Abadi"), "the new article read");
}

// × removes every trace and stops watching: text that arrives afterwards
// is not read.
export async function offStopsWatching({ browser, page, tabId }) {
  const bodyWhileOn = await page.evaluate(() => document.body.outerHTML);
  await turnOff(browser, page, tabId);
  assert.deepEqual(Object.values(await paintedByLabel(page)).flat(), [], "no highlight left");
  assert.equal(await page.evaluate(() => document.querySelectorAll("newslens-ui, newslens-mark").length), 0);
  assert.equal(await page.evaluate(() => document.body.outerHTML), bodyWhileOn, "the page's own DOM as it was");
  const { runs } = await describeContent(browser, tabId);
  await page.evaluate(() => window.living.addParagraph());
  await assertNoReading(browser, tabId, runs, "no reading once off");
}
