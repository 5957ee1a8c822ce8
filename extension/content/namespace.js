// The content scripts' one namespace, globalThis.newslensContent, and the
// rule each file keeps: injected again on a page that has newslens
// (toolbar pressed twice, a site that runs by itself, then a click), a file
// leaves the functions in use as they are, or the first reading's legend,
// listeners and watcher would be out of reach. start.js marks the page
// loaded. (The article reader, ARTICLE_READER_SCRIPTS, is also loaded
// alone by the article benchmarks and tests, with this file first.)
(() => {
  const ns = (globalThis.newslensContent ??= {});
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
