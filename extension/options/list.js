// A list of the options page: each item's text and a button that removes
// it; the paragraph `emptyId` says when there is none. Text only ever
// enters as text nodes: a name with markup shows as written.
const t = (...args) => globalThis.newslensI18n.t(...args);

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
      button.addEventListener("click", () => remove(item, k));
      const li = document.createElement("li");
      li.append(document.createTextNode(text(item)), button);
      return li;
    }),
  );
}
