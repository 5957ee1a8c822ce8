// Highlights that never break a page: painted by the CSS Custom Highlight
// API without touching the DOM, or by inline marks that keep layout and
// text; one colour per type with a legend; a card on hover with the
// entity's name, count and arrows; the keyboard walks the mentions.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { M, describe as describeContent, launch, screenshot, tabIdOf, toContent, waitFor } from "./harness.mjs";
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
    let mentionRect;

    before(async () => {
      browser = await launch();
      page = await browser.context.newPage();
      const url = `${browser.pagesUrl}${name}/source.html`;
      await page.goto(url, { waitUntil: "load" });
      bodyBefore = await page.evaluate(() => document.body.outerHTML);
      tabId = await tabIdOf(browser.worker, url);
      await browser.worker.evaluate((id) => globalThis.newslensRunOnTab(id), tabId);
      await waitFor(() => describeContent(browser, tabId), (d) => d?.active && d.mentions > 0, "painted");
      // A person mentioned in the article, scrolled into view.
      mentionRect = await page.evaluate(() => {
        const range = /** @type {Range} */ ([...CSS.highlights.get("newslens-PER")][0]);
        range.startContainer.parentElement.scrollIntoView({ block: "center" });
        const r = range.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      });
    });
    after(() => browser?.close());

    test("painted through the Highlight API, the page's DOM untouched", async () => {
      const d = await describeContent(browser, tabId);
      assert.equal(d.method, "highlight-api");
      assert.equal(await page.evaluate(() => document.body.outerHTML), bodyBefore, "not a node of the page changed");
      assert.equal(await page.locator("newslens-mark").count(), 0);
    });

    test("the highlights are visible: a mention's pixels change colour", async () => {
      const clip = { x: mentionRect.x, y: mentionRect.y, width: Math.max(1, mentionRect.width), height: Math.max(1, mentionRect.height) };
      const painted = await page.screenshot({ clip });
      await toContent(browser, tabId, { type: M.BACKGROUND_TO_CONTENT_COMMAND, command: "toggle-highlights" });
      await page.waitForTimeout(200);
      const bare = await page.screenshot({ clip });
      await toContent(browser, tabId, { type: M.BACKGROUND_TO_CONTENT_COMMAND, command: "toggle-highlights" });
      assert.notDeepEqual(painted, bare, "the mention looks the same highlighted and not");
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

    test("resting the pointer on a mention shows its card; its arrows walk the entity's mentions", async () => {
      await page.mouse.move(mentionRect.x + mentionRect.width / 2, mentionRect.y + mentionRect.height / 2);
      const card = await waitFor(async () => (await describeContent(browser, tabId)).parts.find((p) => p.part === "card"), Boolean, "a card");
      // The interface speaks the browser's language (English here), whatever the page's.
      assert.ok(card.text.startsWith("person"), card.text);
      assert.match(card.text, /1 mention‹|mentions · mention \d+ of \d+/);
      await screenshot(page, `${name}-card`);
      const next = card.buttons.find((b) => b.text === "›");
      if (/1 mention‹/.test(card.text)) {
        return;
      }
      await page.mouse.move(next.rect.x + next.rect.width / 2, next.rect.y + next.rect.height / 2);
      await page.mouse.click(next.rect.x + next.rect.width / 2, next.rect.y + next.rect.height / 2);
      const after = await waitFor(() => describeContent(browser, tabId), (d) => d.current >= 0, "a current mention");
      assert.ok(after.current >= 0);
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
      await browser.worker.evaluate((id) => chrome.scripting.executeScript({ target: { tabId: id }, func: () => globalThis.newslensContent.clear() }), tabId);
      await waitFor(() => page.locator("newslens-mark").count(), (n) => n === 0, "marks removed");
      assert.deepEqual(await snapshot(), before);
    } finally {
      await browser.close();
    }
  });
});
