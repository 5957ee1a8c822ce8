// The whole page, for when the article finder finds no article or too
// little of one: the visible text outside the page's navigation, header and
// footer, read by collect.js as an article's would be. And the measure
// that says when to offer it.
globalThis.newslensContent.define("wholePage", () => {
  // Never part of what a page says: its menus, banner, footer, dialogs.
  const LEFT_OUT_TAGS = new Set(["nav", "footer", "dialog", "menu"]);
  const LEFT_OUT_ROLES = new Set(["navigation", "banner", "contentinfo", "search", "menu", "menubar", "dialog", "alertdialog"]);

  // A <header> is the page's banner unless it heads a part of the page (the
  // HTML standard's rule for its implicit role): an article's header holds
  // its headline.
  const banner = (el) => el.localName === "header" && !el.parentElement?.closest("article, aside, main, nav, section");

  const leftOut = (el) => LEFT_OUT_TAGS.has(el.localName) || LEFT_OUT_ROLES.has(el.getAttribute("role")) || banner(el);

  // What collect.js reads for the whole page; with `links` false, without
  // the text of links, which measures what the page says rather than where
  // it leads (archives, tag clouds, lists of other stories). collect.js
  // leaves a skipped element's subtree, so `skip` judges each element alone.
  function find(doc = document, { links = true } = {}) {
    const body = doc.body ?? doc.documentElement;
    return { roots: body ? [body] : [], skip: (el) => el !== body && (leftOut(el) || (!links && el.localName === "a")) };
  }

  // Under this many words, a page has no article to speak of: what was
  // found is a headline, a caption, a button.
  const NO_ARTICLE_WORDS = 25;
  // Only an article this short is compared with the page: a longer one is
  // an article, however much else the page holds (teasers, comments).
  const SHORT_ARTICLE_WORDS = 150;
  const words = (text) => text.match(/\S+/g)?.length ?? 0;

  // Whether the article found (`articleText`) is far short of the page's
  // text (`pageText`, what find() collects without links): nothing, or
  // under a quarter of it and SHORT_ARTICLE_WORDS at most. On half a of
  // trafilatura's benchmark pages (README, "The article finder's
  // figures"), this offers the whole page on 6 of 223, 2 of them pages the
  // finder fell short on (14 and 3 with the links' text counted).
  function short(articleText, pageText) {
    const found = words(articleText);
    const page = words(pageText);
    return page > found && (found < NO_ARTICLE_WORDS || (found <= SHORT_ARTICLE_WORDS && found * 4 < page));
  }

  return Object.freeze({ find, short, words, SHORT_ARTICLE_WORDS });
});
