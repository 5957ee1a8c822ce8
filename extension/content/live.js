// Living pages: paragraphs that arrive later (lazy loading, infinite
// scroll) and single-page navigation start a new reading, in batches; the
// page's changes made by newslens itself never do.
globalThis.newslensContent.define("watch", (ns) => {
  const { state, timers } = ns;
  // Changes are gathered this long after the last one, and never longer than
  // the cap, before newslens reads the page again.
  const QUIET_MS = 800;
  const CAP_MS = 3000;
  let observer = null;
  let quietTimer = 0;
  let capTimer = 0;
  let url = "";
  // What start() was given: reads the page again (anew if it navigated).
  /** @type {(navigated: boolean) => void} */
  let rerun = () => {};

  function schedule() {
    timers.cancel(quietTimer);
    quietTimer = timers.after(QUIET_MS, fire);
    capTimer ||= timers.after(CAP_MS, fire);
    state.scheduled = true;
  }

  function unschedule() {
    timers.cancel(quietTimer);
    timers.cancel(capTimer);
    quietTimer = 0;
    capTimer = 0;
    state.scheduled = false;
  }

  function fire() {
    unschedule();
    rerun(location.href !== url);
  }

  // Whether `node` is in the article newslens read (any node, before a
  // first reading): inside one of its roots, and in nothing the reading
  // left out (a byline's clock, the banner of a page read whole).
  function inArticle(node) {
    const article = state.view?.article;
    if (!article) {
      return true;
    }
    const root = article.roots.find((r) => r.contains(node));
    if (!root) {
      return false;
    }
    for (let el = node.nodeType === Node.ELEMENT_NODE ? /** @type {Element} */ (node) : node.parentElement; el && el !== root; el = el.parentElement) {
      if (article.skip(el)) {
        return false;
      }
    }
    return true;
  }
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
    if (ns.ui.isOwn(record.target)) {
      return false;
    }
    if (record.type === "characterData") {
      return Boolean(record.target.data?.trim()) && inArticle(record.target);
    }
    return [...record.addedNodes].some((node) => {
      if (ns.ui.isOwn(node) || node.nodeName === "SCRIPT" || node.nodeName === "STYLE") {
        return false;
      }
      const text = node.textContent?.trim() ?? "";
      return text.length >= PARAGRAPH || (text && inArticle(record.target));
    });
  }

  // Only the browser's own popstate, for a history entry at another
  // address: the page can dispatch as many fake ones as it likes.
  function onPopState(event) {
    if (event.isTrusted && location.href !== url) {
      schedule();
    }
  }

  // Watches the page; `onChanges(navigated)` is called after a batch of changes.
  function start(onChanges) {
    stop();
    url = location.href;
    rerun = onChanges;
    observer = new MutationObserver((records) => {
      if (location.href !== url || records.some(bringsText)) {
        schedule();
      }
    });
    // The document itself, not its root element: a page that swaps its
    // <body> (Turbo-style navigation) or writes itself anew with
    // document.open() (which replaces <html>) is still watched.
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    addEventListener("popstate", onPopState);
    state.watching = true;
  }

  function stop() {
    observer?.disconnect();
    observer = null;
    unschedule();
    removeEventListener("popstate", onPopState);
    state.watching = false;
  }

  // Runs `change` (newslens's own DOM edits: fallback marks) unseen; the
  // page's own changes made meanwhile still count.
  function unobserved(change) {
    const records = observer?.takeRecords();
    const result = change();
    observer?.takeRecords();
    if (observer && records?.some(bringsText)) {
      schedule();
    }
    return result;
  }

  return Object.freeze({ start, stop, unobserved });
});
