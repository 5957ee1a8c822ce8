// The reader's settings, in storage.local: their keys and defaults, once.
// The options page writes them; the page, the background and the sidebar
// read them on their next run. A classic script for the same reason as
// messages.js.

/**
 * @typedef {{
 *   hiddenTypes: Label[],
 *   colours: Partial<Record<Label, string>>,
 *   sites: string[],
 *   wholePageSites: string[],
 *   corrections: Correction[],
 *   stars: Star[],
 *   remember: boolean,
 * }} SettingValues
 *   hiddenTypes: the types not highlighted when a page is first read.
 *   colours: the reader's colours, "#rrggbb" by type (palette.js checks them).
 *   sites: the origins where newslens runs by itself (background/sites.js).
 *   wholePageSites: the origins where the reader chose to read the whole
 *     page rather than the article found (content/reading.js).
 *   corrections: the reader's corrections of names, oldest first
 *     (background/corrections.js).
 *   stars: the reader's watchlist, the entities they starred
 *     (shared/watchlist.js).
 *   remember: whether newslens keeps the names of the articles read, for
 *     30 days (background/memory.js, which keeps them under other keys).
 * @typedef {{
 *   read: <K extends keyof SettingValues>(...keys: K[]) => Promise<Pick<SettingValues, K>>,
 *   write: (values: Partial<SettingValues>) => Promise<void>,
 *   reset: (key: keyof SettingValues) => Promise<void>,
 *   useColours: () => Promise<void>,
 * }} Settings
 */

globalThis.newslensSettings = (() => {
  const storage = () => (globalThis.browser ?? globalThis.chrome).storage.local;
  /** @type {SettingValues} */
  const DEFAULTS = { hiddenTypes: [], colours: {}, sites: [], wholePageSites: [], corrections: [], stars: [], remember: false };

  /** @type {Settings["read"]} */
  async function read(...keys) {
    const stored = await storage().get(keys);
    return /** @type {any} */ (Object.fromEntries(keys.map((key) => [key, stored[key] ?? structuredClone(DEFAULTS[key])])));
  }

  return Object.freeze({
    read,
    /** @type {Settings["write"]} */
    write: (values) => storage().set(values),
    // Back to the default.
    /** @type {Settings["reset"]} */
    reset: (key) => storage().remove(key),
    // Paints in the reader's colours from now on (palette.js, loaded first).
    async useColours() {
      globalThis.newslensPalette.choose((await read("colours")).colours);
    },
  });
})();
