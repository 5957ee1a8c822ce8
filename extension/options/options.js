// The options page: which types are highlighted, in which colours, on
// which sites newslens runs by itself and on which it reads the whole page;
// the reader's corrections (corrections.js), watchlist (watchlist.js) and
// memory of names (memory.js), exported and imported together (data.js).
// Saved (shared/settings.js) as soon as they change; pages read them on
// their next run.
import "../shared/messages.js";
import "../shared/palette.js";
import "../shared/i18n.js";
import "../shared/settings.js";
import { sitePattern } from "../shared/site-pattern.js";
import { renderCorrections } from "./corrections.js";
import { setUpData } from "./data.js";
import { renderList } from "./list.js";
import { renderMemory } from "./memory.js";
import { renderWatchlist } from "./watchlist.js";

const { invoke } = globalThis.newslensMessages;
const settings = globalThis.newslensSettings;
const palette = globalThis.newslensPalette;
const api = globalThis.browser ?? globalThis.chrome;
const t = (...args) => globalThis.newslensI18n.t(...args);
const $ = (id) => document.getElementById(id);

for (const [id, key] of [["title", "optionsTitle"], ["types-heading", "optionsTypes"], ["reset", "optionsReset"], ["sites-heading", "optionsSites"], ["no-sites", "optionsNoSites"], ["whole-heading", "optionsWholePage"], ["no-whole", "optionsNoWholePage"], ["shortcuts-heading", "optionsShortcuts"], ["shortcuts-help", "optionsShortcutsHelp"]]) {
  $(id).textContent = t(key);
}
document.title = t("optionsTitle");

function saved() {
  $("saved").textContent = t("optionsSaved");
  setTimeout(() => ($("saved").textContent = ""), 1500);
}

async function renderTypes() {
  await settings.useColours();
  const hidden = new Set((await settings.read("hiddenTypes")).hiddenTypes);
  const rows = [];
  for (const label of palette.order) {
    const shown = Object.assign(document.createElement("input"), { type: "checkbox", checked: !hidden.has(label), id: `show-${label}` });
    shown.addEventListener("change", async () => {
      shown.checked ? hidden.delete(label) : hidden.add(label);
      await settings.write({ hiddenTypes: [...hidden] });
      saved();
    });
    const name = Object.assign(document.createElement("label"), { htmlFor: `show-${label}`, textContent: t(`type${label}`) });
    const colour = Object.assign(document.createElement("input"), { type: "color", value: palette.colour(label).toLowerCase() });
    colour.setAttribute("aria-label", `${t("optionsColours")}: ${t(`type${label}`)}`);
    colour.addEventListener("change", async () => {
      const { colours } = await settings.read("colours");
      await settings.write({ colours: { ...colours, [label]: colour.value } });
      saved();
    });
    rows.push(shown, name, colour);
  }
  $("types").replaceChildren(...rows);
}

$("reset").addEventListener("click", async () => {
  await settings.reset("colours");
  await renderTypes();
  saved();
});

// A list of sites (`origins`) in list `id`, each with a button that
// removes it (`remove(origin)`); the paragraph `emptyId` when there is none.
function renderOrigins(id, emptyId, origins, remove) {
  renderList(id, emptyId, origins, (origin) => new URL(origin).host, async (origin) => {
    await remove(origin);
    saved();
  });
}

async function renderSites() {
  renderOrigins("sites", "no-sites", (await settings.read("sites")).sites, async (origin) => {
    await invoke("setSiteEnabled", { origin, enabled: false });
    // Giving the permission back too: the reader granted it for this.
    await api.permissions.remove({ origins: [sitePattern(origin)] }).catch(() => {});
    await renderSites();
  });
}

async function renderWholePageSites() {
  const { wholePageSites } = await settings.read("wholePageSites");
  renderOrigins("whole", "no-whole", wholePageSites, async (origin) => {
    const now = (await settings.read("wholePageSites")).wholePageSites;
    await settings.write({ wholePageSites: now.filter((o) => o !== origin) });
    await renderWholePageSites();
  });
}

async function renderShortcuts() {
  const commands = (await api.commands?.getAll?.()) ?? [];
  $("shortcuts").replaceChildren(
    ...commands.map((command) => {
      const item = document.createElement("li");
      const key = document.createElement("kbd");
      key.textContent = command.shortcut || "—";
      item.append(key, document.createTextNode(` ${command.description || t("actionTitle")}`));
      return item;
    }),
  );
}

document.documentElement.lang = api.i18n.getUILanguage?.().split("-")[0] ?? "en";
renderTypes();
renderSites();
renderWholePageSites();
renderShortcuts();
renderCorrections();
renderWatchlist();
renderMemory();
setUpData(() => Promise.all([renderCorrections(), renderWatchlist(), renderMemory()]).then(() => {}));

// What the reader changes elsewhere meanwhile (a correction, a star, an
// article read) shows here too.
api.storage.onChanged.addListener((changed, area) => {
  if (area !== "local") return;
  if (changed.corrections) renderCorrections();
  if (changed.stars) renderWatchlist();
  if (changed.remember || changed.memoryIndex) renderMemory();
});
