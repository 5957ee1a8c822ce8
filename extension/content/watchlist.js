// The reader's watchlist in the page: which of its entities are starred
// (shared/watchlist.js says which match), painted with a line above and
// below (shared/page-style.js), named in the legend, starred and unstarred
// from the card. A star given anywhere (another tab, the sidebar, the
// options page) shows here at once: the stored list is watched.
globalThis.newslensContent.define("watchlist", (ns) => {
  const { state } = ns;
  const { invoke } = globalThis.newslensMessages;
  const watchlist = globalThis.newslensWatchlist;
  const api = globalThis.browser ?? globalThis.chrome;

  let matches = watchlist.matcher([]);

  // Reads the watchlist, for a reading to mark its entities.
  async function load() {
    matches = watchlist.matcher((await globalThis.newslensSettings.read("stars")).stars);
  }

  /**
   * The groups of `groupOf` (a view's, one per mention) on the watchlist.
   * @param {({ name: string, aliases: string[] } | undefined)[]} groupOf
   */
  const starredIn = (groupOf) => new Set(groupOf.filter((group) => group && matches(group)));

  api.storage.onChanged.addListener((changed, area) => {
    if (area !== "local" || !changed.stars) {
      return;
    }
    matches = watchlist.matcher(changed.stars.newValue ?? []);
    const view = state.view;
    if (view) {
      view.starred = starredIn(view.groupOf);
      ns.reading.repaint();
      ns.card.refresh();
    }
  });

  return Object.freeze({
    load,
    starredIn,
    // Stars the entity of `group` on `view`, or takes it off the watchlist;
    // the page shows it when the stored list changes (above).
    toggle: (view, group) => invoke("star", { group: { name: group.name, aliases: group.aliases }, on: !view.starred.has(group) }),
  });
});
