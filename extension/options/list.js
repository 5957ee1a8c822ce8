// A list of the options page: each item's text and a button that removes
// it; the paragraph `emptyId` says when there is none. Text only ever
// enters as text nodes: a name with markup shows as written. And how such
// a list changes in storage.
import "../shared/settings.js";

const t = (...args) => globalThis.newslensI18n.t(...args);

/**
 * Stores what `change` makes of the stored list `key`, read at the click:
 * what was added meanwhile elsewhere (a star, a correction) stays.
 * @template {"corrections" | "stars"} K
 * @param {K} key
 * @param {(list: SettingValues[K]) => SettingValues[K]} change
 */
export async function changeStored(key, change) {
  const settings = globalThis.newslensSettings;
  const now = /** @type {SettingValues[K]} */ ((await settings.read(key))[key]);
  await settings.write({ [key]: change(now) });
}

/**
 * @template T
 * @param {string} id the list's element
 * @param {string} emptyId the paragraph shown when it is empty
 * @param {T[]} items
 * @param {(item: T) => string} text
 * @param {(item: T, k: number) => Promise<void>} remove
 */
export function renderList(id, emptyId, items, text, remove) {
  document.getElementById(emptyId).hidden = items.length > 0;
  document.getElementById(id).replaceChildren(
    ...items.map((item, k) => {
      const button = Object.assign(document.createElement("button"), { type: "button", textContent: t("optionsRemove") });
      button.setAttribute("aria-label", `${t("optionsRemove")}: ${text(item)}`);
      button.addEventListener("click", () => remove(item, k));
      const li = document.createElement("li");
      li.append(document.createTextNode(text(item)), button);
      return li;
    }),
  );
}
