// Living pages: paragraphs that arrive later (lazy loading, infinite
// scroll) and single-page navigation start a new reading, in batches; the
// page's changes made by newslens itself never do.
(() => {
  const ns = (globalThis.newslensContent ??= {});
  // Injected again on a page that has it: keep the functions in use.
  if (ns.loaded) {
    return;
  }
  // Changes are gathered this long after the last one, and never longer than
  // the cap, before newslens reads the page again.
  const QUIET_MS = 800;
  const CAP_MS = 3000;
  let observer = null;
  let quietTimer = 0;
  let capTimer = 0;
  let url = "";

  function schedule(rerun) {
    clearTimeout(quietTimer);
    quietTimer = setTimeout(fire, QUIET_MS);
    capTimer ||= setTimeout(fire, CAP_MS);
    function fire() {
      clearTimeout(quietTimer);
      clearTimeout(capTimer);
      quietTimer = 0;
      capTimer = 0;
      rerun(location.href !== url);
    }
  }

  // Whether `node` is in the article newslens read (any node, before a
  // first reading).
  const inArticle = (node) => ns.view?.roots?.some((root) => root.contains(node)) ?? true;
  // Text enough to be more article (a new paragraph, the next story of an
  // infinite scroll) wherever it lands; less (a clock, a counter) counts
  // only inside the article.
  const PARAGRAPH = 80;

  // Whether a mutation brings new text the reader would want read.
  function bringsText(record) {
    if (record.target === document) {
      // A new root element: document.open() and write() replaced the page.
      return record.addedNodes.length > 0;
    }
    if (ns.isOwn(record.target)) {
      return false;
    }
    if (record.type === "characterData") {
      return Boolean(record.target.data?.trim()) && inArticle(record.target);
    }
    return [...record.addedNodes].some((node) => {
      if (ns.isOwn(node) || node.nodeName === "SCRIPT" || node.nodeName === "STYLE") {
        return false;
      }
      const text = node.textContent?.trim() ?? "";
      return text.length >= PARAGRAPH || (text && inArticle(record.target));
    });
  }

  // Watches the page; `rerun(navigated)` is called after a batch of changes.
  ns.watchPage = (rerun) => {
    ns.unwatchPage();
    url = location.href;
    observer = new MutationObserver((records) => {
      if (location.href !== url || records.some(bringsText)) {
        schedule(rerun);
      }
    });
    // The document itself, not its root element: a page that swaps its
    // <body> (Turbo-style navigation) or writes itself anew with
    // document.open() (which replaces <html>) is still watched.
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    addEventListener("popstate", onPopState);
    // Only the browser's own popstate, for a history entry at another
    // address: the page can dispatch as many fake ones as it likes.
    function onPopState(event) {
      if (event.isTrusted && location.href !== url) {
        schedule(rerun);
      }
    }
    ns.unwatchPage = () => {
      observer?.disconnect();
      observer = null;
      clearTimeout(quietTimer);
      clearTimeout(capTimer);
      quietTimer = 0;
      capTimer = 0;
      removeEventListener("popstate", onPopState);
      ns.unwatchPage = () => {};
    };
  };
  ns.unwatchPage = () => {};

  // Whether a new reading is waiting for the page to settle.
  ns.readingScheduled = () => Boolean(quietTimer || capTimer);

  // Runs `change` (newslens's own DOM edits: fallback marks) unseen.
  ns.unobserved = (change) => {
    const records = observer?.takeRecords();
    const result = change();
    observer?.takeRecords();
    if (records?.some(bringsText)) {
      observer && schedule(ns.rerun);
    }
    return result;
  };
})();
