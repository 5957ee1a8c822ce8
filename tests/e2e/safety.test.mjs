// Safe by construction: no request leaves 127.0.0.1 while newslens reads,
// paints and answers the sidebar; pages in scripts the models do not cover
// get no entities, a clear status, and stay as they were.
import { test } from "node:test";
import assert from "node:assert/strict";
import { M, launch, openSidebar, tabIdOf, toContent, waitFor } from "./harness.mjs";

for (const name of ["lemonde-1", "guardian-1"]) {
  test(`${name}: no request beyond 127.0.0.1 from reading to sidebar`, async () => {
    const browser = await launch();
    try {
      const page = await browser.context.newPage();
      const url = `${browser.pagesUrl}${name}/source.html`;
      await page.goto(url, { waitUntil: "load" });
      await page.waitForTimeout(500);
      const since = Date.now();
      const tabId = await tabIdOf(browser.worker, url);
      await browser.worker.evaluate((id) => globalThis.newslensRunOnTab(id), tabId);
      await page.waitForFunction(() => CSS.highlights.size > 0, null, { timeout: 15_000 });
      const sidebar = await openSidebar(browser, tabId);
      await sidebar.locator(".nl-name").first().click();
      await toContent(browser, tabId, { type: M.BACKGROUND_TO_CONTENT_COMMAND, command: "next-entity" });
      await page.waitForTimeout(1000);
      const remote = browser.requests.filter((r) => r.time >= since && !r.local);
      assert.deepEqual(remote.map((r) => r.url), []);
      const extension = browser.requests.filter((r) => r.url.startsWith("chrome-extension://") || r.fromWorker);
      assert.ok(extension.every((r) => r.url.startsWith("chrome-extension://")), JSON.stringify(extension));
    } finally {
      await browser.close();
    }
  });
}

for (const name of ["rtl-1", "qq"]) {
  test(`${name}: no entities, a clear status, the page intact`, async () => {
    const browser = await launch();
    try {
      const page = await browser.context.newPage();
      const url = `${browser.pagesUrl}${name}/source.html`;
      await page.goto(url, { waitUntil: "load" });
      const body = await page.evaluate(() => document.body.outerHTML);
      const tabId = await tabIdOf(browser.worker, url);
      await browser.worker.evaluate((id) => globalThis.newslensRunOnTab(id), tabId);
      const info = await waitFor(
        () => browser.worker.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`], tabId),
        (s) => s?.state === "done" || s?.state === "error",
        "analysis done",
      );
      assert.equal(info.state, "done", JSON.stringify(info));
      assert.equal(info.analysis.status, "language not supported");
      assert.equal(info.analysis.entities.length, 0);
      const sidebar = await browser.context.newPage();
      await sidebar.goto(`chrome-extension://${browser.extensionId}/sidebar/sidebar.html?tab=${tabId}`);
      await sidebar.waitForFunction(() => /not supported/.test(document.getElementById("status").textContent));
      assert.equal(await page.evaluate(() => document.body.outerHTML), body);
    } finally {
      await browser.close();
    }
  });
}
