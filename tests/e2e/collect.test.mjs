// Reading the article's text (extension/content/collect.js, with
// article.js's finder) on pages built for one difficulty each: text
// inside `display: contents` elements, which have no box of their own,
// nesting deep enough that asking skip() about every element must not cost
// the depth once per element, and pages big enough that reading them at
// once would hold the page's thread. The scripts are loaded as plain scripts in
// headless Chromium, as bench/article.mjs loads them.
//
//   node --test tests/e2e/collect.test.mjs      (from the project's root)
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { addArticleReader, launch } from "../../bench/article.mjs";

let browser;
let page;
before(async () => {
  browser = await launch();
  page = await browser.context.newPage();
});
after(() => browser?.close());

// Loads `html` with the article reader, then runs `fn(arg)` there.
const on = async (html, fn, arg) => {
  await page.setContent(html);
  await addArticleReader(page);
  return page.evaluate(fn, arg);
};

const SENTENCES = [
  "Angela Merkel met Emmanuel Macron in Berlin on Tuesday, the chancellery said.",
  "The two leaders discussed the budget of the European Union, and trade with China.",
  "Olaf Scholz, then finance minister, joined them later in the afternoon, aides said.",
];

test("text inside display: contents elements is read", async () => {
  const html = `<article><h1>Leaders meet in Berlin</h1><div style="display: contents">${SENTENCES.map((s) => `<p>${s}</p>`).join("")}</div>
    <section style="display: contents"><p style="display: contents">${SENTENCES[0].replace("Tuesday", "Wednesday")}</p></section></article>`;
  const text = await on(html, () => globalThis.newslensContent.articleText.collect().text);
  for (const sentence of SENTENCES) {
    assert.ok(text.includes(sentence), `read: ${sentence}\n${text}`);
  }
  assert.ok(text.includes("Berlin on Wednesday"), "a display: contents paragraph inside another");
});

test("display: contents does not make hidden text read", async () => {
  const html = `<article><h1>Leaders meet in Berlin</h1>${SENTENCES.map((s) => `<p>${s}</p>`).join("")}
    <div style="display: contents"><p style="display: none">Hidden sentence about Paris, never shown to the reader.</p></div></article>`;
  const text = await on(html, () => globalThis.newslensContent.articleText.collect().text);
  assert.ok(!text.includes("Hidden sentence"), text);
});

// A page whose article sits under `depth` nested <div>s (built through the
// DOM: the HTML parser flattens nesting past 512), the text at the bottom.
// Returns how many times skip() read an element's parent while answering
// for every element under the roots, counted by a getter wrapped around
// parentElement for that loop only, and whether the text was read.
const nested = (depth) =>
  on("<main></main>", ([depth, sentences]) => {
    let el = document.querySelector("main");
    for (let i = 0; i < depth; i++) el = el.appendChild(document.createElement("div"));
    el.innerHTML = `<h1>Deep page</h1>${sentences.map((s) => `<p>${s}</p>`).join("")}`;
    const { roots, skip } = globalThis.newslensContent.article.find(document);
    const elements = roots.flatMap((r) => [r, ...r.querySelectorAll("*")]).concat([...document.querySelectorAll("main div")]);
    const getter = Object.getOwnPropertyDescriptor(Node.prototype, "parentElement");
    let reads = 0;
    Object.defineProperty(Node.prototype, "parentElement", {
      configurable: true,
      get() {
        reads++;
        return getter.get.call(this);
      },
    });
    try {
      for (const e of elements) skip(e);
    } finally {
      Object.defineProperty(Node.prototype, "parentElement", getter);
    }
    const text = globalThis.newslensContent.articleText.collect({ roots, skip }).text;
    return { reads, elements: elements.length, read: sentences.every((s) => text.includes(s)) };
  }, [depth, SENTENCES]);

test("deep nesting: skip() over every element costs the page's size, not size × depth", async () => {
  const small = await nested(2000);
  const large = await nested(4000);
  assert.ok(small.read && large.read, "the article at the bottom is read");
  // Linear: about one parent read per element, doubling with the page;
  // depth² per element would make it four times as many.
  assert.ok(large.reads <= 2 * large.elements, `${large.reads} parent reads for ${large.elements} elements`);
  assert.ok(large.reads / small.reads < 2.5, `${small.reads} → ${large.reads} parent reads when the depth doubles`);
});

// Ten megabytes of text and 50,000 text nodes: the page's own timer runs
// again and again while the article is found (and, among many nodes, while
// its text is collected) in slices, and the answer is the one found at once.
const BIG_PAGES = [
  {
    name: "ten megabytes of paragraphs",
    html: `<article><h1>A long page</h1>${Array.from({ length: 70_000 }, (_, i) => `<p>${i}: ${SENTENCES[i % 3]}</p>`).join("")}</article>`,
    // Collecting a million characters from 70,000 nodes is one slice or two.
    long: ["find"],
  },
  {
    name: "50,000 text nodes",
    html: `<article><h1>Many nodes</h1>${Array.from({ length: 50_000 }, (_, i) => `<span>word${i} </span>`).join("")}${SENTENCES.map((s) => `<p>${s}</p>`).join("")}</article>`,
    long: ["find", "collect"],
  },
];
for (const { name, html, long } of BIG_PAGES) {
  test(`a big page is read in slices, the page's own work running between them: ${name}`, async () => {
    // A page of its own: a renderer that has just held the deep pages
    // above may not take ten more megabytes.
    await page.close();
    page = await browser.context.newPage();
    const found = await on(html, async () => {
      const { article, articleText } = globalThis.newslensContent;
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 0);
      try {
        const roots = await article.findInSlices(document);
        const find = ticks;
        const collected = await articleText.collectInSlices(roots);
        const once = articleText.collect(article.find(document));
        return { find, collect: ticks - find, same: once.text === collected.text && once.segments.length === collected.segments.length, chars: collected.text.length };
      } finally {
        clearInterval(ticker);
      }
    });
    assert.ok(found.chars > 100_000, `${found.chars} characters read`);
    assert.ok(found.same, "the text collected in slices is the text collected at once");
    // Run at once, either would let the timer fire never (how often it
    // fires depends on the machine's speed: slices are cut by time).
    for (const phase of long) {
      assert.ok(found[phase] >= 1, `the page's timer fired ${found[phase]} times during ${phase}`);
    }
  });
}
