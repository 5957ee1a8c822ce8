// Living pages: text that arrives later is read in a batch, a single-page
// navigation starts a new reading, newslens's own changes never start one,
// and turning newslens off removes every trace.
import { test } from "node:test";
import assert from "node:assert/strict";
import { describe as describeContent, waitFor } from "./harness.mjs";
import { offStopsWatching, readAgainAfterChanges } from "./living-checks.mjs";
import { onTestPage, turnOff } from "./hostile-checks.mjs";

const onLivingPage = (fn) => onTestPage("living/index.html", fn);

test("a living page is read again after it changes, and not after newslens changes it", () => onLivingPage(readAgainAfterChanges));

test("turning newslens off removes every trace and stops watching", () => onLivingPage(offStopsWatching));

test("running newslens again on a page keeps one newslens, which × removes whole", () =>
  onLivingPage(async ({ browser, page, tabId }) => {
    const before = (await describeContent(browser, tabId)).runs;
    await browser.worker.evaluate((id) => globalThis.newslensRunOnTab(id), tabId);
    await waitFor(() => describeContent(browser, tabId), (d) => d.runs === before + 1 && d.active, "a second reading");
    assert.equal(await page.locator("newslens-ui").count(), 1, "one interface");
    await turnOff(browser, page, tabId);
    // The card's hiding timer must not bring the interface back.
    await page.waitForTimeout(1000);
    assert.equal(await page.locator("newslens-ui, newslens-mark").count(), 0);
    await page.evaluate(() => window.living.addParagraph());
    await page.waitForTimeout(1500);
    assert.equal((await describeContent(browser, tabId)).active, false, "still off after the page changes");
  }));
