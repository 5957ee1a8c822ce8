// Showing entities in the page. The CSS Custom Highlight API paints ranges
// without touching the DOM, so the page's layout and scripts cannot notice;
// where it is missing, entities are wrapped in inline elements styled to
// change nothing but the background.
(() => {
  const ns = (globalThis.newslensContent ??= {});
  const { HIGHLIGHT_PREFIX: PREFIX, MARK_ELEMENT: MARK } = globalThis.newslensPageStyle;

  function highlightApi() {
    try {
      return typeof Highlight === "function" && globalThis.CSS?.highlights ? CSS.highlights : null;
    } catch {
      return null;
    }
  }

  // Turns entities (UTF-16 offsets into collected.text) into DOM ranges,
  // skipping any whose text changed since it was collected.
  ns.rangesFor = (collected, entities) => {
    const ranges = [];
    for (const entity of entities) {
      const start = ns.locate(collected.segments, entity.start, false);
      const end = ns.locate(collected.segments, entity.end, true);
      if (!start || !end) {
        continue;
      }
      const range = document.createRange();
      try {
        range.setStart(start.node, start.offset);
        range.setEnd(end.node, end.offset);
      } catch {
        continue;
      }
      if (range.toString().replace(/\s+/g, " ") === entity.text.replace(/\s+/g, " ")) {
        ranges.push({ entity, range });
      }
    }
    return ranges;
  };

  // Paints `ranges` ({ entity, range }); returns the method used.
  ns.paint = (ranges) => {
    ns.unpaint();
    const registry = highlightApi();
    if (registry) {
      try {
        const byLabel = new Map();
        for (const { entity, range } of ranges) {
          if (!byLabel.has(entity.label)) {
            byLabel.set(entity.label, []);
          }
          byLabel.get(entity.label).push(range);
        }
        for (const [label, labelRanges] of byLabel) {
          registry.set(PREFIX + label, new Highlight(...labelRanges));
        }
        return "highlight-api";
      } catch {
        // An isolated world without a usable registry: fall back below.
        ns.unpaint();
      }
    }
    wrapAll(ranges);
    return "marks";
  };

  // Removes every highlight and mark newslens added.
  ns.unpaint = () => {
    const registry = highlightApi();
    if (registry) {
      for (const label of globalThis.newslensPalette.order) {
        registry.delete(PREFIX + label);
      }
    }
    const parents = new Set();
    for (const mark of document.querySelectorAll(MARK)) {
      const parent = mark.parentNode;
      parent.replaceChild(document.createTextNode(mark.textContent), mark);
      parents.add(parent);
    }
    for (const parent of parents) {
      parent.normalize();
    }
  };

  // The fallback: wraps each text-node piece of each range in a mark,
  // last range first so that splitting a node keeps earlier offsets valid.
  function wrapAll(ranges) {
    for (const { entity, range } of [...ranges].reverse()) {
      for (const piece of textPieces(range).reverse()) {
        const { node, start, end } = piece;
        node.splitText(end);
        const middle = node.splitText(start);
        const mark = document.createElement(MARK);
        mark.dataset.label = entity.label;
        middle.parentNode.replaceChild(mark, middle);
        mark.appendChild(middle);
      }
    }
  }

  // The text nodes a range covers, each with the covered offsets.
  function textPieces(range) {
    const pieces = [];
    const root = range.commonAncestorContainer;
    const walker = document.createTreeWalker(root.nodeType === Node.TEXT_NODE ? root.parentNode : root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!range.intersectsNode(node)) {
        continue;
      }
      const start = node === range.startContainer ? range.startOffset : 0;
      const end = node === range.endContainer ? range.endOffset : node.data.length;
      if (end > start) {
        pieces.push({ node, start, end });
      }
    }
    return pieces;
  }
})();
