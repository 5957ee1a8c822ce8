// The options page's corrections: the reader's corrections of names, each
// with a button that removes it, and a button that removes them all.
// (data.js exports and imports them with the watchlist and the memory.)
import "../shared/settings.js";
import { changeStored, renderList } from "./list.js";

const settings = globalThis.newslensSettings;
const t = (...args) => globalThis.newslensI18n.t(...args);
const $ = (id) => document.getElementById(id);

/**
 * What a correction says, for the list: its name, language and what the
 * reader made of it.
 * @param {Correction} c
 */
function describeCorrection(c) {
  const what = c.same_as ? t("optionsSameAs", c.same_as) : c.type === "none" ? t("optionsNotAName") : t(`typeOne${c.type}`);
  return `${c.name}${c.lang ? ` (${c.lang})` : ""} → ${what}`;
}

/**
 * Stores what `change` makes of the corrections stored now, and lists them.
 * @param {(list: Correction[]) => Correction[]} change
 */
async function store(change) {
  await changeStored("corrections", change);
  await renderCorrections();
}

export async function renderCorrections() {
  const { corrections } = await settings.read("corrections");
  const same = (/** @type {Correction} */ a, /** @type {Correction} */ b) => JSON.stringify(a) === JSON.stringify(b);
  renderList("corrections", "no-corrections", corrections, describeCorrection, (removed) => store((now) => now.filter((c) => !same(c, removed))));
}

$("corrections-heading").textContent = t("optionsCorrections");
$("no-corrections").textContent = t("optionsNoCorrections");
$("clear-corrections").textContent = t("optionsClearCorrections");
$("clear-corrections").addEventListener("click", () => store(() => []));
