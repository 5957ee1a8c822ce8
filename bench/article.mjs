// How well extension/content/article.js finds the article on the real news
// pages in ../shared/fixtures/pages, against the body Mozilla Readability
// extracts from each (expected.html), and how long it takes.
//
//   (cd tests/e2e && npm ci)         # once: playwright-core
//   node bench/article.mjs           # every page: a markdown table, then a JSON summary
//   node bench/article.mjs CASE...   # only these pages
//   node bench/article.mjs --diff CASE   # also the words missed and the words collected in excess
//   node bench/article.mjs --runs=5      # "ms (first)": the median over 5 fresh loads of each page
//   node bench/article.mjs --set DIR --out OUT [--readability OUT2]   # any page set: see article-set.mjs
//
// "ms (first)" is article.find's first call on a freshly loaded page (what
// the extension pays; it includes creating the JS wrappers of every node it
// touches), "ms (median of 5)" five more calls on the same page.
//
// Words are lower-cased runs of letters and digits (/[\p{L}\p{N}]+/gu),
// compared as multisets. Recall: the share of expected.html's words found in
// the collected text (article.find's roots minus what skip() rejects, read by
// collect.js, as the extension reads them). Precision: the share of the collected words that
// are in expected.html. Readability leaves the headline out of
// expected.html, and sometimes the standfirst: both count against
// precision here although they are wanted. expected.html is loaded in the
// same browser; its text is its body's textContent.
//
// Uses Debian's Chromium (/usr/bin/chromium, or $CHROMIUM) headless, with
// every request that is not to 127.0.0.1 refused. tests/e2e/article.test.mjs
// imports what is exported here.
import { fileURLToPath } from "node:url";
import { readdirSync } from "node:fs";
import { serve } from "../www/serve.mjs";
import { addArticleReader } from "./article-reader.mjs";
// playwright-core and Chromium's set-up are the browser tests'.
import { CHROMIUM, CHROMIUM_FLAGS, PAGES, chromium, median } from "../tests/e2e/browser.mjs";

export { PAGES };
export { addArticleReader };

// The language of each fixture page.
export const LANGUAGES = {
  "lemonde-1": "fr",
  "liberation-1": "fr",
  "bbc-1": "en",
  cnn: "en",
  "guardian-1": "en",
  "nytimes-1": "en",
  "wapo-1": "en",
  "la-nacion": "es",
  folha: "pt",
  heise: "de",
  aktualne: "cs",
  "rtl-1": "rtl",
  qq: "zh",
};

export const CASES = readdirSync(PAGES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort((a, b) => Object.keys(LANGUAGES).indexOf(a) - Object.keys(LANGUAGES).indexOf(b));


// Chromium and a server for the fixture pages. Returns { context, url, close }.
export async function launch() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  // Some pages carry a Content-Security-Policy that would refuse the
  // injected script.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await context.route("**/*", (route) => (new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort()));
  const { server, url } = await serve(PAGES);
  const close = async () => {
    await browser.close();
    server.close();
  };
  return { context, url, close };
}

// Opens fixture page `name` (source.html) with the article reader loaded in it.
export async function openSource(context, url, name) {
  const page = await context.newPage();
  await page.goto(`${url}${name}/source.html`, { waitUntil: "load" });
  await addArticleReader(page);
  return page;
}

// The text article.find selects in `page`, and how long it took
// (the first call, then the median of five more).
export function articleText(page) {
  return page.evaluate(() => {
    let start = performance.now();
    const { roots, skip } = globalThis.newslensContent.article.find(document);
    const first = performance.now() - start;
    const times = [];
    for (let i = 0; i < 5; i++) {
      start = performance.now();
      globalThis.newslensContent.article.find(document);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const describe = (e) => e.nodeName.toLowerCase() + (e.id ? `#${e.id}` : "") + (typeof e.className === "string" && e.className.trim() ? `.${e.className.trim().split(/\s+/).join(".")}` : "");
    return { text: globalThis.newslensContent.articleText.collect({ roots, skip }).text, first, median: times[2], roots: roots.map(describe) };
  });
}

// The text of fixture page `name`'s expected.html, loaded in the same
// browser: its body's textContent.
export async function expectedText(context, url, name) {
  const page = await context.newPage();
  try {
    await page.goto(`${url}${name}/expected.html`, { waitUntil: "load" });
    return await page.evaluate(() => document.body.textContent);
  } finally {
    await page.close();
  }
}

export function words(text) {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

function counts(list) {
  const out = new Map();
  for (const w of list) {
    out.set(w, (out.get(w) ?? 0) + 1);
  }
  return out;
}

// Recall and precision of `collected` against `expected`, over word multisets.
export function compare(expected, collected) {
  const want = counts(words(expected));
  const got = counts(words(collected));
  let common = 0;
  let expectedWords = 0;
  let collectedWords = 0;
  const missed = [];
  const extra = [];
  for (const [w, n] of want) {
    expectedWords += n;
    common += Math.min(n, got.get(w) ?? 0);
    if (n > (got.get(w) ?? 0)) {
      missed.push(`${w}×${n - (got.get(w) ?? 0)}`);
    }
  }
  for (const [w, n] of got) {
    collectedWords += n;
    if (n > (want.get(w) ?? 0)) {
      extra.push(`${w}×${n - (want.get(w) ?? 0)}`);
    }
  }
  return {
    recall: expectedWords ? common / expectedWords : 1,
    precision: collectedWords ? common / collectedWords : 0,
    expectedWords,
    collectedWords,
    missed,
    extra,
  };
}

// Everything about one fixture page. `check(page)`, if given, runs on the
// page afterwards (after article.find's first call, the one timed); what it
// returns is `checked` in the result.
export async function measure(context, url, name, check) {
  const expected = await expectedText(context, url, name);
  const page = await openSource(context, url, name);
  try {
    const found = await articleText(page);
    return {
      page: name,
      language: LANGUAGES[name] ?? "?",
      ...compare(expected, found.text),
      ms: found.first,
      medianMs: found.median,
      roots: found.roots,
      text: found.text,
      checked: check ? await check(page) : undefined,
    };
  } finally {
    await page.close();
  }
}

// article.find's first call on `runs` fresh loads of fixture page `name`:
// what the extension pays, once per page. Milliseconds, in load order.
export async function firstCalls(context, url, name, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const page = await openSource(context, url, name);
    times.push(await page.evaluate(() => {
      const start = performance.now();
      globalThis.newslensContent.article.find(document);
      return performance.now() - start;
    }));
    await page.close();
  }
  return times;
}

const pct = (x) => x.toFixed(3);

export function table(results) {
  const lines = ["| page | language | recall | precision | words expected | words collected | ms (first) | ms (median of 5) |", "|---|---|---:|---:|---:|---:|---:|---:|"];
  for (const r of results) {
    lines.push(`| ${r.page} | ${r.language} | ${pct(r.recall)} | ${pct(r.precision)} | ${r.expectedWords} | ${r.collectedWords} | ${r.ms.toFixed(1)} | ${r.medianMs.toFixed(1)} |`);
  }
  return lines.join("\n");
}

const option = (args, name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes("--set")) {
  const args = process.argv.slice(2);
  const [dir, out, readabilityOut] = ["--set", "--out", "--readability"].map((name) => option(args, name));
  if (!dir || !out) {
    console.error("usage: node bench/article.mjs --set DIR --out OUT [--readability OUT2] [FILE...]");
    process.exit(2);
  }
  const { runSet } = await import("./article-set.mjs");
  await runSet({ dir, out, readabilityOut, only: args });
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const diff = args.includes("--diff");
  const runs = Number(args.find((a) => a.startsWith("--runs="))?.slice("--runs=".length) ?? 1);
  const names = args.filter((a) => !a.startsWith("--"));
  const { context, url, close } = await launch();
  const results = [];
  try {
    for (const name of names.length ? names : CASES) {
      const result = await measure(context, url, name);
      // A busy machine stretches single timings: the median of more loads.
      if (runs > 1) {
        result.ms = median([result.ms, ...(await firstCalls(context, url, name, runs - 1))]);
      }
      results.push(result);
    }
  } finally {
    await close();
  }
  console.log(table(results));
  if (diff) {
    for (const r of results) {
      console.log(`\n## ${r.page}\nroots: ${r.roots.join(" | ")}\nmissed (${r.missed.length}): ${r.missed.join(" ")}\nextra (${r.extra.length}): ${r.extra.join(" ")}`);
    }
  }
  const mean = (key) => +pct(results.reduce((sum, r) => sum + r[key], 0) / results.length);
  const summary = {
    pages: Object.fromEntries(
      results.map((r) => [
        r.page,
        { language: r.language, recall: +pct(r.recall), precision: +pct(r.precision), expectedWords: r.expectedWords, collectedWords: r.collectedWords, ms: +r.ms.toFixed(1), medianMs: +r.medianMs.toFixed(1), roots: r.roots },
      ]),
    ),
    mean: { recall: mean("recall"), precision: mean("precision"), ms: +(results.reduce((sum, r) => sum + r.ms, 0) / results.length).toFixed(1) },
  };
  console.log("\n" + JSON.stringify(summary, null, 2));
}
