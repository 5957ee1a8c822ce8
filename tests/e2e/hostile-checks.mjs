// What the hostile-page tests check, in Chromium (hostile.test.mjs,
// navigation.test.mjs, dense.test.mjs) and Firefox
// (hostile.firefox.test.mjs): newslens's legend as describe() reports it,
// a dense page's cap and the page's timer, navigations and rewritten pages,
// clicks on its buttons, whether its stylesheet is in the page, whether a
// mention looks highlighted. Each check takes { browser, page, tabId } on a
// page newslens has read.
import assert from "node:assert/strict";
import { describe as describeContent, launch, openAndRun, paintedByLabel, pressShortcut, settled, waitFor } from "./harness.mjs";

// Opens `path` among the project's test pages in a fresh Chromium, has
// newslens read it, and runs `fn` on { browser, page, tabId }.
export async function onTestPage(path, fn) {
  const browser = await launch();
  try {
    const { page, tabId } = await openAndRun(browser, `${browser.fixturesUrl}${path}`);
    await fn({ browser, page, tabId });
  } finally {
    await browser.close();
  }
}

// The legend newslens shows in tab `tabId`, or undefined.
export async function legendOf(browser, tabId) {
  return (await describeContent(browser, tabId))?.parts.find((p) => p.part === "legend");
}

const centre = (rect) => ({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 });

// What the page itself finds at the middle of `rect`: the element on top
// there (newslens's host, seen from the page, where its interface is).
export async function elementAt(page, rect) {
  return page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName ?? null, centre(rect));
}

// newslens's hosts among the root's children, seen from the page.
const hosts = (page) => page.evaluate(() => [...document.documentElement.children].filter((e) => e.localName.startsWith("newslens-ui")).length);

// Clicks the legend's ×, as the reader turns newslens off, and waits until
// it is off.
export async function turnOff(browser, page, tabId) {
  const close = (await legendOf(browser, tabId)).buttons.at(-1);
  const { x, y } = centre(close.rect);
  await page.mouse.click(x, y);
  await waitFor(() => describeContent(browser, tabId), (d) => !d.active && d.parts.length === 0, "newslens off");
}

// Whether newslens's stylesheet is in the page: the colour it gives a
// fallback mark, on a probe that is added and removed at once.
export async function styledByNewslens(page) {
  return page.evaluate(() => {
    const probe = document.createElement("newslens-mark");
    probe.dataset.label = "PER";
    document.body.append(probe);
    const colour = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return colour !== "rgba(0, 0, 0, 0)" && colour !== "transparent";
  });
}

// What the background knows of tab `tabId` (what the sidebar shows).
export async function tabState(browser, tabId) {
  return browser.worker.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] ?? null, tabId);
}

// The first person's mention looks different highlighted and not (the
// reader's Alt+Shift+H).
export async function highlightsVisible({ browser, page, tabId }) {
  const rect = await page.evaluate(() => {
    const range = /** @type {Range} */ ([...CSS.highlights.get("newslens-PER")][0]);
    range.startContainer.parentElement.scrollIntoView({ block: "center" });
    const r = range.getBoundingClientRect();
    return { x: r.x, y: r.y, width: Math.max(1, r.width), height: Math.max(1, r.height) };
  });
  const toggle = () => pressShortcut(browser, tabId, "toggle-highlights");
  const shown = await page.screenshot({ clip: rect });
  await toggle();
  await waitFor(() => page.evaluate(() => CSS.highlights.has("newslens-PER")), (has) => !has, "highlights hidden");
  const hidden = await page.screenshot({ clip: rect });
  await toggle();
  await waitFor(() => page.evaluate(() => CSS.highlights.has("newslens-PER")), Boolean, "highlights shown again");
  assert.notDeepEqual(shown, hidden, "the mention looks the same highlighted and not");
}

// The legend is there, on top where it is drawn, and its × turns newslens
// off with every trace.
export async function legendWorks({ browser, page, tabId }) {
  const legend = await legendOf(browser, tabId);
  assert.ok(legend, "a legend");
  assert.ok(legend.rect.width > 50 && legend.rect.height > 10, JSON.stringify(legend.rect));
  assert.ok(legend.ticks.includes("PER"), legend.text);
  const close = legend.buttons.at(-1);
  assert.match(await elementAt(page, close.rect) ?? "", /^newslens-ui/, "× is on top of the page");
  await turnOff(browser, page, tabId);
  assert.equal(await hosts(page), 0, "no interface left");
  assert.deepEqual(Object.values(await paintedByLabel(page)).flat(), [], "no highlight left");
  await waitFor(() => styledByNewslens(page), (styled) => !styled, "the stylesheet gone");
}

// The legend sits in the window's bottom-left corner, on top, wherever the
// page is scrolled.
export async function legendInCorner({ browser, page, tabId }) {
  const height = await page.evaluate(() => innerHeight);
  for (const y of [0, 1500]) {
    await page.evaluate((top) => scrollTo(0, top), y);
    await waitFor(() => page.evaluate(() => scrollY), (at) => at > 0 === y > 0, "scrolled");
    const legend = await legendOf(browser, tabId);
    assert.ok(Math.abs(legend.rect.x - 12) <= 1, `left edge at ${legend.rect.x} (scrolled to ${y})`);
    const bottom = legend.rect.y + legend.rect.height;
    assert.ok(Math.abs(bottom - (height - 12)) <= 1, `bottom edge at ${bottom} of ${height} (scrolled to ${y})`);
    assert.match(await elementAt(page, legend.rect) ?? "", /^newslens-ui/, "the legend is on top");
  }
}

// On the living page: after its single-page navigation, the stylesheet is
// still known, and × takes it away.
export async function styleLeavesAfterNavigation({ browser, page, tabId }) {
  assert.ok(await styledByNewslens(page), "the stylesheet is in the page");
  await page.evaluate(() => window.living.navigate());
  await waitFor(async () => (await paintedByLabel(page)).PER, (p) => p.includes("Bernard Cazeneuve"), "the new article read");
  await waitFor(() => tabState(browser, tabId), (s) => s?.state === "done", "the new reading done");
  assert.ok(await styledByNewslens(page), "the stylesheet stays with the page");
  await turnOff(browser, page, tabId);
  await waitFor(() => styledByNewslens(page), (styled) => !styled, "the stylesheet removed");
}

await import("../../extension/shared/page-style.js");
const { MAX_PAINTED } = globalThis.newslensPageStyle;

// Starts a ticker in `page` that keeps the longest its own timer waited
// (window.held): the content scripts share the page's main thread, and the
// long-task API does not report their tasks. It must see a hold it is shown.
export async function startTicker(page) {
  const shown = await page.evaluate(async () => {
    window.held = 0;
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      window.held = Math.max(window.held, now - last);
      last = now;
    }, 10);
    await new Promise((r) => setTimeout(r, 50));
    const until = performance.now() + 150;
    while (performance.now() < until) {
      // The page's own long task.
    }
    await new Promise((r) => setTimeout(r, 50));
    const seen = window.held;
    window.held = 0;
    return seen;
  });
  assert.ok(shown >= 150, `the ticker saw a hold of ${shown} ms`);
}

// On hostile/dense.html, read with a ticker started (startTicker): the
// first MAX_PAINTED mentions painted through the Highlight API, no mark in
// the page, the rest said in the legend, and the page's timer never held
// `longestHoldMs` or more.
export async function denseCapped({ browser, page, tabId }, longestHoldMs) {
  const d = await waitFor(() => describeContent(browser, tabId), (x) => x?.parts.some((p) => p.part === "map") && !x.mapping, "the mention map drawn", 60_000);
  assert.equal(d.method, "highlight-api");
  assert.equal(d.mentions, MAX_PAINTED);
  assert.ok(d.found >= 138_000, `${d.found} found`);
  assert.equal(await page.evaluate(() => CSS.highlights.get("newslens-LOC").size), MAX_PAINTED);
  assert.equal(await page.evaluate(() => document.querySelectorAll("newslens-mark").length), 0, "no mark in the page");
  const legend = await legendOf(browser, tabId);
  assert.match(legend.text, new RegExp(`first ${MAX_PAINTED.toLocaleString("en-US")} of ${d.found.toLocaleString("en-US")} mentions`));
  const held = await page.evaluate(() => window.held);
  console.log(`dense page: ${d.found} mentions, ${d.mentions} painted; the page's timer waited ${held.toFixed(0)} ms at most`);
  assert.ok(held < longestHoldMs, `the page was held ${held.toFixed(0)} ms`);
}

// On living/index.html: popstate events the page fakes start no reading;
// the browser's own, for a history entry at another address, do.
export async function fakePopstateIgnored({ browser, page, tabId }) {
  const before = await describeContent(browser, tabId);
  await page.evaluate(() => {
    for (let i = 0; i < 200; i++) {
      dispatchEvent(new PopStateEvent("popstate", { state: { i } }));
    }
  });
  // A reading they asked for would be scheduled, running or counted in
  // runs until newslens settles.
  assert.equal((await settled(browser, tabId)).runs, before.runs, "no reading started");
  await page.evaluate(() => window.living.navigate());
  await waitFor(() => describeContent(browser, tabId), (d) => d.runs === before.runs + 1 && !d.scheduled, "the navigation read");
  await page.evaluate(() => history.back());
  await waitFor(() => describeContent(browser, tabId), (d) => d.runs === before.runs + 2, "the way back read");
}

// On hostile/rewrite.html: a page that writes itself anew with
// document.open() is read anew, no range left in the old document, the
// legend back and the stylesheet still there; × then turns newslens off.
export async function rewrittenReadAnew({ browser, page, tabId }) {
  const people = async () => (await paintedByLabel(page)).PER ?? [];
  assert.ok((await people()).includes("Haider al-Abadi"));
  await page.evaluate(() => window.rewrite());
  await waitFor(people, (p) => p.includes("Bernard Cazeneuve") && !p.includes("Haider al-Abadi"), "the new document read");
  const dead = await page.evaluate(() => [...CSS.highlights.values()].flatMap((h) => [...h]).filter((r) => !r.startContainer.isConnected).length);
  assert.equal(dead, 0, "no range left in the old document");
  const legend = await waitFor(() => legendOf(browser, tabId), (l) => l?.ticks.includes("PER"), "the legend back");
  assert.ok(legend.rect.width > 50, JSON.stringify(legend.rect));
  assert.ok(await styledByNewslens(page), "the stylesheet still applies");
  await turnOff(browser, page, tabId);
  assert.equal((await describeContent(browser, tabId)).active, false);
}
