// Running newslens on a tab: inject the content scripts (they are small and
// run in an isolated world), then let them collect the text and ask for the
// analysis.
import { api } from "./browser.js";
import { setTab } from "./tabs.js";
import "../shared/palette.js";
import "../shared/page-style.js";

// Injected in this order: later files use what earlier ones define.
const CONTENT_SCRIPTS = [
  "shared/messages.js",
  "shared/palette.js",
  "shared/page-style.js",
  "content/collect.js",
  "content/highlight.js",
  "content/legend.js",
  "content/main.js",
];

export async function runOnTab(tabId) {
  await setTab(tabId, { state: "running" });
  try {
    const target = { tabId };
    // insertCSS is exempt from the page's CSP, unlike a <style> element.
    const css = globalThis.newslensPageStyle.css();
    // Once per page, however many runs: remove the copy a previous run added.
    await api.scripting.removeCSS({ target, css }).catch(() => {});
    await api.scripting.insertCSS({ target, css });
    await api.scripting.executeScript({ target, files: CONTENT_SCRIPTS });
    await api.scripting.executeScript({ target, func: () => globalThis.newslensContent.run() });
  } catch (error) {
    await setTab(tabId, { state: "error", error: `newslens cannot run on this page: ${error.message}` });
  }
}
