// One colour per entity type, from the Okabe–Ito palette, which stays
// distinguishable under the common forms of colour blindness. The page
// highlights, the legend, the sidebar and the demo all read it from here.
// A classic script for the same reason as messages.js.
globalThis.newslensPalette = Object.freeze({
  // Summary order: people, organisations, places, other, dates, figures.
  order: Object.freeze(["PER", "ORG", "LOC", "MISC", "DATE", "NUM"]),
  types: Object.freeze({
    PER: Object.freeze({ color: "#CC79A7", name: "People" }),
    ORG: Object.freeze({ color: "#56B4E9", name: "Organisations" }),
    LOC: Object.freeze({ color: "#009E73", name: "Places" }),
    MISC: Object.freeze({ color: "#F0E442", name: "Other" }),
    DATE: Object.freeze({ color: "#E69F00", name: "Dates" }),
    NUM: Object.freeze({ color: "#D55E00", name: "Figures" }),
  }),
  // Highlight backgrounds are the colour at this opacity (hex alpha), so
  // that the page's text colour stays readable over them.
  backgroundAlpha: "59",
});
