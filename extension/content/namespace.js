// The content scripts' one namespace, globalThis.newslensContent, and the
// rule each file keeps: injected again on a page that has newslens
// (toolbar pressed twice, a site that runs by itself, then a click), a file
// leaves the functions in use as they are, or the first reading's legend,
// listeners and watcher would be out of reach. start.js marks the page
// loaded. (The article reader, ARTICLE_READER_SCRIPTS, is also loaded
// alone by the article benchmarks and tests, with this file first.)
//
// Each member, named by the file that defines it; the type check holds every
// use of `ns` to these names (members whose shape is not declared here are
// open records).
/**
 * @typedef {{ roots: Element[], skip: (node: Node) => boolean }} Article
 * @typedef {{ node: Text, start: number }} Segment
 * @typedef {{ text: string, segments: Segment[], truncated: boolean }} Collected
 * @typedef {{ [member: string]: any }} Members
 * @typedef {{
 *   define: <K extends keyof ContentNamespace>(name: K, build: (ns: ContentNamespace) => ContentNamespace[K]) => void,
 *   loaded?: boolean,
 *   articleSigns: Members,
 *   articleParts: Members,
 *   slices: { now: <T>(steps: Generator<undefined, T>) => T, inSlices: <T>(steps: Generator<undefined, T>) => Promise<T> },
 *   article: { find: (doc?: Document) => Article, findInSlices: (doc?: Document) => Promise<Article> },
 *   wholePage: {
 *     find: (doc?: Document, options?: { links?: boolean }) => Article,
 *     short: (articleText: string, pageText: string) => boolean,
 *     words: (text: string) => number,
 *     SHORT_ARTICLE_WORDS: number,
 *   },
 *   articleText: {
 *     collect: (article?: Article) => Collected,
 *     collectInSlices: (article: Article) => Promise<Collected>,
 *     locate: (segments: Segment[], offset: number, atEnd: boolean) => { node: Text, offset: number } | null,
 *   },
 *   state: Members,
 *   timers: Members,
 *   highlights: Members,
 *   ui: Members,
 *   legend: Members,
 *   card: Members,
 *   corrections: Members,
 *   watchlist: Members,
 *   map: Members,
 *   watch: Members,
 *   controls: Members,
 *   reading: Members,
 *   describe: () => unknown,
 *   handlers: Members,
 * }} ContentNamespace
 */
(() => {
  const ns = (globalThis.newslensContent ??= /** @type {ContentNamespace} */ ({}));
  // Sets ns[name] to what build(ns) returns, once per page. Each file
  // defines the members of its concern; they reach each other through
  // `ns` when called, so the order of the files matters only to code that
  // runs at once.
  ns.define ??= (name, build) => {
    if (!ns.loaded) {
      ns[name] = build(ns);
    }
  };
})();
