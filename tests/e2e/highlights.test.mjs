// Highlights that never break a page: painted by the CSS Custom Highlight
// API without touching the DOM, or by inline marks that keep layout and
// text; one colour per type with a legend; a card on hover with the
// entity's name, count and arrows; the keyboard walks the mentions.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { describe as describeContent, launch, screenshot, tabIdOf, waitFor } from "./harness.mjs";
import { highlightsVisible } from "./hostile-checks.mjs";
import { keyboardWalks, legendFolds } from "./reading-checks.mjs";

const PAGES = [
  ["lemonde-1", "fr"],
  ["guardian-1", "en"],
];

for (const [name, lang] of PAGES) {
  describe(`${name} (${lang})`, () => {
    let browser;
    let page;
    let tabId;
    let bodyBefore;

    before(async () => {
      browser = await launch();
      page = await browser.context.newPage();
      const url = `${browser.pagesUrl}${name}/source.html`;
      await page.goto(url, { waitUntil: "load" });
      bodyBefore = await page.evaluate(() => document.body.outerHTML);
      tabId = await tabIdOf(browser.worker, url);
      await browser.worker.evaluate((id) => globalThis.newslensRunOnTab(id), tabId);
      await waitFor(() => describeContent(browser, tabId), (d) => d?.active && d.mentions > 0, "painted");
    });
    after(() => browser?.close());

    test("painted through the Highlight API, the page's DOM untouched", async () => {
      const d = await describeContent(browser, tabId);
      assert.equal(d.method, "highlight-api");
      assert.equal(await page.evaluate(() => document.body.outerHTML), bodyBefore, "not a node of the page changed");
      assert.equal(await page.locator("newslens-mark").count(), 0);
    });

    test("the highlights are visible: a mention's pixels change colour", async () => {
      await highlightsVisible({ browser, page, tabId });
      await screenshot(page, `${name}-highlights`);
    });

    test("a legend gives each type present its own colour", async () => {
      const legend = (await describeContent(browser, tabId)).parts.find((p) => p.part === "legend");
      assert.ok(legend, "legend shown");
      const types = legend.ticks;
      assert.ok(types.includes("PER") && types.includes("LOC"), types.join());
      assert.equal(new Set(types).size, types.length);
      const colours = await browser.worker.evaluate((labels) => labels.map((l) => globalThis.newslensPalette.colour(l)), types);
      assert.equal(new Set(colours).size, colours.length, "one colour per type");
    });

    test("the legend's title folds it to its name and unfolds it again", () => legendFolds({ browser, page, tabId }));

    // A mention of an entity the article names more than once (a person
    // if it can), scrolled into view: the arrows of its card have another
    // mention to go to. Chosen where newslens knows the entities, in its
    // own world.
    const repeatedMention = () =>
      browser.worker.evaluate(async (id) => {
        const [found] = await chrome.scripting.executeScript({
          target: { tabId: id },
          func: () => {
            const view = globalThis.newslensContent.state.view;
            const repeated = (label) => view.entities.findIndex((e, at) => e.label === label && view.ranges[at] && view.groupOf[at]?.mentions.length > 1);
            const i = ["PER", "ORG", "LOC", "MISC"].map(repeated).find((at) => at >= 0);
            view.ranges[i].startContainer.parentElement.scrollIntoView({ block: "center" });
            const r = view.ranges[i].getBoundingClientRect();
            return { label: view.entities[i].label, x: r.x, y: r.y, width: r.width, height: r.height };
          },
        });
        return found.result;
      }, tabId);

    test("resting the pointer on a mention shows its card; its arrows walk the entity's mentions", async () => {
      const mentionRect = await repeatedMention();
      await page.mouse.move(mentionRect.x + mentionRect.width / 2, mentionRect.y + mentionRect.height / 2);
      const cardOf = async () => (await describeContent(browser, tabId)).parts.find((p) => p.part === "card");
      const card = await waitFor(cardOf, Boolean, "a card");
      // The interface speaks the browser's language (English here), whatever the page's.
      const typeName = { PER: "person", ORG: "organisation", LOC: "place", MISC: "other name" }[mentionRect.label];
      assert.ok(card.text.startsWith(typeName), card.text);
      const [, count, at] = card.text.match(/(\d+) mentions · mention (\d+) of \1/) ?? assert.fail(`an entity named twice: ${card.text}`);
      await screenshot(page, `${name}-card`);
      const next = card.buttons.find((b) => b.text === "›");
      await page.mouse.move(next.rect.x + next.rect.width / 2, next.rect.y + next.rect.height / 2);
      await page.mouse.click(next.rect.x + next.rect.width / 2, next.rect.y + next.rect.height / 2);
      await waitFor(() => describeContent(browser, tabId), (d) => d.current >= 0, "a current mention");
      const moved = await waitFor(cardOf, (c) => c && !c.text.includes(`mention ${at} of`), "the card on the next mention");
      assert.match(moved.text, new RegExp(`mentions · mention ${(Number(at) % Number(count)) + 1} of ${count}`));
    });

    test("the keyboard's next and previous entity walk the page, scrolling to each", () => keyboardWalks({ browser, page, tabId }));
  });
}

describe("where the Highlight API is missing", () => {
  test("marks keep the page's layout and text, and go away without a trace", async () => {
    const browser = await launch();
    try {
      const page = await browser.context.newPage();
      const url = `${browser.pagesUrl}lemonde-1/source.html`;
      await page.goto(url, { waitUntil: "load" });
      const tabId = await tabIdOf(browser.worker, url);
      const snapshot = () =>
        page.evaluate(() => {
          const body = document.querySelector('[itemprop="articleBody"]');
          return { text: body.textContent, height: body.getBoundingClientRect().height, paragraphs: [...body.querySelectorAll("p")].map((p) => p.getBoundingClientRect().height) };
        });
      const before = await snapshot();
      // Hide the API from newslens's isolated world, where its content scripts run.
      await browser.worker.evaluate((id) => chrome.scripting.executeScript({ target: { tabId: id }, func: () => { globalThis.Highlight = undefined; } }), tabId);
      await browser.worker.evaluate((id) => globalThis.newslensRunOnTab(id), tabId);
      await page.waitForSelector("newslens-mark", { state: "attached", timeout: 15_000 });
      const marked = await snapshot();
      assert.ok(await page.locator('newslens-mark[data-label="PER"]', { hasText: "François Hollande" }).count());
      assert.equal(marked.text, before.text, "same text");
      assert.deepEqual(marked.paragraphs, before.paragraphs, "same paragraph heights");
      assert.equal(marked.height, before.height);
      await screenshot(page, "lemonde-1-marks");

      // What the legend's × calls.
      await browser.worker.evaluate((id) => chrome.scripting.executeScript({ target: { tabId: id }, func: () => globalThis.newslensContent.reading.clear() }), tabId);
      await waitFor(() => page.locator("newslens-mark").count(), (n) => n === 0, "marks removed");
      assert.deepEqual(await snapshot(), before);
    } finally {
      await browser.close();
    }
  });
});
