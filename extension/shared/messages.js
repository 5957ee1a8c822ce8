// The messages newslens's parts send each other, named by what they ask
// for: each action's request (`params`), its reply (`result`) and the part
// that handles it, declared once below; `invoke` sends one, `listen`
// answers them, every reply `{ result }` or `{ error }`. The type check
// (tests/e2e, tsc --checkJs) holds every sender and handler to these types.
//
// A classic script on purpose: content scripts cannot be ES modules, so it
// is injected before them and sets one global; ES modules (background,
// sidebar, options) import it for that same side effect. Its typedefs are
// global for the same reason.

/**
 * @typedef {"PER" | "ORG" | "LOC" | "MISC" | "DATE" | "NUM"} Label
 * @typedef {{ start: number, end: number, label: Label, text: string }} Entity
 *   Offsets in UTF-16 code units of the text analysed.
 * @typedef {{ label: Label, name: string, aliases: string[], count: number, salience: number, mentions: number[] }} Group
 *   One entity of the summary; `mentions` index into the entities.
 * @typedef {{ lang: string, status: string, entities: Entity[], summary: Group[], brief?: { text: string }[], figures?: { text: string }[] }} Analysis
 *   What the engine answers (shared/engine.js); the sidebar shows all of it.
 * @typedef {{ lang: string, status: string, entities: Entity[], summary: Group[], found: number }} PageAnalysis
 *   What the page is given to paint: at most MAX_PAINTED entities (shared/page-style.js), `found` of them in all.
 * @typedef {{ whole: boolean, short: boolean, words: number, pageWords: number }} Reading
 *   What was read: the whole page (the reader's choice for the site) or the
 *   article found; `short` when that article is nothing or far short of
 *   the page, `words` and `pageWords` its words and the page's.
 * @typedef {{ url: string, title: string, site: string, words: number, truncated: boolean, reading: Reading }} PageInfo
 * @typedef {{ state: "idle" | "running" | "done" | "error", page?: PageInfo, analysis?: Analysis, error?: string }} TabState
 *   What the background knows of a tab (background/tabs.js).
 * @typedef {{ name: string, lang?: string, type?: Label | "none", same_as?: string }} Correction
 *   A reader's correction, as the core's `Correction` (src/corrections/):
 *   a name, the language of the pages it applies to (every language if
 *   absent), and a type ("none": not a name) or another name of the entity.
 * @typedef {{ revision: string, list: Correction[] }} ReadersLexicon
 *   The reader's corrections, later ones counting over earlier ones of the
 *   same name; `revision` changes whenever they do (background/corrections.js).
 * @typedef {{ name: string, also?: string[] }} Star
 *   A starred entity of the reader's watchlist: the name it was starred by
 *   and its other names then (shared/watchlist.js).
 * @typedef {{ name: string, type: Label, count: number, aliases: string[] }} RememberedName
 * @typedef {{ url: string, title: string, site: string, date: number, lang: string, names: RememberedName[] }} RememberedArticle
 *   What the memory of names keeps of an article read (shared/memory.js):
 *   never its text; `date` in milliseconds since 1970.
 * @typedef {{ url: string, title: string, site: string, date: number }} SeenArticle
 *   Another article that named an entity, for its card.
 * @typedef {"toggle-highlights" | "next-entity" | "previous-entity"} Command
 *   The keyboard shortcuts the manifest declares, bar the toolbar's.
 */

/**
 * Every action: who handles it (`to`), its request and its reply.
 * @typedef {{
 *   analyze: { to: "background", params: { text: string, url: string, title: string, truncated: boolean, reading: Reading }, result: PageAnalysis },
 *   autoRun: { to: "background", params: {}, result: null },
 *   pageCleared: { to: "background", params: {}, result: null },
 *   pageShown: { to: "background", params: { error?: string }, result: null },
 *   tabState: { to: "background", params: { tabId: number }, result: TabState },
 *   runOnTab: { to: "background", params: { tabId: number }, result: null },
 *   siteEnabled: { to: "background", params: { origin: string }, result: boolean },
 *   setSiteEnabled: { to: "background", params: { origin: string, enabled: boolean }, result: null },
 *   revealMention: { to: "content", params: { mention: number }, result: null },
 *   hiddenTypes: { to: "content", params: {}, result: Label[] | null },
 *   setHiddenTypes: { to: "content", params: { hidden: Label[] }, result: null },
 *   runCommand: { to: "content", params: { command: Command }, result: { reading: boolean } },
 *   readWholePage: { to: "content", params: { whole: boolean }, result: null },
 *   tabChanged: { to: "sidebar", params: { tabId: number }, result: null },
 *   hiddenTypesChanged: { to: "sidebar", params: { hidden: Label[] }, result: null },
 *   correctNames: { to: "content", params: { name: string, aliases: string[], type: Label | "none" }, result: null },
 *   correct: { to: "background", params: { corrections: Correction[] }, result: null },
 *   undoCorrection: { to: "background", params: { corrections: Correction[] }, result: null },
 *   star: { to: "background", params: { group: { name: string, aliases: string[] }, on: boolean }, result: null },
 *   seenIn: { to: "background", params: { names: string[] }, result: SeenArticle[] },
 *   memoryState: { to: "background", params: {}, result: { remember: boolean, articles: number, bytes: number } },
 *   setRemember: { to: "background", params: { on: boolean }, result: null },
 *   forgetMemory: { to: "background", params: {}, result: null },
 *   exportMemory: { to: "background", params: {}, result: RememberedArticle[] },
 *   importMemory: { to: "background", params: { remember: boolean, articles: RememberedArticle[] }, result: number },
 *   readersChanged: { to: "content", params: { stars?: Star[], corrections?: boolean }, result: null },
 *   watchlistChanged: { to: "sidebar", params: {}, result: null },
 *   engineAnalyze: { to: "engine", params: { text: string, lang?: string, lexicon?: ReadersLexicon }, result: Analysis },
 *   engineWarmUp: { to: "engine", params: { declared: string | null, sample: string }, result: null },
 *   engineIdle: { to: "background", params: {}, result: null },
 * }} Actions
 *
 * analyze: the article's text, for the background to analyse.
 * autoRun: this page is on a site the reader enabled; run as the toolbar button does.
 * pageCleared: newslens was taken off the page; take its stylesheet away too.
 * pageShown: the page shows the analysis it was given (only then is the tab
 *   "done"); or, with `error`, could not (its interface refused by the page).
 * tabState, runOnTab: what is known about a tab; run newslens on it now.
 * siteEnabled, setSiteEnabled: whether a site runs by itself; turn that on
 *   or off (once its host permission was obtained, or given up).
 * revealMention: scroll to a mention (an index into the page's entities), show its card.
 * hiddenTypes, setHiddenTypes: the types whose highlights the page hides
 *   (null: the page shows no reading).
 * runCommand: a keyboard shortcut was pressed; `reading` says whether the
 *   page shows a reading for it to act on.
 * readWholePage: read the whole page on this site from now on (or, with
 *   `whole` false, the article again), starting with this page.
 * correctNames: the reader corrected an entity from the sidebar: the page
 *   does as its card's buttons do.
 * correct: the reader corrected names (the card's buttons): store them, for
 *   every page read from now on. undoCorrection: take those corrections
 *   back (the latest of each).
 * star: the reader starred an entity (its names), or with `on` false, took
 *   it off the watchlist. seenIn: the other articles of the week, in the
 *   memory of names, that named an entity called any of `names` (none
 *   without a memory, or in a private window).
 * memoryState, setRemember, forgetMemory, exportMemory, importMemory: the
 *   options page's view of the memory of names and its changes, which the
 *   background, its one writer, makes in turn (background/memory.js);
 *   importMemory resolves to how many articles it kept.
 * readersChanged: the reader's watchlist (`stars`, the new list) or
 *   corrections changed, anywhere: a page showing a reading shows it anew
 *   (read again, for corrections). Sent by the background, so that no page
 *   hears of every change to storage (the memory's among them).
 *   watchlistChanged: the same news for the sidebar, of the watchlist.
 * tabChanged: a tab's state changed. hiddenTypesChanged: the reader hid or
 *   showed a type in the page (legend, shortcut).
 * engineAnalyze, engineWarmUp: the background's calls to the engine where it
 *   lives apart (Chrome's offscreen document, engine/host.js); engineIdle: it
 *   has had nothing to do for a while, and may be closed.
 */

/**
 * @typedef {keyof Actions} Action
 * @typedef {"background" | "content" | "sidebar" | "engine"} Part
 * @typedef {{ tab?: { id?: number, url?: string, incognito?: boolean } }} Sender
 * @typedef {{ result: unknown } | { error: string }} Reply
 */

/**
 * The handlers of one part: one per action it handles, and no other.
 * @template {Part} P
 * @typedef {{ [A in Action as Actions[A]["to"] extends P ? A : never]: (params: Actions[A]["params"], sender: Sender) => Actions[A]["result"] | Promise<Actions[A]["result"]> }} Handlers
 */

/**
 * @typedef {{
 *   invoke: <A extends Action>(action: A, params: Actions[A]["params"], tabId?: number) => Promise<Actions[A]["result"]>,
 *   listen: <P extends Part>(handlers: Handlers<P>) => void,
 *   reply: (handlers: object, message: unknown, sender: Sender) => Promise<Reply> | null,
 * }} Messages
 */

globalThis.newslensMessages = (() => {
  const api = () => globalThis.browser ?? globalThis.chrome;

  /**
   * Sends `action` with `params`: to the content scripts of tab `tabId`,
   * or without one, to the background and the extension's pages. Resolves
   * to the handler's result; rejects with its error, or when no part
   * answers (no sidebar open, no content script in the tab).
   * @template {Action} A
   * @param {A} action
   * @param {Actions[A]["params"]} params
   * @param {number} [tabId]
   * @returns {Promise<Actions[A]["result"]>}
   */
  async function invoke(action, params, tabId) {
    const message = { action, params };
    const reply = await (tabId === undefined ? api().runtime.sendMessage(message) : api().tabs.sendMessage(tabId, message));
    if (reply && typeof reply === "object" && "error" in reply) {
      throw new Error(String(reply.error));
    }
    if (!reply || typeof reply !== "object" || !("result" in reply)) {
      throw new Error(`nothing answered ${action}`);
    }
    return reply.result;
  }

  /**
   * The reply to `message` from `handlers`, or null if none of them handles
   * it (another part will). Own keys only: a message cannot call
   * `constructor` or `toString`.
   * @param {object} handlers
   * @param {unknown} message
   * @param {Sender} sender
   * @returns {Promise<Reply> | null}
   */
  function reply(handlers, message, sender) {
    const action = /** @type {{ action?: unknown }} */ (message)?.action;
    if (typeof action !== "string" || !Object.hasOwn(handlers, action)) {
      return null;
    }
    const params = /** @type {{ params?: unknown }} */ (message).params ?? {};
    return Promise.resolve()
      .then(() => handlers[action](params, sender))
      .then((result) => ({ result: result ?? null }), (error) => ({ error: String(error?.message ?? error) }));
  }

  /**
   * Answers the actions `handlers` names, from any part of newslens.
   * @template {Part} P
   * @param {Handlers<P>} handlers
   */
  function listen(handlers) {
    api().runtime.onMessage.addListener((message, sender, sendResponse) => {
      const answer = reply(handlers, message, sender);
      if (!answer) {
        return false;
      }
      answer.then(sendResponse);
      // The reply comes asynchronously: keep the channel open.
      return true;
    });
  }

  return Object.freeze({ invoke, listen, reply });
})();
