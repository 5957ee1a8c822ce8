// Living pages: text that arrives later is read in a batch, a single-page
// navigation starts a new reading, newslens's own changes never start one,
// and turning newslens off removes every trace.
import { test } from "node:test";
import assert from "node:assert/strict";
import { M, describe as describeContent, launch, openAndRun, toContent, waitFor } from "./harness.mjs";

const painted = (page) => page.evaluate(() => Object.fromEntries([...CSS.highlights].filter(([k]) => k.startsWith("newslens-")).map(([k, h]) => [k.slice(9), [...h].map((r) => r.toString())])));

// Opens the living page in a fresh browser, has newslens read it, and runs
// `fn` on it.
async function onLivingPage(fn) {
  const browser = await launch();
  try {
    const { page, tabId } = await openAndRun(browser, `${browser.fixturesUrl}living/index.html`);
    await fn({ browser, page, tabId });
  } finally {
    await browser.close();
  }
}

// Clicks the legend's ×, as the reader turns newslens off.
async function turnOff(browser, page, tabId) {
  const legend = (await describeContent(browser, tabId)).parts.find((p) => p.part === "legend");
  const close = legend.buttons.at(-1);
  await page.mouse.click(close.rect.x + close.rect.width / 2, close.rect.y + close.rect.height / 2);
  await waitFor(() => describeContent(browser, tabId), (d) => !d.active && d.parts.length === 0, "newslens off");
}

test("a living page is read again after it changes, and not after newslens changes it", () =>
  onLivingPage(async ({ browser, page, tabId }) => {
    const first = await describeContent(browser, tabId);
    assert.ok((await painted(page)).PER?.includes("Haider al-Abadi"));

    // newslens's own changes (the card, the current mention) start nothing.
    await toContent(browser, tabId, { type: M.BACKGROUND_TO_CONTENT_COMMAND, command: "next-entity" });
    await page.waitForTimeout(1500);
    assert.equal((await describeContent(browser, tabId)).runs, first.runs, "no reading after its own changes");

    // A clock ticking outside the article starts nothing either.
    for (let i = 0; i < 4; i++) {
      await page.evaluate(() => window.living.tick());
      await page.waitForTimeout(300);
    }
    await page.waitForTimeout(1200);
    assert.equal((await describeContent(browser, tabId)).runs, first.runs, "no reading after a change outside the article");

    // A paragraph arrives: read in one batch.
    await page.evaluate(() => window.living.addParagraph());
    await waitFor(() => painted(page), (p) => p.PER?.includes("Angela Merkel"), "the new paragraph's people");
    const second = await describeContent(browser, tabId);
    assert.equal(second.runs, first.runs + 1, "one reading for the batch");

    // A single-page navigation: the new article replaces the old.
    await page.evaluate(() => window.living.navigate());
    await waitFor(() => painted(page), (p) => p.PER?.includes("Bernard Cazeneuve") && !p.PER.includes("Haider al-Abadi"), "the new article read");
  }));

test("turning newslens off removes every trace and stops watching", () =>
  onLivingPage(async ({ browser, page, tabId }) => {
    const bodyWhileOn = await page.evaluate(() => document.body.outerHTML);
    await turnOff(browser, page, tabId);
    assert.equal(await page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith("newslens-")).length), 0);
    assert.equal(await page.locator("newslens-ui, newslens-mark").count(), 0);
    assert.equal(await page.evaluate(() => document.body.outerHTML), bodyWhileOn, "the page's own DOM as it was");
    const runs = (await describeContent(browser, tabId)).runs;
    await page.evaluate(() => window.living.addParagraph());
    await page.waitForTimeout(1500);
    assert.equal((await describeContent(browser, tabId)).runs, runs, "no reading once off");
  }));

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
