// The legend, bottom left in the page: each type's colour and mention
// count; clicking a type hides or shows its highlights; its title folds it
// to keep the page's text in view; × removes newslens from the page. Under
// them, what newslens read when it is not the article as found (nothing,
// too little, or the whole page) and the offer of the other; the page's
// entities on the reader's watchlist; after the reader corrected a name,
// the offer to undo it.
globalThis.newslensContent.define("legend", (ns) => {
  const { ui } = ns;
  const t = ui.t;

  // Shows the legend of `view`; onToggle(label), onClose(),
  // onChooseWholePage(whole) and onUndo() are its chips', ×'s, offer's and
  // undo's clicks.
  function show(view, actions) {
    const { onToggle, onClose, onChooseWholePage, onUndo } = actions;
    // The legend is rebuilt: the button that had focus gets it back.
    const focused = ui.focused();
    const refocus = focused?.dataset?.label ? `[data-label="${focused.dataset.label}"]` : focused?.dataset?.action ? `[data-action="${focused.dataset.action}"]` : null;
    ui.layer().querySelector("[data-part=legend]")?.remove();
    const palette = globalThis.newslensPalette;
    const counts = new Map();
    view.entities.forEach((e, i) => view.ranges[i] && counts.set(e.label, (counts.get(e.label) ?? 0) + 1));
    const box = ui.styled("div", {
      position: "fixed", left: "12px", bottom: "12px", zIndex: "2147483647", font: "13px/1.4 system-ui, sans-serif",
      color: "#1b1b1b", background: "#fffffff2", border: "1px solid #8888", borderRadius: "8px", padding: "6px 8px",
      boxShadow: "0 2px 10px #0003", display: "flex", flexWrap: "wrap", alignItems: "center", gap: "4px 8px", maxWidth: "460px",
    });
    box.dataset.part = "legend";
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", "newslens");
    const folded = Boolean(view.legendFolded);
    const title = ui.styled("button", { font: "inherit", fontWeight: "600", color: "inherit", background: "none", border: "none", padding: "0 2px", cursor: "pointer" }, folded ? "newslens ▸" : "newslens");
    title.dataset.action = "fold";
    title.title = t(folded ? "legendUnfold" : "legendFold");
    title.setAttribute("aria-expanded", String(!folded));
    title.addEventListener("click", () => {
      view.legendFolded = !folded;
      show(view, actions);
    });
    box.append(title);
    for (const label of folded ? [] : palette.order.filter((l) => counts.get(l))) {
      const chip = ui.styled("button", {
        font: "inherit", color: "inherit", background: "none", border: "1px solid transparent", borderRadius: "4px",
        padding: "0 4px", cursor: "pointer", display: "inline-flex", alignItems: "center", gap: "4px",
        opacity: view.hidden.has(label) ? "0.45" : "1",
      });
      chip.dataset.label = label;
      chip.setAttribute("aria-pressed", String(!view.hidden.has(label)));
      chip.title = t("showType", t(`type${label}`));
      chip.append(ui.styled("span", { width: "11px", height: "11px", borderRadius: "3px", background: palette.colour(label), display: "inline-block" }), document.createTextNode(`${t(`type${label}`)} ${counts.get(label)}`));
      chip.addEventListener("click", () => onToggle(label));
      box.append(chip);
    }
    const close = ui.styled("button", { font: "inherit", border: "none", background: "none", cursor: "pointer", padding: "0 4px", color: "inherit" }, "×");
    close.title = t("legendClose");
    close.setAttribute("aria-label", close.title);
    close.addEventListener("click", onClose);
    box.append(close);
    if (!folded && view.found > view.entities.length) {
      // A page denser than newslens paints: say how much is shown.
      const note = ui.styled("span", { flexBasis: "100%", fontSize: "12px", color: "#444" }, t("legendCapped", view.entities.length.toLocaleString(), view.found.toLocaleString()));
      note.dataset.part = "capped";
      box.append(note);
    }
    const reading = globalThis.newslensReadingNote(view.reading);
    if (!folded && reading) {
      const note = ui.styled("span", { flexBasis: "100%", fontSize: "12px", color: "#444" }, reading.offer ? `${reading.text} ` : reading.text);
      note.dataset.part = "reading";
      if (reading.offer) {
        const offer = ui.styled("button", { font: "inherit", color: "#0b57d0", background: "none", border: "none", padding: "0", cursor: "pointer", textDecoration: "underline" }, reading.offer);
        offer.dataset.action = reading.whole ? "whole-page" : "article-only";
        offer.addEventListener("click", () => onChooseWholePage(reading.whole));
        note.append(offer);
      }
      box.append(note);
    }
    const watched = [...(view.starred ?? [])].filter((group) => view.groupOf.some((g, i) => g === group && view.ranges[i]));
    if (!folded && watched.length) {
      // The starred entities of the page, by name: the outline's key.
      const names = watched.slice(0, 4).map((group) => group.name).join(", ") + (watched.length > 4 ? ", …" : "");
      const note = ui.styled("span", { flexBasis: "100%", fontSize: "12px", color: "#444" }, t("legendWatching", names));
      note.dataset.part = "watching";
      box.append(note);
    }
    const corrected = ns.corrections.lastName();
    if (!folded && corrected) {
      const note = ui.styled("span", { flexBasis: "100%", fontSize: "12px", color: "#444" }, `${t("legendCorrected", corrected)} `);
      note.dataset.part = "corrected";
      const undo = ui.styled("button", { font: "inherit", color: "#0b57d0", background: "none", border: "none", padding: "0", cursor: "pointer", textDecoration: "underline" }, t("legendUndo"));
      undo.dataset.action = "undo-correction";
      undo.addEventListener("click", onUndo);
      note.append(undo);
      box.append(note);
    }
    ui.layer().append(box);
    if (refocus) {
      box.querySelector(refocus)?.focus();
    }
  }

  return Object.freeze({ show });
});
