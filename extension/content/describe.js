// What newslens shows in this page and where its work stands, as plain
// data: for the browser tests and bench/page.mjs (harness.mjs's describe()),
// since the interface's shadow root is closed and nothing else can read it.
// No page text beyond entity names.
globalThis.newslensContent.define("describe", (ns) => () => {
  const { state, timers } = ns;
  const view = state.view;
  const root = ns.ui.ifShown();
  const rect = (el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  };
  return {
    active: Boolean(view),
    // Readings started, ended, and on their way.
    runs: state.runs,
    finished: state.finished,
    reading: state.readings > 0,
    // Whether a new reading waits for the page to settle, and whether the
    // page is watched at all.
    scheduled: state.scheduled,
    watching: state.watching,
    // newslens's timers still to fire (a scheduled reading, the mention
    // map, a card).
    pending: timers.pending(),
    // Nothing on its way: no reading, no timer. Until the page changes or
    // the reader acts, newslens does nothing more; a test that proves
    // something did not happen waits for this, then looks.
    settled: state.readings === 0 && timers.pending() === 0,
    // Whether the mention map is still being drawn.
    mapping: ns.map.drawing(),
    method: view?.method ?? null,
    hidden: view ? [...view.hidden] : [],
    current: view?.current ?? -1,
    mentions: view ? view.ranges.filter(Boolean).length : 0,
    // Every mention found, painted or past the cap.
    found: view?.found ?? 0,
    // Each mention's entity name, in the order of the page's mentions.
    names: view ? view.entities.map((e, i) => (view.ranges[i] ? view.groupOf[i]?.name ?? e.text : null)) : [],
    // The names of the starred entities with a mention shown.
    starred: view ? [...new Set(view.ranges.map((r, i) => (r && view.starred?.has(view.groupOf[i]) ? view.groupOf[i].name : null)).filter(Boolean))] : [],
    timings: view?.timings ?? null,
    parts: root ? [...root.querySelectorAll("[data-part]")].map((el) => ({
      part: el.dataset.part,
      text: el.textContent,
      rect: rect(el),
      buttons: [...el.querySelectorAll("button")].map((b) => ({ text: b.textContent, label: b.getAttribute("aria-label") ?? "", rect: rect(b) })),
      ticks: [...el.querySelectorAll("[data-label]")].map((t) => t.dataset.label),
    })) : [],
  };
});
