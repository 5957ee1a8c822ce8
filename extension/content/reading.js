// Reading the page: collect the article, have the background analyse it,
// paint the result; and taking newslens off the page again.
globalThis.newslensContent.define("reading", (ns) => {
  const { state, timers } = ns;
  const { invoke } = globalThis.newslensMessages;
  const settings = globalThis.newslensSettings;

  // Types hidden by the reader when a page is first read (the options);
  // the reader's colours with them.
  async function defaultHidden() {
    const [{ hiddenTypes }] = await Promise.all([settings.read("hiddenTypes"), settings.useColours()]);
    return new Set(hiddenTypes);
  }

  // The sites where the reader chose to read whole pages.
  const wholePageSites = async () => (await settings.read("wholePageSites")).wholePageSites;

  // Reads the whole page on this site from now on (or the article again),
  // starting with this page: the sidebar's and the legend's offer.
  async function chooseWholePage(whole) {
    const sites = new Set(await wholePageSites());
    if (whole) {
      sites.add(location.origin);
    } else {
      sites.delete(location.origin);
    }
    await settings.write({ wholePageSites: [...sites] });
    await run();
  }

  // What to read, and how much of the page it is (a Reading, see
  // shared/messages.js). The whole page is collected again only behind a
  // short article: a long one is the article, whatever else the page holds.
  // The page is measured without its links' text: a short post beside
  // long lists of links (archives, tags, other stories) is an article.
  async function collectPage(whole) {
    const { wholePage, articleText } = ns;
    const found = whole ? wholePage.find(document) : await ns.article.findInSlices(document);
    let collected = await articleText.collectInSlices(found);
    let words = wholePage.words(collected.text);
    let pageWords = words;
    let short = false;
    if (!whole && words <= wholePage.SHORT_ARTICLE_WORDS) {
      const page = await articleText.collectInSlices(wholePage.find(document, { links: false }));
      pageWords = wholePage.words(page.text);
      short = wholePage.short(collected.text, page.text);
      if (!pageWords) {
        // All the text there is lies in menus, a banner, a footer: no
        // article, and nothing in them is worth highlighting.
        collected = { text: "", segments: [], truncated: false };
        words = 0;
      }
    }
    return { found, collected, reading: { whole, short, words, pageWords } };
  }

  // Takes newslens's highlights, marks, elements, listeners and watcher off
  // the page; a reading on its way stops.
  function reset() {
    state.generation += 1;
    ns.watch.stop();
    ns.card.watchPointer(false);
    ns.map.watchResize(false);
    ns.highlights.unpaint();
    ns.ui.remove();
    state.view = null;
  }

  // Removes every trace of newslens from the page: all of the above, and
  // (through the background) its stylesheet. The legend's ×.
  function clear() {
    reset();
    invoke("pageCleared", {}).catch(() => {});
  }

  // Paints the highlights and the legend now; the mention map, which reads
  // every mention's position (a layout), in a task of its own so that no
  // task grows long.
  function repaint() {
    const view = state.view;
    view.method = ns.watch.unobserved(() => ns.highlights.paint(view));
    ns.legend.show(view, { onToggle: ns.controls.toggleType, onClose: clear, onChooseWholePage: chooseWholePage, onUndo: ns.corrections.undo });
    timers.cancel(view.mapTimer);
    view.mapTimer = timers.after(0, () => state.view === view && ns.map.draw(view));
  }

  // Shows a new reading, and tells the background (the sidebar says "done"
  // only then). A page that refuses newslens's interface gets everything
  // taken off again, and the sidebar says so: highlights without a legend
  // would leave the reader no × and no toggles.
  function show() {
    let error;
    try {
      repaint();
    } catch {
      reset();
      error = ns.ui.t("statusNoInterface");
    }
    invoke("pageShown", error ? { error } : {}).catch(() => {});
    return !error;
  }

  // Reads the page and paints its entities. `keep` keeps the reader's
  // toggles (a re-reading of a living page); `fresh` has the text analysed
  // again even if it did not change (the reader corrected a name). The
  // state counts it from start to end, whichever way it ends.
  async function run({ keep = false, fresh = false } = {}) {
    state.readings += 1;
    try {
      await read(keep, fresh);
    } finally {
      state.readings -= 1;
      state.finished += 1;
    }
  }

  async function read(keep, fresh) {
    const asked = state.generation;
    const [hidden, sites] = await Promise.all([keep && state.view ? state.view.hidden : defaultHidden(), wholePageSites(), ns.watchlist.load()]);
    const whole = sites.includes(location.origin);
    if (asked !== state.generation) {
      // Turned off (or read again) while the options were read.
      return;
    }
    const previous = keep ? state.view : null;
    if (!keep) {
      reset();
    } else if (previous?.method !== "highlight-api") {
      // Marks split the page's text nodes: put them back before reading.
      ns.watch.unobserved(() => ns.highlights.unpaint());
    }
    const mine = ++state.generation;
    state.runs += 1;
    // Timings, kept in the content script's own world for bench/page.mjs
    // (through describe()): marks on the page's timeline would tell the
    // page that newslens ran.
    const timings = { start: performance.now() };
    // Finding the article and reading its text, in slices of a few
    // milliseconds, keep the page's main thread free for its own work.
    const { found: article, collected, reading } = await collectPage(whole);
    if (mine !== state.generation) {
      return;
    }
    timings.collected = performance.now();
    if (previous && !fresh && previous.corrections === state.corrections && collected.text === previous.text && reading.short === previous.reading.short) {
      // A change elsewhere in the page (a clock, a comment counter): the
      // same article, whose nodes may have been replaced. Its entities hold;
      // only their ranges are found again.
      state.view = { ...previous, ranges: ns.highlights.rangesFor(collected, previous.entities), article, reading };
      show();
      return;
    }
    const corrections = state.corrections;
    const analysis = await invoke("analyze", { text: collected.text, url: location.href, title: document.title, truncated: collected.truncated, reading })
      // The analysis failed: the background told the sidebar why.
      .catch(() => null);
    if (mine !== state.generation || !analysis) {
      // A newer run started meanwhile, or there is nothing to show: leave
      // the page as it is.
      return;
    }
    const { lang, entities, summary, found } = analysis;
    const groupOf = [];
    for (const group of summary) {
      for (const m of group.mentions) {
        groupOf[m] = group;
      }
    }
    timings.analysed = performance.now();
    if (previous?.method === "highlight-api") {
      ns.highlights.unpaint();
    }
    state.view = {
      lang, entities, found, ranges: ns.highlights.rangesFor(collected, entities), groupOf, hidden, current: -1, method: null, starred: ns.watchlist.starredIn(groupOf),
      legendFolded: previous?.legendFolded ?? false, text: collected.text, article, reading, timings, corrections,
    };
    if (!show()) {
      return;
    }
    timings.painted = performance.now();
    ns.card.watchPointer(true);
    ns.map.watchResize(true);
    ns.watch.start((navigated) => run({ keep: !navigated }));
  }

  return Object.freeze({ run, repaint, clear, chooseWholePage });
});
