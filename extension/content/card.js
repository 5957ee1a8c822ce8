// The card a mention shows when the pointer rests on it, or when the reader
// walks to it: its type, the entity's name, how many mentions, and arrows
// to the previous and next mention of the same entity.
(() => {
  const ns = (globalThis.newslensContent ??= {});
  // Injected again on a page that has it: keep the functions in use.
  if (ns.loaded) {
    return;
  }
  let hideTimer = 0;
  let frame = 0;
  let lastPointer = null;
  // The view and mention the card shows, so that a pointer resting on that
  // mention does not rebuild it at every frame.
  let shown = { view: null, mention: -1 };

  // The entity mention under a point of the viewport, if any.
  function mentionAt(view, x, y) {
    const position = document.caretPositionFromPoint?.(x, y);
    const caret = position ? { node: position.offsetNode, offset: position.offset } : (() => {
      const range = document.caretRangeFromPoint?.(x, y);
      return range ? { node: range.startContainer, offset: range.startOffset } : null;
    })();
    if (!caret || caret.node.nodeType !== Node.TEXT_NODE) {
      return null;
    }
    for (let i = 0; i < view.ranges.length; i++) {
      const range = view.ranges[i];
      if (range && !view.hidden.has(view.entities[i].label) && range.isPointInRange(caret.node, caret.offset)) {
        // The caret sits between characters: check the point is on the
        // mention's own boxes, not beside them.
        if ([...range.getClientRects()].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom)) {
          return i;
        }
      }
    }
    return null;
  }

  // Shows the card of mention `i` beside it.
  ns.showCard = (view, i) => {
    clearTimeout(hideTimer);
    const range = view.ranges[i];
    const group = view.groupOf[i];
    if (!range || !group) {
      return;
    }
    const t = ns.t;
    const palette = globalThis.newslensPalette;
    const label = view.entities[i].label;
    const index = group.mentions.indexOf(i);
    shown = { view, mention: i };
    let card = ns.ui().querySelector("[data-part=card]");
    if (!card) {
      card = ns.styled("div", {
        position: "fixed", zIndex: "2147483647", font: "13px/1.4 system-ui, sans-serif", color: "#1b1b1b",
        background: "#fffffffa", border: "1px solid #8888", borderRadius: "8px", padding: "6px 8px",
        boxShadow: "0 2px 10px #0003", maxWidth: "320px", display: "grid", gap: "2px",
      });
      card.dataset.part = "card";
      card.setAttribute("role", "status");
      card.addEventListener("pointerenter", () => clearTimeout(hideTimer));
      card.addEventListener("pointerleave", () => ns.hideCard(400));
      ns.ui().append(card);
    }
    const type = ns.styled("span", { fontSize: "11px", textTransform: "uppercase", letterSpacing: "0.04em", color: palette.colour(label) === "#F0E442" ? "#6b6400" : "#444" }, t(`typeOne${label}`));
    const name = ns.styled("strong", { fontWeight: "600" }, group.name);
    // Every mention of the entity, painted or past the page's cap.
    const n = group.count ?? group.mentions.length;
    const count = ns.styled("span", { color: "#444" }, n === 1 ? t("mentionOne") : `${t("mentions", n)} · ${t("mentionOf", index + 1, n)}`);
    const button = (text, title, by) => {
      const b = ns.styled("button", { font: "inherit", border: "1px solid #8886", borderRadius: "4px", background: "#fff", cursor: "pointer", padding: "0 8px" }, text);
      b.title = title;
      b.setAttribute("aria-label", title);
      b.disabled = group.mentions.length < 2;
      b.addEventListener("click", () => ns.reveal(group.mentions[(index + by + group.mentions.length) % group.mentions.length]));
      return b;
    };
    const arrows = ns.styled("span", { display: "flex", gap: "6px", marginTop: "2px" });
    arrows.append(button("‹", t("previousMention"), -1), button("›", t("nextMention"), 1));
    card.replaceChildren(type, name, count, arrows);
    const rect = range.getBoundingClientRect();
    const top = rect.bottom + 6 + 110 < innerHeight ? rect.bottom + 6 : Math.max(4, rect.top - 6 - card.offsetHeight);
    Object.assign(card.style, { top: `${top}px`, left: `${Math.max(4, Math.min(rect.left, innerWidth - 330))}px` });
  };

  ns.hideCard = (delay = 0) => {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => ns.uiIfShown()?.querySelector("[data-part=card]")?.remove(), delay);
  };

  // Pointer tracking, one look-up per animation frame at most.
  function onPointerMove(event) {
    lastPointer = event;
    if (frame) {
      return;
    }
    frame = requestAnimationFrame(() => {
      frame = 0;
      const view = ns.view;
      if (!view || !lastPointer) {
        return;
      }
      const i = mentionAt(view, lastPointer.clientX, lastPointer.clientY);
      const card = ns.uiIfShown()?.querySelector("[data-part=card]");
      if (i !== null && card && shown.view === view && shown.mention === i) {
        clearTimeout(hideTimer);
      } else if (i !== null) {
        ns.showCard(view, i);
      } else if (!card?.matches(":hover")) {
        ns.hideCard(300);
      }
    });
  }

  ns.watchPointer = (on) => {
    document.removeEventListener("pointermove", onPointerMove);
    clearTimeout(hideTimer);
    cancelAnimationFrame(frame);
    frame = 0;
    if (on) {
      document.addEventListener("pointermove", onPointerMove, { passive: true });
    }
  };
})();
