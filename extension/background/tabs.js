// What newslens knows about each tab: idle, running, done (with the page and
// its analysis) or error. Kept in memory and mirrored to storage.session so
// that a restarted service worker still answers the sidebar.
import { api } from "./browser.js";

const M = globalThis.newslensMessages;
const states = new Map();
const key = (tabId) => `tab:${tabId}`;

export async function getTab(tabId) {
  if (!states.has(tabId)) {
    const stored = await api.storage.session.get(key(tabId));
    states.set(tabId, stored[key(tabId)] ?? { state: "idle" });
  }
  return states.get(tabId);
}

export async function setTab(tabId, value) {
  states.set(tabId, value);
  await api.storage.session.set({ [key(tabId)]: value }).catch(() => {
    // Over the session quota (a huge page): memory still holds it.
  });
  // No sidebar open is not an error.
  api.runtime.sendMessage({ type: M.BACKGROUND_TO_SIDEBAR_TAB_CHANGED, tabId }).catch(() => {});
}

export async function forgetTab(tabId) {
  states.delete(tabId);
  await api.storage.session.remove(key(tabId));
}
