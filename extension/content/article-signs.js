// What the article finder reads an element by: its tag and role, the
// words of its class and id, the first words of its text. Signs that hold
// across sites and languages; article-parts.js and article.js weigh them.
globalThis.newslensContent.define("articleSigns", () => {
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
  // A quote too: one that is mostly a link is a card of another post.
  const CONDITIONAL = new Set(["div", "section", "header", "ul", "ol", "dl", "table", "blockquote"]);
  const LINES = new Set(["p", "h2", "h3", "h4", "h5", "h6"]);

  // Words of class names and ids that say what an element holds, across
  // sites and languages, matched at the start of a word ("nav" in "navbar"
  // but not in "canvas"; no "foot", which would catch "football").
  const POSITIVE = /(?:^|[^a-z])(?:article|body|content|entry|main|post|story|text|blog|chapo|standfirst|lede|corps|cuerpo|texto|artikel|inhalt|cnt)/;
  const NEGATIVE = /(?:^|[^a-z])(?:comment|footer|nav|menu|sidebar|share|sharing|social|related|recommend|promo|sponsor|ads?(?:[^a-z]|$)|advert|banner|cookie|consent|gdpr|newsletter|subscri|signup|outbrain|taboola|teaser|widget|breadcrumb|byline|author|autor|auteur|signature|bio(?:[^a-z]|$|graph)|tags?(?:[^a-z]|$)|taglist|keyword|popular|trending|most-|ranking|rss|print|tool|utilit|masthead|modal|overlay|popup|meta(?:[^a-z]|$)|rating|poll|survey|login|paywall|nocontent|skip|jump|feedback|supplemental|notice|disclaimer|player|caption|credit|copyright|photographer|image-?source|bildquelle|bildnachweis|tweet|instagram|tiktok|cta(?:[^a-z]|$))/;
  // Where paragraphs are never the article's (comments, sidebars, related
  // stories): they score nothing there, unless nothing else makes an article.
  const UNLIKELY = /(?:^|[^a-z])(?:comment|disqus|footer|nav|menu|sidebar|side-?bar|share|social|related|recommend|promo|sponsor|ads?(?:[^a-z]|$)|advert|banner|cookie|consent|newsletter|outbrain|taboola|teaser|widget|popular|trending|most-|ranking|breadcrumb|modal|popup|overlay)/;
  // Names no paragraph of a story carries, however long: a breadcrumb
  // trail ending in the story's title, a cookie notice.
  const NEVER_STORY = /(?:^|[^a-z])(?:breadcrumb|cookie|consent|gdpr)/;
  // A cookie notice, by its first words: "We use cookies…", "Diese Website
  // verwendet Cookies…", "Ce site utilise des cookies…", "What are cookies?".
  const CONSENT = /^[^.!?]{0,80}(?:\b(?:what are|was sind|qu['’]est-ce que les|qué son las) cookies\b|\b(?:use[sd]?|using|verwende[nt]?|nutz(?:t|en)|utilis(?:e|ons)|usa(?:mos)?|utiliza(?:mos)?)\b[^.!?]{0,40}\bcookies?\b|\bcookies?\b[^.!?]{0,40}\b(?:erleichtern|help|helfen|permettent|nos ayudan))/i;
  // The stand-in for an embed, by its first words: a word on the reader's
  // privacy or data, or "External content", before the button that loads it.
  const PRIVACY = /^[^.!?]{0,120}(?:\b(?:privacy|privatsphäre|datenschutz|persönlichen daten|données personnelles|vie privée|privacidad|datos personales|privacidade|dados pessoais)|externe[rn]? inhalte?\b|external content|contenu externe|contenido externo)/i;
  // An invitation to subscribe or sign up, by its wording.
  const PROMPT = /\b(?:sign up|subscribe to|newsletter|abonniere|abonnez|suscr[ií]bete|subskrypcj|inscreva|iscriviti)/i;
  // Class words that tell a short phrase inside a line from the story's
  // own words: a credit, a copyright, a rating, a byline.
  const INLINE_NEGATIVE = /(?:^|[^a-z])(?:credit|copyright|photographer|rating|byline)/;
  // A label over a story's sources or further reading, or over the
  // contacts that end a press release: "Quellen:", "Sources",
  // "Einzelnachweise", "Further reading", "Kontakt", "Pressekontakt",
  // "Contact presse". Not a plural alone: "Kontakte" heads a section of
  // the rules an explainer lists (contacts, schools, travel).
  const SOURCES = /^[\s#]*(?:kontakt|(?:presse|medien)kontakte?|contact|(?:press|media) contacts?|contacts? (?:presse|médias)|contacto|contactos? de prensa|ansprechpartner(?:in(?:nen)?)?(?: zum thema)?|quellen(?:angaben|verzeichnis|nachweise?)?|sources|références|referencias|references|fuentes|fontes|fonti|einzelnachweise|literatur(?:verzeichnis|hinweise)?|bibliograph(?:ie|y)|bibliografía|zusatzinformationen|further reading|(?:zum )?weiterlesen|pour aller plus loin|para saber más|weiterführende links|weblinks)\s*:?\s*$/i;
  // Text only screen readers get: "Advertisement", "Media caption"...
  // Whole class words only: "hidden-xs" is hidden on phones alone,
  // "overflow-hidden" clips, "field--label-hidden" hides a field's label.
  const HIDDEN = /(?:^|\s)(?:[a-z0-9_-]*(?:visually-?hidden|sr-only|off-?screen|screen-?reader)[a-z0-9_-]*|(?:is-|u-)?hidden)(?=\s|$)/;
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
  // A link to the readers' comments: an anchor of this page ("#comments"),
  // or the anchors comment systems give every post's address ("…#respond",
  // "…#disqus_thread"); not another post's "/…#comments" in a teaser.
  const COMMENTS_LINK = 'a[href^="#comment" i], a[href$="#respond" i], a[href$="#disqus_thread" i]';
  const COMMAS = /[,\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C\u3001]/g;

  // Class and id as lower-case words ("relatedLinks" reads "related links"),
  // kept in the element's record: most are asked for more than once. Not a
  // heading's id: that is an anchor spelled from the heading's own words
  // ("nav_nur_die_folie" over "Nur die Folie…"), not a word on its role.
  const hints = (el, s) => {
    if (s?.hints !== undefined) return s.hints;
    const id = /^h[1-6]$/.test(el.localName) ? "" : el.id ?? "";
    // A custom element's name is a class of its own ("x-inline-teaser").
    const custom = el.localName.includes("-") ? el.localName : "";
    const h = `${el.getAttribute("class") ?? ""} ${id} ${custom}`.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
    if (s) s.hints = h;
    return h;
  };
  // An element's text as read, without what is never text: textContent
  // would open an embed's placeholder with its <style> rules. For small
  // elements only (a rule's first words).
  const readable = (el) => {
    let text = "";
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) text += node.data;
      else if (node.nodeType === 1 && !IGNORE.has(node.localName)) text += ` ${readable(node)}`;
    }
    return text;
  };
  const density = (s) => (s.text ? s.links / s.text : 0);

  // Named or made for something else, and not wrapped around the page's
  // article (as an "ad-portal" div around the whole page may be). Never the
  // <body>: its classes describe the page ("menu-type-dropdown",
  // "has-sidebar"), not what it holds.
  const unlikely = (el, s) => !s.landmarks && el.localName !== "body" && (boilerplateTag(el, s) || (UNLIKELY.test(hints(el, s)) && !positive(hints(el, s))));

  // A good word in class or id, where no bad one qualifies it: a
  // "related-posts" list holds other posts, a "post-comments" box no post.
  const positive = (h) => h.split(" ").some((w) => POSITIVE.test(w) && !NEGATIVE.test(w));

  // Not article text by its tag; but a form around paragraphs of prose
  // wraps a product's or a post's page (an order form round the
  // description), where one to fill in holds labels and a line or two.
  const boilerplateTag = (el, s) => BOILERPLATE_TAGS.has(el.localName) && !(el.localName === "form" && s.prose >= 500);

  function weight(el, s) {
    const h = hints(el, s);
    return (POSITIVE.test(h) ? 25 : 0) - (NEGATIVE.test(h) ? 25 : 0) + (el.getAttribute("itemprop") === "articleBody" ? 50 : 0) + (el.localName === "article" ? 10 : 0);
  }

  return Object.freeze({
    IGNORE, KIND, INLINE, BOILERPLATE_TAGS, BOILERPLATE_ROLES, CONDITIONAL, LINES, POSITIVE, NEGATIVE, UNLIKELY, HIDDEN, STANDFIRST, CREDIT, COPYRIGHT, COMMENTS, NEVER_STORY, CONSENT, PRIVACY, PROMPT, INLINE_NEGATIVE, SOURCES, COMMAS, COMMENTS_LINK, hints, readable, density, positive, unlikely, boilerplateTag, weight,
  });
});
