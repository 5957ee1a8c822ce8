// The memory of names, opt-in (the "remember" setting, off by default): for
// each article the reader reads, its title, address, site, date and named
// entities with their counts, never its text, kept in the extension's
// local storage for DAYS days and in MAX_BYTES at most, oldest out first;
// so that a mention's card can say in which other articles of the week the
// reader met the entity. The background records (never from a private
// window) and answers the cards; the options page shows its size, clears,
// exports and imports it.
//
// One key per article ("memory:<id>") and an index of them ("memoryIndex",
// oldest first, with each one's size): recording an article writes that
// article and the index, not the whole memory.
import "./settings.js";
import "./watchlist.js";
import { inTurn } from "./in-turn.js";

const api = globalThis.browser ?? globalThis.chrome;
const { fold } = globalThis.newslensWatchlist;

export const MAX_BYTES = 5 * 1024 * 1024;
export const DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;
const WEEK = 7 * DAY;
const INDEX = "memoryIndex";
const PREFIX = "memory:";
// What one article keeps at most: its most mentioned names, the start of
// its title and address, a few other names of each entity. (An import
// holds to the same.)
export const LIMITS = Object.freeze({ names: 100, aliases: 8, title: 300, url: 2000 });
export const NAMED = Object.freeze(["PER", "ORG", "LOC", "MISC"]);

/**
 * @typedef {{ key: string, url: string, date: number, bytes: number }} IndexEntry
 *   One remembered article in the index: its key, address, date and size
 *   (UTF-8 bytes of its key and JSON).
 */

const encoder = new TextEncoder();
const bytesOf = (/** @type {unknown} */ value) => encoder.encode(JSON.stringify(value)).length;

// A name the memory may hold: the same refusals as a correction's name
// (markup, control characters), so that an export imports again.
// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const keepable = (/** @type {string} */ name) => name.length > 0 && name.length <= 200 && !/[<>]/.test(name) && !name.match(CONTROL);

/**
 * What the memory keeps of an article read: never its text.
 * @param {PageInfo} page
 * @param {Analysis} analysis
 * @param {number} date
 * @returns {RememberedArticle}
 */
export function articleOf(page, analysis, date) {
  const names = analysis.summary
    .filter((group) => NAMED.includes(group.label) && keepable(group.name))
    .sort((a, b) => b.count - a.count)
    .slice(0, LIMITS.names)
    .map((group) => ({ name: group.name, type: group.label, count: group.count, aliases: group.aliases.filter(keepable).slice(0, LIMITS.aliases) }));
  const url = new URL(page.url);
  url.hash = "";
  return { url: url.href.slice(0, LIMITS.url), title: page.title.replace(CONTROL, " ").slice(0, LIMITS.title), site: page.site, date, lang: analysis.lang, names };
}

// The index, and the articles read so far in this context (the background
// keeps them between cards; another context's write drops them).
/** @type {Promise<IndexEntry[]> | null} */
let index = null;
/** @type {Map<string, RememberedArticle>} */
const articles = new Map();
// The newest key of the index this context wrote last: its own writes
// keep what it knows (another context's write brings another key).
let written = "";
api.storage.onChanged.addListener((changed, area) => {
  if (area === "local" && changed[INDEX] && (changed[INDEX].newValue ?? []).at(-1)?.key !== written) {
    index = null;
    articles.clear();
  }
});

const readIndex = () => (index ??= api.storage.local.get(INDEX).then((stored) => stored[INDEX] ?? []));

// Writes run one after another, as the reader reads page after page.
const writes = inTurn();

/**
 * The index with `added` (articles not stored yet) and without what must go:
 * an article of the same address again, those older than DAYS days, and the
 * oldest while the whole is over MAX_BYTES.
 * @param {IndexEntry[]} entries
 * @param {{ entry: IndexEntry, article: RememberedArticle }[]} added
 * @param {number} now
 */
function admit(entries, added, now) {
  const urls = new Set(added.map(({ entry }) => entry.url));
  const kept = [...entries.filter((e) => !urls.has(e.url) && e.date > now - DAYS * DAY), ...added.map(({ entry }) => entry)];
  kept.sort((a, b) => a.date - b.date);
  let total = bytesOf(kept) + kept.reduce((sum, e) => sum + e.bytes, 0);
  while (kept.length && total > MAX_BYTES) {
    const oldest = kept.shift();
    total -= oldest.bytes + bytesOf(oldest) + 1;
  }
  const keys = new Set(kept.map((e) => e.key));
  return { kept, gone: entries.filter((e) => !keys.has(e.key)).map((e) => e.key) };
}

let serial = 0;
/** @param {RememberedArticle} article */
function entryOf(article) {
  const key = `${PREFIX}${article.date.toString(36)}-${(serial += 1).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return { entry: { key, url: article.url, date: article.date, bytes: bytesOf(article) + encoder.encode(key).length }, article };
}

/**
 * Stores `list` (articles), keeping the memory within its bounds.
 * @param {RememberedArticle[]} list
 * @param {{ replace?: boolean, now?: number }} [options] replace: forget
 *   every article stored before.
 */
function store(list, { replace = false, now = Date.now() } = {}) {
  return writes(async () => {
    const entries = replace ? [] : await readIndex();
    const added = list.map(entryOf);
    const { kept, gone } = admit(entries, added, now);
    const keys = new Set(kept.map((e) => e.key));
    const stored = Object.fromEntries(added.filter(({ entry }) => keys.has(entry.key)).map(({ entry, article }) => [entry.key, article]));
    const old = replace ? (await readIndex()).map((e) => e.key) : gone;
    written = kept.at(-1)?.key;
    await api.storage.local.set({ ...stored, [INDEX]: kept });
    if (old.length) {
      await api.storage.local.remove(old);
    }
    index = Promise.resolve(kept);
    for (const key of old) {
      articles.delete(key);
    }
    for (const [key, article] of Object.entries(stored)) {
      articles.set(key, article);
    }
  });
}

/**
 * Records an article read in `tab`, if the reader asked newslens to
 * remember and the tab is not in a private window; says whether it did.
 * @param {{ incognito?: boolean }} tab
 * @param {PageInfo} page
 * @param {Analysis} analysis
 * @param {number} [now]
 */
export async function remember(tab, page, analysis, now = Date.now()) {
  if (tab.incognito || !/^https?:/.test(page.url) || !(await globalThis.newslensSettings.read("remember")).remember) {
    return false;
  }
  await store([articleOf(page, analysis, now)], { now });
  return true;
}

// Every article remembered, oldest first (read from storage once).
async function all() {
  const entries = await readIndex();
  const missing = entries.filter((e) => !articles.has(e.key)).map((e) => e.key);
  if (missing.length) {
    const stored = await api.storage.local.get(missing);
    for (const key of missing) {
      if (stored[key]) articles.set(key, stored[key]);
    }
  }
  return entries.map((e) => articles.get(e.key)).filter(Boolean);
}

/**
 * The other articles of the last seven days that named an entity called
 * any of `names`, newest first; none when the reader has not asked to
 * remember.
 * @param {string[]} names
 * @param {string} url the page the card is on, left out
 * @param {number} [now]
 * @returns {Promise<SeenArticle[]>}
 */
export async function seenIn(names, url, now = Date.now()) {
  if (!(await globalThis.newslensSettings.read("remember")).remember) {
    return [];
  }
  const wanted = new Set(names.map(fold));
  const here = url.split("#")[0];
  return (await all())
    .filter((a) => a.date > now - WEEK && a.date <= now && a.url !== here)
    .filter((a) => a.names.some((n) => [n.name, ...n.aliases].some((name) => wanted.has(fold(name)))))
    .reverse()
    .map(({ url: address, title, site, date }) => ({ url: address, title, site, date }));
}

/** How many articles the memory holds, and in how many bytes. */
export async function size() {
  const entries = await readIndex();
  return { articles: entries.length, bytes: bytesOf(entries) + entries.reduce((sum, e) => sum + e.bytes, 0) };
}

/** Every article remembered, oldest first: for the options page's export. */
export const exportArticles = () => writes(all);

/**
 * Replaces the memory by `list` (an import), within its bounds.
 * @param {RememberedArticle[]} list
 */
export const replaceArticles = (list) => store(list, { replace: true });

/** Forgets every article. */
export const forget = () => replaceArticles([]);
