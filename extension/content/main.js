// The content script's entry: collect the article, have the background
// analyse it, paint the result, and answer the sidebar and the keyboard.
// Injected on demand; injecting it again reuses what is there.
(() => {
  const ns = (globalThis.newslensContent ??= {});
  // Injecting the scripts again (toolbar pressed twice, a site that runs by
  // itself, then a click) must reuse the functions in use, or the first
  // reading's legend, listeners and watcher would be out of reach.
  if (ns.loaded) {
    return;
  }
  const M = globalThis.newslensMessages;
  const api = globalThis.browser ?? globalThis.chrome;
  let generation = 0;

  // Types hidden by the reader: from the options at first, then as toggled.
  async function defaultHidden() {
    const { hiddenTypes = [], colours = {} } = await api.storage.local.get(["hiddenTypes", "colours"]);
    globalThis.newslensPalette.choose(colours);
    return new Set(hiddenTypes);
  }

  // Takes newslens's highlights, marks, elements, listeners and watcher off
  // the page, before a new reading.
  function reset() {
    generation += 1;
    ns.unwatchPage();
    ns.watchPointer(false);
    ns.watchResize(false);
    ns.unpaint();
    ns.removeUi();
    ns.view = null;
  }

  // Removes every trace of newslens from the page: all of the above, and
  // (through the background) its stylesheet.
  ns.clear = () => {
    reset();
    api.runtime.sendMessage({ type: M.CONTENT_TO_BACKGROUND_CLEARED }).catch(() => {});
  };

  // Paints the highlights and the legend now; the mention map, which reads
  // every mention's position (a layout), in a task of its own so that no
  // task grows long.
  function repaint() {
    const view = ns.view;
    view.method = ns.unobserved(() => ns.paint(view));
    ns.showLegend(view, toggleType, ns.clear);
    clearTimeout(view.mapTimer);
    view.mapTimer = setTimeout(() => ns.view === view && ns.drawMap(view), 0);
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
      error = ns.t("statusNoInterface");
    }
    api.runtime.sendMessage({ type: M.CONTENT_TO_BACKGROUND_SHOWN, error }).catch(() => {});
    return !error;
  }

  // The sidebar shows the page's toggles: tell it when the page's change.
  function hiddenChanged() {
    api.runtime.sendMessage({ type: M.CONTENT_TO_SIDEBAR_HIDDEN_CHANGED, hidden: [...ns.view.hidden] }).catch(() => {});
  }

  function toggleType(label) {
    const view = ns.view;
    if (view.hidden.has(label)) {
      view.hidden.delete(label);
    } else {
      view.hidden.add(label);
    }
    repaint();
    hiddenChanged();
  }

  // Reads the page and paints its entities. `keep` keeps the reader's
  // toggles (a re-reading of a living page).
  ns.run = async ({ keep = false } = {}) => {
    const asked = generation;
    const hidden = keep && ns.view ? ns.view.hidden : await defaultHidden();
    if (asked !== generation) {
      // Turned off (or read again) while the options were read.
      return;
    }
    const previous = keep ? ns.view : null;
    if (!keep) {
      reset();
    } else if (previous?.method !== "highlight-api") {
      // Marks split the page's text nodes: put them back before reading.
      ns.unobserved(() => ns.unpaint());
    }
    const mine = ++generation;
    ns.runs += 1;
    // Timings, kept in the content script's own world for bench/page.mjs
    // (through describe()): marks on the page's timeline would tell the
    // page that newslens ran.
    const timings = { start: performance.now() };
    // Finding the article and reading its text, each in a task of its own,
    // keep the page's main thread free for its own work in between.
    const article = ns.findArticle(document);
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (mine !== generation) {
      return;
    }
    const collected = ns.collect(article);
    timings.collected = performance.now();
    if (previous && collected.text === previous.text) {
      // A change elsewhere in the page (a clock, a comment counter): the
      // same article, whose nodes may have been replaced. Its entities hold;
      // only their ranges are found again.
      ns.view = { ...previous, ranges: ns.rangesFor(collected, previous.entities), roots: article.roots };
      show();
      return;
    }
    const reply = await api.runtime.sendMessage({
      type: M.CONTENT_TO_BACKGROUND_ANALYZE,
      text: collected.text,
      url: location.href,
      title: document.title,
      truncated: collected.truncated,
    });
    if (mine !== generation || !reply?.ok) {
      // A newer run started meanwhile, or the analysis failed (the sidebar
      // shows why): leave the page as it is.
      return;
    }
    const { entities, summary, found } = reply.analysis;
    const groupOf = [];
    for (const group of summary) {
      for (const m of group.mentions) {
        groupOf[m] = group;
      }
    }
    timings.analysed = performance.now();
    if (previous?.method === "highlight-api") {
      ns.unpaint();
    }
    ns.view = {
      entities, found, ranges: ns.rangesFor(collected, entities), groupOf, hidden, current: -1, method: null,
      legendFolded: previous?.legendFolded ?? false, text: collected.text, roots: article.roots, timings,
    };
    if (!show()) {
      return;
    }
    timings.painted = performance.now();
    ns.watchPointer(true);
    ns.watchResize(true);
    ns.watchPage((navigated) => ns.run({ keep: !navigated }));
  };
  ns.rerun = () => ns.view && ns.run({ keep: true });
  ns.runs = 0;

  // What newslens shows in this page, as plain data: for the sidebar's
  // questions and the browser tests (the UI's shadow root is closed, so
  // nothing else can read it). No page text beyond entity names.
  ns.describe = () => {
    const view = ns.view;
    const root = ns.uiIfShown();
    const rect = (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    return {
      active: Boolean(view),
      runs: ns.runs,
      method: view?.method ?? null,
      hidden: view ? [...view.hidden] : [],
      current: view?.current ?? -1,
      mentions: view ? view.ranges.filter(Boolean).length : 0,
      // Every mention found, painted or past the cap.
      found: view?.found ?? 0,
      // Whether a new reading of the page is on its way.
      scheduled: ns.readingScheduled(),
      // Whether the mention map is still being drawn.
      mapping: ns.mapping(),
      timings: view?.timings ?? null,
      parts: root ? [...root.querySelectorAll("[data-part]")].map((el) => ({
        part: el.dataset.part,
        text: el.textContent,
        rect: rect(el),
        buttons: [...el.querySelectorAll("button")].map((b) => ({ text: b.textContent, label: b.getAttribute("aria-label") ?? "", rect: rect(b) })),
        ticks: [...el.querySelectorAll("[data-label]")].map((t) => t.dataset.label),
      })) : [],
    };
  };

  // Scrolls to mention `i`, marks it as the current one and shows its card.
  ns.reveal = (i) => {
    const view = ns.view;
    const range = view?.ranges[i];
    if (!range) {
      return;
    }
    view.current = i;
    if (view.hidden.delete(view.entities[i].label)) {
      // Its type was hidden: shown again, legend and map included.
      repaint();
    } else {
      ns.unobserved(() => ns.paintCurrent(view));
    }
    const target = range.startContainer.nodeType === Node.TEXT_NODE ? range.startContainer.parentElement : range.startContainer;
    target?.scrollIntoView({ block: "center", behavior: ns.reducedMotion() ? "auto" : "smooth" });
    // The card follows the mention once the scroll has settled.
    setTimeout(() => ns.view === view && ns.showCard(view, i), ns.reducedMotion() ? 0 : 450);
  };

  // The next (or previous) visible mention in reading order.
  function step(by) {
    const view = ns.view;
    if (!view) {
      return;
    }
    const visible = view.ranges.map((r, i) => i).filter((i) => view.ranges[i] && !view.hidden.has(view.entities[i].label));
    if (!visible.length) {
      return;
    }
    const at = visible.indexOf(view.current);
    const next = at < 0 ? (by > 0 ? visible[0] : visible.at(-1)) : visible[(at + by + visible.length) % visible.length];
    ns.reveal(next);
  }

  function toggleAll() {
    const view = ns.view;
    const labels = globalThis.newslensPalette.order;
    const anyShown = labels.some((l) => !view.hidden.has(l));
    view.hidden = new Set(anyShown ? labels : []);
    repaint();
    hiddenChanged();
  }

  const handlers = {
    [M.SIDEBAR_TO_CONTENT_REVEAL]: (message) => ns.reveal(message.mention),
    [M.SIDEBAR_TO_CONTENT_SET_HIDDEN]: (message) => {
      if (ns.view) {
        ns.view.hidden = new Set(message.hidden);
        repaint();
      }
    },
    [M.BACKGROUND_TO_CONTENT_COMMAND]: (message) => {
      if (!ns.view) {
        return;
      }
      ({ "toggle-highlights": toggleAll, "next-entity": () => step(1), "previous-entity": () => step(-1) })[message.command]?.();
    },
    // Answered below, as every message is, with the hidden types.
    [M.SIDEBAR_TO_CONTENT_GET_HIDDEN]: () => {},
  };
  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const handler = handlers[message?.type];
    if (!handler) {
      return false;
    }
    handler(message);
    sendResponse({ ok: true, hidden: ns.view ? [...ns.view.hidden] : null });
    return false;
  });
  ns.loaded = true;
})();
