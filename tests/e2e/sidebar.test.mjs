// The sidebar: the page's title, site, language and reading time; in
// brief; each type's entities with aliases, counts and salience; clicking
// one scrolls the page to it; arrows walk its mentions; toggles hide a
// type; a filter; exports; the keyboard reaches everything; and the mention
// map beside the page's scrollbar.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { assertExports, legendAndSidebarAgree, toggleHidesType } from "./reading-checks.mjs";
import { assertOneTypePerEntity, describe as describeContent, launch, openAndRun, openSidebar, screenshot, pressShortcut, waitFor } from "./harness.mjs";

const PAGES = [
  ["lemonde-1", "fr", "François Hollande"],
  ["guardian-1", "en", "Hori Parata"],
];

for (const [name, lang, person] of PAGES) {
  describe(`${name} (${lang})`, () => {
    let browser;
    let page;
    let tabId;
    let sidebar;

    before(async () => {
      browser = await launch();
      ({ page, tabId } = await openAndRun(browser, `${browser.pagesUrl}${name}/source.html`));
      sidebar = await openSidebar(browser, tabId);
    });
    after(() => browser?.close());

    const section = (label) => sidebar.locator(`.nl-type[data-label="${label}"]`);
    const names = (label) => section(label).locator(".nl-name > span:first-child").allTextContents();

    test("the page: title, site, language, reading time", async () => {
      assert.ok((await sidebar.locator("#title").textContent()).length > 10);
      const meta = await sidebar.locator("#meta").textContent();
      assert.match(meta, /127\.0\.0\.1/);
      assert.match(meta, new RegExp(`: ${lang}`));
      assert.match(meta, /\d+ min/);
      await screenshot(sidebar, `${name}-sidebar`);
    });

    test("in brief: three sentences of the article", async () => {
      const brief = await sidebar.locator(".nl-brief li").allTextContents();
      assert.equal(brief.length, 3);
      const text = await page.evaluate(() => document.body.textContent.replace(/\s+/g, " "));
      for (const sentence of brief) {
        assert.ok(text.includes(sentence.replace(/\s+/g, " ").slice(0, 40)), sentence);
      }
    });

    test("people, organisations, places, dates and key figures, each entity with its count and salience", async () => {
      assert.ok((await names("PER")).includes(person), await names("PER"));
      for (const label of ["ORG", "LOC", "DATE", "NUM"]) {
        assert.ok((await names(label)).length > 0, `${label} listed`);
      }
      const first = section("PER").locator(".nl-entity").first();
      assert.match(await first.locator(".nl-count").textContent(), /^×\d+$/);
      assert.ok(await first.locator(".nl-salience").count());
    });

    test("no entity is listed under two types", async () => {
      const labels = ["PER", "ORG", "LOC", "MISC"];
      assertOneTypePerEntity(Object.fromEntries(await Promise.all(labels.map(async (label) => [label, await names(label)]))));
    });

    test("clicking an entity scrolls the page to it and marks it; its arrows walk its mentions", async () => {
      const row = section("PER").locator(".nl-entity", { hasText: person }).first();
      await row.locator(".nl-name").click();
      const d = await waitFor(() => describeContent(browser, tabId), (x) => x.current >= 0, "a current mention");
      // The page scrolls smoothly: wait for it to arrive.
      await waitFor(
        () => page.evaluate(() => {
          const r = /** @type {Range} */ ([...CSS.highlights.get("newslens-current")][0]).getBoundingClientRect();
          return r.top >= 0 && r.bottom <= innerHeight;
        }),
        Boolean,
        "the mention scrolled into view",
      );
      if (await row.locator(".nl-step").count()) {
        await row.locator(".nl-step", { hasText: "›" }).click();
        const next = await waitFor(() => describeContent(browser, tabId), (x) => x.current !== d.current, "the next mention");
        assert.notEqual(next.current, d.current);
        assert.match(await row.locator(".nl-position").textContent(), /2/);
      }
      await page.bringToFront();
      await screenshot(page, `${name}-revealed`);
    });

    test("a type's toggle hides its highlights in the page, and shows them again", () => toggleHidesType({ page, sidebar }));

    test("the page's legend and the sidebar agree on which types are hidden", () => legendAndSidebarAgree({ browser, page, tabId, sidebar }));

    test("the filter keeps the matching entities, ignoring case and accents", async () => {
      const fold = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
      const word = fold(person.split(" ")[1].slice(0, 4));
      await sidebar.locator(".nl-filter").fill(word);
      const shown = await sidebar.locator(".nl-entity:not([hidden]) .nl-name").allTextContents();
      assert.ok(shown.length >= 1 && shown.every((n) => fold(n).includes(word)), shown.join(" | "));
      assert.ok(shown.length < (await sidebar.locator(".nl-entity .nl-name").count()), "others hidden");
      await sidebar.locator(".nl-filter").fill("");
    });

    test("exports the entity table as JSON and CSV", async () => {
      const saved = async (name) => {
        const [download] = await Promise.all([sidebar.waitForEvent("download"), sidebar.getByRole("button", { name }).click()]);
        return readFile(await download.path(), "utf8");
      };
      assertExports({ json: await saved(/JSON/), csv: await saved(/CSV/) }, person);
    });

    test("keyboard: / goes to the filter, Tab reaches the entities and Enter shows one", async () => {
      await sidebar.locator("body").click({ position: { x: 2, y: 2 } });
      await sidebar.keyboard.press("/");
      assert.equal(await sidebar.evaluate(() => document.activeElement.className), "nl-filter");
      for (let i = 0; i < 40; i++) {
        await sidebar.keyboard.press("Tab");
        if (await sidebar.evaluate(() => document.activeElement.classList.contains("nl-name"))) {
          break;
        }
      }
      assert.ok(await sidebar.evaluate(() => document.activeElement.classList.contains("nl-name")), "an entity reached by Tab");
      // Put the page on its last mention, so that showing the first entity moves it.
      await pressShortcut(browser, tabId, "previous-entity");
      const before = await waitFor(() => describeContent(browser, tabId), (d) => d.current >= 0, "a current mention");
      await sidebar.keyboard.press("Enter");
      await waitFor(() => describeContent(browser, tabId), (d) => d.current !== before.current, "Enter shows the entity");
    });

    test("the mention map beside the scrollbar marks where each type occurs", async () => {
      const map = (await describeContent(browser, tabId)).parts.find((p) => p.part === "map");
      assert.ok(map, "map shown");
      assert.ok(map.rect.x + map.rect.width >= 1270 && map.rect.height >= 800, JSON.stringify(map.rect));
      assert.ok(map.ticks.includes("PER") && map.ticks.includes("LOC"));
    });
  });
}
