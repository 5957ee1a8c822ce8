// How newslens paints the page: the names it registers and the stylesheet
// for them, built from the palette. A classic script, like messages.js: the
// content scripts read the names, the background inserts the stylesheet
// with scripting.insertCSS, which the page's CSP does not govern, as a user
// stylesheet (ORIGIN): a user `!important` beats every `!important` of the
// page, so a page's `::highlight(newslens-PER) { … !important }` cannot
// hide the highlights.
globalThis.newslensPageStyle = Object.freeze({
  // CSS.highlights keys are this prefix and the label: "newslens-PER".
  HIGHLIGHT_PREFIX: "newslens-",
  // The mention the reader is on (walking mentions, or from the sidebar).
  CURRENT: "newslens-current",
  // The mentions of the entities on the reader's watchlist.
  STARRED: "newslens-starred",
  // The element that wraps mentions where the Highlight API is missing.
  MARK_ELEMENT: "newslens-mark",
  // scripting.insertCSS and removeCSS must name the same origin.
  ORIGIN: "USER",
  // The most mentions a page is given to paint, the first in reading order
  // (the legend says when there were more): past a few thousand, more tell
  // the reader nothing and cost the page every frame, card and mention map
  // (an audit's page of 138,000 places froze the tab).
  MAX_PAINTED: 5000,

  css() {
    const palette = globalThis.newslensPalette;
    const rules = palette.order.map((label) => {
      const color = palette.colour(label);
      const paint = `background-color: ${color}${palette.backgroundAlpha} !important; text-decoration: underline 2px ${color} !important;`;
      // The mark keeps the text's own font, colour and flow: only paint.
      // Every declaration is `!important`: a user rule without it loses to
      // any rule of the page.
      return `::highlight(${this.HIGHLIGHT_PREFIX}${label}) { ${paint} }\n` +
        `${this.MARK_ELEMENT}[data-label="${label}"] { all: unset !important; display: inline !important; ${paint} }`;
    });
    // A starred entity: a dark line above and below, on top of its type's
    // colour, which a reader who cannot tell the colours apart sees too.
    // (A highlight cannot draw an outline; a mark can.)
    rules.push(`::highlight(${this.STARRED}) { text-decoration: underline overline 3px #1b1b1b !important; }`);
    rules.push(`${this.MARK_ELEMENT}[data-starred] { outline: 2px solid #1b1b1b !important; outline-offset: 1px !important; }`);
    rules.push(`::highlight(${this.CURRENT}) { background-color: #1b1b1b !important; color: #ffffff !important; }`);
    rules.push(`${this.MARK_ELEMENT}[data-hidden] { background: none !important; text-decoration: none !important; outline: none !important; }`);
    rules.push(`${this.MARK_ELEMENT}[data-current] { background-color: #1b1b1b !important; color: #ffffff !important; }`);
    return rules.join("\n");
  },
});
