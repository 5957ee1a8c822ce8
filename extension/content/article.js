// Finding the article in a news page: its headline, its standfirst and its
// body, and which elements inside them are not article text (share bars,
// related links, ads, bylines...). The approach is Readability's, written
// anew for a live page: score paragraphs, credit their ancestors, pick the
// best container, then judge what is inside it. Read-only: the page is
// never changed, so nothing its own scripts rely on moves, and nothing
// needs undoing. One walk over the page; the rest looks at its results.
globalThis.newslensContent.define("article", (ns) => {
  const { IGNORE, KIND, INLINE, COMMAS, COMMENTS_LINK, density, unlikely, weight } = ns.articleSigns;
  const { boilerplate, wrapsBoilerplate, clutter, pictured, credited, skipLeadIns, skipComments, findHeadline, findStandfirst, findOpening, findQuestion } = ns.articleParts;

  // How many elements a step of the walk (and of the judging) covers
  // before it yields: a few milliseconds of work.
  const STEP = 256;

  // The walk. For each element, a record: its text (all, and its own, that
  // of itself and its inline descendants), link text, commas, paragraphs,
  // the text of those that are not mostly links ("prose"), <p>s, images,
  // list items, form fields, embeds. Attributes a few elements carry are
  // found by selector instead of read on every element. Depth first with a
  // stack of its own (a page nested thousands deep is no recursion), a
  // record summed into its parent's when its element is done.
  function* measure(root) {
    const stats = new Map();
    const hidden = new Set([...root.querySelectorAll('[hidden], [aria-hidden="true"], [style*="none"]')].filter(
      (el) => el.hidden || el.getAttribute("aria-hidden") === "true" || /display\s*:\s*none/i.test(el.getAttribute("style")),
    ));
    // Flat triples: a paragraph's element, its score, and whether it is
    // bare text in a container.
    const paragraphs = [];
    const open = (el) => {
      const s = { text: 0, own: 0, links: 0, commas: 0, ownCommas: 0, paras: 0, prose: 0, ps: 0, imgs: 0, items: 0, fields: 0, embeds: 0, meta: 0, landmarks: 0, commentLinks: 0, score: 0, anyScore: 0, hints: undefined, blocked: undefined };
      stats.set(el, s);
      return { el, s, next: el.firstChild };
    };
    // The elements open on the way down, the current one last.
    const path = [open(root)];
    let done = 0;
    while (path.length) {
      const top = path[path.length - 1];
      const { el, s } = top;
      const node = top.next;
      if (node) {
        top.next = node.nextSibling;
        if (node.nodeType === 3) {
          const n = node.data.trim().length;
          if (n) {
            const commas = node.data.match(COMMAS)?.length ?? 0;
            s.text += n;
            s.own += n;
            s.commas += commas;
            s.ownCommas += commas;
          }
        } else if (node.nodeType === 1) {
          const tag = node.localName;
          const kind = KIND.get(tag);
          if (kind) s[kind]++;
          // A lazy-loaded picture's <img> is in a <noscript>, as text.
          else if (tag === "noscript" && node.textContent.includes("<img")) s.imgs++;
          if (!IGNORE.has(tag) && !hidden.has(node) && path.length <= 500) path.push(open(node));
        }
        continue;
      }
      path.pop();
      // A paragraph: a block holding a sentence or more of its own text.
      // Beside blocks with paragraphs of their own, that text is bare text
      // in a container (a story typed straight into its column, between
      // its headline and its share bar): the container is then the
      // paragraph's parent, as if the text were wrapped in a <p>, as
      // Readability wraps it.
      if (!INLINE.has(el.localName) && s.own >= 25) {
        const bare = s.paras > 0;
        s.paras++;
        if (density(s) < 0.25) s.prose += s.own;
        paragraphs.push(el, (1 + s.ownCommas + Math.min(3, s.own / 100)) * (1 - density(s)), bare);
      }
      const parent = path[path.length - 1]?.s;
      if (parent) {
        const tag = el.localName;
        parent.text += s.text;
        parent.links += tag === "a" ? s.text : s.links;
        parent.commas += s.commas;
        parent.paras += s.paras;
        // A block inside a link (a teaser's summary) is no prose of the page's.
        parent.prose += tag === "a" ? 0 : s.prose;
        parent.ps += s.ps + (tag === "p" ? 1 : 0);
        parent.imgs += s.imgs;
        parent.items += s.items + (tag === "li" ? 1 : 0);
        parent.fields += s.fields;
        parent.embeds += s.embeds;
        if (INLINE.has(tag)) {
          parent.own += s.own;
          parent.ownCommas += s.ownCommas;
        }
      }
      if (++done % STEP === 0) yield;
    }
    // Bylines and datelines are found by their marks; article landmarks
    // protect what wraps them from being called unlikely.
    const count = (selector, key) => {
      for (const el of root.querySelectorAll(selector)) {
        for (let up = stats.has(el) ? el.parentElement : null; up && stats.has(up); up = up.parentElement) stats.get(up)[key]++;
      }
    };
    count('time, [rel~="author"], [itemprop~="author"], [itemprop~="datePublished"], [itemprop~="dateModified"]', "meta");
    count('article, main, [role="main"], [itemprop~="articleBody"]', "landmarks");
    count(COMMENTS_LINK, "commentLinks");
    // Each paragraph's score goes to five generations of ancestors, less
    // the further up; to `score` only outside unlikely places. A wrapper
    // that adds next to no text to what it wraps is no generation of its
    // own: the steps of a recipe, each a paragraph in three wrappers, then
    // credit the list that holds them as a story's paragraphs credit
    // their column.
    const blocked = (el) => {
      const s = stats.get(el);
      if (!s) return false;
      return (s.blocked ??= unlikely(el, s) || blocked(el.parentElement));
    };
    for (let i = 0; i < paragraphs.length; i += 3) {
      if (i % (3 * STEP) === 0) yield;
      const out = blocked(paragraphs[i]);
      let el = paragraphs[i + 2] ? paragraphs[i] : paragraphs[i].parentElement;
      let inner = null;
      for (let up = 1, steps = 0; up <= 5 && steps < WRAPPERS && el && stats.has(el); steps++, inner = el, el = el.parentElement) {
        const s = stats.get(el);
        if (inner && !wraps(s, stats.get(inner))) up++;
        if (up > 5) break;
        const share = paragraphs[i + 1] / (up === 1 ? 1 : up === 2 ? 2 : up * 3);
        s.anyScore += share;
        if (!out) s.score += share;
      }
    }
    return stats;
  }

  // How many ancestors a paragraph's score may climb, wrappers included.
  const WRAPPERS = 12;

  // Whether an element adds next to no text to the one it wraps.
  const wraps = (outer, inner) => outer.text - inner.text < Math.max(25, inner.text * 0.05);

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
    return best && { ...best, el: enclosing(marked(best.el, stats), stats) };
  }

  // The body the page marks as such (schema.org's articleBody) around the
  // best container: a story cut into sections, each in wrappers of its own
  // too deep for their paragraphs to credit it, is then found whole.
  const marked = (el, stats) => {
    const body = el.closest('[itemprop~="articleBody"]');
    return body && stats.has(body) ? body : el;
  };

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
      } else if (clutter(sib, s) || pictured(sib, s, stats) || credited(sib, stats)) {
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
    const sections = sameSections(top, stats);
    const all = [...parts, ...inside, ...sections];
    return all.length > parts.length ? all.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1)) : parts;
  }

  // How far above the best container a story cut into sections is looked
  // for: the section (its wrapper, the wrapper's wrapper) that holds it.
  const SECTION_LEVELS = 3;

  // The other sections of a story built of blocks of one kind (a
  // content manager's "contentElement"s, each with its text and picture):
  // the siblings of the best container's section (up to SECTION_LEVELS
  // above it) of its tag and class, each paragraphs of prose more than
  // links, two at least. A teaser list's items are mostly links, and a
  // block named for something else (comments, related stories) is not
  // taken.
  function sameSections(top, stats) {
    let section = top.parentElement;
    for (let level = 1; level <= SECTION_LEVELS && stats.has(section?.parentElement); level++, section = section.parentElement) {
      if (!section.className || typeof section.className !== "string" || section.localName === "body") continue;
      const found = [];
      for (let sib = section.parentElement.firstElementChild; sib; sib = sib.nextElementSibling) {
        const s = stats.get(sib);
        if (sib === section || !s || sib.localName !== section.localName || sib.className !== section.className) continue;
        if (s.paras > 0 && s.prose >= Math.max(80, s.links) && density(s) < 0.25 && !unlikely(sib, s) && !wrapsBoilerplate(sib, stats)) found.push(sib);
      }
      // One block of the same grid class beside the story's ("row") is
      // the page's head or foot; a story in sections has several.
      if (found.length >= 2) return found;
    }
    return [];
  }

  // Leaves `el` out, but for the elements of `kept` inside it.
  function skipAllBut(el, kept, skipped) {
    if (kept.includes(el)) return;
    if (!kept.some((k) => k && el.contains(k))) {
      skipped.add(el);
      return;
    }
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) skipAllBut(child, kept, skipped);
  }

  function* find(doc, fallback) {
    const stats = yield* measure(fallback);
    // Each look over all the records below is a step of its own (tens of
    // milliseconds on a page of 70,000 elements).
    const body = findBody(stats, fallback);
    yield;
    const headline = findHeadline(doc, stats, body[0]);
    yield;
    const question = findQuestion(doc, stats, body[0]);
    const found = question ? [question, ...body] : [...body];
    if (headline && !body.some((b) => b.contains(headline) || headline.contains(b))) {
      const standfirst = findStandfirst(stats, headline, body[0]);
      yield;
      found.push(headline, ...(standfirst ? [standfirst] : []));
      if (headline.compareDocumentPosition(body[0]) & 4 /* FOLLOWING */) {
        found.push(...findOpening(stats, standfirst ?? headline, body[0]));
      }
      found.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
    }
    // Each root once: the question may also be taken for a standfirst.
    const roots = found.filter((r, i) => !found.some((o, j) => o.contains(r) && (o !== r || j < i)));
    yield;
    // Inside the roots, leave out boilerplate and clutter, unless it holds
    // most of the root's text (a page wrapped whole in a <form>, a short
    // section with its picture); what is boilerplate by name or tag only if
    // that is paragraphs of prose too, not a caption under the headline, a
    // dateline or a list of teasers with no paragraph.
    const kept = (s, rootText, prose) => s.text >= rootText / 2 && s.prose >= prose && (s.ps > 0 || !s.items);
    const left = (el, s, rootText) => (boilerplate(el, s) && !kept(s, rootText, Math.max(500, s.text / 2))) || (clutter(el, s) && !kept(s, rootText, 0));
    const skipped = new Set();
    // The headline and standfirst, read even where the body holds them in
    // a header that is left out with its byline (the standfirst only in
    // the headline's header: elsewhere, what is left out stays out);
    // looked for once, and only then.
    let headParts = null;
    const head = () => (headParts ??= [headline, findStandfirst(stats, headline, null)]);
    let judged = 0;
    for (const root of roots) {
      const rootText = stats.get(root).text;
      const waiting = [root];
      while (waiting.length) {
        for (let child = waiting.pop().firstElementChild; child; child = child.nextElementSibling) {
          const s = stats.get(child);
          if (!s) continue;
          if (left(child, s, rootText)) skipAllBut(child, child.contains(headline) ? head() : [], skipped);
          else waiting.push(child);
          if (++judged % STEP === 0) yield;
        }
      }
    }
    for (const root of roots) yield* skipLeadIns(root, stats, skipped);
    for (const root of roots) yield* skipComments(root, stats, skipped);
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

  // The steps of finding the article in `doc` (see slices.js); never
  // throws: on a page it cannot read, the whole page is the article.
  function* steps(doc = document) {
    const fallback = doc?.body ?? doc?.documentElement;
    if (!fallback) return { roots: [], skip: () => false };
    try {
      return yield* find(doc, fallback);
    } catch {
      return { roots: [fallback], skip: () => false };
    }
  }

  return Object.freeze({
    // At once: for tests and benchmarks.
    find: (doc = document) => ns.slices.now(steps(doc)),
    // In slices, each a task of its own: for the reader's page.
    findInSlices: (doc = document) => ns.slices.inSlices(steps(doc)),
  });
});
