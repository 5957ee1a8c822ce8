// The options page's memory of names (shared/memory.js): the box that
// turns it on (off forgets it), what it holds, and a button that forgets
// it all.
import "../shared/settings.js";
import { forget, size } from "../shared/memory.js";

const settings = globalThis.newslensSettings;
const t = (...args) => globalThis.newslensI18n.t(...args);
const $ = (id) => document.getElementById(id);
const remember = /** @type {HTMLInputElement} */ ($("remember"));

/** @param {number} bytes */
const kilobytes = (bytes) => `${Math.ceil(bytes / 1024).toLocaleString()} KB`;

export async function renderMemory() {
  const [{ remember: on }, held] = await Promise.all([settings.read("remember"), size()]);
  remember.checked = on;
  $("memory-size").textContent = held.articles === 1 ? t("optionsMemorySizeOne", kilobytes(held.bytes)) : t("optionsMemorySize", held.articles, kilobytes(held.bytes));
  /** @type {HTMLButtonElement} */ ($("forget")).disabled = held.articles === 0;
}

$("memory-heading").textContent = t("optionsMemory");
$("remember-label").textContent = t("optionsRemember");
$("forget").textContent = t("optionsForget");
remember.addEventListener("change", async () => {
  await settings.write({ remember: remember.checked });
  if (!remember.checked) {
    await forget();
  }
  await renderMemory();
});
$("forget").addEventListener("click", async () => {
  await forget();
  await renderMemory();
});
