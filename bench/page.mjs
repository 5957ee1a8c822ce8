// The extension on real pages, in headless Chromium: how long from the
// trigger until the highlights are painted, and the longest task on the
// page's main thread meanwhile (the content scripts run there; the
// extraction does not). Several runs per page; prints medians and maxima.
//
//   node bench/page.mjs [--stopped] [runs] [page...]   (after ./build.sh build and `cd tests/e2e && npm ci`)
//
// Each browser is fresh: the first run of the first page is a reader's
// first click (the engine built from nothing); name one page to see its own.
// With --stopped, every run is the first click of a reader who has been
// reading for a while: Chrome stops an idle extension's service worker
// after about 30 seconds, and the click wakes it, which then builds its
// engine again. The worker is stopped through the DevTools protocol before
// each click, and the click is the sidebar's "Highlight this page" (a test
// cannot press the toolbar button; both send the worker one message).
import { median } from "../tests/e2e/browser.mjs";
import { describe, launch, stopServiceWorker, tabIdOf } from "../tests/e2e/harness.mjs";

const stopped = process.argv.includes("--stopped");
const args = process.argv.slice(2).filter((a) => a !== "--stopped");
const runs = Number(args[0] ?? 5);
const PAGES = args.length > 1 ? args.slice(1) : ["lemonde-1", "guardian-1"];

// Opens the sidebar of tab `tabId`, stops the extension's service worker
// and waits until Chrome says it has stopped. Gives the sidebar, whose
// button then wakes the worker.
async function sidebarWithWorkerStopped(browser, tabId) {
  const sidebar = await browser.openExtensionPage(`sidebar/sidebar.html?tab=${tabId}`);
  await sidebar.waitForSelector("#run");
  await stopServiceWorker(browser, sidebar);
  return sidebar;
}

const browser = await launch();
const results = [];
try {
  // The long-task observer must see a task it is shown, or its silence
  // below means nothing.
  const probe = await browser.context.newPage();
  await probe.goto(`${browser.pagesUrl}lemonde-1/source.html`);
  const seen = await probe.evaluate(async () => {
    const tasks = [];
    new PerformanceObserver((list) => tasks.push(...list.getEntries())).observe({ type: "longtask" });
    await new Promise((r) => setTimeout(r, 50));
    const until = performance.now() + 80;
    while (performance.now() < until) {
      // Busy: one long task.
    }
    await new Promise((r) => setTimeout(r, 100));
    return tasks.length;
  });
  if (!seen) {
    throw new Error("the long-task observer saw no long task: this Chromium cannot measure them");
  }
  await probe.close();
  for (const name of PAGES) {
    const times = [];
    const longest = [];
    for (let r = 0; r < runs; r++) {
      const page = await browser.context.newPage();
      const url = `${browser.pagesUrl}${name}/source.html`;
      await page.goto(url, { waitUntil: "load" });
      await page.waitForTimeout(300);
      const tabId = await tabIdOf(browser.worker, url);
      const sidebar = stopped ? await sidebarWithWorkerStopped(browser, tabId) : null;
      // Long tasks and the first painted highlight, seen from the page;
      // times on the epoch's clock, which the sidebar shares.
      await page.evaluate(() => {
        window.__newslensBench = { tasks: [], painted: null, origin: performance.timeOrigin, start: performance.timeOrigin + performance.now() };
        new PerformanceObserver((list) => window.__newslensBench.tasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: "longtask" });
        const poll = () => {
          if ([...CSS.highlights.keys()].some((k) => k.startsWith("newslens-"))) {
            window.__newslensBench.painted = performance.timeOrigin + performance.now();
          } else {
            requestAnimationFrame(poll);
          }
        };
        requestAnimationFrame(poll);
      });
      let clicked = null;
      if (sidebar) {
        clicked = await sidebar.evaluate(() => {
          const at = performance.timeOrigin + performance.now();
          document.getElementById("run").click();
          return at;
        });
      } else {
        await browser.worker.evaluate((id) => globalThis.newslensRunOnTab(id), tabId);
      }
      await page.waitForFunction(() => window.__newslensBench.painted !== null, null, { timeout: 15_000 });
      await page.waitForTimeout(500);
      const bench = await page.evaluate(() => window.__newslensBench);
      if (clicked !== null) bench.start = clicked;
      // The content script's own timings (its clock is the page's).
      const marks = (await describe(browser, tabId)).timings;
      console.error(name, "trigger→script", (marks.start + bench.origin - bench.start).toFixed(0), "collect", (marks.collected - marks.start).toFixed(0), "analyse", (marks.analysed - marks.collected).toFixed(0), "paint", (marks.painted - marks.analysed).toFixed(0), "→ visible", (bench.painted - bench.start).toFixed(0));
      times.push(bench.painted - bench.start);
      longest.push(Math.max(0, ...bench.tasks));
      await sidebar?.close();
      await page.close();
    }
    results.push({ page: name, runs, highlightMs: { median: median(times), all: times }, longestTaskMs: { median: median(longest), max: Math.max(...longest), all: longest } });
  }
} finally {
  await browser.close();
}
// The first run of all pays for building the engine (wasm and models) in
// the background; it is shown apart, and counted in the median.
console.log("| page | trigger → highlights (median ms) | first run (ms) | longest main-thread task (median / max ms) |\n|---|---|---|---|");
for (const r of results) {
  console.log(`| ${r.page} | ${r.highlightMs.median.toFixed(0)} | ${r.highlightMs.all[0].toFixed(0)} | ${r.longestTaskMs.median.toFixed(0)} / ${r.longestTaskMs.max.toFixed(0)} |`);
}
console.log(JSON.stringify(results));
