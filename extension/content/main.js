// The content script's entry: collect the article, have the background
// analyse it, paint the result, and answer the sidebar and the keyboard.
// Injected on demand; injecting it again reuses what is there.
(() => {
  const ns = (globalThis.newslensContent ??= {});
  if (ns.run) {
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

  function toggleType(label) {
    const view = ns.view;
    if (view.hidden.has(label)) {
      view.hidden.delete(label);
    } else {
      view.hidden.add(label);
    }
    repaint();
  }

  // Reads the page and paints its entities. `keep` keeps the reader's
  // toggles (a re-reading of a living page).
  ns.run = async ({ keep = false } = {}) => {
    const hidden = keep && ns.view ? ns.view.hidden : await defaultHidden();
    const legendFolded = keep && ns.view ? ns.view.legendFolded : false;
    if (!keep) {
      reset();
    } else {
      ns.unobserved(() => ns.unpaint());
    }
    const mine = ++generation;
    ns.runs += 1;
    // Marks on the page's performance timeline (names only), for bench/page.mjs.
    performance.mark("newslens:start");
    // Finding the article and reading its text, each in a task of its own,
    // keep the page's main thread free for its own work in between.
    const article = ns.findArticle(document);
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (mine !== generation) {
      return;
    }
    const collected = ns.collect(article);
    performance.mark("newslens:collected");
    const reply = await api.runtime.sendMessage({
      type: M.CONTENT_TO_BACKGROUND_ANALYZE,
      text: collected.text,
      url: location.href,
      title: document.title,
      site: location.hostname,
      words: collected.text.split(/\s+/).filter(Boolean).length,
      truncated: collected.truncated,
    });
    if (mine !== generation || !reply?.ok) {
      // A newer run started meanwhile, or the analysis failed (the sidebar
      // shows why): leave the page as it is.
      return;
    }
    const { entities, summary } = reply.analysis;
    const groupOf = [];
    for (const group of summary) {
      for (const m of group.mentions) {
        groupOf[m] = group;
      }
    }
    performance.mark("newslens:analysed");
    ns.view = { entities, ranges: ns.rangesFor(collected, entities), groupOf, hidden, current: -1, method: null, legendFolded };
    repaint();
    performance.mark("newslens:painted");
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
    if (view.hidden.has(view.entities[i].label)) {
      view.hidden.delete(view.entities[i].label);
    }
    view.current = i;
    repaint();
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
    [M.BACKGROUND_TO_CONTENT_CLEAR]: () => ns.clear(),
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
})();
