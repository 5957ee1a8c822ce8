// Collecting the article's text from the page, with a map from each piece
// of that text back to the DOM text node it came from.
globalThis.newslensContent.define("articleText", (ns) => {
  // Never read inside these: code, form fields, media, our own elements.
  const SKIP = new Set([
    "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TEXTAREA", "INPUT", "SELECT", "OPTION", "BUTTON",
    "SVG", "MATH", "CANVAS", "IFRAME", "OBJECT", "EMBED", "VIDEO", "AUDIO", "NEWSLENS-UI",
    // Ruby annotations (furigana): read, they would cut every name they
    // gloss in two ("漢字かんじ").
    "RT", "RP",
  ]);
  // Elements that start a new block of text: a paragraph break in the text
  // we send, so that no entity or sentence runs across two of them.
  const BLOCK = new Set([
    "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BODY", "DD", "DETAILS", "DIV", "DL", "DT", "FIELDSET",
    "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI",
    "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "SUMMARY", "TABLE", "TD", "TH", "TR", "UL",
  ]);
  // A page is cut here rather than freezing the tab; the sidebar says so.
  const MAX_CHARS = 1_000_000;
  // How many nodes a step of the collection covers (slices.js).
  const STEP = 512;

  // `boxes`: whether the page's boxes say what is shown. A page hidden
  // whole until its scripts show it (an "anti-flicker" snippet that waits
  // on a request) has none: its attributes alone say what stays hidden.
  function visible(element, boxes) {
    if (element.hidden || element.getAttribute("aria-hidden") === "true") {
      return false;
    }
    // checkVisibility() is false for an element with `display: contents`,
    // which has no box of its own although its children are shown.
    return !boxes || typeof element.checkVisibility !== "function" || element.checkVisibility() || getComputedStyle(element).display === "contents";
  }

  // The steps of collecting the text of the article (see article.js: its
  // headline, standfirst and body, without what `skip` leaves out), yielding
  // every STEP nodes (slices.js). Returns { text, segments, truncated }:
  // segments[i] = { node, start } says that text[start .. start +
  // node.data.length] is node's text. Offsets are UTF-16 units, as
  // JavaScript strings count.
  function* collecting({ roots, skip }) {
    const segments = [];
    let text = "";
    let truncated = false;
    let walked = 0;
    const boxes = document.documentElement.checkVisibility?.() !== false;
    for (const root of roots) {
      let pendingBreak = text ? "\n\n" : "";
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
        acceptNode(node) {
          if (node.nodeType === Node.TEXT_NODE) {
            return NodeFilter.FILTER_ACCEPT;
          }
          if (SKIP.has(node.nodeName.toUpperCase()) || skip(node) || !visible(node, boxes)) {
            return NodeFilter.FILTER_REJECT;
          }
          return NodeFilter.FILTER_ACCEPT;
        },
      });
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (++walked % STEP === 0) yield;
        if (node.nodeType !== Node.TEXT_NODE) {
          const name = node.nodeName.toUpperCase();
          if (name === "BR") {
            pendingBreak ||= "\n";
          } else if (BLOCK.has(name) && text) {
            pendingBreak = "\n\n";
          }
          continue;
        }
        const { data } = /** @type {Text} */ (node);
        if (!data.trim()) {
          // "<a>Barack</a> <a>Obama</a>": the space between still separates.
          if (text && !pendingBreak) {
            pendingBreak = " ";
          }
          continue;
        }
        if (text.length + data.length > MAX_CHARS) {
          truncated = true;
          break;
        }
        text += pendingBreak;
        pendingBreak = "";
        segments.push({ node, start: text.length });
        text += data;
      }
      if (truncated) {
        break;
      }
    }
    return { text, segments, truncated };
  }

  // The DOM position of UTF-16 offset `offset` of the collected text: the
  // segment holding it, or ending at it when `atEnd`.
  const locate = (segments, offset, atEnd) => {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid].start < offset || (!atEnd && segments[mid].start === offset)) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    const segment = segments[lo];
    if (!segment) {
      return null;
    }
    const inNode = offset - segment.start;
    return inNode >= 0 && inNode <= segment.node.data.length ? { node: segment.node, offset: inNode } : null;
  };

  return Object.freeze({
    // At once: for tests and benchmarks.
    collect: (article = ns.article.find(document)) => ns.slices.now(collecting(article)),
    // In slices, each a task of its own: for the reader's page.
    collectInSlices: (article) => ns.slices.inSlices(collecting(article)),
    locate,
  });
});
