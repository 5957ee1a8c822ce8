// What the reader does in the page, from its legend, its cards, the
// sidebar or the keyboard: hide and show types, walk the mentions.
globalThis.newslensContent.define("controls", (ns) => {
  const { state, timers } = ns;
  const { invoke } = globalThis.newslensMessages;

  // The sidebar shows the page's toggles: tell it when the page's change.
  function hiddenChanged() {
    invoke("hiddenTypesChanged", { hidden: [...state.view.hidden] }).catch(() => {
      // No sidebar open.
    });
  }

  function toggleType(label) {
    const view = state.view;
    if (view.hidden.has(label)) {
      view.hidden.delete(label);
    } else {
      view.hidden.add(label);
    }
    ns.reading.repaint();
    hiddenChanged();
  }

  function toggleAll() {
    const view = state.view;
    const labels = globalThis.newslensPalette.order;
    const anyShown = labels.some((l) => !view.hidden.has(l));
    view.hidden = new Set(anyShown ? labels : []);
    ns.reading.repaint();
    hiddenChanged();
  }

  // The sidebar's toggles: the types hidden from now on.
  function setHidden(labels) {
    if (state.view) {
      state.view.hidden = new Set(labels);
      ns.reading.repaint();
    }
  }

  // Scrolls to mention `i`, marks it as the current one and shows its card.
  function reveal(i) {
    const view = state.view;
    const range = view?.ranges[i];
    if (!range) {
      return;
    }
    view.current = i;
    if (view.hidden.delete(view.entities[i].label)) {
      // Its type was hidden: shown again, legend and map included.
      ns.reading.repaint();
    } else {
      ns.watch.unobserved(() => ns.highlights.paintCurrent(view));
    }
    const target = range.startContainer.nodeType === Node.TEXT_NODE ? range.startContainer.parentElement : range.startContainer;
    const still = ns.ui.reducedMotion();
    target?.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
    // The card follows the mention once the scroll has settled.
    timers.after(still ? 0 : 450, () => state.view === view && ns.card.show(view, i));
  }

  // The next (or previous) visible mention in reading order.
  function step(by) {
    const view = state.view;
    const visible = view.ranges.map((r, i) => i).filter((i) => view.ranges[i] && !view.hidden.has(view.entities[i].label));
    if (!visible.length) {
      return;
    }
    const at = visible.indexOf(view.current);
    const next = at < 0 ? (by > 0 ? visible[0] : visible.at(-1)) : visible[(at + by + visible.length) % visible.length];
    reveal(next);
  }

  // The keyboard shortcuts (manifest "commands"), on a page showing a reading.
  const commands = { "toggle-highlights": toggleAll, "next-entity": () => step(1), "previous-entity": () => step(-1) };

  return Object.freeze({ toggleType, setHidden, reveal, commands });
});
