// The reader's lexicon gives the same entities on the command line
// (`newslens extract --lexicon FILE`) as in the wasm package the extension
// and the demo page run: one core applies it for both.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DIST, ROOT } from "./harness.mjs";
import { encodeCorrections } from "../../extension/shared/lexicon.js";

/** @type {import("../../extension/shared/lexicon.js").Fields[]} */
const CORRECTIONS = [
  // The model reads this Syrian town as a person.
  { name: "Boukamal", lang: "fr", type: "LOC" },
  { name: "moyenne vallée de l'Euphrate", lang: "fr", type: "LOC" },
  { name: "AFP", type: "none" },
  { name: "Daesh", lang: "fr", same_as: "Etat islamique" },
];

/** @param {{text: string, label: string}[]} entities */
const named = (entities) => entities.filter((e) => !["DATE", "NUM"].includes(e.label)).map((e) => `${e.text}|${e.label}`);

test("the command line and the wasm apply the same corrections the same way", async () => {
  const text = await readFile(join(ROOT, "www/seed-article.txt"), "utf8");
  const dir = await mkdtemp(join(tmpdir(), "newslens-lexicon-"));
  try {
    const file = join(dir, "lexicon.json");
    await writeFile(file, JSON.stringify({ corrections: CORRECTIONS, stars: [] }));
    const cli = (/** @type {string[]} */ ...flags) =>
      JSON.parse(execFileSync(join(ROOT, "target/release/newslens"), ["extract", ...flags], { input: JSON.stringify({ id: "seed", text, lang: "fr" }) }).toString()).entities;
    const pkgDir = join(DIST, "pkg");
    const pkg = await import(pathToFileURL(join(pkgDir, "newslens.js")).href);
    await pkg.default({ module_or_path: await readFile(join(pkgDir, "newslens_bg.wasm")) });
    const engine = new pkg.Newslens();
    engine.addModel("fr", await readFile(join(pkgDir, "models/fr.bin")));
    const before = named(engine.analyze(text, "fr").entities);
    const { text: fields, lengths } = encodeCorrections(CORRECTIONS);
    assert.equal(engine.setLexicon(fields, lengths), CORRECTIONS.length);
    const analysis = engine.analyze(text, "fr");
    const after = named(analysis.entities);

    assert.deepEqual(after, named(cli("--lexicon", file)), "the same entities, in the same order");
    assert.deepEqual(before, named(cli()), "and the same without corrections");
    assert.ok(before.includes("Boukamal|PER") && after.includes("Boukamal|LOC"), "the type corrected");
    assert.ok(before.includes("AFP|ORG") && !after.some((e) => e.startsWith("AFP|")), "not a name: gone");
    assert.ok(after.includes("moyenne vallée de l'Euphrate|LOC") && !after.includes("Euphrate|LOC"), "the longer name in place of the shorter");
    const group = analysis.summary.find((/** @type {{name: string}} */ g) => g.name === "Etat islamique");
    assert.ok(group?.aliases.includes("Daesh"), `one entry for both names: ${JSON.stringify(group)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("a malformed correction is refused by the command line and the wasm alike, with its reason", async () => {
  const dir = await mkdtemp(join(tmpdir(), "newslens-lexicon-"));
  try {
    const bad = [{ name: "<b>Macron</b>", type: "PER" }];
    const file = join(dir, "lexicon.json");
    await writeFile(file, JSON.stringify(bad));
    let stderr = "";
    try {
      execFileSync(join(ROOT, "target/release/newslens"), ["extract", "--lexicon", file], { input: "", stdio: ["pipe", "pipe", "pipe"] });
    } catch (error) {
      stderr = String(/** @type {{stderr: Buffer}} */ (error).stderr);
    }
    assert.match(stderr, /correction 1 .*markup/);
    const pkgDir = join(DIST, "pkg");
    const pkg = await import(pathToFileURL(join(pkgDir, "newslens.js")).href);
    await pkg.default({ module_or_path: await readFile(join(pkgDir, "newslens_bg.wasm")) });
    const { text, lengths } = encodeCorrections(bad);
    assert.throws(() => pkg.checkCorrections(text, lengths), /correction 1 .*markup/);
    assert.throws(() => pkg.checkCorrections("abc", new Uint32Array([1])), /do not add up/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
