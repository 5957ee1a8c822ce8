// The summary of an article: the entities on the reader's watchlist, in
// brief, then each type's entities with their
// aliases, mention counts and salience, key figures, a filter, per-type
// toggles and exports. Shared by the extension's sidebar and the demo page;
// what a click does (scroll the page, or the demo's preview) is theirs.
// Page text only ever enters the DOM as text nodes.
import "../shared/palette.js";
import "../shared/i18n.js";

const palette = globalThis.newslensPalette;
const t = (...args) => globalThis.newslensI18n.t(...args);

function element(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") {
      el.className = value;
    } else if (key === "dataset") {
      Object.assign(el.dataset, value);
    } else if (key.startsWith("on")) {
      el.addEventListener(key.slice(2), value);
    } else {
      el[key] = value;
    }
  }
  el.append(...children.filter((c) => c !== null && c !== undefined));
  return el;
}

const fold = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

// The rows of the entity table, for the exports.
export function entityTable(analysis) {
  return analysis.summary.map((g) => ({
    type: g.label,
    name: g.name,
    aliases: g.aliases,
    mentions: g.count,
    salience: Math.round(g.salience * 100) / 100,
    first: analysis.entities[g.mentions[0]]?.start ?? null,
  }));
}

// The entity table as CSV (RFC 4180, but for LF line ends). Page text
// that a spreadsheet would read as a formula (a cell starting with = + - @,
// a tab or a carriage return) gets a leading ' so that it stays text, as
// OWASP advises against CSV injection: a page must not compute in the
// reader's spreadsheet.
export function toCsv(rows) {
  const cell = (v) => {
    if (typeof v === "number") {
      return String(v);
    }
    const text = Array.isArray(v) ? v.join("; ") : String(v ?? "");
    const s = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return /[",;\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const header = ["type", "name", "aliases", "mentions", "salience", "first"];
  return [header.join(","), ...rows.map((r) => header.map((h) => cell(r[h])).join(","))].join("\n") + "\n";
}

// Saves `text` as a file the browser downloads: a blob URL of the page's
// own, not a request.
function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// Renders `analysis` into `container`. Options:
//   hidden: Set of labels whose highlights are hidden;
//   reveal(mention): show entity mention `mention` (an index into analysis.entities);
//   setHidden(label, hidden): a type's toggle changed;
//   download(name, type, text): save an export (by default, as a file
//   the browser downloads);
//   correct(group, type): the reader corrected a name ("none": not a name;
//   else another type); without it, no name offers corrections;
//   starred(group): whether the entity is on the reader's watchlist, whose
//   entities are pinned first; star(group, on): the reader starred it, or
//   took it off (without it, no name offers a star);
//   filter: the filter's text to start with (a summary shown again).
export function renderSummary(container, analysis, options) {
  const state = { filter: fold((options.filter ?? "").trim()), position: new Map() };
  const root = element("div", { class: "nl-summary" });
  container.replaceChildren(root);

  const filter = element("input", {
    type: "search",
    class: "nl-filter",
    value: options.filter ?? "",
    placeholder: t("filter"),
    ariaLabel: t("filter"),
    oninput: () => {
      state.filter = fold(filter.value.trim());
      applyFilter();
    },
  });
  const exports = element(
    "div",
    { class: "nl-exports" },
    element("button", { type: "button", textContent: t("exportJson"), onclick: () => (options.download ?? download)("newslens.json", "application/json", JSON.stringify({ entities: entityTable(analysis), figures: analysis.figures.map((f) => f.text), brief: analysis.brief.map((b) => b.text) }, null, 2)) }),
    element("button", { type: "button", textContent: t("exportCsv"), onclick: () => (options.download ?? download)("newslens.csv", "text/csv", toCsv(entityTable(analysis))) }),
  );
  root.append(element("div", { class: "nl-tools" }, filter, exports));

  const rows = [];
  const starred = (g) => Boolean(options.starred?.(g));
  const pinned = analysis.summary.filter((g) => CORRECTABLE.includes(g.label) && starred(g));
  if (pinned.length) {
    const list = element("ul", { class: "nl-entities" });
    for (const group of pinned) {
      const row = entityRow(group, state, options, true);
      rows.push({ row, keys: [group.name, ...group.aliases].map(fold) });
      list.append(row);
    }
    const heading = element("h2", { class: "nl-type-heading" }, element("span", { textContent: `★ ${t("watchlist")}` }), element("span", { class: "nl-count", textContent: String(pinned.length) }));
    root.append(element("section", { class: "nl-watchlist" }, heading, list));
  }

  if (analysis.brief.length) {
    root.append(
      element("section", { class: "nl-brief" }, element("h2", { textContent: t("brief") }), element("ol", {}, ...analysis.brief.map((b) => element("li", { textContent: b.text })))),
    );
  }
  for (const label of palette.order) {
    const groups = analysis.summary.filter((g) => g.label === label);
    const items = label === "NUM" ? analysis.figures.map((f) => ({ name: f.text, aliases: [], count: 1, salience: null, mentions: [f.mention] })) : groups;
    if (!items.length) {
      continue;
    }
    const toggle = element("input", {
      type: "checkbox",
      class: "nl-toggle",
      checked: !options.hidden.has(label),
      ariaLabel: t("showType", t(`type${label}`)),
      title: t("showType", t(`type${label}`)),
      onchange: () => options.setHidden(label, !toggle.checked),
    });
    toggle.dataset.label = label;
    const swatch = element("span", { class: "nl-swatch" });
    swatch.style.backgroundColor = palette.colour(label);
    const mentions = items.reduce((n, g) => n + g.count, 0);
    const heading = element("h2", { class: "nl-type-heading" }, toggle, swatch, element("span", { textContent: t(`type${label}`) }), element("span", { class: "nl-count", textContent: String(mentions) }));
    const list = element("ul", { class: "nl-entities" });
    // A starred entity is listed once, pinned above.
    for (const group of items.filter((g) => !pinned.includes(g))) {
      const row = entityRow(group, state, options);
      rows.push({ row, keys: [group.name, ...group.aliases].map(fold) });
      list.append(row);
    }
    root.append(element("section", { class: "nl-type", dataset: { label } }, heading, list));
  }
  if (!rows.length) {
    root.append(element("p", { class: "nl-empty", textContent: t("noEntities") }));
  }
  applyFilter();

  function applyFilter() {
    for (const { row, keys } of rows) {
      row.hidden = Boolean(state.filter) && !keys.some((k) => k.includes(state.filter));
    }
  }
  return {
    focusFilter: () => filter.focus(),
    filterText: () => filter.value,
    // The page's toggles changed elsewhere (its legend, a shortcut).
    showHidden(hidden) {
      for (const toggle of root.querySelectorAll(".nl-toggle")) {
        toggle.checked = !hidden.has(toggle.dataset.label);
      }
    },
  };
}

// The types a reader may give a name, and star (shared/watchlist.js's
// NAMED; not imported here, where the demo page and the Node tests use
// this file without the extension's shared scripts).
const CORRECTABLE = ["PER", "ORG", "LOC", "MISC"];

// The corrections of an entity: a button (`open`) that shows them under its
// row (`choices`: not a name, or each other type of name), as the page's
// card offers them.
function corrections(group, correct) {
  const choices = element(
    "div",
    { class: "nl-corrections", hidden: true },
    element("button", { type: "button", textContent: t("correctNotAName"), dataset: { correct: "none" }, onclick: () => correct(group, "none") }),
    ...CORRECTABLE.filter((l) => l !== group.label).map((l) =>
      element("button", { type: "button", textContent: t(`typeOne${l}`), dataset: { correct: l }, onclick: () => correct(group, l) }),
    ),
  );
  const open = element("button", {
    type: "button",
    class: "nl-correct",
    textContent: "✎",
    title: t("correctOpen"),
    ariaLabel: t("correctOpen"),
    onclick: () => {
      choices.hidden = !choices.hidden;
    },
  });
  return { open, choices };
}

// The star of an entity's row: on or off the reader's watchlist.
function starButton(group, on, star) {
  const title = t(on ? "starOnTitle" : "starOffTitle", group.name);
  // One label, pressed or not; the glyph says it to the eye.
  return element("button", {
    type: "button", class: "nl-star", textContent: on ? "★" : "☆", title, ariaLabel: t("starOffTitle", group.name), ariaPressed: String(on),
    dataset: { name: group.name }, onclick: () => star(group, !on),
  });
}

// One entity: its name (a button that shows its first mention, then the
// next), its aliases, counts, salience, and arrows through its mentions;
// `pinned` (on the watchlist, listed first) shows its type's colour too.
function entityRow(group, state, options, pinned = false) {
  const step = (by) => {
    const at = ((state.position.get(group) ?? -1) + by + group.mentions.length) % group.mentions.length;
    state.position.set(group, at);
    position.textContent = group.mentions.length > 1 ? t("mentionOf", at + 1, group.mentions.length) : "";
    options.reveal(group.mentions[at]);
  };
  const position = element("span", { class: "nl-position" });
  const name = element(
    "button",
    { type: "button", class: "nl-name", onclick: () => step(1), title: group.aliases.length ? t("alsoCalled", group.aliases.join(", ")) : group.name },
    element("span", { textContent: group.name }),
    group.aliases.length ? element("span", { class: "nl-aliases", textContent: ` (${group.aliases.join(", ")})` }) : null,
  );
  const count = element("span", { class: "nl-count", textContent: `×${group.count}`, title: group.count === 1 ? t("mentionOne") : t("mentions", group.count) });
  const parts = [name, count];
  if (pinned) {
    const swatch = element("span", { class: "nl-swatch", title: t(`typeOne${group.label}`) });
    swatch.style.backgroundColor = palette.colour(group.label);
    parts.unshift(swatch);
  }
  if (group.salience !== null) {
    const percent = Math.round(group.salience * 100);
    const bar = element("span", { class: "nl-salience", title: t("salience", percent), ariaLabel: t("salience", percent), role: "img" });
    bar.style.setProperty("--salience", `${percent}%`);
    parts.push(bar);
  }
  const fixes = options.correct && CORRECTABLE.includes(group.label) ? corrections(group, options.correct) : null;
  if (options.star && CORRECTABLE.includes(group.label)) {
    parts.push(starButton(group, pinned, options.star));
  }
  if (fixes) {
    parts.push(fixes.open);
  }
  if (group.mentions.length > 1) {
    parts.push(
      element("span", { class: "nl-steps" },
        element("button", { type: "button", class: "nl-step", textContent: "‹", title: t("previousMention"), ariaLabel: t("previousMention"), onclick: () => step(-1) }),
        element("button", { type: "button", class: "nl-step", textContent: "›", title: t("nextMention"), ariaLabel: t("nextMention"), onclick: () => step(1) }),
      ),
    );
  }
  return element("li", { class: "nl-entity" }, element("div", { class: "nl-row" }, ...parts), fixes?.choices ?? null, position);
}
