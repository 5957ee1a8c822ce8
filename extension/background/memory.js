// The memory of names, opt-in (the "remember" setting, off by default): for
// each article the reader reads, what shared/memory.js keeps of it (title,
// address, site, date, named entities with their counts; never its text),
// in the extension's local storage, for 30 days and in 5 MB at most; so
// that a mention's card can say in which other articles of the week the
// reader met the entity. Never from a private window.
//
// The background is its one writer: the options page asks it (messages)
// to forget, export and import, so that every change runs in one queue
// and none undoes another. One key per article ("memory:<id>") and an
// index of them ("memoryIndex", oldest first, with each one's size):
// recording an article writes that article and the index, not the whole
// memory.
import "../shared/settings.js";
import "../shared/watchlist.js";
import { inTurn } from "../shared/in-turn.js";
import { DAY, DAYS, admit, articleOf, bytesOf } from "../shared/memory.js";
import { api } from "./browser.js";

const INDEX = "memoryIndex";
const PREFIX = "memory:";
const WEEK = 7 * DAY;
const settings = globalThis.newslensSettings;
const { fold } = globalThis.newslensWatchlist;

/** @typedef {import("../shared/memory.js").IndexEntry} IndexEntry */

// Every change runs in turn.
const writes = inTurn();
// The index as this worker last read or wrote it: being the one writer,
// it need not read it again (a worker that starts reads it once).
/** @type {Promise<IndexEntry[]> | null} */
let index = null;
/** @returns {Promise<IndexEntry[]>} */
const readIndex = () => {
  index ??= api.storage.local.get(INDEX).then((stored) => stored[INDEX] ?? []);
  index.catch(() => (index = null));
  return index;
};
const isOn = async () => (await settings.read("remember")).remember;

// The articles read from storage so far: a key is never written twice, so
// what it held stays true until it is removed.
/** @type {Map<string, RememberedArticle>} */
const articles = new Map();

let serial = 0;
/** @param {RememberedArticle} article */
function entryOf(article) {
  const key = `${PREFIX}${article.date.toString(36)}-${(serial += 1).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return { key, url: article.url, date: article.date, bytes: bytesOf(article) + bytesOf(key) - 2 };
}

/**
 * Stores `list` beside what is stored, within the memory's bounds.
 * @param {IndexEntry[]} entries the index now
 * @param {RememberedArticle[]} list
 * @param {number} now
 */
async function add(entries, list, now) {
  const added = list.map((article) => ({ entry: entryOf(article), article }));
  const kept = admit(entries, added.map(({ entry }) => entry), now);
  if (!added.length && kept.length === entries.length) {
    // Nothing to add, nothing gone: nothing to write.
    return kept.length;
  }
  const keys = new Set(kept.map((e) => e.key));
  const stored = Object.fromEntries(added.filter(({ entry }) => keys.has(entry.key)).map(({ entry, article }) => [entry.key, article]));
  index = null;
  await api.storage.local.set({ ...stored, [INDEX]: kept });
  index = Promise.resolve(kept);
  const gone = entries.map((e) => e.key).filter((key) => !keys.has(key));
  if (gone.length) {
    await api.storage.local.remove(gone);
  }
  for (const key of gone) {
    articles.delete(key);
  }
  return kept.length;
}

// Removes every article, indexed or not (a key a write left behind
// included), and the index.
async function removeAll() {
  const keys = Object.keys(await api.storage.local.get(null)).filter((key) => key.startsWith(PREFIX));
  index = null;
  await api.storage.local.remove([...keys, INDEX]);
  index = Promise.resolve([]);
  articles.clear();
}

/**
 * Records an article read in `tab`, if the reader keeps a memory and the
 * tab is not in a private window; says whether it did.
 * @param {{ incognito?: boolean }} tab
 * @param {PageInfo} page
 * @param {Analysis} analysis
 * @param {number} [now]
 */
export function remember(tab, page, analysis, now = Date.now()) {
  return writes(async () => {
    // Asked in turn: a memory turned off meanwhile records nothing.
    if (tab.incognito || !/^https?:/.test(page.url) || !(await isOn())) {
      return false;
    }
    await add(await readIndex(), [articleOf(page, analysis, now)], now);
    return true;
  });
}

/**
 * The articles of the index younger than `days` days, oldest first.
 * @param {IndexEntry[]} entries
 * @param {number} since
 */
async function articlesSince(entries, since) {
  const wanted = entries.filter((e) => e.date > since);
  const missing = wanted.filter((e) => !articles.has(e.key)).map((e) => e.key);
  if (missing.length) {
    const stored = await api.storage.local.get(missing);
    for (const key of missing) {
      if (stored[key]) articles.set(key, stored[key]);
    }
  }
  return wanted.map((e) => articles.get(e.key)).filter(Boolean);
}

/**
 * The other articles of the last seven days that named an entity called
 * any of `names`, newest first; none without a memory.
 * @param {string[]} names
 * @param {string} url the page the card is on, left out
 * @param {number} [now]
 * @returns {Promise<SeenArticle[]>}
 */
export async function seenIn(names, url, now = Date.now()) {
  if (!(await isOn())) {
    return [];
  }
  const wanted = new Set(names.map(fold));
  const here = url.split("#")[0];
  return (await articlesSince(await readIndex(), now - WEEK))
    .filter((a) => a.date <= now && a.url !== here && a.names.some((n) => [n.name, ...n.aliases].some((name) => wanted.has(fold(name)))))
    .reverse()
    .map(({ url: address, title, site, date }) => ({ url: address, title, site, date }));
}

/** Whether the memory is on, how many articles it holds, and in how many bytes. */
export async function memoryState(now = Date.now()) {
  const entries = (await readIndex()).filter((e) => e.date > now - DAYS * DAY);
  return { remember: await isOn(), articles: entries.length, bytes: entries.length ? bytesOf(entries) + entries.reduce((sum, e) => sum + e.bytes, 0) : 0 };
}

/** Every article remembered of the last 30 days, oldest first: the export. */
export const exportMemory = (now = Date.now()) => writes(async () => articlesSince(await readIndex(), now - DAYS * DAY));

/**
 * Turns the memory on or off (off forgets it all).
 * @param {boolean} on
 */
export const setRemember = (on) =>
  writes(async () => {
    await settings.write({ remember: on });
    if (!on) {
      await removeAll();
    }
  });

/** Forgets every article. */
export const forget = () => writes(removeAll);

/**
 * Replaces the memory by an import's: on or off, and its articles (none
 * when off); resolves to how many articles it keeps.
 * @param {boolean} on
 * @param {RememberedArticle[]} list
 * @param {number} [now]
 */
export const importMemory = (on, list, now = Date.now()) =>
  writes(async () => {
    await removeAll();
    await settings.write({ remember: on });
    return on ? add([], list, now) : 0;
  });

/** Drops what is past 30 days: when the background starts, as between readings. */
export const prune = (now = Date.now()) => writes(async () => add(await readIndex(), [], now));
