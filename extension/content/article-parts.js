// The parts of a page that are not the story though they sit in or beside
// it (bylines, credits, teasers, lead-ins to related links, readers'
// comments), and the story's head: headline, standfirst, opening
// paragraphs set apart from the body. article.js uses them to judge what
// it found. Read-only, like the rest of the finder.
globalThis.newslensContent.define("articleParts", (ns) => {
  const { INLINE, BOILERPLATE_ROLES, CONDITIONAL, LINES, NEGATIVE, HIDDEN, STANDFIRST, CREDIT, COPYRIGHT, COMMENTS, NEVER_STORY, CONSENT, PRIVACY, PROMPT, SOURCES, INLINE_NEGATIVE, hints, readable, density, positive, unlikely, boilerplateTag, weight } =
    ns.articleSigns;

  // The class word of a control that opens or closes a box.
  const TOGGLE = /(?:^|[^a-z])toggle(?:[^a-z]|$)/;

  // Not article text, whatever is inside: by tag, role or class; and
  // bylines and datelines (short blocks around an author or a date).
  function boilerplate(el, s) {
    const h = hints(el, s);
    if (HIDDEN.test(h)) return true;
    // A post's dateline or footer line, by its link to the readers'
    // comments below ("January 13, 2020 | View Comments", "Leave a reply").
    if (s.text < 200 && s.commentLinks) return true;
    // A control's label: the toggle of a box that opens and closes
    // ("Quellen ausblenden", "Show more").
    if (s.text < 60 && !INLINE.has(el.localName) && !/^h[1-6]$/.test(el.localName) && TOGGLE.test(h)) return true;
    // A phrase's class says what a short span is even inside a line of
    // prose: "<span class=credit>Photo: …</span>", "(no ratings yet)".
    if (INLINE.has(el.localName)) return s.text < 200 && INLINE_NEGATIVE.test(h);
    if (s.meta && s.text < 200 && s.commas < 2) return true;
    if (boilerplateTag(el, s) || BOILERPLATE_ROLES.has(el.getAttribute("role"))) return true;
    // Its first words, for the rules below (on small elements only).
    const text = s.text < 400 || ((s.links || s.fields) && s.text < 1000) ? readable(el) : "";
    // A copyright notice: "© 2022 The Times. All rights reserved...".
    if (s.text < 400 && COPYRIGHT.test(text)) return true;
    if (NEVER_STORY.test(h)) return true;
    // An invitation to subscribe, with its link, even in a paragraph of
    // its own: "Sign up here", "Zapraszamy do subskrypcji…".
    if (s.text < 250 && s.links && PROMPT.test(text)) return true;
    // A paragraph of prose is read whatever its class: generated class
    // names ("tagStyle_z4kq") say nothing of what a <p> holds.
    if (el.localName === "p" && s.own >= 80 && density(s) < 0.5) return false;
    // A cookie notice comes with its link or button ("More", "OK").
    // So does the stand-in for an embed that waits for the reader's
    // consent ("We respect your privacy…", "External content…").
    if (s.text < 1000 && (s.links || s.fields) && (CONSENT.test(text) || PRIVACY.test(text))) return true;
    if (s.text < 120 && CREDIT.test(text)) return true;
    return NEGATIVE.test(h) && !(positive(h) && s.paras > 2);
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
      (w < 25 && d > 0.2 && !(d <= 0.5 && listOfLines(el))) ||
      (w >= 25 && d > 0.5) ||
      (s.embeds === 1 && s.text < 75) ||
      s.embeds > 1
    );
  }

  // A bulleted list in a story whose items are lines of its own words with
  // links in them ("The <a>Elbkantinchen</a> in Geesthacht"), not a list
  // of links: two thirds of its items at least are more than a link.
  // Asked of lists a link in five words would call clutter.
  function listOfLines(el) {
    if (el.localName !== "ul" && el.localName !== "ol") return false;
    let items = 0;
    let links = 0;
    for (let li = el.firstElementChild; li; li = li.nextElementSibling) {
      if (li.localName !== "li") return false;
      const text = li.textContent.trim().length;
      let linked = 0;
      for (const a of li.getElementsByTagName("a")) linked += a.textContent.trim().length;
      items++;
      if (linked >= text * 0.8) links++;
    }
    return items >= 2 && links * 3 <= items;
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

  // How many elements the rules below look at before they yield (see
  // slices.js).
  const STEP = 256;

  // Lead-ins to what is left out go with it: "Read more:", a heading over
  // related links, or over nothing at the end of the body.
  function* skipLeadIns(root, stats, skipped) {
    let seen = 0;
    for (const el of root.querySelectorAll("h2, h3, h4, h5, h6, p")) {
      if (++seen % STEP === 0) yield;
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
  // story). The story's sources ("Quellen:") end it so too.
  function* skipComments(root, stats, skipped) {
    const total = stats.get(root).text;
    let seen = 0;
    const levels = new Set();
    for (const el of root.querySelectorAll("h2, h3, h4, h5, h6, p, div")) {
      if (++seen % STEP === 0) yield;
      const s = stats.get(el);
      if (!s?.text || s.text > 60 || s.links || el.closest("a, button") || !(COMMENTS.test(el.textContent) || SOURCES.test(el.textContent))) continue;
      let level = el;
      while (level !== root && !level.nextElementSibling) level = level.parentElement;
      // Weighed already, with all that follows it (a label repeated).
      if (level === root || levels.has(level)) continue;
      levels.add(level);
      const after = [];
      for (let next = level; next; next = next.nextElementSibling) after.push(next);
      if (after.reduce((sum, next) => sum + (stats.get(next)?.text ?? 0), 0) < total / 2) for (const next of after) skipped.add(next);
    }
  }

  // Words enough to compare a headline with the title (Unicode property
  // classes would cost more to compile than the whole search).
  const words = (text) => new Set(text.toLowerCase().split(/[\s!-/:-@[-`{-~\u00a0-\u00bf\u2000-\u206f\u3000-\u303f\uff00-\uff0f]+/).filter(Boolean));

  // A picture's caption with its credit line ("… Photo: Jane Doe"): neither
  // standfirst, nor opening paragraph, nor more of the story beside it.
  const credited = (el, stats) => stats.get(el).text < 250 && [...el.children].some((c) => stats.get(c)?.text < 120 && (CREDIT.test(c.textContent) || COPYRIGHT.test(c.textContent)));

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
      const named = (STANDFIRST.test(hints(el, s)) || el.getAttribute("itemprop") === "description") && !credited(el, stats);
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
      if (el.closest("figure, a, blockquote") || credited(el, stats)) continue;
      let clean = true;
      for (let up = el; clean && up && !up.contains(body); up = up.parentElement) {
        const u = stats.get(up);
        clean = Boolean(u) && !unlikely(up, u) && !boilerplate(up, u) && !clutter(up, u);
      }
      if (clean) found.push(el);
    }
    return found;
  }

  // A question page (schema.org's QAPage) whose best container is an
  // answer: the question it answers is the page's subject, read first.
  function findQuestion(doc, stats, body) {
    if (!body.closest('[itemprop~="acceptedAnswer"], [itemprop~="suggestedAnswer"]')) return null;
    const question = doc.querySelector('[itemtype$="schema.org/Question"] [itemprop~="text"]');
    return question && stats.get(question)?.text && !question.closest('[itemprop~="acceptedAnswer"], [itemprop~="suggestedAnswer"]') ? question : null;
  }

  return { findQuestion, boilerplate, wrapsBoilerplate, clutter, pictured, credited, skipLeadIns, skipComments, findHeadline, findStandfirst, findOpening };
});
