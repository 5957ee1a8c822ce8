// How newslens paints the page: the names it registers and the stylesheet
// for them, built from the palette. A classic script, like messages.js: the
// content scripts read the names, the background inserts the stylesheet
// with scripting.insertCSS, which the page's CSP does not govern.
globalThis.newslensPageStyle = Object.freeze({
  // CSS.highlights keys are this prefix and the label: "newslens-PER".
  HIGHLIGHT_PREFIX: "newslens-",
  // The mention the reader is on (walking mentions, or from the sidebar).
  CURRENT: "newslens-current",
  // The element that wraps mentions where the Highlight API is missing.
  MARK_ELEMENT: "newslens-mark",

  css() {
    const palette = globalThis.newslensPalette;
    const rules = palette.order.map((label) => {
      const color = palette.colour(label);
      const paint = `background-color: ${color}${palette.backgroundAlpha} !important; text-decoration: underline 2px ${color} !important;`;
      // The mark keeps the text's own font, colour and flow: only paint.
      return `::highlight(${this.HIGHLIGHT_PREFIX}${label}) { ${paint} }\n` +
        `${this.MARK_ELEMENT}[data-label="${label}"] { all: unset; display: inline !important; ${paint} }`;
    });
    rules.push(`::highlight(${this.CURRENT}) { background-color: #1b1b1b !important; color: #ffffff !important; }`);
    rules.push(`${this.MARK_ELEMENT}[data-hidden] { background: none !important; text-decoration: none !important; }`);
    rules.push(`${this.MARK_ELEMENT}[data-current] { background-color: #1b1b1b !important; color: #ffffff !important; }`);
    return rules.join("\n");
  },
});
