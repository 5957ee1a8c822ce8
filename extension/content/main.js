// The content script's entry: collect the article, have the background
// analyse it, paint the result. Injected on demand; injecting it again
// reuses what is there.
(() => {
  const ns = (globalThis.newslensContent ??= {});
  if (ns.run) {
    return;
  }
  const M = globalThis.newslensMessages;
  const api = globalThis.browser ?? globalThis.chrome;
  let generation = 0;

  // Removes every trace of newslens from the page.
  ns.clear = () => {
    generation += 1;
    ns.unpaint();
    ns.hideLegend();
    ns.last = null;
  };

  ns.run = async () => {
    ns.clear();
    const mine = generation;
    const collected = ns.collect();
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
    const ranges = ns.rangesFor(collected, reply.analysis.entities);
    const method = ns.paint(ranges);
    ns.showLegend(ranges.map((r) => r.entity), ns.clear);
    ns.last = { method, painted: ranges.length, entities: reply.analysis.entities.length };
  };
})();
