// newslens's own elements in the page (legend, card, mention map) live in
// one host element with a closed shadow root, so that the page's CSS cannot
// restyle them nor its scripts read them; they are styled through the
// CSSOM, which the page's CSP does not restrict. The page can still reach
// the host itself: its inline styles are `!important` (an element's own
// `!important` beats every rule of the page), and what it shows sits in the
// top layer (a popover), above the page's stacking contexts and outside
// its transforms, containment and overflow.
(() => {
  const ns = (globalThis.newslensContent ??= {});
  // Injected again on a page that has it: keep the functions in use.
  if (ns.loaded) {
    return;
  }
  const HOST = "newslens-ui";
  const t = (...args) => globalThis.newslensI18n.t(...args);
  ns.t = t;
  let host = null;
  let shadow = null;
  // The element newslens's parts are appended to, inside the shadow root.
  let layer = null;

  // `style` set on `element` as its own `!important` declarations, in order
  // (`all` first, then what it resets).
  function pin(element, style) {
    for (const [name, value] of Object.entries(style)) {
      element.style.setProperty(name, value, "important");
    }
  }

  // A name the page cannot have defined first: a page that registers
  // `newslens-ui` (with a shadow root of its own, or shadows disabled)
  // makes attachShadow throw on it.
  const unguessableName = () => `${HOST}-${[...crypto.getRandomValues(new Uint32Array(2))].map((n) => n.toString(36)).join("")}`;

  // A connected host with its closed shadow root, under the usual name or,
  // where the page took it, a fresh one. Throws if neither works.
  function attachHost() {
    for (const name of [HOST, unguessableName()]) {
      try {
        const element = document.createElement(name);
        const root = element.attachShadow({ mode: "closed" });
        pin(element, {
          all: "initial", display: "block", position: "fixed", top: "0", left: "0", width: "0", height: "0",
          overflow: "visible", "z-index": "2147483647",
        });
        document.documentElement.append(element);
        if (element.isConnected) {
          return { element, root };
        }
      } catch {
        // The page owns this name: try the next.
      }
    }
    throw new Error("newslens cannot attach its interface to this page");
  }

  // The layer: a manual popover, which only its own script closes, shown in
  // the top layer where the browser has popovers; a fixed box otherwise.
  function showLayer(root) {
    const element = document.createElement("div");
    Object.assign(element.style, {
      position: "fixed", inset: "0 auto auto 0", width: "0", height: "0", margin: "0", padding: "0", border: "0",
      overflow: "visible", background: "none", color: "inherit",
    });
    root.append(element);
    if (typeof element.showPopover === "function") {
      element.popover = "manual";
      element.showPopover();
    }
    return element;
  }

  // The layer newslens's parts go in, created on first use.
  ns.ui = () => {
    if (!host?.isConnected) {
      ns.removeUi();
      const attached = attachHost();
      host = attached.element;
      shadow = attached.root;
      layer = showLayer(shadow);
    }
    return layer;
  };

  // Whether a node is one of newslens's own (the UI host, a fallback mark).
  ns.isOwn = (node) => {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return Boolean(element && (element === host || element.closest?.(globalThis.newslensPageStyle.MARK_ELEMENT)));
  };

  // The layer if newslens's elements are in the page, else null.
  ns.uiIfShown = () => (host?.isConnected ? layer : null);

  // The element of newslens's interface that has the focus, if any.
  ns.uiFocus = () => (host?.isConnected ? shadow.activeElement : null);

  ns.removeUi = () => {
    host?.remove();
    host = null;
    shadow = null;
    layer = null;
  };

  // An element with inline styles and text.
  ns.styled = (tag, style, text) => {
    const element = document.createElement(tag);
    Object.assign(element.style, style);
    if (text !== undefined) {
      element.textContent = text;
    }
    return element;
  };

  ns.reducedMotion = () => globalThis.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;

  // The legend: each type's colour and mention count; clicking a type hides
  // or shows its highlights; its title folds it to keep the page's text in
  // view; × removes newslens from the page.
  ns.showLegend = (view, onToggle, onClose) => {
    // The legend is rebuilt: the button that had focus gets it back.
    const focused = ns.uiFocus();
    const refocus = focused?.dataset?.label ? `[data-label="${focused.dataset.label}"]` : focused?.dataset?.action ? `[data-action="${focused.dataset.action}"]` : null;
    ns.ui().querySelector("[data-part=legend]")?.remove();
    const palette = globalThis.newslensPalette;
    const counts = new Map();
    view.entities.forEach((e, i) => view.ranges[i] && counts.set(e.label, (counts.get(e.label) ?? 0) + 1));
    const box = ns.styled("div", {
      position: "fixed", left: "12px", bottom: "12px", zIndex: "2147483647", font: "13px/1.4 system-ui, sans-serif",
      color: "#1b1b1b", background: "#fffffff2", border: "1px solid #8888", borderRadius: "8px", padding: "6px 8px",
      boxShadow: "0 2px 10px #0003", display: "flex", flexWrap: "wrap", alignItems: "center", gap: "4px 8px", maxWidth: "460px",
    });
    box.dataset.part = "legend";
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", "newslens");
    const folded = Boolean(view.legendFolded);
    const title = ns.styled("button", { font: "inherit", fontWeight: "600", color: "inherit", background: "none", border: "none", padding: "0 2px", cursor: "pointer" }, folded ? "newslens ▸" : "newslens");
    title.dataset.action = "fold";
    title.title = t(folded ? "legendUnfold" : "legendFold");
    title.setAttribute("aria-expanded", String(!folded));
    title.addEventListener("click", () => {
      view.legendFolded = !folded;
      ns.showLegend(view, onToggle, onClose);
    });
    box.append(title);
    for (const label of folded ? [] : palette.order.filter((l) => counts.get(l))) {
      const chip = ns.styled("button", {
        font: "inherit", color: "inherit", background: "none", border: "1px solid transparent", borderRadius: "4px",
        padding: "0 4px", cursor: "pointer", display: "inline-flex", alignItems: "center", gap: "4px",
        opacity: view.hidden.has(label) ? "0.45" : "1",
      });
      chip.dataset.label = label;
      chip.setAttribute("aria-pressed", String(!view.hidden.has(label)));
      chip.title = t("showType", t(`type${label}`));
      chip.append(ns.styled("span", { width: "11px", height: "11px", borderRadius: "3px", background: palette.colour(label), display: "inline-block" }), document.createTextNode(`${t(`type${label}`)} ${counts.get(label)}`));
      chip.addEventListener("click", () => onToggle(label));
      box.append(chip);
    }
    const close = ns.styled("button", { font: "inherit", border: "none", background: "none", cursor: "pointer", padding: "0 4px", color: "inherit" }, "×");
    close.title = t("legendClose");
    close.setAttribute("aria-label", close.title);
    close.addEventListener("click", onClose);
    box.append(close);
    if (!folded && view.found > view.entities.length) {
      // A page denser than newslens paints: say how much is shown.
      const note = ns.styled("span", { flexBasis: "100%", fontSize: "12px", color: "#444" }, t("legendCapped", view.entities.length.toLocaleString(), view.found.toLocaleString()));
      note.dataset.part = "capped";
      box.append(note);
    }
    ns.ui().append(box);
    if (refocus) {
      box.querySelector(refocus)?.focus();
    }
  };
})();
