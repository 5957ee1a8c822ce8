// Showing entities in the page. The CSS Custom Highlight API paints ranges
// without touching the DOM, so the page's layout and scripts cannot notice;
// only where it is missing are entities wrapped in inline elements styled
// to change nothing but the background.
globalThis.newslensContent.define("highlights", (ns) => {
  const { HIGHLIGHT_PREFIX: PREFIX, CURRENT, STARRED, MARK_ELEMENT: MARK } = globalThis.newslensPageStyle;
  // Every name newslens may register, so that it deletes its own by name:
  // a Firefox content script sees CSS.highlights through an Xray wrapper,
  // which refuses to iterate it ("Xray wrapping of iterators not supported").
  const NAMES = [...globalThis.newslensPalette.order.map((label) => PREFIX + label), STARRED, CURRENT];

  function highlightApi() {
    try {
      return typeof Highlight === "function" && globalThis.CSS?.highlights ? CSS.highlights : null;
    } catch {
      return null;
    }
  }

  // The DOM range of each entity (UTF-16 offsets into collected.text), or
  // null where its text changed since it was collected.
  const rangesFor = (collected, entities) =>
    entities.map((entity) => {
      const start = ns.articleText.locate(collected.segments, entity.start, false);
      const end = ns.articleText.locate(collected.segments, entity.end, true);
      if (!start || !end) {
        return null;
      }
      const range = document.createRange();
      try {
        range.setStart(start.node, start.offset);
        range.setEnd(end.node, end.offset);
      } catch {
        return null;
      }
      return range.toString().replace(/\s+/g, " ") === entity.text.replace(/\s+/g, " ") ? range : null;
    });

  // Whether mention `i` of `view` is shown, and of an entity on the
  // reader's watchlist (view.starred, content/watchlist.js).
  const starred = (view, i) => Boolean(view.starred?.has(view.groupOf[i])) && !view.hidden.has(view.entities[i].label);

  // Paints `view` ({ entities, ranges, hidden, current, starred }); returns the
  // method used. Painting again replaces what was there. Where the API
  // exists a failure is thrown, never answered with marks, which split the
  // page's text nodes and cost a layout each.
  function paint(view) {
    const registry = highlightApi();
    if (registry) {
      // Each type's ranges, in one pass over the mentions.
      const byLabel = new Map(globalThis.newslensPalette.order.map((label) => [label, []]));
      const stars = [];
      view.ranges.forEach((r, i) => {
        if (r) {
          byLabel.get(view.entities[i].label)?.push(r);
          if (starred(view, i)) stars.push(r);
        }
      });
      for (const [label, ranges] of byLabel) {
        if (ranges.length && !view.hidden.has(label)) {
          registry.set(PREFIX + label, highlightOf(ranges));
        } else {
          registry.delete(PREFIX + label);
        }
      }
      if (stars.length) {
        const highlight = highlightOf(stars);
        // Over the types' colours, under the current mention.
        highlight.priority = 1;
        registry.set(STARRED, highlight);
      } else {
        registry.delete(STARRED);
      }
      paintCurrentRange(registry, view);
      return "highlight-api";
    }
    if (!view.marks) {
      view.marks = wrapAll(view);
    }
    view.marks.forEach((marks, i) => {
      for (const mark of marks) {
        mark.toggleAttribute("data-hidden", view.hidden.has(view.entities[i].label));
        mark.toggleAttribute("data-starred", starred(view, i));
        mark.toggleAttribute("data-current", i === view.current);
      }
    });
    return "marks";
  }

  // One range at a time: spreading them into the constructor throws a
  // RangeError past some 65,000 arguments.
  function highlightOf(ranges) {
    const highlight = new Highlight();
    for (const range of ranges) {
      highlight.add(range);
    }
    return highlight;
  }

  function paintCurrentRange(registry, view) {
    const current = view.ranges[view.current];
    if (current) {
      const highlight = highlightOf([current]);
      highlight.priority = 2;
      registry.set(CURRENT, highlight);
    } else {
      registry.delete(CURRENT);
    }
  }

  // Paints only which mention is the current one, on a painted `view`:
  // walking the mentions changes nothing else.
  function paintCurrent(view) {
    if (view.method === "highlight-api") {
      paintCurrentRange(highlightApi(), view);
    } else {
      view.marks?.forEach((marks, i) => marks.forEach((mark) => mark.toggleAttribute("data-current", i === view.current)));
    }
  }

  // Removes every highlight and mark newslens added.
  function unpaint() {
    const registry = highlightApi();
    if (registry) {
      for (const name of NAMES) {
        registry.delete(name);
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
  }

  // The fallback: wraps each text-node piece of each range in a mark, last
  // range first so that splitting a node keeps earlier offsets valid. Returns
  // the marks of each entity, and points each range at its marks so that
  // scrolling and cards still find them.
  function wrapAll(view) {
    const marks = view.ranges.map(() => []);
    for (let i = view.ranges.length - 1; i >= 0; i--) {
      const range = view.ranges[i];
      if (!range) {
        continue;
      }
      for (const { node, start, end } of textPieces(range).reverse()) {
        node.splitText(end);
        const middle = node.splitText(start);
        const mark = document.createElement(MARK);
        mark.dataset.label = view.entities[i].label;
        middle.parentNode.replaceChild(mark, middle);
        mark.appendChild(middle);
        marks[i].unshift(mark);
      }
      if (marks[i].length) {
        range.setStartBefore(marks[i][0]);
        range.setEndAfter(marks[i].at(-1));
      }
    }
    return marks;
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
      const end = node === range.endContainer ? range.endOffset : /** @type {Text} */ (node).data.length;
      if (end > start) {
        pieces.push({ node, start, end });
      }
    }
    return pieces;
  }

  return Object.freeze({ rangesFor, paint, paintCurrent, unpaint });
});
