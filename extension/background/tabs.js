// What newslens knows about each tab: idle, running, done (with the page and
// its analysis) or error. Kept in memory and mirrored to storage.session so
// that a restarted service worker still answers the sidebar.
import { api } from "./browser.js";
import { showBadge } from "./watchlist.js";
import "../shared/messages.js";

const { invoke } = globalThis.newslensMessages;
const states = new Map();
const key = (tabId) => `tab:${tabId}`;

/** @returns {Promise<TabState>} */
export async function getTab(tabId) {
  if (!states.has(tabId)) {
    const stored = await api.storage.session.get(key(tabId));
    states.set(tabId, stored[key(tabId)] ?? { state: "idle" });
  }
  return states.get(tabId);
}

/** @param {number} tabId @param {TabState} value */
export async function setTab(tabId, value) {
  states.set(tabId, value);
  await api.storage.session.set({ [key(tabId)]: value }).catch(() => {
    // Over the session quota (a huge page): memory still holds it.
  });
  // No sidebar open is not an error.
  invoke("tabChanged", { tabId }).catch(() => {});
  await showBadge(tabId, value.analysis);
}

export async function forgetTab(tabId) {
  states.delete(tabId);
  await api.storage.session.remove(key(tabId));
}
