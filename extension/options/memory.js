// The options page's memory of names (background/memory.js, its one
// writer, does each change): the box that turns it on (off forgets it),
// what it holds, and a button that forgets it all.
import "../shared/messages.js";

const { invoke } = globalThis.newslensMessages;
const t = (...args) => globalThis.newslensI18n.t(...args);
const $ = (id) => document.getElementById(id);
const remember = /** @type {HTMLInputElement} */ ($("remember"));

/** @param {number} bytes */
const kilobytes = (bytes) => `${Math.ceil(bytes / 1024).toLocaleString()} KB`;

export async function renderMemory() {
  const held = await invoke("memoryState", {});
  remember.checked = held.remember;
  const size = kilobytes(held.bytes);
  $("memory-size").textContent = held.articles === 1 ? t("optionsMemorySizeOne", size) : t("optionsMemorySize", held.articles, size);
  /** @type {HTMLButtonElement} */ ($("forget")).disabled = held.articles === 0;
}

$("memory-heading").textContent = t("optionsMemory");
$("remember-label").textContent = t("optionsRemember");
$("forget").textContent = t("optionsForget");
remember.addEventListener("change", async () => {
  await invoke("setRemember", { on: remember.checked });
  await renderMemory();
});
$("forget").addEventListener("click", async () => {
  await invoke("forgetMemory", {});
  await renderMemory();
});
