// Living pages: text that arrives later is read in a batch, a single-page
// navigation starts a new reading, newslens's own changes never start one,
// and turning newslens off removes every trace.
import { test } from "node:test";
import assert from "node:assert/strict";
import { describe as describeContent, waitFor } from "./harness.mjs";
import { offStopsWatching, readAgainAfterChanges } from "./living-checks.mjs";
import { onTestPage } from "./hostile-checks.mjs";

const onLivingPage = (fn) => onTestPage("living/index.html", fn);

test("a living page is read again after it changes, and not after newslens changes it", () => onLivingPage(readAgainAfterChanges));

test("turning newslens off removes every trace and stops watching", () => onLivingPage(offStopsWatching));

test("running newslens again on a page keeps one newslens, which × removes whole", () =>
  onLivingPage(async (on) => {
    const { browser, page, tabId } = on;
    const before = (await describeContent(browser, tabId)).runs;
    await browser.worker.evaluate((id) => globalThis.newslensRunOnTab(id), tabId);
    await waitFor(() => describeContent(browser, tabId), (d) => d.runs === before + 1 && d.active, "a second reading");
    assert.equal(await page.locator("newslens-ui").count(), 1, "one interface");
    await offStopsWatching(on);
  }));
