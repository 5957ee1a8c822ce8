// The background entry point: a module service worker in Chrome, an event
// page in Firefox. It owns the wasm extractor; pages never load it.
import "./shared/messages.js";
import { api } from "./background/browser.js";
import { analyze } from "./shared/engine.js";
import { forgetPageStyle, removePageStyle, runOnTab } from "./background/run.js";
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
      // The page paints first; the sidebar's copy is stored meanwhile.
      setTab(tabId, { state: "done", page, analysis });
      return { ok: true, analysis };
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

api.tabs.onRemoved.addListener((tabId) => {
  forgetTab(tabId);
  forgetPageStyle(tabId);
});
// A new page in the tab: the old analysis no longer applies.
api.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === "loading") {
    forgetPageStyle(tabId);
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
