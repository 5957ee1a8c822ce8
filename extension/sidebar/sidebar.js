// The sidebar: the summary of the tab it shows. It follows the active tab,
// or the tab named in its URL (?tab=ID). Clicks and toggles act on the page
// through its content script.
import "../shared/messages.js";
import "../shared/i18n.js";
import "../shared/settings.js";
import "../shared/reading-note.js";
import "../shared/watchlist.js";
import { renderSummary } from "./summary-view.js";
import { sitePattern } from "../shared/site-pattern.js";

const { invoke, listen } = globalThis.newslensMessages;
const api = globalThis.browser ?? globalThis.chrome;
const t = (...args) => globalThis.newslensI18n.t(...args);
const $ = (id) => document.getElementById(id);
const pinnedTab = Number(new URLSearchParams(location.search).get("tab")) || null;
let tabId = null;
let view = null;
// The tab whose summary `view` shows.
let shownTab = null;

document.documentElement.lang = api.i18n.getUILanguage?.().split("-")[0] ?? "en";
$("run").textContent = t("run");

async function currentTab() {
  if (pinnedTab) {
    return pinnedTab;
  }
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

// The types hidden in the page: the page is the one source of truth (its
// legend and shortcuts toggle them too); the options' defaults until it
// answers.
async function hiddenTypes() {
  const inPage = await invoke("hiddenTypes", {}, tabId).catch(() => null);
  return new Set(inPage ?? (await globalThis.newslensSettings.read("hiddenTypes")).hiddenTypes);
}

async function refresh() {
  tabId = await currentTab();
  if (tabId === null) {
    return;
  }
  const info = await invoke("tabState", { tabId });
  const page = info.page;
  $("title").textContent = page?.title || "newslens";
  const summary = $("summary");
  if (info.state === "done") {
    const { analysis } = info;
    const minutes = Math.max(1, Math.round((page.words ?? 0) / 230));
    const meta = [page.site, analysis.status === "ok" ? t("statusLanguage", analysis.lang) : null, t("readingTime", minutes), t("statusMentions", analysis.entities.length)];
    $("meta").textContent = meta.filter(Boolean).join(" · ");
    const note = globalThis.newslensReadingNote(page.reading);
    // Behind no article, the language of nothing is no news.
    const unsupported = analysis.status !== "ok" && page.reading?.words !== 0;
    $("status").textContent = [unsupported ? t("statusUnsupported", analysis.lang) : "", page.truncated ? t("statusTruncated") : ""].filter(Boolean).join(" · ");
    showReadingNote(note);
    const [hidden, { stars }] = await Promise.all([hiddenTypes(), globalThis.newslensSettings.read("stars")]);
    // Shown again (a star given): the filter's text and a star's focus stay.
    const focusedStar = document.activeElement?.classList.contains("nl-star") ? /** @type {HTMLElement} */ (document.activeElement).dataset.name : null;
    view = renderSummary(summary, analysis, {
      hidden,
      filter: shownTab === tabId ? view?.filterText() : undefined,
      // The watchlist's entities pinned first; a star given here shows in
      // every tab (the background tells the pages and this sidebar).
      starred: globalThis.newslensWatchlist.matcher(stars),
      star: (group, on) => invoke("star", { group: { name: group.name, aliases: group.aliases }, on }).catch(() => {}),
      reveal: (mention) => invoke("revealMention", { mention }, tabId).catch(() => {}),
      // The page corrects, as from its card, and is read again.
      correct: (group, type) => invoke("correctNames", { name: group.name, aliases: group.aliases, type }, tabId).catch(() => {}),
      // From the page's current toggles, which its legend may have changed.
      setHidden: async (label, hide) => {
        const now = await hiddenTypes();
        hide ? now.add(label) : now.delete(label);
        invoke("setHiddenTypes", { hidden: [...now] }, tabId).catch(() => {});
      },
    });
    shownTab = tabId;
    if (focusedStar) {
      /** @type {HTMLElement} */ (summary.querySelector(`.nl-star[data-name="${CSS.escape(focusedStar)}"]`))?.focus();
    }
  } else {
    $("meta").textContent = "";
    $("status").textContent = info.state === "error" ? info.error : t(info.state === "running" ? "statusRunning" : "statusIdle");
    showReadingNote(null);
    summary.replaceChildren();
    view = null;
  }
  await refreshSiteControl(page?.url);
}

// What newslens read when it is not the article as found, and the offer
// of the other (shared/reading-note.js); nothing for an article.
function showReadingNote(note) {
  $("reading").hidden = !note;
  $("reading-note").textContent = note?.text ?? "";
  $("reading-offer").textContent = note?.offer ?? "";
  $("reading-offer").hidden = !note?.offer;
  $("reading-offer").dataset.whole = String(note?.whole ?? "");
}

async function refreshSiteControl(url) {
  const origin = url && /^https?:/.test(url) ? new URL(url).origin : null;
  $("site-control").hidden = !origin;
  if (origin) {
    $("site-name").textContent = t("alwaysRun", new URL(origin).host);
    /** @type {HTMLInputElement} */ ($("site")).checked = await invoke("siteEnabled", { origin });
    $("site").dataset.origin = origin;
  }
}

$("run").addEventListener("click", () => {
  if (tabId !== null) {
    invoke("runOnTab", { tabId });
  }
});

$("reading-offer").addEventListener("click", (event) => {
  const whole = /** @type {HTMLElement} */ (event.target).dataset.whole === "true";
  if (tabId !== null) {
    invoke("readWholePage", { whole }, tabId).catch(() => {});
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
  await invoke("setSiteEnabled", { origin, enabled });
});

// "/" jumps to the filter, as on most sites with a search box.
document.addEventListener("keydown", (event) => {
  if (event.key === "/" && view && !["INPUT", "TEXTAREA"].includes(document.activeElement?.tagName)) {
    event.preventDefault();
    view.focusFilter();
  }
});

// The sidebar's answers: only news about the tab it shows counts.
/** @type {Handlers<"sidebar">} */
const handlers = {
  tabChanged(params) {
    if (params.tabId === tabId) {
      refresh();
    }
    return null;
  },
  watchlistChanged() {
    refresh();
    return null;
  },
  hiddenTypesChanged({ hidden }, sender) {
    if (sender.tab?.id === tabId) {
      view?.showHidden(new Set(hidden));
    }
    return null;
  },
};
listen(handlers);
if (!pinnedTab) {
  api.tabs.onActivated.addListener(refresh);
}
refresh();
