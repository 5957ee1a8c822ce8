// What the browser tests share: paths, a Chromium with the built extension
// (firefox.mjs starts Firefox with the same shape, for the same helpers),
// fixture pages served from 127.0.0.1, and a log of every request.
import assert from "node:assert/strict";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "../../www/serve.mjs";

import { CHROMIUM, CHROMIUM_FLAGS, PAGES, ROOT, SHARED, chromium, proxyFlags } from "./browser.mjs";
import { refusingProxy } from "./refusing-proxy.mjs";

export { PAGES, ROOT, SHARED };
export const DIST = join(ROOT, "dist");
// The project's own test pages (a living page).
export const FIXTURES = join(ROOT, "tests/e2e/fixtures");
// Screenshots for people to look at; ignored by git.
export const ARTIFACTS = join(ROOT, "tests/e2e/artifacts");

if (!existsSync(join(DIST, "chrome/manifest.json"))) {
  throw new Error(`no built extension in ${DIST}: run ./build.sh build first`);
}

export async function readJson(path) {
  return JSON.parse(await readFile(path, "utf8"));
}

// The shipped extension for `browser` ("chrome" or "firefox"), copied with
// one test-only change: host permission for 127.0.0.1. A test cannot click
// the toolbar button (the gesture that grants activeTab) nor answer a
// permission prompt, so this stands in for the reader's consent on the test
// server alone.
export async function extensionForTests(browser = "chrome") {
  const dir = await mkdtemp(join(tmpdir(), "newslens-extension-"));
  await cp(join(DIST, browser), dir, { recursive: true });
  const manifest = await readJson(join(dir, "manifest.json"));
  manifest.host_permissions = ["http://127.0.0.1/*"];
  await writeFile(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
  return dir;
}

// Starts Chromium with the extension. Every request that leaves 127.0.0.1,
// from any page, extension page, service worker or content script, goes to
// a proxy that refuses it and logs it in `requests` (safety.test.mjs proves
// it sees the service worker's, the extension pages' and a content
// script's). `locale`: the browser's interface language ("fr" shows the
// French UI). `alter(dir)`: changes the extension's copy before Chromium
// loads it, for a test build.
export async function launch({ extension = true, locale = "en-US", alter = null } = {}) {
  const profile = await mkdtemp(join(tmpdir(), "newslens-profile-"));
  const extensionDir = extension ? await extensionForTests() : null;
  await alter?.(extensionDir);
  const args = extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : [];
  const proxy = await refusingProxy();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale,
    viewport: { width: 1280, height: 900 },
    args: [...CHROMIUM_FLAGS, ...proxyFlags(proxy.port), `--lang=${locale}`, ...args],
    acceptDownloads: true,
  });
  let worker = null;
  if (extensionDir) {
    [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent("serviceworker", { timeout: 15_000 });
  }
  const { servers, pagesUrl, fixturesUrl } = await serveTestPages();
  const close = async () => {
    await context.close();
    servers.forEach((s) => s.close());
    await proxy.close();
    await rm(profile, { recursive: true, force: true });
    if (extensionDir) {
      await rm(extensionDir, { recursive: true, force: true });
    }
  };
  const extensionId = worker ? new URL(worker.url()).host : null;
  const extensionOrigin = `chrome-extension://${extensionId}`;
  return {
    context,
    worker,
    requests: proxy.requests,
    pagesUrl,
    fixturesUrl,
    extensionId,
    extensionOrigin,
    newPage: () => context.newPage(),
    // Until `page` has asked for nothing for half a second.
    networkIdle: (page) => page.waitForLoadState("networkidle"),
    // An extension page (a path in the extension) in a tab of its own.
    openExtensionPage: async (path) => {
      const page = await context.newPage();
      await page.goto(`${extensionOrigin}/${path}`);
      return page;
    },
    close,
  };
}

// The fixture pages and the project's own test pages, each served from
// 127.0.0.1.
export async function serveTestPages() {
  const pages = await serve(PAGES);
  const fixtures = await serve(FIXTURES);
  return { servers: [pages.server, fixtures.server], pagesUrl: pages.url, fixturesUrl: fixtures.url };
}

// The tab id of the page at `url`, as the extension sees it. Not
// tabs.query({ url }): Firefox's match patterns take no port.
export async function tabIdOf(worker, url) {
  return worker.evaluate(async (u) => (await chrome.tabs.query({})).find((tab) => tab.url === u)?.id, url);
}

// What newslens painted in `page`: for each label, the text of each range,
// whichever way it painted (Highlight API or fallback marks).
export async function paintedByLabel(page) {
  return page.evaluate(() => {
    const out = {};
    for (const label of ["PER", "ORG", "LOC", "MISC", "DATE", "NUM"]) {
      const highlight = globalThis.CSS?.highlights?.get(`newslens-${label}`);
      const ranges = highlight ? [...highlight].map((r) => r.toString()) : [];
      const marks = [...document.querySelectorAll(`newslens-mark[data-label="${label}"]`)].map((m) => m.textContent);
      // Non-breaking spaces ("mardi&nbsp;5&nbsp;mai") compare as spaces.
      out[label] = [...ranges, ...marks].map((t) => t.replace(/\s+/g, " "));
    }
    return out;
  });
}

export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

// What the content script shows in tab `tabId` (its describe()), or null.
export async function describe(browser, tabId) {
  return browser.worker.evaluate(async (id) => {
    const [result] = await chrome.scripting.executeScript({ target: { tabId: id }, func: () => globalThis.newslensContent?.describe?.() ?? null });
    return result?.result ?? null;
  }, tabId);
}

/**
 * The message contract, as the extension declares it.
 * @typedef {import("../../extension/shared/messages.js").Actions} Actions
 * @typedef {import("../../extension/shared/messages.js").Command} Command
 */

/**
 * Asks the content script of tab `tabId` for `action` (one of those
 * extension/shared/messages.js declares), as the sidebar or the background
 * do, through the extension's own invoke(); resolves to its result.
 * @template {keyof Actions} A
 * @param {A} action
 * @param {Actions[A]["params"]} params
 * @returns {Promise<Actions[A]["result"]>}
 */
export async function toContent(browser, tabId, action, params) {
  return browser.worker.evaluate(([id, a, p]) => globalThis.newslensMessages.invoke(a, p, id), [tabId, action, params]);
}

/**
 * Presses keyboard shortcut `command` on tab `tabId`, as the background
 * passes it on.
 * @param {Command} command
 */
export function pressShortcut(browser, tabId, command) {
  return toContent(browser, tabId, "runCommand", { command });
}

// What newslens in tab `tabId` reports once nothing of its work is on its
// way (describe()'s `settled`): no reading running or scheduled, no timer
// to fire. What has not happened by then will not happen by itself.
export async function settled(browser, tabId) {
  return waitFor(() => describe(browser, tabId), (d) => d?.settled, "newslens settled");
}

// Runs newslens on tab `tabId` (what the toolbar button runs) and waits
// until it has painted.
export async function runOn(browser, tabId) {
  await browser.worker.evaluate((id) => globalThis.newslensRunOnTab(id), tabId);
  await waitFor(() => describe(browser, tabId), (d) => d?.active && d.mentions > 0, "newslens painted");
}

// Loads `url` in a new tab and runs newslens on it. Returns { page, tabId }.
export async function openAndRun(browser, url) {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: "load" });
  const tabId = await tabIdOf(browser.worker, url);
  await runOn(browser, tabId);
  return { page, tabId };
}

// The two pages the corrections', watchlist's and memory's checks read:
// fixtures/corrections/ (written to name what lemonde-1 names) and
// lemonde-1, in that order, both read; with the browser.
export async function openNamingPages(browser) {
  const second = await openAndRun(browser, `${browser.fixturesUrl}corrections/index.html`);
  const first = await openAndRun(browser, `${browser.pagesUrl}lemonde-1/source.html`);
  return { browser, first, second };
}

// Stops the extension's service worker, as Chrome does after some 30
// seconds idle, through the DevTools protocol of extension page `page`;
// resolves once Chrome says it has stopped.
export async function stopServiceWorker(browser, page) {
  const cdp = await browser.context.newCDPSession(page);
  const stopping = new Promise((/** @type {(value?: unknown) => void} */ resolve) =>
    cdp.on("ServiceWorker.workerVersionUpdated", ({ versions }) => versions.some((v) => v.runningStatus === "stopped") && resolve()),
  );
  await cdp.send("ServiceWorker.enable");
  await cdp.send("ServiceWorker.stopAllWorkers");
  await stopping;
  await cdp.detach();
}

// Polls `read` until `ok(value)`; fails with `what` after `ms`.
export async function waitFor(read, ok, what, ms = 15_000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) {
      return value;
    }
    if (Date.now() > until) {
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)?.slice(0, 500)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

// The sidebar page, pinned to tab `tabId`, once it shows that tab's summary.
export async function openSidebar(browser, tabId) {
  const sidebar = await browser.openExtensionPage(`sidebar/sidebar.html?tab=${tabId}`);
  await sidebar.waitForSelector(".nl-type");
  return sidebar;
}

/**
 * Asserts that no name is listed under two types in the sidebar:
 * `names` maps each label to the names its section lists.
 * @param {Record<string, string[]>} names
 */
export function assertOneTypePerEntity(names) {
  const seen = new Map();
  for (const label of ["PER", "ORG", "LOC", "MISC"]) {
    for (const name of names[label] ?? []) {
      const key = name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
      assert.ok(!seen.has(key) || seen.get(key) === label, `${name} is listed as ${seen.get(key)} and as ${label}`);
      seen.set(key, label);
    }
  }
  assert.ok(seen.size > 5, "the sidebar lists names");
}
