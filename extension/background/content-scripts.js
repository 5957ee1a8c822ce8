// The files newslens injects into a page, in order: the one list of them.
// Content scripts are classic scripts (they cannot be ES modules), so each
// uses what earlier ones define; tests/e2e/units.test.mjs checks that every
// content script is listed.

// What every content script may use: the message contract, the colours,
// the page style's names, the interface's words, the reader's settings,
// the note on what was read, the watchlist's matching.
const SHARED = ["shared/messages.js", "shared/palette.js", "shared/page-style.js", "shared/i18n.js", "shared/settings.js", "shared/reading-note.js", "shared/watchlist.js"];

// Finding the article and collecting its text, with the namespace they
// are defined in: all the article benchmarks and tests load (they need
// nothing else).
export const ARTICLE_READER_SCRIPTS = Object.freeze([
  "content/namespace.js",
  "content/slices.js",
  "content/article-signs.js",
  "content/article-parts.js",
  "content/article.js",
  "content/whole-page.js",
  "content/collect.js",
]);

// Reading a page: the toolbar button, the sidebar's button, a shortcut.
export const READER_SCRIPTS = Object.freeze([
  ...SHARED,
  // The namespace and its load guard, the article reader, then the one
  // state; the rest by concern.
  ...ARTICLE_READER_SCRIPTS,
  "content/state.js",
  "content/highlight.js",
  "content/ui.js",
  "content/legend.js",
  "content/card.js",
  "content/corrections.js",
  "content/watchlist.js",
  "content/minimap.js",
  "content/live.js",
  "content/controls.js",
  "content/reading.js",
  "content/describe.js",
  "content/handlers.js",
  // Last: marks the page loaded and starts the reading, in the same
  // injection as the rest.
  "content/start.js",
]);

// Registered on the sites that run by themselves: only a messenger, after
// which the background runs READER_SCRIPTS as the toolbar button does.
export const AUTO_RUN_SCRIPTS = Object.freeze(["shared/messages.js", "content/auto.js"]);
