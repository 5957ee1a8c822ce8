// How newslens paints the page: the names it registers and the stylesheet
// for them, built from the palette. A classic script, like messages.js: the
// content scripts read the names, the background inserts the stylesheet
// with scripting.insertCSS, which the page's CSP does not govern.
globalThis.newslensPageStyle = Object.freeze({
  // CSS.highlights keys are this prefix and the label: "newslens-PER".
  HIGHLIGHT_PREFIX: "newslens-",
  // The element that wraps mentions where the Highlight API is missing.
  MARK_ELEMENT: "newslens-mark",

  css() {
    const { order, types, backgroundAlpha } = globalThis.newslensPalette;
    return order
      .map((label) => {
        const color = types[label].color;
        const paint = `background-color: ${color}${backgroundAlpha} !important; text-decoration: underline 2px ${color} !important;`;
        // The mark keeps the text's own font, colour and flow: only paint.
        return `::highlight(${this.HIGHLIGHT_PREFIX}${label}) { ${paint} }\n` +
          `${this.MARK_ELEMENT}[data-label="${label}"] { all: unset; display: inline !important; ${paint} }`;
      })
      .join("\n");
  },
});
