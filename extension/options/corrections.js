// The options page's corrections: the reader's corrections of names, each
// with a button that removes it; an export of them as one JSON file, and
// an import that replaces them, checked whole by the engine before
// anything is stored (a refused file changes nothing); and a button that
// removes them all.
import "../shared/settings.js";
import init, { checkCorrections } from "../pkg/newslens.js";
import { encodeCorrections } from "../shared/lexicon.js";

const settings = globalThis.newslensSettings;
const t = (...args) => globalThis.newslensI18n.t(...args);
const $ = (id) => document.getElementById(id);

// A file larger than this is refused before it is read: far more than any
// reader's corrections (100,000 of them take some 6 MB).
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
// What an export holds besides the corrections: what it is.
const KIND = "newslens corrections";
const FIELDS = ["name", "lang", "type", "same_as"];

/** @param {string} text */
function status(text) {
  $("corrections-status").textContent = text;
}

/**
 * What a correction says, for the list: its name, language and what the
 * reader made of it.
 * @param {Correction} c
 */
function describeCorrection(c) {
  const what = c.same_as ? t("optionsSameAs", c.same_as) : c.type === "none" ? t("optionsNotAName") : t(`typeOne${c.type}`);
  return `${c.name}${c.lang ? ` (${c.lang})` : ""} → ${what}`;
}

/** @param {Correction[]} corrections */
async function store(corrections) {
  await settings.write({ corrections });
  await renderCorrections();
}

export async function renderCorrections() {
  const { corrections } = await settings.read("corrections");
  $("no-corrections").hidden = corrections.length > 0;
  $("corrections").replaceChildren(
    ...corrections.map((correction, k) => {
      const remove = Object.assign(document.createElement("button"), { type: "button", textContent: t("optionsRemove") });
      remove.addEventListener("click", () => store(corrections.filter((_, j) => j !== k)));
      const item = document.createElement("li");
      item.append(document.createTextNode(describeCorrection(correction)), remove);
      return item;
    }),
  );
}

/**
 * The corrections of an imported file's text, or why it is refused: JSON
 * of the export's shape (or a bare array, as the command line's --lexicon
 * reads), every correction an object of string fields, each checked by the
 * engine as it will apply it.
 * @param {string} text
 * @returns {Promise<Correction[]>}
 */
async function parseImport(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error("the file is not JSON");
  }
  const list = Array.isArray(data) ? data : data?.corrections;
  if (!Array.isArray(list)) {
    throw new Error('no "corrections" list in the file');
  }
  list.forEach((c, k) => {
    if (!c || typeof c !== "object" || Array.isArray(c)) throw new Error(`correction ${k + 1} is not an object`);
    const unknown = Object.keys(c).find((key) => !FIELDS.includes(key));
    if (unknown) throw new Error(`correction ${k + 1}: unknown field "${unknown}"`);
  });
  await init({ module_or_path: new URL("../pkg/newslens_bg.wasm", import.meta.url) });
  const { text: fields, lengths } = encodeCorrections(list);
  checkCorrections(fields, lengths);
  return /** @type {Correction[]} */ (list.map((c) => Object.fromEntries(FIELDS.filter((f) => c[f] !== undefined).map((f) => [f, c[f]]))));
}

$("corrections-heading").textContent = t("optionsCorrections");
$("no-corrections").textContent = t("optionsNoCorrections");
$("export-corrections").textContent = t("optionsExport");
$("import-label").textContent = t("optionsImport");
$("clear-corrections").textContent = t("optionsClearCorrections");

$("export-corrections").addEventListener("click", async () => {
  const { corrections } = await settings.read("corrections");
  const file = new Blob([`${JSON.stringify({ kind: KIND, version: 1, corrections }, null, 2)}\n`], { type: "application/json" });
  const link = Object.assign(document.createElement("a"), { href: URL.createObjectURL(file), download: "newslens-corrections.json" });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
});

$("import-corrections").addEventListener("change", async (event) => {
  const input = /** @type {HTMLInputElement} */ (event.target);
  const [file] = input.files ?? [];
  input.value = "";
  if (!file) return;
  try {
    if (file.size > MAX_IMPORT_BYTES) {
      throw new Error(`the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
    }
    const corrections = await parseImport(await file.text());
    await store(corrections);
    status(t("optionsImported", corrections.length));
  } catch (error) {
    status(t("optionsImportRefused", String(error?.message ?? error)));
  }
});

$("clear-corrections").addEventListener("click", () => store([]));
