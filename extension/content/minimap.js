// The mention map: a thin strip beside the scrollbar with a tick where each
// type is mentioned along the page; clicking a tick scrolls there.
globalThis.newslensContent.define("map", (ns) => {
  const { ui, timers } = ns;
  let resizeTimer = 0;

  // Mentions placed per task: reading a mention's position is a layout
  // query, and a page of thousands must not hold its main thread meanwhile.
  // Positions are all read before the strip is drawn: a tick added between
  // two reads would make the next one lay the page out again.
  const SLICE = 500;
  let sliceTimer = 0;

  // Draws (or redraws) the map of `view`'s visible mentions, once the
  // highlights are painted; the previous map stays until then.
  function draw(view) {
    timers.cancel(sliceTimer);
    const height = Math.max(document.documentElement.scrollHeight, document.body?.scrollHeight ?? 0, 1);
    // One tick per type per pixel row of the strip is enough: label and
    // position (a fraction of the page's height), by row.
    const ticks = new Map();
    let next = 0;
    const slice = () => {
      sliceTimer = 0;
      if (ns.state.view !== view) {
        return;
      }
      const end = Math.min(view.ranges.length, next + SLICE);
      for (; next < end; next++) {
        const range = view.ranges[next];
        const label = view.entities[next].label;
        const rect = range && !view.hidden.has(label) ? range.getBoundingClientRect() : null;
        if (rect?.height) {
          // Where in the page, not the viewport: the reader may scroll
          // between slices.
          const at = (rect.top + scrollY) / height;
          ticks.set(`${label}:${Math.round(at * innerHeight)}`, { label, at });
        }
      }
      if (next < view.ranges.length) {
        sliceTimer = timers.after(0, slice);
      } else {
        showStrip([...ticks.values()], height);
      }
    };
    slice();
  }

  function showStrip(ticks, height) {
    const strip = ui.styled("div", {
      position: "fixed", top: "0", right: "0", width: "8px", height: "100vh", zIndex: "2147483646",
      background: "#8882", cursor: "pointer",
      // A page's own controls at its right edge stay clickable: the strip
      // takes no pointer events, its ticks do.
      pointerEvents: "none",
    });
    strip.dataset.part = "map";
    strip.setAttribute("role", "img");
    strip.setAttribute("aria-label", ui.t("mapLabel"));
    strip.title = ui.t("mapLabel");
    const palette = globalThis.newslensPalette;
    for (const { label, at } of ticks) {
      const tick = ui.styled("div", {
        position: "absolute", left: "0", width: "8px", height: "3px", top: `calc(${(at * 100).toFixed(3)}% - 1px)`,
        background: palette.colour(label), pointerEvents: "auto",
      });
      tick.dataset.label = label;
      strip.append(tick);
    }
    // Clicking a tick scrolls to where it is.
    strip.addEventListener("click", (event) => {
      scrollTo({ top: (event.clientY / innerHeight) * height - innerHeight / 2, behavior: ui.reducedMotion() ? "auto" : "smooth" });
    });
    ui.layer().querySelector("[data-part=map]")?.remove();
    ui.layer().append(strip);
  }

  // Whether the map is still being drawn.
  const drawing = () => Boolean(sliceTimer);

  function onResize() {
    timers.cancel(resizeTimer);
    resizeTimer = timers.after(300, () => ns.state.view && draw(ns.state.view));
  }

  function watchResize(on) {
    removeEventListener("resize", onResize);
    timers.cancel(resizeTimer);
    if (on) {
      addEventListener("resize", onResize, { passive: true });
    }
  }

  return Object.freeze({ draw, drawing, watchResize });
});
