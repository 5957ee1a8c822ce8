// The background entry point: a module service worker in Chrome, an event
// page in Firefox. It owns the wasm extractor; pages never load it.
import "./shared/messages.js";
import "./shared/page-style.js";
import { api } from "./background/browser.js";
import { correct, lexicon, undo } from "./background/corrections.js";
import { analyze, closeHost, prepare } from "./background/engine.js";
import { removePageStyle, runOnTab } from "./background/run.js";
import { isSiteEnabled, setSiteEnabled, syncSiteScripts } from "./background/sites.js";
import { forgetTab, getTab, setTab } from "./background/tabs.js";
import { showBadge, star } from "./background/watchlist.js";
import { exportMemory, forget, importMemory, memoryState, prune, remember, seenIn, setRemember } from "./background/memory.js";

const { invoke, listen } = globalThis.newslensMessages;

// The engine is built whenever the background wakes (a page loading in any
// tab wakes it), unless it still is (Chrome keeps it in an offscreen
// document: background/engine.js): so that a reader's click does not wait
// for the wasm to compile. A model file is read, and added (some 20 MB
// once parsed), only when the reader runs newslens on a page: reading
// French and English here would slow the click of a German page.
prepare();

// The toolbar button: open the sidebar (which must happen while the click's
// user gesture lasts, so before any await) and run on the tab.
api.action.onClicked.addListener((tab) => {
  if (api.sidePanel) {
    api.sidePanel.open({ tabId: tab.id }).catch(() => {});
  } else if (api.sidebarAction) {
    api.sidebarAction.open().catch(() => {});
  }
  runOnTab(tab.id);
});

// The host of a page's address; none for an address that is not one.
function hostname(url) {
  try {
    return new URL(url).hostname;
  } catch {
    return "";
  }
}

// What the page is given of an analysis: the entities it may paint, at
// most MAX_PAINTED, and their groups' mentions among them; `found` says how
// many there were. The sidebar keeps the whole analysis.
function forPage({ lang, status, entities, summary }) {
  const { MAX_PAINTED } = globalThis.newslensPageStyle;
  if (entities.length <= MAX_PAINTED) {
    return { lang, status, entities, summary, found: entities.length };
  }
  return {
    lang, status, entities: entities.slice(0, MAX_PAINTED), found: entities.length,
    summary: summary.map((group) => ({ ...group, mentions: group.mentions.filter((m) => m < MAX_PAINTED) })).filter((group) => group.mentions.length),
  };
}

// The background's answers (shared/messages.js declares each). Where an
// action shares its name with the function it calls (runOnTab,
// setSiteEnabled), the call is the imported function's: a method's name
// binds nothing inside it.
/** @type {Handlers<"background">} */
const handlers = {
  async analyze({ text, url, title, truncated, reading }, sender) {
    const tabId = sender.tab.id;
    // Site and word count are the background's to derive: the page's
    // thread only reads the text.
    const page = { url, title, site: hostname(url), words: text.match(/\S+/g)?.length ?? 0, truncated, reading };
    try {
      // The language is the engine's to detect; the reader's corrections
      // apply to every page.
      const analysis = await analyze(text, await lexicon());
      // The page paints first; the sidebar's copy is stored meanwhile,
      // "done" once the page says it shows it.
      setTab(tabId, { state: "running", page, analysis });
      return forPage(analysis);
    } catch (error) {
      await setTab(tabId, { state: "error", page, error: String(error?.message ?? error) });
      throw error;
    }
  },
  async autoRun(params, sender) {
    await runOnTab(sender.tab.id);
    return null;
  },
  async pageCleared(params, sender) {
    await removePageStyle(sender.tab.id);
    return null;
  },
  async pageShown({ error }, sender) {
    const tabId = sender.tab.id;
    const current = await getTab(tabId);
    if (error) {
      await removePageStyle(tabId);
      await setTab(tabId, { state: "error", page: current.page, error });
    } else if (current.analysis && current.state !== "done") {
      await setTab(tabId, { ...current, state: "done" });
      // The memory of names, if the reader keeps one (shared/memory.js).
      await remember(sender.tab, current.page, current.analysis);
    }
    return null;
  },
  async correct({ corrections }) {
    await correct(corrections);
    return null;
  },
  async undoCorrection({ corrections }) {
    await undo(corrections);
    return null;
  },
  async star({ group, on }) {
    await star(group, on);
    return null;
  },
  // Nothing remembered is shown in a private window either.
  seenIn: ({ names }, sender) => (sender.tab?.incognito ? [] : seenIn(names, sender.tab?.url ?? "")),
  memoryState: () => memoryState(),
  async setRemember({ on }) {
    await setRemember(on);
    return null;
  },
  async forgetMemory() {
    await forget();
    return null;
  },
  exportMemory: () => exportMemory(),
  importMemory: ({ remember: on, articles }) => importMemory(on, articles),
  tabState: ({ tabId }) => getTab(tabId),
  async runOnTab({ tabId }) {
    await runOnTab(tabId);
    return null;
  },
  async engineIdle() {
    await closeHost();
    return null;
  },
  siteEnabled: ({ origin }) => isSiteEnabled(origin),
  async setSiteEnabled({ origin, enabled }) {
    await setSiteEnabled(origin, enabled);
    return null;
  },
};
listen(handlers);

// Keyboard shortcuts (manifest "commands"); pressing one grants activeTab,
// so a shortcut on a page newslens has not read yet reads it.
api.commands.onCommand.addListener(async (command, tab) => {
  const target = tab ?? (await api.tabs.query({ active: true, currentWindow: true }))[0];
  if (!target) {
    return;
  }
  // A page showing no reading (or without newslens at all) is read.
  const reply = await invoke("runCommand", { command }, target.id).catch(() => null);
  if (!reply?.reading) {
    runOnTab(target.id);
  }
});

api.tabs.onRemoved.addListener((tabId) => forgetTab(tabId));
// A new page in the tab: the old analysis no longer applies. (A
// single-page navigation says "loading" too; its page reads itself again.
// The stylesheet needs no forgetting here: run.js keeps its record in the
// document it belongs to.)
api.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === "loading") {
    setTab(tabId, { state: "idle" });
  }
});
// The watchlist or the corrections changed (from a page, the sidebar, the
// options page): every page showing a reading shows them, and every tab's
// badge counts its stars again. Pages hear of it from here, not from
// storage.onChanged, which would bring them every change to storage (each
// article the memory records among them).
api.storage.onChanged.addListener(async (changed, area) => {
  if (area !== "local" || !(changed.stars || changed.corrections)) {
    return;
  }
  const news = { ...(changed.stars && { stars: changed.stars.newValue ?? [] }), ...(changed.corrections && { corrections: true }) };
  if (changed.stars) {
    // No sidebar open is not an error.
    invoke("watchlistChanged", {}).catch(() => {});
  }
  await Promise.all(
    (await api.tabs.query({})).map(async (tab) => {
      // A tab without newslens's scripts answers nothing: not an error.
      invoke("readersChanged", news, tab.id).catch(() => {});
      if (changed.stars) {
        await showBadge(tab.id, (await getTab(tab.id)).analysis).catch(() => {});
      }
    }),
  );
});
// What is past 30 days goes, reading or not.
prune();
api.permissions.onRemoved.addListener(() => syncSiteScripts());
api.runtime.onInstalled.addListener(() => syncSiteScripts());
api.runtime.onStartup.addListener(() => syncSiteScripts());

// For the end-to-end tests, which cannot click the toolbar button: the same
// function the button calls.
globalThis.newslensRunOnTab = runOnTab;
globalThis.newslensSetSiteEnabled = setSiteEnabled;
// And the memory's recording, which the cap's test calls 2,000 times.
globalThis.newslensRemember = remember;
