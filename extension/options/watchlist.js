// The options page's watchlist: the entities the reader starred, each with
// its other names and a button that takes it off, and a button that
// empties it. (data.js exports and imports it.)
import "../shared/settings.js";
import { changeStored, renderList } from "./list.js";

const settings = globalThis.newslensSettings;
const t = (...args) => globalThis.newslensI18n.t(...args);
const $ = (id) => document.getElementById(id);

/**
 * Stores what `change` makes of the stars stored now, and lists them.
 * @param {(list: Star[]) => Star[]} change
 */
async function store(change) {
  await changeStored("stars", change);
  await renderWatchlist();
}

export async function renderWatchlist() {
  const { stars } = await settings.read("stars");
  const text = (/** @type {Star} */ star) => (star.also?.length ? `★ ${star.name} (${star.also.join(", ")})` : `★ ${star.name}`);
  renderList("stars", "no-stars", stars, text, (removed) => store((now) => now.filter((s) => s.name !== removed.name)));
}

$("stars-heading").textContent = t("optionsWatchlist");
$("no-stars").textContent = t("optionsNoStars");
$("clear-stars").textContent = t("optionsClearStars");
$("clear-stars").addEventListener("click", () => store(() => []));
