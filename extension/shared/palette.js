// One colour per entity type, from the Okabe–Ito palette, which stays
// distinguishable under the common forms of colour blindness; the reader
// may choose others in the options. The page highlights, the legend, the
// sidebar and the demo all read colours from here. A classic script for the
// same reason as messages.js.
globalThis.newslensPalette = (() => {
  const defaults = Object.freeze({ PER: "#CC79A7", ORG: "#56B4E9", LOC: "#009E73", MISC: "#F0E442", DATE: "#E69F00", NUM: "#D55E00" });
  let chosen = {};
  return Object.freeze({
    // Summary order: people, organisations, places, other, dates, figures.
    order: Object.freeze(["PER", "ORG", "LOC", "DATE", "NUM", "MISC"]),
    defaults,
    colour: (label) => chosen[label] ?? defaults[label],
    // The reader's colours (from storage: { PER: "#rrggbb", ... }), checked.
    choose(colours) {
      chosen = Object.fromEntries(Object.entries(colours ?? {}).filter(([label, c]) => label in defaults && /^#[0-9a-f]{6}$/i.test(c)));
    },
    // Highlight backgrounds are the colour at this opacity (hex alpha), so
    // that the page's text colour stays readable over them.
    backgroundAlpha: "59",
  });
})();
