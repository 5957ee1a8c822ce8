// The reader's corrections, made from a mention's card: the entity is no
// name, or a name of another type, on this page and every page read from
// now on, or another name of an entity of the page (background/
// corrections.js keeps them; the engine applies them).
// The page is read again once they are stored; the legend offers to undo
// the last one.
globalThis.newslensContent.define("corrections", (ns) => {
  const { state } = ns;
  const { invoke } = globalThis.newslensMessages;

  // Corrections changed anywhere (this page, another tab, the options
  // page; the background says so): a page showing a reading is read again,
  // analysed afresh even if its text is the same. Counted in the state, so
  // that a reading the page's own changes start meanwhile (content/
  // live.js) analyses afresh too rather than keep the old entities.
  function changed() {
    state.corrections += 1;
    if (state.view) {
      ns.reading.run({ keep: true, fresh: true });
    }
  }

  // The reader's last correction on this page: what the legend can undo.
  /** @type {{ name: string, corrections: Correction[] } | null} */
  let last = null;

  /**
   * Gives every name of `group` (its name and aliases) the type `type`
   * ("none": not a name) in the page's language, and reads the page again.
   * @param {{ lang: string }} view
   * @param {{ name: string, aliases: string[] }} group
   * @param {Label | "none"} type
   */
  async function correct(view, group, type) {
    await apply(group.name, [group.name, ...group.aliases].map((name) => ({ name, lang: view.lang, type })));
  }

  /**
   * Gives the name of `group` as another name of `other`'s entity (which
   * leads the summary's entry), and reads the page again.
   * @param {{ lang: string }} view
   * @param {{ name: string }} group
   * @param {{ name: string }} other
   */
  async function merge(view, group, other) {
    await apply(group.name, [{ name: group.name, lang: view.lang, same_as: other.name }]);
  }

  /**
   * Stores `corrections` (of the entity `name`) and remembers them for the
   * legend's Undo; the page is read again once they are stored (above).
   * @param {string} name
   * @param {Correction[]} corrections
   */
  async function apply(name, corrections) {
    const before = last;
    last = { name, corrections };
    ns.card.hide();
    await invoke("correct", { corrections }).catch((error) => {
      last = before;
      throw error;
    });
  }

  // Takes the last correction back; the page is read again as above.
  async function undo() {
    if (!last) {
      return;
    }
    const { corrections } = last;
    last = null;
    await invoke("undoCorrection", { corrections });
  }

  return Object.freeze({
    changed,
    correct,
    merge,
    undo,
    // The name the legend says was corrected, while it can be undone.
    lastName: () => (state.view ? last?.name ?? null : null),
  });
});
