// The first tier: the extension's pure functions, in Node, no browser.
import { test } from "node:test";
import assert from "node:assert/strict";

import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { ROOT } from "./browser.mjs";

// The shared classic scripts, for the globals they set, as a page would
// run them. (Through a path tsc does not follow: they are type-checked as
// the browser sees them, in tsconfig.browser.json, where their typedefs
// are global.)
const classic = (name) => import(`../../extension/shared/${name}.js`);
for (const name of ["messages", "palette", "page-style", "i18n", "settings", "watchlist"]) {
  await classic(name);
}
const { entityTable, toCsv } = await import("../../extension/sidebar/summary-view.js");
const { AUTO_RUN_SCRIPTS, READER_SCRIPTS } = await import("../../extension/background/content-scripts.js");
// (An ES module, imported as the classic scripts are, for the same reason.)
const memory = await classic("memory");
const { invoke, reply } = globalThis.newslensMessages;
const palette = globalThis.newslensPalette;

// A WebExtension API whose messages reach `handlers` (as listen() answers
// them), and whose storage.local holds `stored`. Set as `chrome` for `fn`.
async function withApi({ handlers = {}, stored = {} }, fn) {
  const send = async (message) => (await reply(handlers, structuredClone(message), { tab: { id: 7 } })) ?? undefined;
  globalThis.chrome = /** @type {any} */ ({
    runtime: { sendMessage: send },
    tabs: { sendMessage: (tabId, message) => send({ ...message, params: { ...message.params, tabId } }) },
    storage: { local: { get: async (keys) => Object.fromEntries(keys.filter((k) => k in stored).map((k) => [k, stored[k]])) } },
  });
  try {
    return await fn();
  } finally {
    delete globalThis.chrome;
  }
}

test("one reply shape: a handler's result or its error, and nothing for an action no handler has", async () => {
  const handlers = { twice: ({ n }) => n * 2, nothing: () => undefined, broken: () => Promise.reject(new Error("it broke")) };
  assert.deepEqual(await reply(handlers, { action: "twice", params: { n: 21 } }, {}), { result: 42 });
  assert.deepEqual(await reply(handlers, { action: "nothing" }, {}), { result: null });
  assert.deepEqual(await reply(handlers, { action: "broken", params: {} }, {}), { error: "it broke" });
  for (const message of [{ action: "other" }, { action: "constructor" }, { action: "toString" }, { type: "twice" }, null, "twice"]) {
    assert.equal(reply(handlers, message, {}), null, JSON.stringify(message));
  }
});

test("invoke resolves to the result, rejects with the error, and says when nothing answered", async () => {
  /** @type {any} */
  const handlers = { siteEnabled: ({ origin }) => origin === "https://example.org", hiddenTypes: ({ tabId }) => (tabId === 3 ? ["LOC"] : null), analyze: () => { throw new Error("no model"); } };
  await withApi({ handlers }, async () => {
    assert.equal(await invoke("siteEnabled", { origin: "https://example.org" }), true);
    assert.deepEqual(await invoke("hiddenTypes", {}, 3), ["LOC"], "sent to the tab");
    await assert.rejects(invoke("analyze", { text: "", url: "", title: "", truncated: false, reading: { whole: false, short: true, words: 0, pageWords: 0 } }), /no model/);
    await assert.rejects(invoke("tabState", { tabId: 1 }), /nothing answered tabState/);
  });
});

test("settings: each key's default until the reader sets it", async () => {
  const settings = globalThis.newslensSettings;
  await withApi({ stored: { hiddenTypes: ["LOC"] } }, async () => {
    assert.deepEqual(await settings.read("hiddenTypes", "colours", "sites"), { hiddenTypes: ["LOC"], colours: {}, sites: [] });
    const first = await settings.read("sites");
    first.sites.push("https://example.org");
    assert.deepEqual((await settings.read("sites")).sites, [], "a default is never shared");
  });
});

test("every content script is injected, once, in an order that defines before use", async () => {
  const files = (await readdir(join(ROOT, "extension/content"))).filter((f) => f.endsWith(".js")).map((f) => `content/${f}`);
  const listed = [...READER_SCRIPTS, ...AUTO_RUN_SCRIPTS].filter((f) => f.startsWith("content/"));
  assert.deepEqual([...listed].sort(), [...files].sort());
  assert.equal(new Set(READER_SCRIPTS).size, READER_SCRIPTS.length);
  const at = (file) => READER_SCRIPTS.indexOf(file);
  assert.ok(at("shared/messages.js") < at("content/namespace.js") && at("shared/settings.js") < at("content/namespace.js"), "shared scripts first");
  assert.ok(at("content/namespace.js") < at("content/state.js"), "the namespace, then the state");
  assert.equal(READER_SCRIPTS.at(-1), "content/start.js", "the reading starts last");
  assert.equal(AUTO_RUN_SCRIPTS[0], "shared/messages.js");
});

test("the reader's colours replace the palette's, bad ones are ignored", () => {
  palette.choose({ PER: "#112233", LOC: "red", XYZ: "#000000" });
  assert.equal(palette.colour("PER"), "#112233");
  assert.equal(palette.colour("LOC"), palette.defaults.LOC, "not a #rrggbb colour");
  const css = globalThis.newslensPageStyle.css();
  assert.match(css, /::highlight\(newslens-PER\) \{ background-color: #11223359/);
  assert.equal(css.match(/::highlight\(newslens-[A-Z]+\)/g).length, palette.order.length);
  palette.choose({});
  assert.equal(palette.colour("PER"), palette.defaults.PER);
  assert.equal(new Set(Object.values(palette.defaults)).size, palette.order.length, "one colour per type");
});

test("interface strings fill their placeholders outside the extension", () => {
  globalThis.newslensI18n.use({ mentionOf: { message: "mention $I$ of $N$", placeholders: { i: { content: "$1" }, n: { content: "$2" } } } });
  assert.equal(globalThis.newslensI18n.t("mentionOf", 2, 5), "mention 2 of 5");
  assert.equal(globalThis.newslensI18n.t("missing"), "missing", "an unknown key shows itself, not nothing");
});

test("the entity table exports as CSV, quoting what must be", () => {
  const analysis = {
    entities: [{ start: 10 }, { start: 42 }],
    summary: [
      { label: "ORG", name: 'Etat "islamique"', aliases: ["EI", "Daesh"], count: 3, salience: 0.73456, mentions: [1] },
      { label: "LOC", name: "Syrie, nord", aliases: [], count: 1, salience: 1, mentions: [0] },
      { label: "MISC", name: "line\rbreak", aliases: [], count: 1, salience: 0.5, mentions: [0] },
    ],
  };
  const rows = entityTable(analysis);
  assert.deepEqual(rows[0], { type: "ORG", name: 'Etat "islamique"', aliases: ["EI", "Daesh"], mentions: 3, salience: 0.73, first: 42 });
  assert.equal(toCsv(rows), 'type,name,aliases,mentions,salience,first\nORG,"Etat ""islamique""","EI; Daesh",3,0.73,42\nLOC,"Syrie, nord",,1,1,10\nMISC,"line\rbreak",,1,0.5,10\n');
});

test("the CSV export keeps page text from running as a spreadsheet formula", () => {
  const row = (name, aliases = []) => ({ type: "PER", name, aliases, mentions: 1, salience: 1, first: 0 });
  const cells = (csv) => csv.split("\n")[1];
  assert.equal(cells(toCsv([row("=HYPERLINK(\"http://x\")")])), `PER,"'=HYPERLINK(""http://x"")",,1,1,0`);
  const guarded = { "+": "'+1+1", "-": "'-1+1", "@": "'@1+1", "\t": "'\t1+1", "\r": `"'\r1+1"` };
  for (const [start, cell] of Object.entries(guarded)) {
    assert.equal(cells(toCsv([row(`${start}1+1`)])), `PER,${cell},,1,1,0`, JSON.stringify(start));
  }
  assert.equal(cells(toCsv([row("Anne", ["=1+1"])])), "PER,Anne,'=1+1,1,1,0", "aliases too");
  assert.equal(cells(toCsv([row("A-ha")])), "PER,A-ha,,1,1,0", "only a cell's start counts");
  assert.equal(cells(toCsv([{ ...row("Anne"), salience: -0.5 }])), "PER,Anne,,1,-0.5,0", "numbers stay numbers");
});

test("a star matches its entity by any of its names, folded, and unstarring takes every star it matches", () => {
  const { matcher, star, unstar } = globalThis.newslensWatchlist;
  const macron = { name: "Emmanuel Macron", aliases: ["Macron"] };
  const stars = star([{ name: "Renault" }], macron);
  assert.deepEqual(stars, [{ name: "Renault" }, { name: "Emmanuel Macron", also: ["Macron"] }]);
  const starred = matcher(stars);
  // By its other name alone, whatever the case, accents and spaces.
  /** @type {[{ name: string, aliases: string[] }, boolean][]} */
  const cases = [
    [{ name: "MACRON", aliases: [] }, true],
    [{ name: "Président", aliases: ["emmanuel  macron"] }, true],
    [{ name: "Rénault", aliases: [] }, true],
    [{ name: "Brigitte Macron", aliases: [] }, false],
    [{ name: "Paris", aliases: [] }, false],
  ];
  for (const [group, is] of cases) {
    assert.equal(starred(group), is, group.name);
  }
  assert.equal(matcher([])({ name: "Macron", aliases: [] }), false);
  assert.deepEqual(unstar(stars, { name: "Macron", aliases: [] }), [{ name: "Renault" }]);
  // Starred again from a page that names it by less: the star keeps every name.
  assert.deepEqual(star(stars, { name: "Macron", aliases: [] }), [{ name: "Renault" }, { name: "Macron", also: ["Emmanuel Macron"] }]);
});

test("a star holds only names an export imports again", () => {
  const { storable, star } = globalThis.newslensWatchlist;
  /** @type {[string, boolean][]} */
  const cases = [["Macron", true], ["AT&T", true], ["<b>Bold</b>", false], ["Mac\u0007ron", false], ["...", false], ["x".repeat(201), false]];
  for (const [name, ok] of cases) {
    assert.equal(storable(name), ok, name);
  }
  assert.deepEqual(star([], { name: "Orange", aliases: ["<i>O</i>", "Orange SA"] }), [{ name: "Orange", also: ["Orange SA"] }]);
});

test("the memory keeps the newest article of an address, nothing past 30 days, and the newest within 5 MB", () => {
  const { admit, DAY, MAX_BYTES } = memory;
  const now = 1_800_000_000_000;
  const entry = (key, url, age, bytes = 100) => ({ key, url, date: now - age, bytes });
  const kept = admit([entry("a", "u1", 2 * DAY), entry("b", "u2", 31 * DAY), entry("c", "u3", DAY)], [entry("d", "u1", 0)], now);
  assert.deepEqual(kept.map((e) => e.key), ["c", "d"], "u1 once, the newest; u2 past 30 days");
  const big = Array.from({ length: 60 }, (_, k) => entry(`k${k}`, `u${k}`, (60 - k) * 1000, 100_000));
  const capped = admit(big, [], now);
  const total = JSON.stringify(capped).length + capped.reduce((sum, e) => sum + e.bytes, 0);
  assert.ok(total <= MAX_BYTES && total > MAX_BYTES - 100_000 - 100, `${total} bytes`);
  assert.equal(capped.at(-1).key, "k59", "the newest kept");
  assert.equal(capped[0].key, `k${60 - capped.length}`, "the oldest out first");
});
