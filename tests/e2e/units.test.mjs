// The first tier: the extension's pure functions, in Node, no browser.
import { test } from "node:test";
import assert from "node:assert/strict";

await import("../../extension/shared/messages.js");
await import("../../extension/shared/palette.js");
await import("../../extension/shared/page-style.js");
await import("../../extension/shared/i18n.js");
const { entityTable, toCsv } = await import("../../extension/sidebar/summary-view.js");
const M = globalThis.newslensMessages;
const palette = globalThis.newslensPalette;

test("message names say who sends and who receives, and are all distinct", () => {
  const values = Object.values(M);
  assert.equal(new Set(values).size, values.length);
  for (const [key, value] of Object.entries(M)) {
    const [from, , to] = key.split("_");
    assert.match(value, new RegExp(`^${from.toLowerCase()}→${to.toLowerCase()}:`), key);
  }
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
    ],
  };
  const rows = entityTable(analysis);
  assert.deepEqual(rows[0], { type: "ORG", name: 'Etat "islamique"', aliases: ["EI", "Daesh"], mentions: 3, salience: 0.73, first: 42 });
  assert.equal(toCsv(rows), 'type,name,aliases,mentions,salience,first\nORG,"Etat ""islamique""","EI; Daesh",3,0.73,42\nLOC,"Syrie, nord",,1,1,10\n');
});
