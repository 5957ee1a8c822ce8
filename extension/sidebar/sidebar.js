// The sidebar: the entities of the tab it shows, grouped by type. It
// follows the active tab, or the tab named in its URL (?tab=ID).
import "../shared/messages.js";
import { renderEntityList } from "./entity-list.js";

const M = globalThis.newslensMessages;
const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);
const pinnedTab = Number(new URLSearchParams(location.search).get("tab")) || null;
let tabId = null;

async function currentTab() {
  if (pinnedTab) {
    return pinnedTab;
  }
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

const STATUS = {
  idle: "Press “Highlight this page” or the toolbar button to find the people, places and organisations of this article.",
  running: "Reading the article…",
};

async function refresh() {
  tabId = await currentTab();
  if (tabId === null) {
    return;
  }
  const info = await api.runtime.sendMessage({ type: M.SIDEBAR_TO_BACKGROUND_GET_TAB, tabId });
  $("page").textContent = info.page?.title ?? "";
  const entities = $("entities");
  if (info.state === "done") {
    const { analysis, page } = info;
    const count = analysis.entities.length;
    const language = analysis.status === "ok" ? `language: ${analysis.lang}` : `language ${analysis.lang}: ${analysis.status}`;
    $("status").textContent = `${count} mention${count === 1 ? "" : "s"} · ${language}${page.truncated ? " · very long page: only its first part was read" : ""}`;
    renderEntityList(entities, analysis);
  } else {
    $("status").textContent = info.state === "error" ? info.error : STATUS[info.state];
    entities.replaceChildren();
  }
  await refreshSiteControl(info.page?.url);
}

async function refreshSiteControl(url) {
  const origin = url && /^https?:/.test(url) ? new URL(url).origin : null;
  $("site-control").hidden = !origin;
  if (origin) {
    $("site-name").textContent = new URL(origin).host;
    $("site").checked = (await api.runtime.sendMessage({ type: M.SIDEBAR_TO_BACKGROUND_GET_SITE, origin })).enabled;
    $("site").dataset.origin = origin;
  }
}

$("run").addEventListener("click", () => {
  if (tabId !== null) {
    api.runtime.sendMessage({ type: M.SIDEBAR_TO_BACKGROUND_RUN, tabId });
  }
});

$("site").addEventListener("change", async (event) => {
  const box = event.target;
  const origin = box.dataset.origin;
  let enabled = box.checked;
  if (enabled) {
    // Asked now, for this one site, while the click's user gesture lasts.
    enabled = await api.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
    box.checked = enabled;
  }
  await api.runtime.sendMessage({ type: M.SIDEBAR_TO_BACKGROUND_SET_SITE, origin, enabled });
});

api.runtime.onMessage.addListener((message) => {
  if (message?.type === M.BACKGROUND_TO_SIDEBAR_TAB_CHANGED && message.tabId === tabId) {
    refresh();
  }
});
if (!pinnedTab) {
  api.tabs.onActivated.addListener(refresh);
}
refresh();
