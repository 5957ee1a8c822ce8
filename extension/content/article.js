// Finding the article in a news page: its headline, its standfirst and its
// body, and which elements inside them are not article text (share bars,
// related links, ads, bylines...). The approach is Readability's, written
// anew for a live page: score paragraphs, credit their ancestors, pick the
// best container, then judge what is inside it. Read-only: the page is
// never changed, so nothing its own scripts rely on moves, and nothing
// needs undoing. One walk over the page; the rest looks at its results.
(() => {
  const ns = (globalThis.newslensContent ??= {});
  // Injected again on a page that has it: keep the functions in use.
  if (ns.loaded) {
    return;
  }

  // Never text: not scored, not walked into.
  const IGNORE = new Set([
    "script", "style", "noscript", "template", "textarea", "input", "select", "option", "button", "svg",
    "math", "canvas", "iframe", "object", "embed", "video", "audio", "head", "title", "link", "meta",
    // Ruby annotations: the reading of the text beside them, not more text.
    "rt", "rp",
  ]);
  const KIND = new Map([
    ["img", "imgs"], ["input", "fields"], ["textarea", "fields"], ["select", "fields"], ["button", "fields"],
    ["iframe", "embeds"], ["object", "embeds"], ["embed", "embeds"], ["video", "embeds"], ["audio", "embeds"],
  ]);
  // Text inside these belongs to the block around them.
  const INLINE = new Set([
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i", "img", "ins",
    "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
  ]);
  // Not article text whatever their class says.
  // Captions too: they describe a picture, not the story (whose names they
  // mostly repeat), and carry its credit line, rarely marked apart.
  const BOILERPLATE_TAGS = new Set(["nav", "aside", "footer", "form", "fieldset", "dialog", "menu", "figcaption"]);
  const BOILERPLATE_ROLES = new Set(["navigation", "complementary", "contentinfo", "banner", "dialog", "alertdialog", "search", "menu", "menubar", "toolbar"]);
  // Containers judged by what they hold (Readability's conditional cleaning).
  const CONDITIONAL = new Set(["div", "section", "header", "ul", "ol", "dl", "table"]);
  const LINES = new Set(["p", "h2", "h3", "h4", "h5", "h6"]);

  // Words of class names and ids that say what an element holds, across
  // sites and languages, matched at the start of a word ("nav" in "navbar"
  // but not in "canvas"; no "foot", which would catch "football").
  const POSITIVE = /(?:^|[^a-z])(?:article|body|content|entry|main|post|story|text|blog|chapo|standfirst|lede|corps|cuerpo|texto|artikel|inhalt|cnt)/;
  const NEGATIVE = /(?:^|[^a-z])(?:comment|footer|nav|menu|sidebar|share|sharing|social|related|recommend|promo|sponsor|ads?(?:[^a-z]|$)|advert|banner|cookie|consent|gdpr|newsletter|subscri|signup|outbrain|taboola|teaser|widget|breadcrumb|byline|author|autor|auteur|signature|bio(?:[^a-z]|$|graph)|tags?(?:[^a-z]|$)|taglist|keyword|popular|trending|most-|ranking|rss|print|tool|utilit|masthead|modal|overlay|popup|meta(?:[^a-z]|$)|rating|poll|survey|login|paywall|nocontent|skip|jump|feedback|supplemental|player|caption|credit|copyright|photographer|image-?source|bildquelle|bildnachweis|tweet|instagram|tiktok|cta(?:[^a-z]|$))/;
  // Where paragraphs are never the article's (comments, sidebars, related
  // stories): they score nothing there, unless nothing else makes an article.
  const UNLIKELY = /(?:^|[^a-z])(?:comment|disqus|footer|nav|menu|sidebar|side-?bar|share|social|related|recommend|promo|sponsor|ads?(?:[^a-z]|$)|advert|banner|cookie|consent|newsletter|outbrain|taboola|teaser|widget|popular|trending|most-|ranking|breadcrumb|modal|popup|overlay)/;
  // Text only screen readers get: "Advertisement", "Media caption"...
  const HIDDEN = /(?:^|[^a-z])(?:hidden|visually-hidden|sr-only|off-?screen|screen-?reader)/;
  // Standfirst, chapô, dek, bajada, perex: the summary under the headline.
  const STANDFIRST = /(?:^|[^a-z])(?:standfirst|chapo|chapeau|lede|lead|intro|summary|dek|deck|subtitle|sub-?head|excerpt|description|bajada|linha-fina|perex|annotation|teaser)/;
  // A credit line, by its first words: "Photo: …", "(crédito: …)",
  // "Bild via …", "© …", "Photograph by …".
  const CREDIT = /^[\s([]*(?:©|\(c\)|(?:photo(?:graph)?s?|pictures?|images?|credits?|fotos?|fotograf[a-z]*|bild(?:er)?|beitragsbild|titelbild|bildquelle|quelle|source|crédits?|crédito|fuente|fonte)\s*(?:[:©|/]|by\s|via\s|von\s|de\s))/i;
  // A copyright notice, by its first words: "© 2022 …", "Copyright (c) …".
  const COPYRIGHT = /^\s*(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}))/i;
  // A label over readers' comments: "Comments", "3 Kommentare", "Leave a
  // reply", "12 thoughts on “…”". Not the singular with no count: "Comment",
  // "Kommentar", "Komentarz" head an opinion piece or an analysis.
  const COMMENTS = /^[\s#]*(?:(?:\d+|one|ein|un|une|uno)\s+(?:comments?|kommentare?|commentaires?|comentarios?|comentários?|commenti|commento|reacties|reactie|komentarz[ey]?)|comments|kommentare|leserkommentare|commentaires|comentarios|comentários|commenti|reacties|komentarze|leave a (?:comment|reply)|deja un comentario|schreibe einen kommentar|(?:one|\d+) (?:thoughts? on|responses? to)\b.*)\s*(?:\(\d+\))?\s*:?\s*$/i;
  const COMMAS = /[,\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C\u3001]/g;

  // Class and id as lower-case words ("relatedLinks" reads "related links"),
  // kept in the element's record: most are asked for more than once. Not a
  // heading's id: that is an anchor spelled from the heading's own words
  // ("nav_nur_die_folie" over "Nur die Folie…"), not a word on its role.
  const hints = (el, s) => {
    if (s?.hints !== undefined) return s.hints;
    const id = /^h[1-6]$/.test(el.localName) ? "" : el.id ?? "";
    const h = `${el.getAttribute("class") ?? ""} ${id}`.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
    if (s) s.hints = h;
    return h;
  };
  const density = (s) => (s.text ? s.links / s.text : 0);

  // The walk. For each element, a record: its text (all, and its own, that
  // of itself and its inline descendants), link text, commas, paragraphs,
  // the text of those that are not mostly links ("prose"), <p>s, images,
  // list items, form fields, embeds. Attributes a few elements carry are
  // found by selector instead of read on every element.
  function measure(root) {
    const stats = new Map();
    const hidden = new Set([...root.querySelectorAll('[hidden], [aria-hidden="true"], [style*="none"]')].filter(
      (el) => el.hidden || el.getAttribute("aria-hidden") === "true" || /display\s*:\s*none/i.test(el.getAttribute("style")),
    ));
    const paragraphs = [];
    let depth = 0;
    const visit = (el) => {
      const s = { text: 0, own: 0, links: 0, commas: 0, ownCommas: 0, paras: 0, prose: 0, ps: 0, imgs: 0, items: 0, fields: 0, embeds: 0, meta: 0, landmarks: 0, score: 0, anyScore: 0, hints: undefined, blocked: undefined };
      stats.set(el, s);
      depth++;
      for (let node = el.firstChild; node; node = node.nextSibling) {
        if (node.nodeType === 3) {
          const n = node.data.trim().length;
          if (n) {
            const commas = node.data.match(COMMAS)?.length ?? 0;
            s.text += n;
            s.own += n;
            s.commas += commas;
            s.ownCommas += commas;
          }
          continue;
        }
        if (node.nodeType !== 1) continue;
        const tag = node.localName;
        const kind = KIND.get(tag);
        if (kind) s[kind]++;
        // A lazy-loaded picture's <img> is in a <noscript>, as text.
        else if (tag === "noscript" && node.textContent.includes("<img")) s.imgs++;
        if (IGNORE.has(tag) || hidden.has(node) || depth > 500) continue;
        const c = visit(node);
        s.text += c.text;
        s.links += tag === "a" ? c.text : c.links;
        s.commas += c.commas;
        s.paras += c.paras;
        // A block inside a link (a teaser's summary) is no prose of the page's.
        s.prose += tag === "a" ? 0 : c.prose;
        s.ps += c.ps + (tag === "p" ? 1 : 0);
        s.imgs += c.imgs;
        s.items += c.items + (tag === "li" ? 1 : 0);
        s.fields += c.fields;
        s.embeds += c.embeds;
        if (INLINE.has(tag)) {
          s.own += c.own;
          s.ownCommas += c.ownCommas;
        }
      }
      depth--;
      // A paragraph: a block holding a sentence or more of its own text.
      if (!INLINE.has(el.localName) && s.own >= 25) {
        s.paras++;
        if (density(s) < 0.25) s.prose += s.own;
        paragraphs.push(el, (1 + s.ownCommas + Math.min(3, s.own / 100)) * (1 - density(s)));
      }
      return s;
    };
    visit(root);
    // Bylines and datelines are found by their marks; article landmarks
    // protect what wraps them from being called unlikely.
    const count = (selector, key) => {
      for (const el of root.querySelectorAll(selector)) {
        for (let up = stats.has(el) ? el.parentElement : null; up && stats.has(up); up = up.parentElement) stats.get(up)[key]++;
      }
    };
    count('time, [rel~="author"], [itemprop~="author"], [itemprop~="datePublished"], [itemprop~="dateModified"]', "meta");
    count('article, main, [role="main"], [itemprop~="articleBody"]', "landmarks");
    // Each paragraph's score goes to five generations of ancestors, less
    // the further up; to `score` only outside unlikely places.
    const blocked = (el) => {
      const s = stats.get(el);
      if (!s) return false;
      return (s.blocked ??= unlikely(el, s) || blocked(el.parentElement));
    };
    for (let i = 0; i < paragraphs.length; i += 2) {
      const out = blocked(paragraphs[i]);
      let el = paragraphs[i].parentElement;
      for (let up = 1; up <= 5 && el && stats.has(el); up++, el = el.parentElement) {
        const s = stats.get(el);
        const share = paragraphs[i + 1] / (up === 1 ? 1 : up === 2 ? 2 : up * 3);
        s.anyScore += share;
        if (!out) s.score += share;
      }
    }
    return stats;
  }

  // Named or made for something else, and not wrapped around the page's
  // article (as an "ad-portal" div around the whole page may be). Never the
  // <body>: its classes describe the page ("menu-type-dropdown",
  // "has-sidebar"), not what it holds.
  const unlikely = (el, s) => !s.landmarks && el.localName !== "body" && (BOILERPLATE_TAGS.has(el.localName) || (UNLIKELY.test(hints(el, s)) && !POSITIVE.test(hints(el, s))));

  function weight(el, s) {
    const h = hints(el, s);
    return (POSITIVE.test(h) ? 25 : 0) - (NEGATIVE.test(h) ? 25 : 0) + (el.getAttribute("itemprop") === "articleBody" ? 50 : 0) + (el.localName === "article" ? 10 : 0);
  }

  // A name says something of a container its paragraphs vouch for: a good
  // one at most doubles their score ("content-box" over a product's one
  // line does not beat the steps of a recipe, each in a wrapper of its own).
  const candidateScore = (el, s, key = "score") => (s[key] + Math.min(Math.max(s[key], 10), weight(el, s))) * (1 - density(s));

  // The best-scored container, by `key`: "score" counts only paragraphs
  // outside unlikely places, "anyScore" all of them.
  function bestCandidate(stats, key) {
    let best = null;
    for (const [el, s] of stats) {
      if (s[key] > 0) {
        const score = candidateScore(el, s, key);
        if (score > (best?.score ?? 0)) best = { el, score, key };
      }
    }
    return best && { ...best, el: enclosing(best.el, stats) };
  }

  // The block that holds the best container and nothing much else: a
  // story cut into sections, each in a wrapper of its own, is then found
  // whole by the sibling rule one level up (the wrappers are siblings
  // where the sections are not).
  function enclosing(el, stats) {
    const text = stats.get(el).text;
    for (let up = el.parentElement; stats.has(up) && stats.get(up).text - text < Math.max(25, text * 0.05); up = up.parentElement) {
      el = up;
    }
    return el;
  }

  // The body: the best container and those of its siblings that read as
  // more of the same; counting paragraphs in unlikely places too when the
  // others make less than an article (Readability retries so), though a
  // short post of a paragraph or two still beats a sidebar widget.
  function findBody(stats, fallback) {
    let parts = [fallback];
    let length = 0;
    for (const key of ["score", "anyScore"]) {
      const best = bestCandidate(stats, key);
      const found = best ? withSiblings(best, stats, fallback) : [];
      const text = found.reduce((sum, el) => sum + stats.get(el).text, 0);
      if (text > length) [parts, length] = [found, text];
      if (length >= 200) break;
    }
    return parts;
  }

  // The best container, and those of its siblings that read as more of the
  // same (Readability's sibling rule).
  function withSiblings(best, stats, fallback) {
    const top = best.el;
    if (top === fallback || !stats.has(top.parentElement)) {
      return [top];
    }
    const threshold = Math.max(10, best.score * 0.2);
    const parts = [];
    // Short lines with no link that the rules below pass over, each after
    // the last part taken before it.
    const lines = [];
    for (let sib = top.parentElement.firstElementChild; sib; sib = sib.nextElementSibling) {
      const s = stats.get(sib);
      if (sib === top) {
        parts.push(sib);
      } else if (!s?.text || sib.localName === "a" || wrapsBoilerplate(sib, stats)) {
        // A link beside the story (to the next one, with its teaser) is
        // not more of it.
        continue;
      } else if (sib.className && sib.className === top.className && s.prose >= Math.max(80, s.links)) {
        // A wrapper of the same class as the best one is more of the story
        // if its paragraphs outweigh its links, even with a box of links
        // (a table of contents) among them, which is judged on its own.
        parts.push(sib);
      } else if (clutter(sib, s) || pictured(sib, s, stats)) {
        continue;
      } else if (top.localName === "article" && sib.localName !== "article") {
        // An <article> is the story whole: what is beside it (comments,
        // more stories) is not, unless it is more of the story's kind.
        if (!s.links && s.text < 200) lines.push([sib, parts.length]);
      } else {
        // Paragraphs or a wrapper around some, or one short sentence.
        const prose = s.paras > 0 && s.text >= 80 && density(s) < 0.25;
        const sentence = !s.links && s.own > 0 && s.own < 80 && /[.!?。」"”]\s*$/.test(sib.textContent);
        if (prose || sentence || candidateScore(sib, s, best.key) >= threshold) parts.push(sib);
        else if (!s.links && s.text < 200) lines.push([sib, parts.length]);
      }
    }
    // Those between two parts are the story's too: its subheadings, a
    // pulled quote, a line set apart, each in a wrapper of its own.
    const inside = lines.filter(([, before]) => before > 0 && before < parts.length).map(([line]) => line);
    return inside.length ? [...parts, ...inside].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1)) : parts;
  }

  // Not article text, whatever is inside: by tag, role or class; and
  // bylines and datelines (short blocks around an author or a date).
  function boilerplate(el, s) {
    const h = hints(el, s);
    if (HIDDEN.test(h)) return true;
    if (INLINE.has(el.localName)) return false;
    if (s.meta && s.text < 200 && s.commas < 2) return true;
    if (BOILERPLATE_TAGS.has(el.localName) || BOILERPLATE_ROLES.has(el.getAttribute("role"))) return true;
    // A copyright notice: "© 2022 The Times. All rights reserved...".
    if (s.text < 400 && COPYRIGHT.test(el.textContent)) return true;
    // A paragraph of prose is read whatever its class: generated class
    // names ("tagStyle_z4kq") say nothing of what a <p> holds.
    if (el.localName === "p" && s.own >= 80 && density(s) < 0.5) return false;
    if (s.text < 120 && CREDIT.test(el.textContent)) return true;
    return NEGATIVE.test(h) && !(POSITIVE.test(h) && s.paras > 2);
  }

  // Boilerplate, or wrappers around nothing else (a bio in a "sig-line"),
  // but for a heading over it ("Your comments" over the comments).
  function wrapsBoilerplate(el, stats) {
    for (let s = stats.get(el); s; s = stats.get(el)) {
      if (boilerplate(el, s)) return true;
      if (s.own) return false;
      let only = null;
      for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
        const t = stats.get(c)?.text;
        if (t && !(/^h[2-6]$/.test(c.localName) && t <= 80)) {
          if (only) return false;
          only = c;
        }
      }
      el = only;
    }
    return false;
  }

  // Containers that are mostly links, images, form fields or embeds, with
  // little prose: Readability's conditional cleaning, as a verdict.
  function clutter(el, s) {
    // A line that is mostly a link: "See also: <a>another story</a>", a
    // teaser's title.
    if (LINES.has(el.localName)) return s.text < 300 && density(s) > 0.5;
    if (!CONDITIONAL.has(el.localName) || s.commas >= 10) return false;
    const w = weight(el, s);
    const d = density(s);
    return (
      (s.imgs > 1 && s.ps / s.imgs < 0.5 && !el.closest("figure")) ||
      s.fields > s.ps / 3 ||
      (w < 25 && d > 0.2) ||
      (w >= 25 && d > 0.5) ||
      (s.embeds === 1 && s.text < 75) ||
      s.embeds > 1
    );
  }

  // A picture and its caption or credit, in a wrapper of the page's own
  // rather than a <figure>: not more of the story beside it.
  // Told by what is left of its text once its credit and caption lines
  // (boilerplate by class or wording) are set aside: less than a sentence.
  const pictured = (el, s, stats) => s.imgs > 0 && s.text < 250 && !INLINE.has(el.localName) && !LINES.has(el.localName) && el.localName !== "p" && told(el, stats) < 80;
  const told = (el, stats) => {
    let text = stats.get(el).own;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      const s = stats.get(c);
      if (s && !INLINE.has(c.localName) && !boilerplate(c, s)) text += told(c, stats);
    }
    return text;
  };

  // Lead-ins to what is left out go with it: "Read more:", a heading over
  // related links, or over nothing at the end of the body.
  function skipLeadIns(root, stats, skipped) {
    for (const el of root.querySelectorAll("h2, h3, h4, h5, h6, p")) {
      const s = stats.get(el);
      if (!s?.text || s.text > 80 || !(el.localName !== "p" || /[:：]\s*$/.test(el.textContent))) continue;
      // What follows it, at the first level where anything does, up to the
      // next heading: all of it left out (or nothing at all)?
      let level = el;
      while (level !== root && !level.nextElementSibling) level = level.parentElement;
      let kept = false;
      for (let next = level === root ? null : level.nextElementSibling; next && !kept && !/^h[1-6]$/.test(next.localName); next = next.nextElementSibling) {
        kept = Boolean(stats.get(next)?.text) && !skipped.has(next);
      }
      if (!kept) skipped.add(el);
    }
  }

  // Readers' comments under the story, in the same container: a heading
  // or a block of its own that says so ("Comments", "3 Kommentare") and all
  // that follows it, at the first level where anything does; so long as
  // that is less than the rest (not a "View comments" button over the
  // story).
  function skipComments(root, stats, skipped) {
    const total = stats.get(root).text;
    for (const el of root.querySelectorAll("h2, h3, h4, h5, h6, p, div")) {
      const s = stats.get(el);
      if (!s?.text || s.text > 60 || s.links || el.closest("a, button") || !COMMENTS.test(el.textContent)) continue;
      let level = el;
      while (level !== root && !level.nextElementSibling) level = level.parentElement;
      if (level === root) continue;
      const after = [];
      for (let next = level; next; next = next.nextElementSibling) after.push(next);
      if (after.reduce((sum, next) => sum + (stats.get(next)?.text ?? 0), 0) < total / 2) for (const next of after) skipped.add(next);
    }
  }

  // Words enough to compare a headline with the title (Unicode property
  // classes would cost more to compile than the whole search).
  const words = (text) => new Set(text.toLowerCase().split(/[\s!-/:-@[-`{-~\u00a0-\u00bf\u2000-\u206f\u3000-\u303f\uff00-\uff0f]+/).filter(Boolean));

  // The headline: an h1, or what is marked as the headline, preferring the
  // one that repeats most of the page's title (not a logo that repeats the
  // site's name), and sits in or just before the body, near it.
  function findHeadline(doc, stats, body) {
    const title = words(doc.querySelector('meta[property="og:title"]')?.getAttribute("content") || doc.title || "");
    let best = null;
    let bestScore = -Infinity;
    for (const h of doc.querySelectorAll('h1, [itemprop="headline"]')) {
      const s = stats.get(h);
      if (!s?.text || s.text > 300 || h.closest('a, nav, footer, [role="banner"]')) continue;
      const own = [...words(h.textContent)];
      const shared = own.filter((w) => title.has(w)).length;
      let score = (shared / Math.max(1, own.length) + shared / Math.max(1, title.size)) / 2;
      if (body.contains(h)) score += 1;
      else if (h.compareDocumentPosition(body) & 4 /* FOLLOWING */) score += 0.8;
      for (let up = body; up && !up.contains(h); up = up.parentElement) score -= 0.02;
      if (HIDDEN.test(hints(h, s))) score -= 0.5;
      if (h.localName !== "h1") score -= 0.3;
      if (score > bestScore) [best, bestScore] = [h, score];
    }
    return best;
  }

  // The standfirst: between headline and body, the first element named or
  // marked as one that reads as prose, or a paragraph of prose with no
  // link nor date (an intro the page does not name: "article-teaser" is a
  // standfirst there, a teaser only elsewhere); or the innermost such element with
  // most of its text, as a wrapper may also hold a byline or a picture.
  function findStandfirst(stats, headline, body) {
    let after = false;
    let found = null;
    // The records are in document order.
    for (const [el, s] of stats) {
      if (el === body || (found && !found.contains(el))) return found;
      if (!after) {
        after = el === headline;
        continue;
      }
      if (s.text < 30 || density(s) > 0.3 || (found && s.text < stats.get(found).text / 2)) continue;
      // A picture's caption with its credit is no standfirst.
      const credited = [...el.children].some((c) => stats.get(c)?.text < 120 && (CREDIT.test(c.textContent) || COPYRIGHT.test(c.textContent)));
      const named = (STANDFIRST.test(hints(el, s)) || el.getAttribute("itemprop") === "description") && !credited;
      const prose = el.localName === "p" && s.own >= 80 && !s.links && !s.meta;
      if ((named || prose) && !headline.contains(el) && !el.contains(body) && !el.closest("figure")) {
        found = el;
      }
    }
    return found;
  }

  // The story's opening paragraphs when the body found starts after them:
  // an intro set apart before a "read more" split, the paragraphs above a
  // box of related links that cuts the story in two. Between the headline
  // (or standfirst) and the body, each paragraph of prose with no date nor
  // byline, in no container that is boilerplate, clutter or an unlikely
  // place (a sidebar's teasers, a caption, a newsletter box).
  function findOpening(stats, from, body) {
    const found = [];
    let after = false;
    for (const [el, s] of stats) {
      if (el === body) break;
      if (!after) {
        after = el === from;
        continue;
      }
      if (from.contains(el) || found.some((f) => f.contains(el))) continue;
      if (INLINE.has(el.localName) || s.own < 80 || density(s) >= 0.25 || s.meta || el.contains(body)) continue;
      if (el.closest("figure, a, blockquote")) continue;
      let clean = true;
      for (let up = el; clean && up && !up.contains(body); up = up.parentElement) {
        const u = stats.get(up);
        clean = Boolean(u) && !unlikely(up, u) && !boilerplate(up, u) && !clutter(up, u);
      }
      if (clean) found.push(el);
    }
    return found;
  }

  function find(doc, fallback) {
    const stats = measure(fallback);
    const body = findBody(stats, fallback);
    const headline = findHeadline(doc, stats, body[0]);
    const roots = [...body];
    if (headline && !body.some((b) => b.contains(headline) || headline.contains(b))) {
      const standfirst = findStandfirst(stats, headline, body[0]);
      roots.push(headline, ...(standfirst ? [standfirst] : []));
      if (headline.compareDocumentPosition(body[0]) & 4 /* FOLLOWING */) {
        roots.push(...findOpening(stats, standfirst ?? headline, body[0]));
      }
      roots.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
    }
    // Inside the roots, leave out boilerplate and clutter, unless it holds
    // most of the root's text (a page wrapped whole in a <form>).
    const skipped = new Set();
    const judge = (el, rootText) => {
      for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
        const s = stats.get(child);
        if (!s) continue;
        if ((boilerplate(child, s) || clutter(child, s)) && s.text < rootText / 2) skipped.add(child);
        else judge(child, rootText);
      }
    };
    for (const root of roots) judge(root, stats.get(root).text);
    for (const root of roots) skipLeadIns(root, stats, skipped);
    for (const root of roots) skipComments(root, stats, skipped);
    // Anything inside a skipped element is skipped too, for callers that
    // ask about every element rather than leave skipped subtrees.
    // Each answer is kept, for the element and every ancestor on the way
    // up to one already answered: asking about every element of a deeply
    // nested page then costs its size, not its size times its depth.
    const answers = new Map(roots.map((r) => [r, false]));
    const skip = (el) => {
      const path = [];
      let answer = false;
      for (let up = el; up; up = up.parentElement) {
        const known = answers.get(up);
        if (known !== undefined || skipped.has(up)) {
          answer = known ?? true;
          break;
        }
        path.push(up);
      }
      for (const up of path) answers.set(up, answer);
      return answer;
    };
    return { roots, skip };
  }

  // Never throws: on a page it cannot read, the whole page is the article.
  ns.findArticle = (doc = document) => {
    const fallback = doc?.body ?? doc?.documentElement;
    if (!fallback) return { roots: [], skip: () => false };
    try {
      return find(doc, fallback);
    } catch {
      return { roots: [fallback], skip: () => false };
    }
  };
})();
