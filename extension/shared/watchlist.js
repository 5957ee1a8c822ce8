// The reader's watchlist: the entities they starred, kept in storage.local
// ("stars", shared/settings.js), and the one rule that says whether an
// entity of a page is one of them: any of its names (the summary's name
// and aliases), folded (case and accents aside, spaces as one), is one of
// a star's names. A star holds the names its entity had when starred, so
// "Macron" alone on the next page is the same star as "Emmanuel Macron".
// In every language: a person or a company keeps its name across them.
// A classic script, for the same reason as messages.js: the page, the
// sidebar and the background all ask.

/**
 * @typedef {{
 *   fold: (name: string) => string,
 *   star: (stars: Star[], group: { name: string, aliases: string[] }) => Star[],
 *   matcher: (stars: Star[]) => (group: { name: string, aliases: string[] }) => boolean,
 *   unstar: (stars: Star[], group: { name: string, aliases: string[] }) => Star[],
 *   storable: (name: string) => boolean,
 *   NAMED: readonly Label[],
 * }} Watchlist
 */

globalThis.newslensWatchlist = (() => {
  /** @param {string} name */
  const fold = (name) => name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();

  /** @param {{ name: string, aliases: string[] }} group */
  const namesOf = (group) => [group.name, ...group.aliases].map(fold);

  /** @param {Star} star */
  const starNames = (star) => [star.name, ...(star.also ?? [])].map(fold);

  /** @type {Watchlist["matcher"]} */
  function matcher(stars) {
    const folded = new Set(stars.flatMap(starNames));
    return (group) => folded.size > 0 && namesOf(group).some((name) => folded.has(name));
  }

  // A name the reader's data (stars, the memory of names) may hold: what
  // the engine accepts as a correction's name (src/corrections/: at most
  // 200 characters, a letter or a digit, no markup, no control character),
  // so that an export always imports again.
  // eslint-disable-next-line no-control-regex
  const storable = (/** @type {string} */ name) => name.length <= 200 && /[\p{L}\p{N}]/u.test(name) && !/[<>\u0000-\u001f\u007f-\u009f]/.test(name);

  return /** @type {Watchlist} */ (Object.freeze({
    // The types of names: those a reader may star, correct, and find in
    // the memory of names (dates and figures are no entities to follow).
    NAMED: Object.freeze(/** @type {Label[]} */ (["PER", "ORG", "LOC", "MISC"])),
    fold,
    storable,
    // The stars with `group`'s entity starred: one star, last, led by its
    // name, holding its other names and those of every star it matched
    // (so that a page naming it by less never narrows a star), each once
    // and only if the reader's data may hold it.
    star(stars, group) {
      const matched = stars.filter((star) => starNames(star).some((name) => namesOf(group).includes(name)));
      const seen = new Set([fold(group.name)]);
      const also = [...group.aliases, ...matched.flatMap((star) => [star.name, ...(star.also ?? [])])].filter((name) => {
        const key = fold(name);
        return storable(name) && !seen.has(key) && seen.add(key);
      });
      const others = stars.filter((star) => !matched.includes(star));
      return [...others, also.length ? { name: group.name, also } : { name: group.name }];
    },
    matcher,
    // The stars without those `group` matches: unstarring takes every one
    // of them, or the entity would stay starred.
    unstar(stars, group) {
      const names = new Set(namesOf(group));
      return stars.filter((star) => !starNames(star).some((name) => names.has(name)));
    },
  }));
})();
