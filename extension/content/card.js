// The card a mention shows when the pointer rests on it, or when the reader
// walks to it: its type, the entity's name, how many mentions, arrows to
// the previous and next mention of the same entity, and for a name, its
// star (the watchlist), the reader's corrections (not a name, or a name of
// another type, or the same as another) and the other articles of the week
// that named it (the memory of names).
globalThis.newslensContent.define("card", (ns) => {
  const { ui, timers } = ns;
  const { NAMED } = globalThis.newslensWatchlist;
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
  function show(view, i) {
    timers.cancel(hideTimer);
    const range = view.ranges[i];
    const group = view.groupOf[i];
    if (!range || !group) {
      return;
    }
    const t = ui.t;
    const palette = globalThis.newslensPalette;
    const label = view.entities[i].label;
    const index = group.mentions.indexOf(i);
    // A new object each time: showSeen() knows its own card by it.
    shown = { view, mention: i };
    let card = ui.layer().querySelector("[data-part=card]");
    if (!card) {
      card = ui.styled("div", {
        position: "fixed", zIndex: "2147483647", font: "13px/1.4 system-ui, sans-serif", color: "#1b1b1b",
        background: "#fffffffa", border: "1px solid #8888", borderRadius: "8px", padding: "6px 8px",
        boxShadow: "0 2px 10px #0003", maxWidth: "320px", display: "grid", gap: "2px",
      });
      card.dataset.part = "card";
      card.setAttribute("role", "status");
      card.addEventListener("pointerenter", () => timers.cancel(hideTimer));
      card.addEventListener("pointerleave", () => hide(400));
      ui.layer().append(card);
    }
    const type = ui.styled("span", { fontSize: "11px", textTransform: "uppercase", letterSpacing: "0.04em", color: palette.colour(label) === "#F0E442" ? "#6b6400" : "#444" }, t(`typeOne${label}`));
    const name = ui.styled("strong", { fontWeight: "600" }, group.name);
    name.dataset.part = "card-name";
    const named = NAMED.includes(label);
    const head = ui.styled("span", { display: "flex", alignItems: "baseline", gap: "8px", justifyContent: "space-between" });
    head.append(type, ...(named ? [starButton(view, group)] : []));
    // Every mention of the entity, painted or past the page's cap.
    const n = group.count ?? group.mentions.length;
    const count = ui.styled("span", { color: "#444" }, n === 1 ? t("mentionOne") : `${t("mentions", n)} · ${t("mentionOf", index + 1, n)}`);
    const button = (text, title, by) => {
      const b = ui.styled("button", { font: "inherit", border: "1px solid #8886", borderRadius: "4px", background: "#fff", cursor: "pointer", padding: "0 8px" }, text);
      b.title = title;
      b.setAttribute("aria-label", title);
      b.disabled = group.mentions.length < 2;
      b.addEventListener("click", () => ns.controls.reveal(group.mentions[(index + by + group.mentions.length) % group.mentions.length]));
      return b;
    };
    const arrows = ui.styled("span", { display: "flex", gap: "6px", marginTop: "2px" });
    arrows.append(button("‹", t("previousMention"), -1), button("›", t("nextMention"), 1));
    card.replaceChildren(head, name, count, arrows, ...(named ? [corrections(view, group, label)] : []));
    place(card, view, i);
    if (named) {
      showSeen(view, i, group);
    }
  }

  // The star that puts the entity of `group` on the reader's watchlist, or
  // takes it off: one label, pressed or not.
  function starButton(view, group) {
    const on = view.starred.has(group);
    const b = smallButton(ui.t(on ? "starOn" : "starOff"));
    b.dataset.action = "star";
    b.title = ui.t(on ? "starOnTitle" : "starOffTitle", group.name);
    b.setAttribute("aria-label", ui.t("starOffTitle", group.name));
    b.setAttribute("aria-pressed", String(on));
    b.addEventListener("click", () => ns.watchlist.toggle(view, group));
    return b;
  }

  // Places the card beside mention `i` of `view`, below it if it fits,
  // else above: again once the card grows.
  function place(card, view, i) {
    const rect = view.ranges[i].getBoundingClientRect();
    const top = rect.bottom + 6 + card.offsetHeight < innerHeight ? rect.bottom + 6 : Math.max(4, rect.top - 6 - card.offsetHeight);
    Object.assign(card.style, { top: `${top}px`, left: `${Math.max(4, Math.min(rect.left, innerWidth - 330))}px` });
  }

  // The other articles of the week that named the entity (the memory of
  // names, if the reader keeps one), added to the card once known: its
  // titles, five at most, each a link to the article.
  async function showSeen(view, i, group) {
    view.seen ??= new Map();
    if (!view.seen.has(group)) {
      // A look-up that failed (the background restarting) is asked again
      // at the next card.
      const asked = globalThis.newslensMessages.invoke("seenIn", { names: [group.name, ...group.aliases] }).catch(() => {
        view.seen.delete(group);
        return [];
      });
      view.seen.set(group, asked);
    }
    const render = shown;
    const seen = await view.seen.get(group);
    const card = ui.ifShown()?.querySelector("[data-part=card]");
    // Only on the card as this call made it (not one shown since, even of
    // the same mention, which has its own call).
    if (!seen.length || !card || shown !== render) {
      return;
    }
    const box = ui.styled("span", { display: "grid", gap: "1px", marginTop: "4px", fontSize: "12px", color: "#444" }, seen.length === 1 ? ui.t("seenInOne") : ui.t("seenIn", seen.length));
    box.dataset.part = "seen";
    for (const article of seen.slice(0, 5)) {
      const link = ui.styled("a", { color: "#0b57d0", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }, article.title || article.site);
      // Only a web address is a link: the memory is the reader's, but an
      // import may hold anything.
      if (/^https?:/i.test(article.url)) {
        Object.assign(link, { href: article.url, target: "_blank", rel: "noopener noreferrer" });
      }
      link.title = `${article.site} · ${new Date(article.date).toLocaleDateString()}`;
      box.append(link);
    }
    card.append(box);
    place(card, view, i);
  }

  // A button of the corrections' row.
  const smallButton = (text) => ui.styled("button", { font: "inherit", border: "1px solid #8886", borderRadius: "4px", background: "#fff", cursor: "pointer", padding: "0 6px" }, text);

  // The buttons that correct the entity of `group` (shown as `label`): not a
  // name, or each other type of name.
  function corrections(view, group, label) {
    const t = ui.t;
    const row = ui.styled("span", { display: "flex", flexWrap: "wrap", alignItems: "center", gap: "4px", marginTop: "4px", fontSize: "12px" });
    row.dataset.part = "corrections";
    const button = (text, type) => {
      const b = smallButton(text);
      b.dataset.correct = type;
      b.title = t("correctTitle", group.name);
      b.addEventListener("click", () => ns.corrections.correct(view, group, type));
      return b;
    };
    const others = NAMED.filter((l) => l !== label);
    row.append(button(t("correctNotAName"), "none"), ui.styled("span", { color: "#444" }, t("correctIsA")), ...others.map((l) => button(t(`typeOne${l}`), l)));
    const candidates = sameAsCandidates(view, group, label);
    if (candidates.length) {
      // "Same as…" shows the page's likeliest other entities, each a button.
      const choices = ui.styled("span", { display: "none", flexBasis: "100%", flexWrap: "wrap", gap: "4px" });
      choices.dataset.part = "same-as";
      for (const other of candidates) {
        const b = smallButton(other.name);
        b.title = t("correctSameAsTitle", group.name);
        b.addEventListener("click", () => ns.corrections.merge(view, group, other));
        choices.append(b);
      }
      const open = smallButton(t("correctSameAs"));
      open.addEventListener("click", () => {
        choices.style.display = choices.style.display === "none" ? "flex" : "none";
      });
      row.append(open, choices);
    }
    return row;
  }

  // The entities `group` (shown as `label`) may be another name of: the
  // page's other names, those of its type first, then the most mentioned;
  // eight at most, for a card.
  function sameAsCandidates(view, group, label) {
    const groups = [...new Set(view.groupOf)].filter((g) => g && g !== group && NAMED.includes(g.label));
    const rank = (g) => [g.label === label ? 0 : 1, -(g.count ?? g.mentions.length)];
    return groups.sort((a, b) => rank(a)[0] - rank(b)[0] || rank(a)[1] - rank(b)[1]).slice(0, 8);
  }

  function hide(delay = 0) {
    timers.cancel(hideTimer);
    hideTimer = timers.after(delay, () => ui.ifShown()?.querySelector("[data-part=card]")?.remove());
  }

  // Pointer tracking, one look-up per animation frame at most. A move to
  // where the pointer already was (the browser's, when the page scrolls
  // under a still pointer: a mention revealed from the sidebar or the
  // keyboard) leaves the card as it is.
  function onPointerMove(event) {
    if (lastPointer && event.clientX === lastPointer.clientX && event.clientY === lastPointer.clientY) {
      return;
    }
    lastPointer = event;
    if (frame) {
      return;
    }
    frame = requestAnimationFrame(() => {
      frame = 0;
      const view = ns.state.view;
      if (!view || !lastPointer) {
        return;
      }
      const card = ui.ifShown()?.querySelector("[data-part=card]");
      if (card?.matches(":hover")) {
        // On the card itself (its buttons): it stays as it is, whatever
        // mention lies under it.
        timers.cancel(hideTimer);
        return;
      }
      const i = mentionAt(view, lastPointer.clientX, lastPointer.clientY);
      if (i !== null && card && shown.view === view && shown.mention === i) {
        timers.cancel(hideTimer);
      } else if (i !== null) {
        show(view, i);
      } else if (!card?.matches(":hover")) {
        hide(300);
      }
    });
  }

  function watchPointer(on) {
    document.removeEventListener("pointermove", onPointerMove);
    timers.cancel(hideTimer);
    cancelAnimationFrame(frame);
    frame = 0;
    if (on) {
      document.addEventListener("pointermove", onPointerMove, { passive: true });
    }
  }

  // Shows the card shown again, as its view now is (a star given); its
  // star keeps the focus it had.
  function refresh() {
    if (ui.ifShown()?.querySelector("[data-part=card]") && shown.view === ns.state.view) {
      const focused = ui.focused()?.dataset?.action === "star";
      show(shown.view, shown.mention);
      if (focused) {
        ui.ifShown()?.querySelector("[data-part=card] [data-action=star]")?.focus();
      }
    }
  }

  return Object.freeze({ show, hide, refresh, watchPointer });
});
