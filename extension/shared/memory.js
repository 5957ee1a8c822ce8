// The memory of names' rules, pure, for its one writer (background/
// memory.js) and for the options page's import (options/data.js): what an
// article read leaves in it, and which articles it keeps within its
// bounds (DAYS days, MAX_BYTES in all, oldest out first).
import "./watchlist.js";

export const MAX_BYTES = 5 * 1024 * 1024;
export const DAYS = 30;
export const DAY = 24 * 60 * 60 * 1000;
// What one article keeps at most: its most mentioned names, the start of
// its title and address, a few other names of each entity. (An import
// holds to the same.)
export const LIMITS = Object.freeze({ names: 100, aliases: 8, title: 300, url: 2000 });
export const { NAMED } = globalThis.newslensWatchlist;
// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * @typedef {{ key: string, url: string, date: number, bytes: number }} IndexEntry
 *   One remembered article in the index: its storage key, address, date and
 *   size (UTF-8 bytes of its key and JSON).
 */

const encoder = new TextEncoder();
export const bytesOf = (/** @type {unknown} */ value) => encoder.encode(JSON.stringify(value)).length;

/**
 * What the memory keeps of an article read: never its text; only names
 * the reader's data may hold (shared/watchlist.js).
 * @param {PageInfo} page
 * @param {Analysis} analysis
 * @param {number} date
 * @returns {RememberedArticle}
 */
export function articleOf(page, analysis, date) {
  const { storable } = globalThis.newslensWatchlist;
  const names = analysis.summary
    .filter((group) => NAMED.includes(group.label) && storable(group.name))
    .sort((a, b) => b.count - a.count)
    .slice(0, LIMITS.names)
    .map((group) => ({ name: group.name, type: group.label, count: group.count, aliases: group.aliases.filter(storable).slice(0, LIMITS.aliases) }));
  const url = new URL(page.url);
  url.hash = "";
  return { url: url.href.slice(0, LIMITS.url), title: page.title.replace(CONTROL, " ").slice(0, LIMITS.title), site: page.site, date, lang: analysis.lang, names };
}

/**
 * The index with `added` (articles not stored yet, each with its entry)
 * and without what must go: an earlier article of the same address, those
 * older than DAYS days, and the oldest while the whole is over MAX_BYTES.
 * Returns the index kept, oldest first.
 * @param {IndexEntry[]} entries
 * @param {IndexEntry[]} added
 * @param {number} now
 * @returns {IndexEntry[]}
 */
export function admit(entries, added, now) {
  const byUrl = new Map();
  for (const entry of [...entries, ...added]) {
    if (entry.date > now - DAYS * DAY && !(byUrl.get(entry.url)?.date > entry.date)) {
      byUrl.set(entry.url, entry);
    }
  }
  const kept = [...byUrl.values()].sort((a, b) => a.date - b.date);
  let total = bytesOf(kept) + kept.reduce((sum, e) => sum + e.bytes, 0);
  while (kept.length && total > MAX_BYTES) {
    const oldest = kept.shift();
    // Its bytes, its entry's and the comma before the next.
    total -= oldest.bytes + bytesOf(oldest) + 1;
  }
  return kept;
}
