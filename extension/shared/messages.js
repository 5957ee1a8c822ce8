// Every message newslens sends between its parts, named by direction.
//
// A classic script on purpose: content scripts cannot be ES modules, so it
// is injected before them and sets one global; ES modules (background,
// sidebar) import it for that same side effect.
globalThis.newslensMessages = Object.freeze({
  // content → background: the article text to analyse.
  // { type, text, url, title } → { ok: true, analysis } | { ok: false, error }
  CONTENT_TO_BACKGROUND_ANALYZE: "content→background:analyze",
  // content → background: this page is on a site the reader enabled; run.
  // { type } → { ok }
  CONTENT_TO_BACKGROUND_AUTO_RUN: "content→background:auto-run",

  // sidebar → background: what is known about a tab.
  // { type, tabId } → { state: "idle" | "running" | "done" | "error", page?, analysis?, error? }
  SIDEBAR_TO_BACKGROUND_GET_TAB: "sidebar→background:get-tab",
  // sidebar → background: run newslens on a tab now.
  // { type, tabId } → { ok, error? }
  SIDEBAR_TO_BACKGROUND_RUN: "sidebar→background:run",
  // sidebar → background: turn automatic runs on a site on or off, once
  // the sidebar obtained (or gave up) the site's host permission.
  // { type, origin, enabled } → { ok, error? }
  SIDEBAR_TO_BACKGROUND_SET_SITE: "sidebar→background:set-site",
  // sidebar → background: whether a site runs automatically.
  // { type, origin } → { enabled }
  SIDEBAR_TO_BACKGROUND_GET_SITE: "sidebar→background:get-site",

  // background → sidebar: a tab's state changed. { type, tabId }
  BACKGROUND_TO_SIDEBAR_TAB_CHANGED: "background→sidebar:tab-changed",

  // content → background: newslens was removed from the page; take its
  // stylesheet away too. { type } → { ok }
  CONTENT_TO_BACKGROUND_CLEARED: "content→background:cleared",
  // content → background: the page shows the analysis it was given (only
  // then is the tab "done"); or, with `error`, could not (its interface
  // refused by the page) and was left as it was. { type, error? } → { ok }
  CONTENT_TO_BACKGROUND_SHOWN: "content→background:shown",

  // sidebar → content: scroll to mention `mention` (an index into the
  // analysis' entities) and show its card. { type, mention } → { ok }
  SIDEBAR_TO_CONTENT_REVEAL: "sidebar→content:reveal",
  // sidebar → content: the types whose highlights are hidden.
  // { type, hidden: [label] } → { ok }
  SIDEBAR_TO_CONTENT_SET_HIDDEN: "sidebar→content:set-hidden",
  // sidebar → content: which types' highlights are hidden in the page.
  // { type } → { ok, hidden: [label] | null }
  SIDEBAR_TO_CONTENT_GET_HIDDEN: "sidebar→content:get-hidden",
  // content → sidebar: the reader hid or showed a type in the page (legend,
  // shortcut). { type, hidden: [label] }
  CONTENT_TO_SIDEBAR_HIDDEN_CHANGED: "content→sidebar:hidden-changed",

  // background → content: a keyboard shortcut was pressed.
  // { type, command: "toggle-highlights" | "next-entity" | "previous-entity" }
  BACKGROUND_TO_CONTENT_COMMAND: "background→content:command",
});
