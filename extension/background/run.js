// Running newslens on a tab: inject the content scripts (they are small and
// run in an isolated world), then let them collect the text and ask for the
// analysis.
import { api } from "./browser.js";
import { setTab } from "./tabs.js";
import { warmUp } from "./engine.js";
import { READER_SCRIPTS } from "./content-scripts.js";
import "../shared/palette.js";
import "../shared/page-style.js";
import "../shared/settings.js";

// The stylesheet's origin: a user sheet, which the page's !important rules
// cannot beat (shared/page-style.js).
const { ORIGIN } = globalThis.newslensPageStyle;

// The stylesheet the tab's current document has, exactly as inserted:
// removeCSS takes only that text away, and the reader may change colours
// meanwhile. Remembered in the content scripts' own world in that document,
// which lives exactly as long as the stylesheet: a single-page navigation
// (pushState, which reports the tab "loading") keeps both, a new document
// has neither. The page cannot read it, and no tab event has to be guessed at.
async function insertedCss(tabId) {
  const [found] = await api.scripting.executeScript({ target: { tabId }, func: () => globalThis.newslensInsertedCss ?? null });
  return found?.result ?? null;
}

async function rememberCss(tabId, css) {
  await api.scripting.executeScript({ target: { tabId }, args: [css], func: (text) => { globalThis.newslensInsertedCss = text; } });
}

// The page stylesheet, in the reader's colours.
async function pageCss() {
  await globalThis.newslensSettings.useColours();
  return globalThis.newslensPageStyle.css();
}

// Takes newslens's stylesheet out of a tab (after the content script removed
// everything else). A tab that no longer lets newslens in has nothing of it.
export async function removePageStyle(tabId) {
  const css = await insertedCss(tabId).catch(() => null);
  if (css) {
    await rememberCss(tabId, null);
    await api.scripting.removeCSS({ target: { tabId }, css, origin: ORIGIN }).catch(() => {});
  }
}

// Gives the tab's page the stylesheet in the reader's current colours, once.
async function stylePage(tabId) {
  const [css, inserted] = await Promise.all([pageCss(), insertedCss(tabId)]);
  if (css === inserted) {
    return;
  }
  const target = { tabId };
  if (inserted) {
    await api.scripting.removeCSS({ target, css: inserted, origin: ORIGIN }).catch(() => {});
  }
  // insertCSS is exempt from the page's CSP, unlike a <style> element.
  await api.scripting.insertCSS({ target, css, origin: ORIGIN });
  await rememberCss(tabId, css);
}

// What a page says of its language before it is read: the language it
// declares (<html lang="fr-FR"> → "fr"), or null, and its title and
// description (at most SAMPLE_CHARS), from which the engine can tell one.
const SAMPLE_CHARS = 1000;
async function languageHints(target) {
  const [found] = await api.scripting.executeScript({
    target,
    func: () => ({
      declared: document.documentElement?.lang ?? "",
      sample: [document.title, document.querySelector('meta[name="description"], meta[property="og:description"]')?.getAttribute("content")].join("\n"),
    }),
  });
  const { declared, sample } = found?.result ?? {};
  return {
    declared: /^[a-z]{2,3}\b/i.exec(typeof declared === "string" ? declared : "")?.[0].toLowerCase() ?? null,
    sample: typeof sample === "string" ? sample.slice(0, SAMPLE_CHARS) : "",
  };
}

export async function runOnTab(tabId) {
  setTab(tabId, { state: "running" });
  try {
    const target = { tabId };
    // The page's model is added and warmed while the page is styled and
    // read (the wasm is on its way since the background woke: background.js).
    const warming = languageHints(target).then(warmUp, () => warmUp());
    // Styled while the scripts read the page: their first paint comes after
    // the analysis, long after the stylesheet.
    const styled = stylePage(tabId);
    await api.scripting.executeScript({ target, files: [...READER_SCRIPTS] });
    await Promise.all([styled, warming]);
  } catch (error) {
    await setTab(tabId, { state: "error", error: `newslens cannot run on this page: ${error.message}` });
  }
}
