// newslens's own elements in the page (legend, card, mention map) live in
// one host element with a closed shadow root, so that the page's CSS cannot
// restyle them nor its scripts read them; they are styled through the
// CSSOM, which the page's CSP does not restrict. The page can still reach
// the host itself: its inline styles are `!important` (an element's own
// `!important` beats every rule of the page), and what it shows sits in the
// top layer (a popover), above the page's stacking contexts and outside
// its transforms, containment and overflow.
globalThis.newslensContent.define("ui", () => {
  const HOST = "newslens-ui";
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
  function layerShown() {
    if (!host?.isConnected) {
      remove();
      const attached = attachHost();
      host = attached.element;
      shadow = attached.root;
      layer = showLayer(shadow);
    }
    return layer;
  }

  // Whether a node is one of newslens's own (the UI host, a fallback mark).
  function isOwn(node) {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return Boolean(element && (element === host || element.closest?.(globalThis.newslensPageStyle.MARK_ELEMENT)));
  }

  // The layer if newslens's elements are in the page, else null.
  const ifShown = () => (host?.isConnected ? layer : null);

  // The element of newslens's interface that has the focus, if any.
  const focused = () => (host?.isConnected ? shadow.activeElement : null);

  function remove() {
    host?.remove();
    host = null;
    shadow = null;
    layer = null;
  }

  // An element with inline styles and text.
  function styled(tag, style, text) {
    const element = document.createElement(tag);
    Object.assign(element.style, style);
    if (text !== undefined) {
      element.textContent = text;
    }
    return element;
  }

  const reducedMotion = () => globalThis.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;

  return Object.freeze({
    // The interface's words (shared/i18n.js).
    t: (...args) => globalThis.newslensI18n.t(...args),
    layer: layerShown, ifShown, focused, remove, isOwn, styled, reducedMotion,
  });
});
