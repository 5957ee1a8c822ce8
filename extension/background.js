// The background entry point: a module service worker in Chrome, an event
// page in Firefox. It owns the wasm extractor; pages never load it.
import "./shared/messages.js";
import "./shared/page-style.js";
import { api } from "./background/browser.js";
import { analyze } from "./shared/engine.js";
import { removePageStyle, runOnTab } from "./background/run.js";
import { isSiteEnabled, setSiteEnabled, syncSiteScripts } from "./background/sites.js";
import { forgetTab, getTab, setTab } from "./background/tabs.js";

const M = globalThis.newslensMessages;

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

const handlers = {
  async [M.CONTENT_TO_BACKGROUND_ANALYZE](message, sender) {
    const tabId = sender.tab.id;
    // Site and word count are the background's to derive: the page's
    // thread only reads the text.
    const page = {
      url: message.url,
      title: message.title,
      site: hostname(message.url),
      words: message.text.match(/\S+/g)?.length ?? 0,
      truncated: message.truncated,
    };
    try {
      const analysis = await analyze(message.text, message.lang);
      // The page paints first; the sidebar's copy is stored meanwhile,
      // "done" once the page says it shows it.
      setTab(tabId, { state: "running", page, analysis });
      return { ok: true, analysis: forPage(analysis) };
    } catch (error) {
      await setTab(tabId, { state: "error", page, error: String(error?.message ?? error) });
      return { ok: false, error: String(error?.message ?? error) };
    }
  },
  async [M.CONTENT_TO_BACKGROUND_AUTO_RUN](message, sender) {
    await runOnTab(sender.tab.id);
    return { ok: true };
  },
  async [M.CONTENT_TO_BACKGROUND_CLEARED](message, sender) {
    await removePageStyle(sender.tab.id);
    return { ok: true };
  },
  async [M.CONTENT_TO_BACKGROUND_SHOWN](message, sender) {
    const tabId = sender.tab.id;
    const current = await getTab(tabId);
    if (message.error) {
      await removePageStyle(tabId);
      await setTab(tabId, { state: "error", page: current.page, error: String(message.error) });
    } else if (current.analysis && current.state !== "done") {
      await setTab(tabId, { ...current, state: "done" });
    }
    return { ok: true };
  },
  [M.SIDEBAR_TO_BACKGROUND_GET_TAB]: (message) => getTab(message.tabId),
  async [M.SIDEBAR_TO_BACKGROUND_RUN](message) {
    await runOnTab(message.tabId);
    return { ok: true };
  },
  async [M.SIDEBAR_TO_BACKGROUND_SET_SITE](message) {
    await setSiteEnabled(message.origin, message.enabled);
    return { ok: true };
  },
  async [M.SIDEBAR_TO_BACKGROUND_GET_SITE](message) {
    return { enabled: await isSiteEnabled(message.origin) };
  },
};

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const handler = handlers[message?.type];
  if (!handler) {
    return false;
  }
  Promise.resolve(handler(message, sender)).then(sendResponse, (error) => sendResponse({ ok: false, error: String(error) }));
  // The answer comes asynchronously: keep the channel open.
  return true;
});

// Keyboard shortcuts (manifest "commands"); pressing one grants activeTab,
// so a shortcut on a page newslens has not read yet reads it.
api.commands.onCommand.addListener(async (command, tab) => {
  const target = tab ?? (await api.tabs.query({ active: true, currentWindow: true }))[0];
  if (!target) {
    return;
  }
  const reply = await api.tabs.sendMessage(target.id, { type: M.BACKGROUND_TO_CONTENT_COMMAND, command }).catch(() => null);
  if (!reply?.hidden) {
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
api.permissions.onRemoved.addListener(() => syncSiteScripts());
api.runtime.onInstalled.addListener(() => syncSiteScripts());
api.runtime.onStartup.addListener(() => syncSiteScripts());

// For the end-to-end tests, which cannot click the toolbar button: the same
// function the button calls.
globalThis.newslensRunOnTab = runOnTab;
globalThis.newslensSetSiteEnabled = setSiteEnabled;
