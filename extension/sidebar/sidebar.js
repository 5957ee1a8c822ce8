// The sidebar: the summary of the tab it shows. It follows the active tab,
// or the tab named in its URL (?tab=ID). Clicks and toggles act on the page
// through its content script.
import "../shared/messages.js";
import "../shared/i18n.js";
import { renderSummary } from "./summary-view.js";
import { sitePattern } from "../shared/site-pattern.js";

const M = globalThis.newslensMessages;
const api = globalThis.browser ?? globalThis.chrome;
const t = (...args) => globalThis.newslensI18n.t(...args);
const $ = (id) => document.getElementById(id);
const pinnedTab = Number(new URLSearchParams(location.search).get("tab")) || null;
let tabId = null;
let view = null;

document.documentElement.lang = api.i18n.getUILanguage?.().split("-")[0] ?? "en";
$("run").textContent = t("run");

async function currentTab() {
  if (pinnedTab) {
    return pinnedTab;
  }
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

function toPage(message) {
  return api.tabs.sendMessage(tabId, message).catch(() => null);
}

// The types hidden in the page: the page is the one source of truth (its
// legend and shortcuts toggle them too); the options' defaults until it
// answers.
async function hiddenTypes() {
  const reply = await toPage({ type: M.SIDEBAR_TO_CONTENT_GET_HIDDEN });
  if (Array.isArray(reply?.hidden)) {
    return new Set(reply.hidden);
  }
  const { hiddenTypes: stored = [] } = await api.storage.local.get("hiddenTypes");
  return new Set(stored);
}

async function refresh() {
  tabId = await currentTab();
  if (tabId === null) {
    return;
  }
  const info = await api.runtime.sendMessage({ type: M.SIDEBAR_TO_BACKGROUND_GET_TAB, tabId });
  const page = info.page;
  $("title").textContent = page?.title || "newslens";
  const summary = $("summary");
  if (info.state === "done") {
    const { analysis } = info;
    const minutes = Math.max(1, Math.round((page.words ?? 0) / 230));
    const meta = [page.site, analysis.status === "ok" ? t("statusLanguage", analysis.lang) : null, t("readingTime", minutes), t("statusMentions", analysis.entities.length)];
    $("meta").textContent = meta.filter(Boolean).join(" · ");
    $("status").textContent = [analysis.status === "ok" ? "" : t("statusUnsupported", analysis.lang), page.truncated ? t("statusTruncated") : ""].filter(Boolean).join(" · ");
    const hidden = await hiddenTypes();
    view = renderSummary(summary, analysis, {
      hidden,
      reveal: (mention) => toPage({ type: M.SIDEBAR_TO_CONTENT_REVEAL, mention }),
      // From the page's current toggles, which its legend may have changed.
      setHidden: async (label, hide) => {
        const now = await hiddenTypes();
        hide ? now.add(label) : now.delete(label);
        toPage({ type: M.SIDEBAR_TO_CONTENT_SET_HIDDEN, hidden: [...now] });
      },
    });
  } else {
    $("meta").textContent = "";
    $("status").textContent = info.state === "error" ? info.error : t(info.state === "running" ? "statusRunning" : "statusIdle");
    summary.replaceChildren();
    view = null;
  }
  await refreshSiteControl(page?.url);
}

async function refreshSiteControl(url) {
  const origin = url && /^https?:/.test(url) ? new URL(url).origin : null;
  $("site-control").hidden = !origin;
  if (origin) {
    $("site-name").textContent = t("alwaysRun", new URL(origin).host);
    /** @type {HTMLInputElement} */ ($("site")).checked = (await api.runtime.sendMessage({ type: M.SIDEBAR_TO_BACKGROUND_GET_SITE, origin })).enabled;
    $("site").dataset.origin = origin;
  }
}

$("run").addEventListener("click", () => {
  if (tabId !== null) {
    api.runtime.sendMessage({ type: M.SIDEBAR_TO_BACKGROUND_RUN, tabId });
  }
});

$("site").addEventListener("change", async (event) => {
  const box = /** @type {HTMLInputElement} */ (event.target);
  const origin = box.dataset.origin;
  let enabled = box.checked;
  if (enabled) {
    // Asked now, for this one site, while the click's user gesture lasts.
    enabled = await api.permissions.request({ origins: [sitePattern(origin)] }).catch(() => false);
    box.checked = enabled;
  }
  await api.runtime.sendMessage({ type: M.SIDEBAR_TO_BACKGROUND_SET_SITE, origin, enabled });
});

// "/" jumps to the filter, as on most sites with a search box.
document.addEventListener("keydown", (event) => {
  if (event.key === "/" && view && !["INPUT", "TEXTAREA"].includes(document.activeElement?.tagName)) {
    event.preventDefault();
    view.focusFilter();
  }
});

api.runtime.onMessage.addListener((message, sender) => {
  if (message?.type === M.BACKGROUND_TO_SIDEBAR_TAB_CHANGED && message.tabId === tabId) {
    refresh();
  } else if (message?.type === M.CONTENT_TO_SIDEBAR_HIDDEN_CHANGED && sender.tab?.id === tabId && Array.isArray(message.hidden)) {
    view?.showHidden(new Set(message.hidden));
  }
});
if (!pinnedTab) {
  api.tabs.onActivated.addListener(refresh);
}
refresh();
