// The reader's watchlist in the page: which of its entities are starred
// (shared/watchlist.js says which match), painted with a line above and
// below (shared/page-style.js), named in the legend, starred and unstarred
// from the card. A star given anywhere (another tab, the sidebar, the
// options page) shows here at once: the background says so (`use`).
globalThis.newslensContent.define("watchlist", (ns) => {
  const { state } = ns;
  const { invoke } = globalThis.newslensMessages;
  const watchlist = globalThis.newslensWatchlist;

  let matches = watchlist.matcher([]);
  // Bumped by each change the background reports: a stored list read
  // before it is not used after it.
  let version = 0;

  // Reads the watchlist, for a reading to mark its entities.
  async function load() {
    const asked = version;
    const { stars } = await globalThis.newslensSettings.read("stars");
    if (asked === version) {
      matches = watchlist.matcher(stars);
    }
  }

  /**
   * The groups of `groupOf` (a view's, one per mention) on the watchlist.
   * @param {({ name: string, aliases: string[] } | undefined)[]} groupOf
   */
  const starredIn = (groupOf) => new Set(groupOf.filter((group) => group && matches(group)));

  /**
   * The watchlist is now `stars` (changed anywhere: the background says
   * so): the page shows it.
   * @param {Star[]} stars
   */
  function use(stars) {
    matches = watchlist.matcher(stars);
    version += 1;
    const view = state.view;
    if (view) {
      view.starred = starredIn(view.groupOf);
      ns.reading.repaint();
      ns.card.refresh();
    }
  }

  return Object.freeze({
    load,
    use,
    starredIn,
    // Stars the entity of `group` on `view`, or takes it off the watchlist;
    // the page shows it when the stored list changes (above).
    toggle: (view, group) => invoke("star", { group: { name: group.name, aliases: group.aliases }, on: !view.starred.has(group) }),
  });
});
