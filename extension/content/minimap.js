// The mention map: a thin strip beside the scrollbar with a tick where each
// type is mentioned along the page; clicking a tick scrolls there.
(() => {
  const ns = (globalThis.newslensContent ??= {});
  // Injected again on a page that has it: keep the functions in use.
  if (ns.loaded) {
    return;
  }
  let resizeTimer = 0;

  // Draws (or redraws) the map of `view`'s visible mentions. Positions are
  // read in one pass, after the highlights are painted.
  ns.drawMap = (view) => {
    ns.ui().querySelector("[data-part=map]")?.remove();
    const height = Math.max(document.documentElement.scrollHeight, document.body?.scrollHeight ?? 0, 1);
    const strip = ns.styled("div", {
      position: "fixed", top: "0", right: "0", width: "8px", height: "100vh", zIndex: "2147483646",
      background: "#8882", cursor: "pointer",
      // A page's own controls at its right edge stay clickable: the strip
      // takes no pointer events, its ticks do.
      pointerEvents: "none",
    });
    strip.dataset.part = "map";
    strip.setAttribute("role", "img");
    strip.setAttribute("aria-label", ns.t("mapLabel"));
    strip.title = ns.t("mapLabel");
    const palette = globalThis.newslensPalette;
    const seen = new Set();
    view.ranges.forEach((range, i) => {
      const label = view.entities[i].label;
      if (!range || view.hidden.has(label)) {
        return;
      }
      const rect = range.getBoundingClientRect();
      if (!rect.height) {
        return;
      }
      // One tick per type per pixel row of the strip is enough.
      const at = (rect.top + scrollY) / height;
      const key = `${label}:${Math.round(at * innerHeight)}`;
      if (seen.has(key)) {
        return;
      }
      seen.add(key);
      const tick = ns.styled("div", {
        position: "absolute", left: "0", width: "8px", height: "3px", top: `calc(${(at * 100).toFixed(3)}% - 1px)`,
        background: palette.colour(label), pointerEvents: "auto",
      });
      tick.dataset.label = label;
      strip.append(tick);
    });
    // Clicking a tick scrolls to where it is.
    strip.addEventListener("click", (event) => {
      scrollTo({ top: (event.clientY / innerHeight) * height - innerHeight / 2, behavior: ns.reducedMotion() ? "auto" : "smooth" });
    });
    ns.ui().append(strip);
  };

  function onResize() {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => ns.view && ns.drawMap(ns.view), 300);
  }

  ns.watchResize = (on) => {
    removeEventListener("resize", onResize);
    if (on) {
      addEventListener("resize", onResize, { passive: true });
    }
  };
})();
