// Reading a page in Firefox, in ESR 140 (the oldest the manifest names) and
// Debian's current ESR: the highlights painted through the Highlight API
// (which a Firefox content script reaches through Xray wrappers), the card,
// the sidebar's lists, the legend's fold, the keyboard's walk, the
// sidebar's toggles and exports, and × taking every trace away.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { assertOneTypePerEntity, describe as describeContent, openSidebar, paintedByLabel, runOn, screenshot, tabIdOf, waitFor } from "./harness.mjs";
import { FIREFOXES, launchFirefox } from "./firefox.mjs";
import { assertExports, keyboardWalks, legendAndSidebarAgree, legendFolds, toggleHidesType } from "./reading-checks.mjs";

for (const firefox of FIREFOXES) {
  describe(`${firefox.name}: lemonde-1`, () => {
    let browser;
    let page;
    let tabId;
    let htmlBefore;

    before(async () => {
      browser = await launchFirefox(firefox);
      const url = `${browser.pagesUrl}lemonde-1/source.html`;
      page = await browser.newPage();
      await page.goto(url, { waitUntil: "load" });
      htmlBefore = await page.evaluate(() => document.documentElement.outerHTML);
      tabId = await tabIdOf(browser.worker, url);
      await runOn(browser, tabId);
    });
    after(() => browser?.close());

    test("painted through the Highlight API, every mention, the page's DOM untouched", async () => {
      const d = await describeContent(browser, tabId);
      assert.equal(d.method, "highlight-api");
      const painted = await paintedByLabel(page);
      assert.ok(painted.PER.includes("François Hollande"), painted.PER.join(" | "));
      assert.ok(painted.LOC.length > 0 && painted.ORG.length > 0);
      const count = Object.values(painted).reduce((n, texts) => n + texts.length, 0);
      assert.equal(count, d.mentions, "every mention painted, no type hidden");
      assert.ok(d.parts.some((p) => p.part === "legend") && d.parts.some((p) => p.part === "map"), "legend and mention map shown");
      const body = await page.evaluate(() => document.body.outerHTML);
      assert.equal(body, htmlBefore.slice(htmlBefore.indexOf("<body"), htmlBefore.lastIndexOf("</body>") + 7), "not a node of the page's body changed");
      await screenshot(page, `firefox-${firefox.name.split(" ")[1]}-lemonde-1-highlights`);
    });

    test("resting the pointer on a mention shows its card", async () => {
      await page.bringToFront();
      const rect = await page.evaluate(() => {
        const range = /** @type {Range} */ ([...CSS.highlights.get("newslens-PER")][0]);
        range.startContainer.parentElement.scrollIntoView({ block: "center" });
        const r = range.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      });
      await page.mouse.move(rect.x, rect.y);
      const card = await waitFor(async () => (await describeContent(browser, tabId)).parts.find((p) => p.part === "card"), Boolean, "a card");
      assert.ok(card.text.startsWith("person"), card.text);
    });

    test("the sidebar lists the page's entities by type", async () => {
      const sidebar = await openSidebar(browser, tabId);
      const names = await sidebar.evaluate(() =>
        Object.fromEntries([.../** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(".nl-type"))].map((section) => [
          section.dataset.label,
          [...section.querySelectorAll(".nl-name > span:first-child")].map((name) => name.textContent),
        ])),
      );
      assert.ok(names.PER?.includes("François Hollande"), JSON.stringify(names.PER));
      for (const label of ["ORG", "LOC", "DATE", "NUM"]) {
        assert.ok(names[label]?.length > 0, `${label} listed`);
      }
      assertOneTypePerEntity(names);
      await sidebar.close();
    });

    test("the legend's title folds it to its name and unfolds it again", async () => {
      await page.bringToFront();
      await legendFolds({ browser, page, tabId });
    });

    test("the keyboard's next and previous entity walk the page, scrolling to each", async () => {
      await page.bringToFront();
      await keyboardWalks({ browser, page, tabId });
    });

    test("a type's toggle in the sidebar hides its highlights; legend and sidebar agree on what is hidden", async () => {
      const sidebar = await openSidebar(browser, tabId);
      await toggleHidesType({ page, sidebar });
      await legendAndSidebarAgree({ browser, page, tabId, sidebar });
      await sidebar.close();
    });

    test("the sidebar exports the entity table as JSON and CSV files", async () => {
      const sidebar = await openSidebar(browser, tabId);
      // A file is whole once Firefox has renamed its ".part" to its name.
      const saved = async (format, name) => {
        await sidebar.click(`button::-p-text(${format})`);
        const done = async () => {
          const files = await readdir(browser.downloads);
          return files.includes(name) && !files.includes(`${name}.part`) ? readFile(join(browser.downloads, name), "utf8") : "";
        };
        return waitFor(done, Boolean, `${name} downloaded`);
      };
      assertExports({ json: await saved("JSON", "newslens.json"), csv: await saved("CSV", "newslens.csv") }, "François Hollande");
      await sidebar.close();
    });

    test("× on the legend removes every trace: the page as it was before the reading", async () => {
      await page.bringToFront();
      const legend = (await describeContent(browser, tabId)).parts.find((p) => p.part === "legend");
      const close = legend.buttons.at(-1);
      assert.equal(close.text, "×");
      await page.mouse.click(close.rect.x + close.rect.width / 2, close.rect.y + close.rect.height / 2);
      await waitFor(() => describeContent(browser, tabId), (d) => !d.active && d.parts.length === 0, "newslens off");
      const names = ["PER", "ORG", "LOC", "MISC", "DATE", "NUM", "current"].map((n) => `newslens-${n}`);
      assert.deepEqual(await page.evaluate((all) => all.filter((n) => CSS.highlights.has(n)), names), [], "no highlight left");
      assert.equal(await page.evaluate(() => document.documentElement.outerHTML), htmlBefore, "the page's DOM as before");
    });
  });
}
